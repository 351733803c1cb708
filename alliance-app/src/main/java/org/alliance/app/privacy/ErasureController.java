package org.alliance.app.privacy;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.core.privacy.ErasureRule;
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
 * of the administrator's own organisation; another organisation's client is answered as if it did not exist. When the
 * rule ({@link Retention#decide}) says so — the organisation anonymises and a study of the client's team allows it —
 * the page says that the client is anonymised instead, what goes and what stays, and confirming anonymises.
 */
@Controller
class ErasureController {

    private final ClientErasure erasure;
    private final Retention retention;
    private final AuditLog audit;
    private final Clock clock;

    ErasureController(ClientErasure erasure, Retention retention, AuditLog audit, Clock clock) {
        this.erasure = erasure;
        this.retention = retention;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What confirming will do to the client: the rule's decision ({@link Retention#decide}); a client anonymised
     * already is erased for good (what stayed goes too).
     */
    private ErasureRule.Decision decision(long organisationId, long clientId) {
        if (erasure.isAnonymised(clientId)) {
            return new ErasureRule.Decision(
                    ErasureRule.Action.ERASE, ErasureRule.Reason.ORGANISATION_ERASES, java.util.List.of());
        }
        return retention.decide(organisationId, clientId);
    }

    private void confirmation(long organisationId, ClientErasure.Found client, boolean error, Model model) {
        ErasureRule.Decision decision = decision(organisationId, client.id());
        model.addAttribute("client", client);
        model.addAttribute("anonymised", erasure.isAnonymised(client.id()));
        model.addAttribute("anonymise", decision.anonymises());
        model.addAttribute("reason", decision.reason().messageKey());
        model.addAttribute(
                "studies",
                decision.studies().stream()
                        .map(ErasureRule.Study::title)
                        .collect(java.util.stream.Collectors.joining(", ")));
        if (decision.anonymises()) {
            ClientErasure.Anonymised would = erasure.whatAnonymisingWouldDo(organisationId, client.id(), decision)
                    .orElseThrow(NoSuchClient::new);
            model.addAttribute("counts", would.removed());
            model.addAttribute("keptCheckIns", would.keptCheckIns());
        } else {
            model.addAttribute("counts", erasure.whatWouldGo(client.id()));
            model.addAttribute("keptCheckIns", 0L);
        }
        model.addAttribute("error", error);
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
        confirmation(user.organisationId(), client, false, model);
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
            confirmation(user.organisationId(), client, true, model);
            return "admin/erase";
        }
        ErasureRule.Decision decision = decision(user.organisationId(), clientId);
        if (decision.anonymises()) {
            ClientErasure.Anonymised done = erasure.anonymise(user.organisationId(), clientId, decision, clock.millis())
                    .orElseThrow(NoSuchClient::new);
            audit.record(user.username(), "client anonymised", ClientErasure.auditSubject(clientId, done, decision));
            redirect.addFlashAttribute(
                    "anonymisedRows",
                    done.removed().values().stream().mapToLong(Long::longValue).sum());
            return "redirect:/admin?anonymised";
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
