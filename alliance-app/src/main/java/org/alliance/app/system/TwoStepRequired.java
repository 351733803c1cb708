package org.alliance.app.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * When the organisation demands two-step sign-in of its administrators, an administrator who signed in with a
 * password alone can open only their own account pages (to turn it on) until it is on. A sign-in through the
 * organisation's identity provider is left to the provider's own second step.
 */
final class TwoStepRequired implements HandlerInterceptor {

    static final String SIGNED_IN_WITH_SSO = "alliance.signedInWithSso";

    private final TwoStep twoStep;

    TwoStepRequired(TwoStep twoStep) {
        this.twoStep = twoStep;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (user.role() != Role.ADMIN || path.startsWith("/account") || path.equals("/logout")) {
            return true;
        }
        var session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN_WITH_SSO) != null) {
            return true;
        }
        if (twoStep.adminsNeedIt(user.organisationId()) && !twoStep.enabled(user.id())) {
            response.sendRedirect(request.getContextPath() + "/account/two-step?required");
            return false;
        }
        return true;
    }
}
