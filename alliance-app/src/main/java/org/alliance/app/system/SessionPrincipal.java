package org.alliance.app.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Who the session belongs to, set the one way a password sign-in sets it: the Alliance account as the principal,
 * kept in the session (which lives in the database). Used where Alliance finishes a sign-in itself — after the
 * identity provider (SingleSignOn), after the second step (TwoStepLogin), after a new password (AccountController) —
 * and to leave someone halfway signed in as nobody.
 */
final class SessionPrincipal {

    private static final SecurityContextRepository REPOSITORY = new HttpSessionSecurityContextRepository();

    private SessionPrincipal() {}

    /** The account becomes this session's principal; {@code null} leaves nobody signed in. */
    static void set(@Nullable CurrentUser account, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        if (account != null) {
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
        }
        SecurityContextHolder.setContext(context);
        REPOSITORY.saveContext(context, request, response);
    }
}
