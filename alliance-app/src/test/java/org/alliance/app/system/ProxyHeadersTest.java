package org.alliance.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.app.AllianceWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a reverse proxy on an internal address (here: the test itself on 127.0.0.1) the wrong-code limit counts
 * per client address from X-Forwarded-For, so one person guessing codes does not lock out everyone else. Real HTTP
 * through Tomcat, because that is where the proxy headers are read.
 */
@AllianceWebTest
class ProxyHeadersTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private int wrongCode(String csrf, String clientAddress) throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/c"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "code=AAAA-AAAA&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build();
        return http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theWrongCodeLimitCountsEachClientBehindTheProxySeparately() throws Exception {
        String form = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/c"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = CSRF.matcher(form);
        assertThat(csrf.find()).isTrue();

        for (int i = 0; i < 10; i++) {
            assertThat(wrongCode(csrf.group(1), "203.0.113.7")).isEqualTo(400);
        }
        assertThat(wrongCode(csrf.group(1), "203.0.113.7"))
                .as("the guesser waits")
                .isEqualTo(429);
        assertThat(wrongCode(csrf.group(1), "203.0.113.8"))
                .as("another client behind the same proxy does not")
                .isEqualTo(400);
    }
}
