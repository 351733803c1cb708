package org.alliance.app.privacy;

import jakarta.servlet.http.HttpServletResponse;
import org.alliance.app.system.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The administrator erases a staff account: a page names what goes (the reflection diary, the name, the sign-in) and
 * what stays nameless (the organisation's records), and the administrator confirms by typing the username.
 */
@Controller
class AccountErasureController {

    private final AccountErasure erasure;

    AccountErasureController(AccountErasure erasure) {
        this.erasure = erasure;
    }

    @GetMapping("/admin/users/{userId}/erase")
    String confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable long userId, Model model) {
        return page(user, userId, model, null);
    }

    @PostMapping("/admin/users/{userId}/erase")
    String erase(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long userId,
            @RequestParam(defaultValue = "") String confirmation,
            HttpServletResponse response,
            Model model) {
        AccountErasure.Preview account =
                erasure.preview(user, userId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!confirmation.strip().equals(account.username())) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(user, userId, model, "account.erase.error.confirm");
        }
        return switch (erasure.erase(user, userId)) {
            case ERASED -> "redirect:/admin?accountErased#accounts";
            case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            case OWN_ACCOUNT -> {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                yield page(user, userId, model, "account.erase.error.self");
            }
            case HAS_CLIENTS -> {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                yield page(user, userId, model, "account.erase.error.clients");
            }
        };
    }

    /** Hands the account's clients over to a colleague, so the account can be erased afterwards. */
    @PostMapping("/admin/users/{userId}/handover")
    String handOver(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long userId,
            @RequestParam(defaultValue = "0") long receiver,
            HttpServletResponse response,
            Model model) {
        erasure.preview(user, userId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        java.util.OptionalInt moved = erasure.handOver(user, userId, receiver);
        if (moved.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(user, userId, model, "account.handover.error.receiver");
        }
        return "redirect:/admin/users/" + userId + "/erase?handedOver=" + moved.getAsInt();
    }

    private String page(CurrentUser user, long userId, Model model, String error) {
        AccountErasure.Preview account =
                erasure.preview(user, userId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("account", account);
        model.addAttribute("own", userId == user.id());
        model.addAttribute("error", error);
        model.addAttribute("receivers", erasure.receivers(user, userId));
        return "admin/erase-account";
    }
}
