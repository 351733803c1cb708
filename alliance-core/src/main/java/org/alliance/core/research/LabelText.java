package org.alliance.core.research;

import java.nio.charset.StandardCharsets;

/** Labels as the syntax files quote them: on one line, and cut to the bytes SPSS keeps. */
final class LabelText {

    /** SPSS keeps 256 bytes of a variable label. */
    static final int VARIABLE_LABEL_BYTES = 256;

    /** SPSS keeps 120 bytes of a value label. */
    static final int VALUE_LABEL_BYTES = 120;

    private LabelText() {}

    /** The text on one line (line breaks and tabs as spaces) and at most {@code bytes} UTF-8 bytes long. */
    static String fit(String text, int bytes) {
        String line = text.replaceAll("\\s+", " ").strip();
        if (line.getBytes(StandardCharsets.UTF_8).length <= bytes) {
            return line;
        }
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > bytes) {
                break;
            }
            cut.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return cut.toString().strip();
    }
}
