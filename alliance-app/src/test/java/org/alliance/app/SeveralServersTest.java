package org.alliance.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Role;
import org.alliance.app.system.UserAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application servers on one PostgreSQL database, as behind a load balancer (issue 16): first-run setup is
 * claimed once, and an account stopped or reset on one server can no longer use its session on the other. Real
 * HTTP with a cookie jar per browser, real form sign-in with CSRF.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralServersTest {

    private static final String PASSWORD = "correct horse battery";
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoServers() {
        String url = TestPostgres.newDatabaseUrl();
        // One after the other, as a rolling start does: the first migrates the schema.
        a = start(url);
        b = start(url);
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(AllianceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--logging.level.root=warn",
                        "--logging.level.org.flywaydb=warn");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {a, b}) {
            if (context != null) {
                context.close();
            }
        }
    }

    /** A browser: its own cookies, no automatic redirects. */
    private record Browser(HttpClient http, ConfigurableApplicationContext server) {
        static Browser on(ConfigurableApplicationContext server) {
            return new Browser(
                    HttpClient.newBuilder()
                            .cookieHandler(new CookieManager())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(Duration.ofSeconds(10))
                            .build(),
                    server);
        }

        /** The same browser (same cookies), its next requests sent to the other server by the load balancer. */
        Browser sentTo(ConfigurableApplicationContext other) {
            return new Browser(http, other);
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + server.getEnvironment().getProperty("local.server.port") + path);
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Posts the form of the page at {@code formPage} with its CSRF token and these fields. */
        HttpResponse<String> post(String formPage, String action, Map<String, String> fields) throws Exception {
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                    .matcher(get(formPage).body());
            assertThat(token.find()).as("CSRF token on " + formPage).isTrue();
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", token.group(1));
            String body = all.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(
                    HttpRequest.newBuilder(uri(action))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        void signIn(String username) throws Exception {
            HttpResponse<String> response =
                    post("/login", "/login", Map.of("username", username, "password", PASSWORD));
            assertThat(response.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/start"));
        }
    }

    private static long count(String table) {
        return a.getBean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM " + table)
                .query(Long.class)
                .single();
    }

    @Test
    @Order(1)
    void setupAtTheSameMomentOnBothServersCreatesOneOrganisation() throws Exception {
        List<Browser> browsers = List.of(Browser.on(a), Browser.on(b), Browser.on(a), Browser.on(b));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(browsers.size());
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < browsers.size(); i++) {
            Browser browser = browsers.get(i);
            String name = "admin" + i;
            // Every browser has the setup form open before anyone submits it.
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                    .matcher(browser.get("/setup").body());
            assertThat(token.find()).isTrue();
            String body = "organisation=Org+" + i + "&displayName=Admin+" + i + "&username=" + name + "&password="
                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
            statuses.add(pool.submit(() -> {
                go.await();
                return browser.http()
                        .send(
                                HttpRequest.newBuilder(browser.uri("/setup"))
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode();
            }));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            codes.add(status.get());
        }
        pool.shutdown();
        assertThat(codes)
                .as("one setup succeeds (redirect), the others find it done")
                .containsOnlyOnce(302);
        assertThat(codes).filteredOn(code -> code != 302).containsOnly(404);
        assertThat(count("organisation")).isEqualTo(1);
        assertThat(count("app_user")).isEqualTo(1);
        assertThat(count("setup_claim")).isEqualTo(1);
        assertThat(Browser.on(b).get("/setup").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void anAccountStoppedOrResetOnOneServerLosesItsSessionOnTheOther() throws Exception {
        UserAccounts onA = a.getBean(UserAccounts.class);
        UserAccounts onB = b.getBean(UserAccounts.class);
        long organisation = a.getBean(JdbcClient.class)
                .sql("SELECT id FROM organisation")
                .query(Long.class)
                .single();
        onA.create(organisation, null, "pro-two-servers", "Pro", PASSWORD, Role.PROFESSIONAL);
        CurrentUser professional = onA.loadUserByUsername("pro-two-servers");

        Browser browser = Browser.on(a);
        browser.signIn("pro-two-servers");
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);

        // The administrator stops the account on the other server: this server's session ends at the next request.
        assertThat(onB.setEnabled(organisation, professional.id(), false)).isTrue();
        HttpResponse<String> after = browser.get("/account");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
        assertThat(browser.get("/account").headers().firstValue("Location"))
                .as("the session is gone, not only refused once")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        // Re-admitted, signed in again on A; a new password set on B ends the session on A as well.
        assertThat(onB.setEnabled(organisation, professional.id(), true)).isTrue();
        Browser again = Browser.on(a);
        again.signIn("pro-two-servers");
        assertThat(again.get("/account").statusCode()).isEqualTo(200);
        assertThat(onB.resetPassword(organisation, professional.id(), "another long password"))
                .isTrue();
        assertThat(again.get("/account").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
    }

    @Test
    @Order(3)
    void aSessionStartedOnOneServerIsServedByTheOtherAndEndsOnBoth() throws Exception {
        long organisation = a.getBean(JdbcClient.class)
                .sql("SELECT id FROM organisation")
                .query(Long.class)
                .single();
        a.getBean(UserAccounts.class).create(organisation, null, "pro-roaming", "Roaming", PASSWORD, Role.PROFESSIONAL);
        Browser onA = Browser.on(a);
        onA.signIn("pro-roaming");
        Browser onB = onA.sentTo(b);
        // No sticky sessions: the load balancer sends the next requests to B, which knows the session.
        assertThat(onB.get("/caseload").statusCode()).isEqualTo(200);
        assertThat(count("SPRING_SESSION")).isPositive();

        // Signing out on B ends the session on A as well.
        assertThat(onB.post("/account", "/logout", Map.of()).statusCode()).isEqualTo(302);
        assertThat(onA.get("/caseload").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
}
