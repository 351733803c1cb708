package org.alliance.app.organisation;

import jakarta.servlet.http.HttpServletResponse;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.Role;
import org.alliance.app.system.UserAccounts;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** First run: creates the organisation and its administrator. Works only while no account exists. */
@Controller
class SetupController {

    private final UserAccounts accounts;
    private final Organisations organisations;
    private final AuditLog audit;

    SetupController(UserAccounts accounts, Organisations organisations, AuditLog audit) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.audit = audit;
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class SetupDone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SetupDone() {
            super("setup is done");
        }
    }

    @GetMapping("/setup")
    String form() {
        if (!accounts.noUserYet()) {
            throw new SetupDone();
        }
        return "setup";
    }

    @PostMapping("/setup")
    synchronized String create(
            @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password,
            HttpServletResponse response,
            Model model) {
        if (!accounts.noUserYet()) {
            throw new SetupDone();
        }
        if (organisation.isBlank()
                || organisation.strip().length() > 200
                || username.isBlank()
                || displayName.isBlank()
                || !UserAccounts.namesFit(username, displayName)
                || UserAccounts.passwordProblem(password).isPresent()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("error", true);
            model.addAttribute("organisation", organisation);
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            return "setup";
        }
        long organisationId = organisations.create(organisation);
        accounts.create(organisationId, null, username, displayName, password, Role.ADMIN);
        audit.record(username.strip(), "administrator created", "organisation " + organisationId);
        return "redirect:/login?setup";
    }
}
