package org.alliance.app.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Single sign-on with OpenID Connect (docs/deployment.md, "Single sign-on"). The identity provider says who the
 * person is; Alliance says what they may do: the person must have an Alliance account whose user name is the
 * provider's claim {@code alliance.sso.username-claim} (default {@code preferred_username}), and the account's
 * role, team and organisation are the ones the administrator gave it. A person without an account, or whose account
 * is stopped, is not signed in and is told why. Once in, the session is an ordinary Alliance session with the
 * account as its principal, so every page, the sign-out everywhere and the account check on every request work as
 * for a password sign-in.
 */
final class SingleSignOn {

    static final String UNKNOWN = "alliance_unknown_user";
    static final String STOPPED = "alliance_account_stopped";

    private SingleSignOn() {}

    /** Checks the provider's person against the Alliance accounts. */
    static OAuth2UserService<OidcUserRequest, OidcUser> userService(UserAccounts accounts, String usernameClaim) {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser person = provider.loadUser(request);
            account(accounts, person, usernameClaim);
            return person;
        };
    }

    private static CurrentUser account(UserAccounts accounts, OidcUser person, String usernameClaim) {
        String name =
                Optional.ofNullable(person.getClaimAsString(usernameClaim)).orElse("");
        CurrentUser account;
        try {
            account = accounts.loadUserByUsername(name);
        } catch (UsernameNotFoundException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error(UNKNOWN, "no Alliance account " + name, null));
        }
        if (!account.enabled()) {
            throw new OAuth2AuthenticationException(new OAuth2Error(STOPPED, "account stopped: " + name, null));
        }
        return account;
    }

    /**
     * After the provider's sign-in: the session's principal becomes the Alliance account (as after a password
     * sign-in), the session is registered for sign-out everywhere, and the person lands on their start page.
     */
    static AuthenticationSuccessHandler success(UserAccounts accounts, String usernameClaim, SessionRegistry sessions) {
        return (HttpServletRequest request, HttpServletResponse response, Authentication signedIn) -> {
            CurrentUser account = account(accounts, (OidcUser) signedIn.getPrincipal(), usernameClaim);
            SessionPrincipal.set(account, request, response);
            sessions.registerNewSession(request.getSession().getId(), account);
            request.getSession().setAttribute(TwoStepRequired.SIGNED_IN_WITH_SSO, Boolean.TRUE);
            response.sendRedirect(request.getContextPath() + "/start");
        };
    }

    /** A refused single sign-on goes back to the sign-in page, which says why. */
    static AuthenticationFailureHandler failure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            String reason = "error";
            if (e instanceof OAuth2AuthenticationException oauth) {
                String code = oauth.getError().getErrorCode();
                reason = code.equals(UNKNOWN) ? "unknown" : code.equals(STOPPED) ? "stopped" : "error";
            }
            response.sendRedirect(request.getContextPath() + "/login?sso=" + reason);
        };
    }
}
