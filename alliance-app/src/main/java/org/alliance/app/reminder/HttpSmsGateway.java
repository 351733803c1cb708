package org.alliance.app.reminder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A text message posted as JSON to a provider's web address with a bearer token: {@code POST url}, {@code
 * Authorization: Bearer token}, body {@code {"to":"+31612345678","text":"…"}}. Any 2xx answer counts as accepted.
 * Most providers take this shape directly or behind a small relay (docs/deployment.md).
 */
public final class HttpSmsGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSmsGateway.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI url;
    private final String token;
    private final HttpClient http;

    public HttpSmsGateway(URI url, String token) {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("the SMS gateway address must be http(s), got " + url);
        }
        this.url = url;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Override
    public boolean send(String number, String text) {
        String body = "{\"to\":" + json(number) + ",\"text\":" + json(text) + "}";
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                LOG.warn("The SMS gateway {} answered {}", url, status);
                return false;
            }
            return true;
        } catch (IOException e) {
            LOG.warn("The SMS gateway {} could not be reached: {}", url, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean configured() {
        return true;
    }

    /** A JSON string literal. */
    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
