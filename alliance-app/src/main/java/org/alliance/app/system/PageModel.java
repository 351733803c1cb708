package org.alliance.app.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.alliance.core.instrument.Language;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: the signed-in user (if any), the current path and the languages. */
@ControllerAdvice
class PageModel {

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return user;
        }
        return null;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("languages")
    List<String> languages() {
        return List.of(Language.NL.code(), Language.EN.code(), Language.NB.code(), Language.DA.code());
    }
}
