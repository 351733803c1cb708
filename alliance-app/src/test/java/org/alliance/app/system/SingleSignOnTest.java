package org.alliance.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.alliance.app.AllianceApplication;
import org.alliance.app.TestWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 16, single sign-on: the whole OpenID Connect code flow against a real OIDC server started by the test
 * (mock-oauth2-server), through Alliance's real HTTP server: sign-in, the account's role deciding the start page,
 * sign-out, a person without an Alliance account and a stopped account — each told why on the sign-in page.
 */
class SingleSignOnTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private static MockOAuth2Server identityProvider;
    private static ConfigurableApplicationContext alliance;
    private static TestWorld world;
    private static int port;

    @BeforeAll
    static void start() {
        identityProvider = new MockOAuth2Server();
        identityProvider.start(0);
        String issuer = identityProvider.issuerUrl("idp").toString();
        alliance = new SpringApplicationBuilder(AllianceApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:sqlite:target/test-db/sso-" + UUID.randomUUID()
                                + ".db?journal_mode=WAL&busy_timeout=10000&foreign_keys=true&transaction_mode=IMMEDIATE",
                        "--spring.security.oauth2.client.registration.idp.client-id=alliance",
                        "--spring.security.oauth2.client.registration.idp.client-secret=not-a-secret",
                        "--spring.security.oauth2.client.registration.idp.client-name=Test IdP",
                        "--spring.security.oauth2.client.registration.idp.scope=openid,profile",
                        "--spring.security.oauth2.client.provider.idp.issuer-uri=" + issuer,
                        "--logging.level.root=warn");
        port = ((WebServerApplicationContext) alliance).getWebServer().getPort();
        world = new TestWorld(alliance);
    }

    @AfterAll
    static void stop() {
        if (alliance != null) {
            alliance.close();
        }
        if (identityProvider != null) {
            identityProvider.shutdown();
        }
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .build();
    }

    /** The provider will say the next person to sign in is {@code username}. */
    private static void nextPersonIs(String username) {
        identityProvider.enqueueCallback(new DefaultOAuth2TokenCallback(
                "idp", username, "JWT", List.of("alliance"), Map.of("preferred_username", username), 3600));
    }

    private static HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSignInPageOffersTheProvider() throws Exception {
        assertThat(get(browser(), "/login?lang=en").body())
                .contains("Sign in with Test IdP")
                .contains("/oauth2/authorization/idp");
    }

    @Test
    void aPersonWithAnAccountSignsInLandsOnTheirRolesPageAndSignsOut() throws Exception {
        HttpClient browser = browser();
        nextPersonIs(world.professional.username());
        HttpResponse<String> signedIn = get(browser, "/oauth2/authorization/idp");
        assertThat(signedIn.uri().getPath()).isEqualTo("/caseload");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(get(browser, "/admin").statusCode())
                .as("the account's role decides")
                .isEqualTo(403);

        Matcher csrf = CSRF.matcher(signedIn.body());
        assertThat(csrf.find()).isTrue();
        browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/logout"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(get(browser, "/caseload").uri().getPath()).as("signed out").isEqualTo("/login");
    }

    @Test
    void anAdministratorLandsOnAdministration() throws Exception {
        nextPersonIs(world.admin.username());
        assertThat(get(browser(), "/oauth2/authorization/idp").uri().getPath()).isEqualTo("/admin");
    }

    @Test
    void aPersonWithoutAnAccountIsToldWhyAndNotSignedIn() throws Exception {
        HttpClient browser = browser();
        nextPersonIs("nobody-" + world.suffix);
        HttpResponse<String> refused = get(browser, "/oauth2/authorization/idp");
        assertThat(refused.uri().getPath()).isEqualTo("/login");
        assertThat(refused.uri().getQuery()).isEqualTo("sso=unknown");
        assertThat(refused.body()).contains("geen Alliance-account met jouw gebruikersnaam");
        assertThat(get(browser, "/caseload").uri().getPath()).isEqualTo("/login");
    }

    @Test
    void aStoppedAccountIsRefused() throws Exception {
        UserAccounts accounts = alliance.getBean(UserAccounts.class);
        TestWorld stopped = new TestWorld(alliance);
        accounts.setEnabled(stopped.organisation, stopped.professional.id(), false);
        nextPersonIs(stopped.professional.username());
        HttpResponse<String> refused = get(browser(), "/oauth2/authorization/idp");
        assertThat(refused.uri().getQuery()).isEqualTo("sso=stopped");
    }
}
