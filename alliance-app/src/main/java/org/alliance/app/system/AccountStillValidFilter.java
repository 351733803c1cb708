package org.alliance.app.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Several servers, one truth: on every signed-in request the account is read from the database, and a session
 * whose account was stopped, or whose password was set anew, since the sign-in ends there and then, on whichever
 * server it lives. The signed-in user ({@link CurrentUser}) carries the password hash it signed in with; a
 * different hash in the database means the password was reset (or changed elsewhere). One look-up by primary key
 * per signed-in page (static files are skipped); the clients' check-in pages have no signed-in user and pay
 * nothing.
 */
final class AccountStillValidFilter extends OncePerRequestFilter {

    private final UserAccounts accounts;

    AccountStillValidFilter(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** Style sheets, scripts and the icon carry nothing of an account: no database read for them. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return StaticFileCaching.isStaticFile(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof CurrentUser user
                && !accounts.stillValid(user.id(), user.passwordHash())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        chain.doFilter(request, response);
    }
}
