package org.alliance.app.privacy;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator erases a client: finds them by the organisation's own reference, sees what will go (how many
 * meetings, answers, … — never the answers themselves), and confirms by typing the reference again. Only clients
 * of the administrator's own organisation; another organisation's client is answered as if it did not exist.
 */
@Controller
class ErasureController {

    private final ClientErasure erasure;
    private final AuditLog audit;

    ErasureController(ClientErasure erasure, AuditLog audit) {
        this.erasure = erasure;
        this.audit = audit;
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class NoSuchClient extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoSuchClient() {
            super("no such client");
        }
    }

    @GetMapping("/admin/clients")
    String find(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String reference,
            HttpServletResponse response,
            Model model) {
        Optional<ClientErasure.Found> found =
                reference.isBlank() ? Optional.empty() : erasure.byReference(user.organisationId(), reference);
        if (found.isPresent()) {
            return "redirect:/admin/clients/" + found.get().id() + "/erase";
        }
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("reference", reference);
        return "admin/client-not-found";
    }

    @GetMapping("/admin/clients/{clientId}/erase")
    String confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable long clientId, Model model) {
        ClientErasure.Found client =
                erasure.byId(user.organisationId(), clientId).orElseThrow(NoSuchClient::new);
        model.addAttribute("client", client);
        model.addAttribute("counts", erasure.whatWouldGo(clientId));
        model.addAttribute("error", false);
        return "admin/erase";
    }

    @PostMapping("/admin/clients/{clientId}/erase")
    String erase(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long clientId,
            @RequestParam(defaultValue = "") String confirmation,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        ClientErasure.Found client =
                erasure.byId(user.organisationId(), clientId).orElseThrow(NoSuchClient::new);
        if (!confirmation.strip().equals(client.reference())) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("client", client);
            model.addAttribute("counts", erasure.whatWouldGo(clientId));
            model.addAttribute("error", true);
            return "admin/erase";
        }
        Map<String, Long> removed =
                erasure.erase(user.organisationId(), clientId).orElseThrow(NoSuchClient::new);
        // The audit row says that it happened, by whom and how much: never the alias, reference or answers.
        audit.record(user.username(), "client erased", ClientErasure.auditSubject(clientId, removed));
        redirect.addFlashAttribute(
                "erasedRows",
                removed.values().stream().mapToLong(Long::longValue).sum());
        return "redirect:/admin?erased";
    }
}
