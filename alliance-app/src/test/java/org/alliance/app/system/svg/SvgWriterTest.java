package org.alliance.app.system.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.alliance.app.caseload.LineChart;
import org.junit.jupiter.api.Test;

class SvgWriterTest {

    private static final String HOSTILE = "<script>alert('x')</script> & \"Jo's\"";

    @Test
    void everyCharacterThatCouldEndAnAttributeOrOpenATagIsEscaped() {
        assertThat(SvgWriter.escape(HOSTILE))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Jo&#39;s&quot;");
        assertThat(SvgWriter.escape("plain")).isEqualTo("plain");
    }

    @Test
    void labelsAndTextsAreEscapedWherever_theyGo() {
        String svg = SvgWriter.svg("chart", 10, 20, HOSTILE)
                .empty("rect", "width", "10", "title", HOSTILE)
                .text("text", HOSTILE, "x", "1")
                .build()
                .markup();
        assertThat(svg)
                .startsWith(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 10 20\" role=\"img\""
                                + " aria-label=\"&lt;script&gt;")
                .endsWith("</text></svg>")
                .doesNotContain("<script")
                .doesNotContain("'");
        assertThatThrownBy(() -> SvgWriter.svg("c", 1, 1, "l").empty("rect", "width"))
                .hasMessageContaining("pairs");
    }

    @Test
    void aChartWithAHostileNameCarriesNoMarkupOfIt() {
        String svg = LineChart.render(
                        HOSTILE,
                        List.of(HOSTILE),
                        List.of(new LineChart.Series(HOSTILE, List.of(OptionalDouble.of(3)))),
                        1,
                        5)
                .markup();
        assertThat(svg).doesNotContain("<script").doesNotContain("Jo's").contains("Jo&#39;s");
    }

    /** The only way markup reaches a page is al:svg with an Svg; no template uses th:utext. */
    @Test
    void noTemplateInsertsUnescapedText() throws IOException {
        Path templates = Path.of("src/main/resources/templates");
        List<String> utext;
        List<String> svgUses;
        try (Stream<Path> files = Files.walk(templates)) {
            List<Path> html = files.filter(f -> f.toString().endsWith(".html")).toList();
            utext = html.stream()
                    .filter(f -> read(f).contains("th:utext"))
                    .map(Path::toString)
                    .toList();
            svgUses = html.stream()
                    .flatMap(f -> matches(read(f), Pattern.compile("al:svg=\"([^\"]+)\"")))
                    .toList();
        }
        assertThat(utext).isEmpty();
        assertThat(svgUses).hasSizeGreaterThanOrEqualTo(7);
    }

    private static Stream<String> matches(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        Stream.Builder<String> found = Stream.builder();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found.build();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
