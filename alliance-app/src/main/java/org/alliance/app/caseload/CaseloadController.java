package org.alliance.app.caseload;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.FormPost;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The professional's caseload: the overview of their clients (filtered by signal, sorted) and adding a client. The
 * client page is {@link ClientController}; its meetings, invitations, own rating and contact details have
 * controllers of their own in this package.
 */
@Controller
class CaseloadController {

    private final Caseload caseload;
    private final Organisations organisations;
    private final AuditLog audit;
    private final CaseloadOverview overview;

    CaseloadController(Caseload caseload, Organisations organisations, AuditLog audit, CaseloadOverview overview) {
        this.caseload = caseload;
        this.organisations = organisations;
        this.audit = audit;
        this.overview = overview;
    }

    @GetMapping("/caseload")
    String caseload(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String signal,
            @RequestParam(defaultValue = "") String sort,
            Locale locale,
            Model model) {
        Optional<CaseloadOverview.Signal> filter = Arrays.stream(CaseloadOverview.Signal.values())
                .filter(s -> s.name().equalsIgnoreCase(signal))
                .findFirst();
        CaseloadOverview.Page page = overview.page(
                user.id(),
                organisations.get(user.organisationId()).thresholds(),
                filter,
                CaseloadOverview.Sort.parse(sort),
                locale);
        audit.record(user.username(), "caseload read", page.rows().size() + " clients");
        model.addAttribute("page", page);
        model.addAttribute("signals", CaseloadOverview.Signal.values());
        model.addAttribute("sorts", CaseloadOverview.Sort.values());
        model.addAttribute("user", user);
        return "caseload/list";
    }

    @PostMapping("/clients")
    String addClient(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String alias,
            @RequestParam(defaultValue = "") String internalId,
            FormPost post) {
        String error = null;
        if (alias.isBlank() || alias.length() > 100 || internalId.isBlank() || internalId.length() > 100) {
            error = "caseload.error.required";
        } else if (caseload.internalIdTaken(user.organisationId(), internalId)) {
            error = "caseload.error.taken";
        } else if (user.teamId() == null) {
            error = "caseload.error.noTeam";
        }
        if (error != null) {
            String shownError = error;
            return post.refused(() -> {
                post.model().addAttribute("error", shownError);
                post.model().addAttribute("alias", alias);
                post.model().addAttribute("internalId", internalId);
                return caseload(user, "", "", post.locale(), post.model());
            });
        }
        long id = caseload.createClient(user.organisationId(), user.teamId(), user.id(), alias, internalId);
        return post.written(user, "/clients/" + id, () -> new FormPost.Audit("client created", "client " + id));
    }
}
