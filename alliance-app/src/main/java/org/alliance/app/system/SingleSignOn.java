package org.alliance.app.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Single sign-on with OpenID Connect (docs/deployment.md, "Single sign-on"). The identity provider says who the
 * person is; {@link SingleSignOnAccounts} says who that is in Alliance (the account, or the claims of a provider the
 * administrator configured) or refuses them with a reason the sign-in page explains. Once in, the session is an
 * ordinary Alliance session with the account as its principal, so every page, the sign-out everywhere and the
 * account check on every request work as for a password sign-in. Signing out of a single sign-on session also ends
 * the session at the provider (RP-initiated logout, the provider's {@code end_session_endpoint}); a password session
 * signs out locally only.
 */
final class SingleSignOn {

    /** Session attributes of a single sign-on session: the provider's registration id and the ID token it gave. */
    static final String REGISTRATION = "alliance.sso.registration";

    static final String ID_TOKEN = "alliance.sso.id-token";

    private SingleSignOn() {}

    /** Checks the provider's person against the Alliance accounts and the provider's claim mappings. */
    static OAuth2UserService<OidcUserRequest, OidcUser> userService(SingleSignOnAccounts signIns) {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser person = provider.loadUser(request);
            signIns.signIn(request.getClientRegistration().getRegistrationId(), person);
            return person;
        };
    }

    /**
     * After the provider's sign-in: the session's principal becomes the Alliance account (as after a password
     * sign-in), the session is registered for sign-out everywhere, and the person lands on their start page.
     */
    static AuthenticationSuccessHandler success(SingleSignOnAccounts signIns, SessionRegistry sessions) {
        return (HttpServletRequest request, HttpServletResponse response, Authentication signedIn) -> {
            OidcUser person = (OidcUser) signedIn.getPrincipal();
            CurrentUser account = signIns.signedIn(person);
            SessionPrincipal.set(account, request, response);
            HttpSession session = request.getSession();
            sessions.registerNewSession(session.getId(), account);
            session.setAttribute(TwoStepRequired.SIGNED_IN_WITH_SSO, Boolean.TRUE);
            if (signedIn instanceof OAuth2AuthenticationToken token) {
                session.setAttribute(REGISTRATION, token.getAuthorizedClientRegistrationId());
                session.setAttribute(ID_TOKEN, person.getIdToken());
            }
            response.sendRedirect(request.getContextPath() + "/start");
        };
    }

    private static final Map<String, String> REASONS = Map.of(
            SingleSignOnAccounts.UNKNOWN, "unknown",
            SingleSignOnAccounts.STOPPED, "stopped",
            SingleSignOnAccounts.NO_ROLE, "norole",
            SingleSignOnAccounts.NO_TEAM, "noteam");

    /** A refused single sign-on goes back to the sign-in page, which says why. */
    static AuthenticationFailureHandler failure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            String reason = "error";
            if (e instanceof OAuth2AuthenticationException oauth) {
                reason = REASONS.getOrDefault(oauth.getError().getErrorCode(), "error");
            }
            response.sendRedirect(request.getContextPath() + "/login?sso=" + reason);
        };
    }

    /** The reasons the sign-in page explains ({@code login.sso.<reason>}). */
    static boolean isReason(String reason) {
        return reason.equals("error") || REASONS.containsValue(reason);
    }

    /**
     * Runs before the session is invalidated at sign-out: keeps the provider and ID token of a single sign-on
     * session on the request, where {@link #logoutSuccess} finds them after the session is gone.
     */
    static LogoutHandler rememberProvider() {
        return (request, response, authentication) -> {
            HttpSession session = request.getSession(false);
            if (session != null) {
                request.setAttribute(REGISTRATION, session.getAttribute(REGISTRATION));
                request.setAttribute(ID_TOKEN, session.getAttribute(ID_TOKEN));
            }
        };
    }

    /**
     * After sign-out: a single sign-on session goes on to the provider's end-session endpoint (with the ID token as
     * hint and our sign-in page as the way back), so the person is signed out there too; a password session, or a
     * provider without an end-session endpoint, lands on the sign-in page.
     */
    static LogoutSuccessHandler logoutSuccess(ClientRegistrationRepository registrations) {
        OidcClientInitiatedLogoutSuccessHandler oidc = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        oidc.setPostLogoutRedirectUri("{baseUrl}/login?logout");
        oidc.setDefaultTargetUrl("/login?logout");
        return (request, response, authentication) -> {
            Object registration = request.getAttribute(REGISTRATION);
            Object idToken = request.getAttribute(ID_TOKEN);
            Authentication signedOut = authentication;
            if (registration instanceof String id && idToken instanceof OidcIdToken token) {
                // Spring's handler reads the provider and the ID token from an OIDC authentication; our session's
                // principal is the Alliance account, so it gets one made from what the session kept.
                DefaultOidcUser person = new DefaultOidcUser(java.util.List.of(), token);
                signedOut = new OAuth2AuthenticationToken(person, java.util.List.of(), id);
            }
            oidc.onLogoutSuccess(request, response, signedOut);
        };
    }
}
