package org.alliance.app.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a password sign-in (docs/deployment.md, "Two-step sign-in"). When the account has an
 * authenticator, the right password does not sign in yet: the session only remembers who is halfway (nobody is
 * signed in) and the code page asks for the app's six digits. Five wrong codes and the person starts again with
 * the password. The right code signs in as a password alone does, with a new session id.
 */
@Controller
class TwoStepLogin {

    static final String PENDING = "alliance.twoStep.pending";
    private static final String ATTEMPTS = "alliance.twoStep.attempts";
    static final int MOST_ATTEMPTS = 5;

    private final UserAccounts accounts;
    private final TwoStep twoStep;
    private final AuditLog audit;
    private final SessionRegistry sessions;

    TwoStepLogin(UserAccounts accounts, TwoStep twoStep, AuditLog audit, SessionRegistry sessions) {
        this.accounts = accounts;
        this.twoStep = twoStep;
        this.audit = audit;
        this.sessions = sessions;
    }

    /** After the right password: straight in, or halfway to the code page. */
    static AuthenticationSuccessHandler afterPassword(TwoStep twoStep) {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            CurrentUser user = (CurrentUser) authentication.getPrincipal();
            if (!twoStep.enabled(user.id())) {
                response.sendRedirect(request.getContextPath() + "/start");
                return;
            }
            SessionPrincipal.set(null, request, response);
            HttpSession session = request.getSession();
            session.setAttribute(PENDING, user.username());
            session.setAttribute(ATTEMPTS, 0);
            response.sendRedirect(request.getContextPath() + "/login/code");
        };
    }

    @GetMapping("/login/code")
    String form(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null || session.getAttribute(PENDING) == null ? "redirect:/login" : "login-code";
    }

    @PostMapping("/login/code")
    String check(
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof String username)) {
            return "redirect:/login";
        }
        CurrentUser user = accounts.loadUserByUsername(username);
        if (!user.enabled()) {
            session.invalidate();
            return "redirect:/login?error";
        }
        if (!twoStep.check(user.id(), code)) {
            int attempts = (Integer) session.getAttribute(ATTEMPTS) + 1;
            audit.record(user.username(), "two-step code wrong", "user " + user.id());
            if (attempts >= MOST_ATTEMPTS) {
                session.invalidate();
                return "redirect:/login?error";
            }
            session.setAttribute(ATTEMPTS, attempts);
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("codeError", true);
            model.addAttribute("left", MOST_ATTEMPTS - attempts);
            return "login-code";
        }
        session.removeAttribute(PENDING);
        session.removeAttribute(ATTEMPTS);
        request.changeSessionId();
        SessionPrincipal.set(user, request, response);
        sessions.registerNewSession(request.getSession().getId(), user);
        return "redirect:/start";
    }
}
