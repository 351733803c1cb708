package org.alliance.app.caseload;

import org.alliance.app.organisation.Organisations;
import org.alliance.app.system.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The alert and release rules in words, with this organisation's thresholds (docs/rules.md has the same). */
@Controller
class RulesController {

    private final Organisations organisations;

    RulesController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/rules")
    String rules(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("organisation", organisations.get(user.organisationId()));
        return "caseload/rules";
    }
}
