package org.alliance.app.organisation;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.Role;
import org.alliance.app.system.UserAccounts;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * First run: creates the organisation and its administrator. Works only while no account exists, and only once
 * across all servers on one database: the organisation and the administrator are created in one transaction with
 * the one row of {@code setup_claim} (V9), so a second server doing the same at the same moment creates nothing.
 */
@Controller
class SetupController {

    private final UserAccounts accounts;
    private final Organisations organisations;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SetupController(
            UserAccounts accounts,
            Organisations organisations,
            AuditLog audit,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
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
    String create(
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
        Long organisationId;
        try {
            organisationId = transactions.execute(status -> {
                int claimed = jdbc.sql(
                                "INSERT INTO setup_claim (id, claimed_at) SELECT 1, ? WHERE NOT EXISTS (SELECT 1 FROM setup_claim)")
                        .param(clock.millis())
                        .update();
                if (claimed == 0) {
                    return null;
                }
                long created = organisations.create(organisation);
                accounts.create(created, null, username, displayName, password, Role.ADMIN);
                return created;
            });
        } catch (DataIntegrityViolationException claimedElsewhere) {
            // Another server claimed the setup at the same moment (PostgreSQL: the primary key of setup_claim).
            organisationId = null;
        }
        if (organisationId == null) {
            throw new SetupDone();
        }
        audit.record(username.strip(), "administrator created", "organisation " + organisationId);
        return "redirect:/login?setup";
    }
}
