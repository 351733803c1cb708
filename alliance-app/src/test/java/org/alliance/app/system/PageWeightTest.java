package org.alliance.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.alliance.app.AllianceWebTest;
import org.alliance.app.TestWorld;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 14, "Weight": the client's check-in page travels gzipped and, with its style sheet and scripts, in at most
 * 30 KB on the first visit; the files are linked under content-hashed names that a browser keeps for a year, so a
 * second visit fetches only the page, which is never stored (it holds a client's answers). Real HTTP through Tomcat,
 * because that is where responses are compressed.
 */
@AllianceWebTest
class PageWeightTest {

    /** The budget for the first visit, in bytes over the wire. */
    private static final int FIRST_VISIT_BUDGET = 30_000;

    private static final Pattern LINKED = Pattern.compile("<(?:link|script)[^>]*(?:href|src)=\"([^\"]+)\"");
    private static final Pattern HASHED = Pattern.compile("-[0-9a-f]{32}\\.(css|js|svg|ico)$");
    private static final String A_YEAR = "max-age=31536000";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) throws IOException {
        boolean gzipped =
                response.headers().firstValue("Content-Encoding").orElse("").equals("gzip");
        byte[] body = gzipped
                ? new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes()
                : response.body();
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String cacheControl(HttpResponse<?> response) {
        return response.headers().firstValue("Cache-Control").orElse("");
    }

    private String checkInPage() {
        return "/c/" + new TestWorld(context).invite("alliance-client").token();
    }

    private static List<String> linkedFiles(String page) {
        List<String> files = new ArrayList<>();
        Matcher linked = LINKED.matcher(page);
        while (linked.find()) {
            files.add(linked.group(1));
        }
        return files;
    }

    @Test
    void theCheckInPageIsSentGzippedAndWithItsFilesWithinThirtyKilobytes() throws Exception {
        HttpResponse<byte[]> page = get(checkInPage(), true);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(page.headers().allValues("Vary"))
                .anyMatch(v -> v.toLowerCase().contains("accept-encoding"));

        List<String> files = linkedFiles(text(page));
        assertThat(files).as("style sheet, scripts and icons").hasSizeGreaterThanOrEqualTo(4);
        int firstVisit = page.body().length;
        for (String file : files) {
            HttpResponse<byte[]> response = get(file, true);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            firstVisit += response.body().length;
        }
        assertThat(firstVisit).as("first visit: page and files, gzipped").isLessThanOrEqualTo(FIRST_VISIT_BUDGET);
        assertThat(get(files.get(files.size() - 1), true).headers().firstValue("Content-Encoding"))
                .as("the scripts are compressed too")
                .hasValue("gzip");
    }

    @Test
    void theCheckInPageLinksItsFilesUnderHashedNamesThatAreKeptForAYear() throws Exception {
        HttpResponse<byte[]> page = get(checkInPage(), true);
        assertThat(cacheControl(page)).as("the page holds answers").contains("no-store");

        for (String file : linkedFiles(text(page))) {
            assertThat(file).as("linked under its content hash").containsPattern(HASHED);
            HttpResponse<byte[]> response = get(file, false);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            assertThat(cacheControl(response)).as(file).contains(A_YEAR, "public", "immutable");
            assertThat(response.headers().firstValue("Pragma")).as(file).isEmpty();
        }
    }

    @Test
    void aFileUnderItsPlainNameIsRevalidatedAndAMissingOneIsNotKept() throws Exception {
        HttpResponse<byte[]> plain = get("/css/alliance.css", false);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(cacheControl(plain)).isEqualTo("no-cache");
        assertThat(plain.headers().firstValue("Last-Modified")).isPresent();

        HttpResponse<byte[]> missing = get("/css/gone-0123456789abcdef0123456789abcdef.css", false);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(cacheControl(missing)).doesNotContain(A_YEAR);
    }

    @Test
    void theFaviconAnswersUnderBothItsNames() throws Exception {
        HttpResponse<byte[]> ico = get("/favicon.ico", false);
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.body().length).isPositive();
        HttpResponse<byte[]> svg = get("/favicon.svg", true);
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(text(svg)).startsWith("<svg");

        List<String> icons = linkedFiles(text(get("/login", false))).stream()
                .filter(f -> f.startsWith("/favicon-"))
                .toList();
        assertThat(icons).hasSize(2);
        for (String icon : icons) {
            assertThat(get(icon, false).statusCode()).as(icon).isEqualTo(200);
        }
    }

    @Test
    void everyTemplateLinksItsFilesThroughThymeleafSoTheyGetHashedNames() throws IOException {
        Pattern plainLink = Pattern.compile(
                "<(link|script|img)\\b(?![^>]*\\bth:(href|src|attr|replace))[^>]*" + "\\b(href|src)=\"/");
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            List<String> plain = templates
                    .filter(p -> p.toString().endsWith(".html"))
                    .flatMap(p -> {
                        try {
                            return plainLink
                                    .matcher(Files.readString(p))
                                    .results()
                                    .map(m -> p + ": " + m.group());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
            assertThat(plain).isEmpty();
        }
    }
}
