package org.alliance.app.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP gateway against a small SMS provider on the loopback address (the JDK's own HTTP server). */
class HttpSmsGatewayTest {

    private HttpServer server;
    private final List<String> bodies = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private volatile int answer = 202;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/messages", exchange -> {
            synchronized (bodies) {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpSmsGateway gateway() {
        return new HttpSmsGateway(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/messages"), "secret-token");
    }

    @Test
    void postsTheNumberAndTextAsJsonWithTheBearerToken() {
        assertThat(gateway().send("+31612345678", "Hallo \"Kim\",\nopen https://a.test/c/x"))
                .isTrue();
        assertThat(bodies)
                .containsExactly("{\"to\":\"+31612345678\",\"text\":\"Hallo \\\"Kim\\\",\\nopen https://a.test/c/x\"}");
        assertThat(authorizations).containsExactly("Bearer secret-token");
    }

    @Test
    void anAnswerOtherThan2xxIsAFailure() {
        answer = 500;
        assertThat(gateway().send("+31612345678", "x")).isFalse();
    }

    @Test
    void anUnreachableGatewayIsAFailureNotAnError() {
        int port = server.getAddress().getPort();
        server.stop(0);
        assertThat(new HttpSmsGateway(URI.create("http://127.0.0.1:" + port + "/messages"), "t")
                        .send("+4512345678", "x"))
                .isFalse();
    }

    @Test
    void theLoggingGatewaySendsNothing() {
        LoggingSmsGateway gateway = new LoggingSmsGateway();
        assertThat(gateway.configured()).isFalse();
        assertThat(gateway.send("+31612345678", "x")).isFalse();
    }
}
