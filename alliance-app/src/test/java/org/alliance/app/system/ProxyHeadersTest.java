package org.alliance.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.alliance.app.AllianceWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a listed reverse proxy (the tests list 127.0.0.1, application-test.properties) the wrong-code limit counts
 * per client address from X-Forwarded-For, so one person guessing codes does not slow down everyone else, and a
 * client cannot choose its own address by sending the header itself. Real HTTP through Tomcat. What happens when the
 * request does not come from a listed proxy is in {@code ProxyHeadersFilterTest}.
 */
@AllianceWebTest
class ProxyHeadersTest {

    @LocalServerPort
    int port;

    /** A guesser that never keeps the entry-session cookie. */
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(
                    new CookieManager(null, (uri, cookie) -> !cookie.getName().equals("alliance-entry")))
            .build();

    private HttpResponse<Void> wrongCode(String forwardedFor) throws Exception {
        return wrongCode(http, forwardedFor);
    }

    private HttpResponse<Void> wrongCode(HttpClient http, String forwardedFor) throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/c"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("code=AAAA-AAAA"))
                .build();
        return http.send(post, HttpResponse.BodyHandlers.discarding());
    }

    /** Opens the page for a typed code, as a phone does before its first try (it gives the entry cookie). */
    private void openCodeForm(HttpClient http) throws Exception {
        int status = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/c"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        assertThat(status).isEqualTo(200);
    }

    @Test
    void theWrongCodeLimitCountsEachClientBehindTheProxySeparately() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(wrongCode("203.0.113.7").statusCode()).isEqualTo(400);
        }
        HttpResponse<Void> waiting = wrongCode("203.0.113.7");
        assertThat(waiting.statusCode()).as("the guesser waits").isEqualTo(429);
        assertThat(waiting.headers().firstValue("Retry-After")).contains("5");
        assertThat(wrongCode("203.0.113.8").statusCode())
                .as("another client behind the same proxy does not")
                .isEqualTo(400);
        assertThat(wrongCode("203.0.113.8, 203.0.113.7").statusCode())
                .as("the guesser writing another address in front of the one our proxy adds")
                .isEqualTo(429);
    }

    @Test
    void aBrowserThatKeepsItsCookieIsSlowedBeforeItsAddress() throws Exception {
        HttpClient phone =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        openCodeForm(phone);
        for (int i = 0; i < 5; i++) {
            assertThat(wrongCode(phone, "198.51.100.20").statusCode()).isEqualTo(400);
        }
        HttpResponse<Void> waiting = wrongCode(phone, "198.51.100.20");
        assertThat(waiting.statusCode()).as("the sixth wrong code of one phone").isEqualTo(429);
        assertThat(waiting.headers().firstValue("Retry-After")).contains("15");
        HttpClient otherPhone =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        openCodeForm(otherPhone);
        assertThat(wrongCode(otherPhone, "198.51.100.20").statusCode())
                .as("another phone in the same waiting room")
                .isEqualTo(400);
    }
}
