package org.alliance.app.system;

import org.alliance.core.instrument.InstrumentCatalog;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * Who may open which page. Clients need no account: {@code /c/**} is public and protected by its one-time token.
 * Everything else requires a role; CSRF is on for every form but the client's check-in, which has no session,
 * carries its own one-time token and refuses posts from other sites instead ({@link CheckInPosts}); the CSP allows no inline
 * script. Media may come from {@code blob:} URLs: the coding screen plays a recording from the coder's own
 * computer.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The client's check-in ({@code /c}, {@code /c/**}) has a chain of its own, without a server session: the one-time
     * token (or the pass of a typed code) is the only capability, so nothing of the client is kept in the session
     * table, no form depends on a session that a restart, a timeout or another server ends, and a submission is one
     * write transaction instead of two (Spring Session wrote the session's last access after every post). Posts from
     * another site are refused by {@link CheckInPosts.FromAnotherSite} in place of the CSRF token.
     */
    @Bean
    @Order(1)
    SecurityFilterChain checkInFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/c", "/c/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new CheckInPosts.FromAnotherSite(), SecurityContextHolderFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            SessionRegistry sessionRegistry,
            UserAccounts accounts,
            ClientRegistrationRepository identityProviders,
            SingleSignOnAccounts signIns,
            TwoStep twoStep)
            throws Exception {
        // Before any page is served: a session whose account was stopped or reset on any server ends here.
        http.addFilterAfter(new AccountStillValidFilter(accounts), SecurityContextHolderFilter.class);
        // Static files under their plain and their content-hashed names (favicon-<md5>.svg, StaticFileCaching).
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/", "/login", "/login/code", "/setup", "/error")
                        .permitAll()
                        .requestMatchers(
                                "/css/**", "/js/**", "/favicon.ico", "/favicon.svg", "/favicon-*.ico", "/favicon-*.svg")
                        .permitAll()
                        .requestMatchers(
                                "/caseload",
                                "/clients/**",
                                "/meetings/**",
                                "/joint",
                                "/joint/**",
                                "/diary",
                                "/diary/**",
                                "/practice/**")
                        .hasRole(Role.PROFESSIONAL.name())
                        // The conversation cards hold no client data: for the professional and for intervision.
                        .requestMatchers("/conversation/**")
                        .hasAnyRole(Role.PROFESSIONAL.name(), Role.TEAM_LEAD.name())
                        .requestMatchers("/coding/**")
                        .hasAnyRole(Role.PROFESSIONAL.name(), Role.RESEARCHER.name())
                        .requestMatchers("/team/**", "/team")
                        .hasRole(Role.TEAM_LEAD.name())
                        .requestMatchers("/research/**", "/research")
                        .hasRole(Role.RESEARCHER.name())
                        .requestMatchers("/admin/**", "/admin")
                        .hasRole(Role.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                // The right password signs in, or leads to the two-step code page (TwoStepLogin).
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(TwoStepLogin.afterPassword(twoStep))
                        .permitAll())
                // A single sign-on session is also ended at its provider (RP-initiated logout); a password session
                // only here (SingleSignOn.logoutSuccess).
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler(SingleSignOn.rememberProvider())
                        .logoutSuccessHandler(SingleSignOn.logoutSuccess(identityProviders)))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                        // Sessions are registered (in the database), so that stopping an account or resetting its
                        // password ends them on every server (UserAccounts); AccountStillValidFilter checks the
                        // account on every request as well. No limit on how many one person has.
                        .maximumSessions(-1)
                        .sessionRegistry(sessionRegistry)
                        .expiredUrl("/login?expired"));
        headers(http);
        // Single sign-on with the identity providers of the properties and of the administrators
        // (IdentityProviderRegistrations): the sign-in page offers them beside the password form (SingleSignOn).
        http.oauth2Login(login -> login.loginPage("/login")
                .userInfoEndpoint(info -> info.oidcUserService(SingleSignOn.userService(signIns)))
                .successHandler(SingleSignOn.success(signIns, sessionRegistry))
                .failureHandler(SingleSignOn.failure()));
        return http.build();
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    }

    /**
     * The sessions are Spring Session's, in the database (migration V10), so the registry is too: stopping an
     * account or setting its password ends its sessions on every server, and any server serves any session.
     */
    @Bean
    SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    /**
     * The identity providers: those of {@code spring.security.oauth2.client.*} (bound and, with an issuer, discovered
     * once at start, as Spring Boot would) and those the administrators keep in the database.
     */
    @Bean
    ClientRegistrationRepository clientRegistrationRepository(Environment environment, IdentityProviders providers) {
        OAuth2ClientProperties properties = Binder.get(environment)
                .bind("spring.security.oauth2.client", OAuth2ClientProperties.class)
                .orElseGet(OAuth2ClientProperties::new);
        return new IdentityProviderRegistrations(
                new OAuth2ClientPropertiesMapper(properties).asClientRegistrations(), providers);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    InstrumentCatalog instrumentCatalog() {
        return InstrumentCatalog.builtIn();
    }
}
