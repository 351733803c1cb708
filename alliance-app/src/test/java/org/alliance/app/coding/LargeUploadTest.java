package org.alliance.app.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.app.AllianceWebTest;
import org.alliance.app.TestWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 16: "a 2.4 MB .eaf upload is refused with Tomcat's bare English 413 page". Real HTTP through Tomcat, a real
 * ELAN file from pympi (../shared/testdata), signed in with a password: the file is imported; a file over the limit
 * gets Alliance's own page in the person's language that says the limit, not a server error page.
 */
@AllianceWebTest
class LargeUploadTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Path PYMPI = Path.of("../../shared/testdata/observation/pympi_sample_2.7.eaf");

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Codings codings;

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private TestWorld world;

    @BeforeEach
    void signIn() throws Exception {
        world = new TestWorld(context);
        String login = get("/login").body();
        post(
                "/login",
                "application/x-www-form-urlencoded",
                ("username=" + world.professional.username() + "&password="
                                + URLEncoder.encode(TestWorld.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                                + csrf(login))
                        .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a form with a CSRF token").isTrue();
        return m.group(1);
    }

    /** The session page's import form, sent as a browser sends it: multipart with the token as a field. */
    private HttpResponse<String> upload(long session, String name, byte[] content) throws Exception {
        String token = csrf(get("/coding/sessions/" + session + "?lang=en").body());
        String boundary = "----alliance" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: application/xml\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post(
                "/coding/sessions/" + session + "/import?lang=en",
                "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }

    @Test
    void aRealTwoAndAHalfMegabyteElanFileIsImported() throws Exception {
        long session = codings.openSession(world.meeting, world.professional.id());
        byte[] eaf = Files.readAllBytes(PYMPI);
        assertThat(eaf.length).isGreaterThan(2_400_000);
        HttpResponse<String> imported = upload(session, "pympi_sample_2.7.eaf", eaf);
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.uri().getPath())
                .as("imported, back on the session")
                .isEqualTo("/coding/sessions/" + session);
        // pympi's tiers name no participant, so the web import (tiers by participant) takes no events from them
        // and says so per tier; what matters here is that the file was read, not refused.
        assertThat(imported.body()).contains("events imported").contains("gestures");
    }

    @Test
    void aFileOverTheLimitGetsAllianceOwnPageThatSaysTheLimit() throws Exception {
        long session = codings.openSession(world.meeting, world.professional.id());
        byte[] tooLarge = new byte[26 * 1024 * 1024];
        HttpResponse<String> refused = upload(session, "huge.eaf", tooLarge);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("25 MB").contains("<html").doesNotContain("Apache Tomcat");
        assertThat(codings.events(session)).isEmpty();
    }
}
