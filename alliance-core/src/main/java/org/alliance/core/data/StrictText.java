package org.alliance.core.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Bytes of a file as text in one encoding, refusing (not replacing) a byte that is not valid in it, and saying
 * where that byte is — the one strict decoder of the readers (data sets, observation files).
 */
public final class StrictText {

    /** What decoding gave: the text, or the first byte that is not valid. */
    public sealed interface Decoded permits Text, Invalid {}

    /** The whole file as text. */
    public record Text(String text) implements Decoded {}

    /** The first byte that is not valid: its offset, its value as {@code 0xE9}, and "line L, character C". */
    public record Invalid(long offset, String value, String where) implements Decoded {}

    private StrictText() {}

    /** The bytes as text in this encoding, or where the first byte that is not valid in it is. */
    public static Decoded decode(byte[] bytes, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            // The JDK's own UTF-8 decoding is several times faster than a decoder's; it replaces a byte that is not
            // valid by U+FFFD, so text without U+FFFD was valid. Text with one is decoded again, strictly.
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') < 0) {
                return new Text(text);
            }
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 16);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            // Where it is, line and character, as the streaming check says it (one way of counting for both).
            try {
                return firstInvalid(new ByteArrayInputStream(bytes), charset).orElseThrow();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array does not fail
            }
        }
        decoder.flush(out);
        out.flip();
        return new Text(out.toString());
    }

    /**
     * The first byte of a stream that is not valid in this encoding, if any, found while decoding it in chunks (the
     * stream is never held whole): for the error message when a file read as a stream turned out not to be valid.
     */
    public static Optional<Invalid> firstInvalid(InputStream stream, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long before = 0; // bytes consumed before the start of the buffer
        int line = 1;
        long character = 1;
        boolean end = false;
        while (true) {
            if (!end) {
                int n = stream.read(in.array(), in.position(), in.remaining());
                if (n < 0) {
                    end = true;
                } else {
                    in.position(in.position() + n);
                }
            }
            in.flip();
            CoderResult result = decoder.decode(in, out, end);
            out.flip();
            while (out.hasRemaining()) {
                char c = out.get();
                if (c == '\n') {
                    line++;
                    character = 1;
                } else if (!Character.isLowSurrogate(c)) {
                    character++;
                }
            }
            out.clear();
            if (result.isError()) {
                long offset = before + in.position();
                String value = String.format(Locale.ROOT, "0x%02X", in.get(in.position()) & 0xff);
                return Optional.of(new Invalid(offset, value, "line " + line + ", character " + character));
            }
            if (end && !in.hasRemaining()) {
                return Optional.empty();
            }
            before += in.position();
            in.compact();
        }
    }
}
