package org.alliance.app.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.alliance.core.instrument.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;

/**
 * What every page's header needs: the signed-in user (if any), the current path and the languages. Added after
 * the controller has run and only when a page is rendered: a form post that answers with a redirect (every check-in
 * submission) skips it. As {@code @ModelAttribute} methods this cost about a tenth of a check-in submission's
 * server time (Spring builds and invokes each attribute method per request; see docs/benchmarks.md).
 */
final class PageModel implements HandlerInterceptor {

    private static final List<String> LANGUAGES =
            List.of(Language.NL.code(), Language.EN.code(), Language.NB.code(), Language.DA.code());

    @Override
    public void postHandle(
            HttpServletRequest request,
            HttpServletResponse response,
            Object handler,
            @Nullable ModelAndView modelAndView) {
        if (modelAndView == null || !rendersPage(modelAndView)) {
            return;
        }
        fill(request, modelAndView);
    }

    /** The header's attributes, also for pages that an exception handler renders (no {@code postHandle} then). */
    static void fill(HttpServletRequest request, ModelAndView modelAndView) {
        modelAndView.addObject("currentUser", currentUser());
        modelAndView.addObject(
                "currentPath",
                request.getRequestURI().substring(request.getContextPath().length()));
        modelAndView.addObject("languages", LANGUAGES);
    }

    private static boolean rendersPage(ModelAndView modelAndView) {
        if (modelAndView.getView() instanceof SmartView view) {
            return !view.isRedirectView();
        }
        String name = modelAndView.getViewName();
        return name == null || !(name.startsWith("redirect:") || name.startsWith("forward:"));
    }

    private static @Nullable CurrentUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return user;
        }
        return null;
    }
}
