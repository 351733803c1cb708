package org.alliance.app.system.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code th:utext} prints a value unescaped, so it may only carry markup the {@link Svg} writer produced. The
 * values allowed here are all typed {@link SafeSvg} in the Java code (the QR code of the invitation page and the
 * client page's trend chart); a new {@code th:utext} fails this test until its value is a {@link SafeSvg} and
 * listed. The joint pages ({@code templates/joint/}) are still to follow (issue 12): their charts are Strings.
 */
class TemplateUtextTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** Expressions whose value is a {@link SafeSvg}: {@code QrCodeSvg.of} and {@code InstrumentTrend.chartSvg}. */
    private static final Set<String> SAFE = Set.of("${qr}", "${t.chartSvg}");

    private static final Pattern UTEXT = Pattern.compile("th:utext=\"([^\"]*)\"");

    @Test
    void theOnlyUtextLeftAreOnTheSvgWritersOutput() throws IOException {
        List<String> unsafe = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                if (TEMPLATES.relativize(file).startsWith("joint")) {
                    continue;
                }
                Matcher m = UTEXT.matcher(Files.readString(file));
                while (m.find()) {
                    if (!SAFE.contains(m.group(1))) {
                        unsafe.add(TEMPLATES.relativize(file) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(unsafe).isEmpty();
    }
}
