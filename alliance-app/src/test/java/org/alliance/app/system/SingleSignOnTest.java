package org.alliance.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 16, single sign-on: the whole OpenID Connect code flow against a real OIDC server started by the test
 * (mock-oauth2-server), through Alliance's real HTTP server: sign-in, the account's role deciding the start page,
 * sign-out, a person without an Alliance account and a stopped account — each told why on the sign-in page.
 */
class SingleSignOnTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private static final AuditLog.Filter NO_FILTER = new AuditLog.Filter(
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            List.of(),
            java.util.Optional.empty(),
            java.util.Optional.empty());

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
                        "--alliance.sso.key-file=target/test-db/sso.key",
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
        nextPersonIs("idp", username, Map.of());
    }

    /** The provider {@code issuerId} will say the next person to sign in is {@code username}, with more claims. */
    private static void nextPersonIs(String issuerId, String username, Map<String, Object> claims) {
        Map<String, Object> all = new java.util.HashMap<>(claims);
        all.put("preferred_username", username);
        identityProvider.enqueueCallback(
                new DefaultOAuth2TokenCallback(issuerId, username, "JWT", List.of("alliance"), all, 3600));
    }

    /**
     * A provider as an administrator configures it in the browser (stored in the database), at its own issuer of the
     * mock server: roles from the claim {@code groups}, team from the claim {@code team}.
     */
    private static IdentityProvider configured(String issuerId, TestWorld in, boolean createAccounts) {
        String issuer = identityProvider.issuerUrl(issuerId).toString();
        IdentityProviders providers = alliance.getBean(IdentityProviders.class);
        IdentityProvider provider = new IdentityProvider(
                0,
                in.organisation,
                "Municipality " + issuerId,
                issuer,
                "alliance",
                true,
                IdentityProviderRegistrations.discover(issuer),
                "groups",
                "team",
                createAccounts,
                Map.of("alliance-staff", Role.PROFESSIONAL, "alliance-leads", Role.TEAM_LEAD),
                Map.of("north", in.team));
        long id = providers.save(provider, "not-a-secret");
        return providers.byId(in.organisation, id).orElseThrow();
    }

    private static HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A form sent to a path of the server; the fields as name, value, name, value, … (the values encoded here). */
    private static <T> HttpResponse<T> post(
            HttpClient browser, String path, HttpResponse.BodyHandler<T> body, String... fields) throws Exception {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            form.append(i == 0 ? "" : "&")
                    .append(fields[i])
                    .append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                        .build(),
                body);
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
        post(browser, "/logout", HttpResponse.BodyHandlers.discarding(), "_csrf", csrf.group(1));
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

    @Test
    void aConfiguredProviderAppearsOnTheSignInPageWithoutARestart() throws Exception {
        IdentityProvider provider = configured("listed", new TestWorld(alliance), false);
        assertThat(get(browser(), "/login?lang=en").body())
                .contains("Sign in with Municipality listed")
                .contains("/oauth2/authorization/" + provider.registrationId());
    }

    @Test
    void theClaimsGiveTheRoleAndTeamAtEverySignInAndTheChangeIsAudited() throws Exception {
        TestWorld in = new TestWorld(alliance);
        IdentityProvider provider = configured("roles", in, false);
        nextPersonIs("roles", in.professional.username(), Map.of("groups", List.of("staff", "alliance-leads")));
        HttpResponse<String> signedIn = get(browser(), "/oauth2/authorization/" + provider.registrationId());
        assertThat(signedIn.uri().getPath()).as("a team lead now").isEqualTo("/team");
        CurrentUser account = alliance.getBean(UserAccounts.class).loadUserByUsername(in.professional.username());
        assertThat(account.role()).isEqualTo(Role.TEAM_LEAD);
        assertThat(account.teamId()).isEqualTo(in.team);
        assertThat(alliance.getBean(AuditLog.class).find(in.organisation, NO_FILTER, 50))
                .anyMatch(e -> e.action().equals("role or team from claims")
                        && e.subject().contains("PROFESSIONAL")
                        && e.subject().contains("TEAM_LEAD"));

        nextPersonIs("roles", in.professional.username(), Map.of("groups", "alliance-staff"));
        assertThat(get(browser(), "/oauth2/authorization/" + provider.registrationId())
                        .uri()
                        .getPath())
                .as("back to professional at the next sign-in")
                .isEqualTo("/caseload");
    }

    @Test
    void anUnknownPersonIsRefusedAndNoAccountIsMade() throws Exception {
        TestWorld in = new TestWorld(alliance);
        IdentityProvider provider = configured("unknown", in, false);
        String stranger = "stranger-" + in.suffix;
        nextPersonIs("unknown", stranger, Map.of("groups", "alliance-staff", "team", "north"));
        HttpResponse<String> refused = get(browser(), "/oauth2/authorization/" + provider.registrationId());
        assertThat(refused.uri().getQuery()).isEqualTo("sso=unknown");
        assertThat(alliance.getBean(UserAccounts.class).exists(stranger)).isFalse();
    }

    @Test
    void aProviderThatCreatesAccountsMakesOneFromTheClaims() throws Exception {
        TestWorld in = new TestWorld(alliance);
        IdentityProvider provider = configured("creates", in, true);
        String newcomer = "newcomer-" + in.suffix;
        nextPersonIs("creates", newcomer, Map.of("groups", List.of("alliance-staff"), "team", "north"));
        assertThat(get(browser(), "/oauth2/authorization/" + provider.registrationId())
                        .uri()
                        .getPath())
                .isEqualTo("/caseload");
        CurrentUser account = alliance.getBean(UserAccounts.class).loadUserByUsername(newcomer);
        assertThat(account.organisationId()).isEqualTo(in.organisation);
        assertThat(account.role()).isEqualTo(Role.PROFESSIONAL);
        assertThat(account.teamId()).isEqualTo(in.team);
        assertThat(alliance.getBean(AuditLog.class).find(in.organisation, NO_FILTER, 50))
                .anyMatch(e -> e.action().equals("account created from claims"));
    }

    @Test
    void aPersonWhoseClaimsGiveNoRoleIsRefused() throws Exception {
        TestWorld in = new TestWorld(alliance);
        IdentityProvider provider = configured("norole", in, true);
        String visitor = "visitor-" + in.suffix;
        nextPersonIs("norole", visitor, Map.of("groups", List.of("cleaning", "canteen")));
        HttpResponse<String> refused = get(browser(), "/oauth2/authorization/" + provider.registrationId());
        assertThat(refused.uri().getQuery()).isEqualTo("sso=norole");
        assertThat(refused.body()).contains("geen rol in Alliance");
        assertThat(alliance.getBean(UserAccounts.class).exists(visitor)).isFalse();

        nextPersonIs("norole", in.professional.username(), Map.of());
        assertThat(get(browser(), "/oauth2/authorization/" + provider.registrationId())
                        .uri()
                        .getQuery())
                .as("an existing account without the role claim")
                .isEqualTo("sso=norole");
    }

    @Test
    void aStoppedAccountIsRefusedByAConfiguredProviderToo() throws Exception {
        TestWorld in = new TestWorld(alliance);
        IdentityProvider provider = configured("stopped", in, true);
        alliance.getBean(UserAccounts.class).setEnabled(in.organisation, in.professional.id(), false);
        nextPersonIs("stopped", in.professional.username(), Map.of("groups", "alliance-staff"));
        assertThat(get(browser(), "/oauth2/authorization/" + provider.registrationId())
                        .uri()
                        .getQuery())
                .isEqualTo("sso=stopped");
    }

    @Test
    void signingOutOfASingleSignOnSessionEndsItAtTheProvider() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient following = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .build();
        HttpClient stepping = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        nextPersonIs(world.professional.username());
        HttpResponse<String> signedIn = get(following, "/oauth2/authorization/idp");
        assertThat(signedIn.uri().getPath()).isEqualTo("/caseload");
        Matcher csrf = CSRF.matcher(signedIn.body());
        assertThat(csrf.find()).isTrue();

        HttpResponse<Void> signedOut =
                post(stepping, "/logout", HttpResponse.BodyHandlers.discarding(), "_csrf", csrf.group(1));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        String location = signedOut.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .startsWith(identityProvider.endSessionEndpointUrl("idp").toString())
                .contains("id_token_hint=")
                .contains("post_logout_redirect_uri=");
        assertThat(get(stepping, "/caseload").statusCode())
                .as("our session is gone")
                .isEqualTo(302);

        HttpResponse<String> back = following.send(
                HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(back.uri().getPath())
                .as("the provider sends the browser back")
                .isEqualTo("/login");
        assertThat(back.uri().getQuery()).isEqualTo("logout");
    }

    @Test
    void aPasswordSessionSignsOutHereOnly() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> login = get(browser, "/login");
        Matcher csrf = CSRF.matcher(login.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = post(
                browser,
                "/login",
                HttpResponse.BodyHandlers.ofString(),
                "username",
                world.professional.username(),
                "password",
                TestWorld.PASSWORD,
                "_csrf",
                csrf.group(1));
        assertThat(signedIn.uri().getPath()).isEqualTo("/caseload");
        Matcher again = CSRF.matcher(signedIn.body());
        assertThat(again.find()).isTrue();
        HttpResponse<String> signedOut =
                post(browser, "/logout", HttpResponse.BodyHandlers.ofString(), "_csrf", again.group(1));
        assertThat(signedOut.uri().getHost()).isEqualTo("localhost");
        assertThat(signedOut.uri().getPort()).isEqualTo(port);
        assertThat(signedOut.uri().getQuery()).isEqualTo("logout");
    }

    /** The administrator's provider form, sent with these fields (the rest as a correct form has them). */
    private static MockHttpServletResponse saveProvider(TestWorld in, String path, Map<String, String> fields)
            throws Exception {
        MockMvc mvc = TestWorld.mvc((WebApplicationContext) alliance);
        Map<String, String> all = new java.util.LinkedHashMap<>(Map.of(
                "displayName", "Region " + in.suffix,
                "issuer", identityProvider.issuerUrl("browser").toString(),
                "clientId", "alliance",
                "clientSecret", "s3cret-" + in.suffix,
                "enabled", "true",
                "roleClaim", "groups",
                "roleMappings", "alliance-staff = PROFESSIONAL\nalliance-admins = admin",
                "teamClaim", "team",
                "teamMappings", "north = Team " + in.suffix));
        all.putAll(fields);
        MockHttpServletRequestBuilder post =
                MockMvcRequestBuilders.post(path).with(csrf()).with(user(in.admin));
        all.forEach(post::param);
        return mvc.perform(post.locale(java.util.Locale.ENGLISH)).andReturn().getResponse();
    }

    @Test
    void anAdministratorConfiguresAProviderInTheBrowserAndItWorksAtOnce() throws Exception {
        TestWorld in = new TestWorld(alliance);
        MockHttpServletResponse saved = saveProvider(in, "/admin/identity-providers", Map.of());
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/admin/identity-providers?saved");

        IdentityProvider provider = alliance.getBean(IdentityProviders.class)
                .ofOrganisation(in.organisation)
                .get(0);
        assertThat(provider.endpoints().endSession()).as("found by discovery").isNotNull();
        assertThat(provider.roles()).containsEntry("alliance-admins", Role.ADMIN);
        assertThat(provider.teams()).containsEntry("north", in.team);
        byte[] sealed = alliance.getBean(JdbcClient.class)
                .sql("SELECT secret_sealed FROM identity_provider WHERE id = ?")
                .param(provider.id())
                .query(byte[].class)
                .single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .as("the secret is not in the database as text")
                .doesNotContain("s3cret-" + in.suffix);
        assertThat(alliance.getBean(IdentityProviders.class).secret(provider)).isEqualTo("s3cret-" + in.suffix);

        nextPersonIs("browser", in.professional.username(), Map.of("groups", List.of("alliance-admins")));
        assertThat(get(browser(), "/oauth2/authorization/" + provider.registrationId())
                        .uri()
                        .getPath())
                .isEqualTo("/admin");

        MockMvc mvc = TestWorld.mvc((WebApplicationContext) alliance);
        String edit = mvc.perform(MockMvcRequestBuilders.get("/admin/identity-providers/" + provider.id())
                        .with(user(in.admin))
                        .locale(java.util.Locale.ENGLISH))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(edit)
                .contains("/login/oauth2/code/" + provider.registrationId())
                .contains("alliance-admins = ADMIN")
                .doesNotContain("s3cret-");

        // Stopped in the browser: gone from the sign-in page and refused, without a restart.
        MockHttpServletResponse stopped = saveProvider(
                in, "/admin/identity-providers/" + provider.id(), Map.of("enabled", "false", "clientSecret", ""));
        assertThat(stopped.getStatus()).isEqualTo(302);
        assertThat(alliance.getBean(IdentityProviders.class).secret(provider))
                .as("an empty secret field keeps the secret")
                .isEqualTo("s3cret-" + in.suffix);
        assertThat(get(browser(), "/login").body()).doesNotContain(provider.registrationId());
        assertThat(alliance.getBean(AuditLog.class).find(in.organisation, NO_FILTER, 50))
                .anyMatch(e -> e.action().equals("identity provider added"))
                .anyMatch(e -> e.action().equals("identity provider changed"))
                .noneMatch(e -> e.subject().contains("s3cret"));
        // Another organisation's administrator does not see it.
        TestWorld other = new TestWorld(alliance);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/admin/identity-providers/" + provider.id())
                                .with(user(other.admin)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void anIssuerThatCannotBeReachedIsRefusedBesideItsField() throws Exception {
        TestWorld in = new TestWorld(alliance);
        MockHttpServletResponse refused =
                saveProvider(in, "/admin/identity-providers", Map.of("issuer", "http://127.0.0.1:1/realms/x"));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString())
                .contains("id=\"issuer-error\"")
                .contains("Alliance could not reach the provider at this address");
        assertThat(alliance.getBean(IdentityProviders.class).ofOrganisation(in.organisation))
                .isEmpty();
    }

    @Test
    void anAddressThatIsNotAnOpenIdConnectProviderIsRefused() throws Exception {
        TestWorld in = new TestWorld(alliance);
        MockHttpServletResponse refused =
                saveProvider(in, "/admin/identity-providers", Map.of("issuer", "http://localhost:" + port + "/"));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("No OpenID Connect provider answers at this address");
        assertThat(alliance.getBean(IdentityProviders.class).ofOrganisation(in.organisation))
                .isEmpty();
    }

    @Test
    void aMappingLineThatNamesNoRoleIsRefusedWithItsLine() throws Exception {
        TestWorld in = new TestWorld(alliance);
        MockHttpServletResponse refused = saveProvider(
                in,
                "/admin/identity-providers",
                Map.of("roleMappings", "alliance-staff = PROFESSIONAL\nalliance-boss = KING", "teamMappings", "x = y"));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString())
                .contains("Line 2 is not of the form value = role")
                .contains("Line 1 is not of the form value = team name");
        assertThat(alliance.getBean(IdentityProviders.class).ofOrganisation(in.organisation))
                .isEmpty();
    }
}
