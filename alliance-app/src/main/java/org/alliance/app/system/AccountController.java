package org.alliance.app.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One's own account: every signed-in user can change their password (the current one is asked again, so an
 * unattended signed-in browser is not enough). Mistakes come back as errors next to the field; nothing is stored
 * until all is right. The change is audited, never the password.
 */
@Controller
class AccountController {

    private final UserAccounts accounts;
    private final AuditLog audit;

    AccountController(UserAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("errors", Map.of());
        return "account";
    }

    @PostMapping("/account/password")
    String changePassword(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (current.isEmpty()) {
            errors.put("current", "account.error.currentMissing");
        }
        UserAccounts.passwordProblem(password).ifPresent(problem -> errors.put("password", problem));
        if (!errors.containsKey("password") && !password.equals(repeat)) {
            errors.put("repeat", "account.error.repeat");
        }
        if (!errors.containsKey("password") && password.equals(current)) {
            errors.put("password", "account.error.same");
        }
        if (errors.isEmpty() && !accounts.changePassword(user.id(), current, password)) {
            errors.put("current", "account.error.currentWrong");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("errors", errors);
            return "account";
        }
        audit.record(user.username(), "password changed", "user " + user.id());
        // This session goes on with the new password; other sessions of the account end at their next request.
        SessionPrincipal.set(accounts.loadUserByUsername(user.username()), request, response);
        return "redirect:/account?changed";
    }
}
