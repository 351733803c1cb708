package org.alliance.app.organisation;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Role;
import org.alliance.app.system.TwoStep;
import org.alliance.app.system.UserAccounts;
import org.alliance.core.instrument.Language;
import org.alliance.core.release.ReleaseChoice;
import org.jspecify.annotations.Nullable;
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
 * The administrator's page: organisation settings (release default, alert thresholds including the split-alliance
 * threshold of joint meetings, invitation lifetime), teams and accounts.
 */
@Controller
class AdminController {

    private final Organisations organisations;
    private final UserAccounts accounts;
    private final AuditLog audit;
    private final TwoStep twoStep;

    AdminController(Organisations organisations, UserAccounts accounts, AuditLog audit, TwoStep twoStep) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.audit = audit;
        this.twoStep = twoStep;
    }

    @GetMapping("/admin")
    String admin(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("organisation", organisations.get(user.organisationId()));
        model.addAttribute("teams", organisations.teams(user.organisationId()));
        model.addAttribute("releaseChoices", ReleaseChoice.values());
        model.addAttribute("roles", Role.values());
        model.addAttribute("accounts", accounts.ofOrganisation(user.organisationId()));
        model.addAttribute("adminsNeedTwoStep", twoStep.adminsNeedIt(user.organisationId()));
        if (!model.containsAttribute("splitValue")) {
            model.addAttribute(
                    "splitValue",
                    String.valueOf(organisations.get(user.organisationId()).splitThresholdPercent()));
        }
        return "admin/admin";
    }

    @PostMapping("/admin/settings")
    String settings(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String defaultRelease,
            @RequestParam(defaultValue = "") String dropThresholdPercent,
            @RequestParam(defaultValue = "") String gapThresholdPercent,
            @RequestParam(defaultValue = "") String invitationHours,
            @RequestParam(defaultValue = "") String splitThresholdPercent,
            @RequestParam(required = false) @Nullable String language,
            HttpServletResponse response,
            Model model) {
        Organisation current = organisations.get(user.organisationId());
        // The split threshold has its own inline error, so it is checked on its own first.
        Optional<Integer> split = percent(splitThresholdPercent);
        Organisation updated = null;
        try {
            // Parsed here, not by Spring, so that a wrong value gives the inline error instead of an error page
            // (NumberFormatException is an IllegalArgumentException).
            Organisation candidate = new Organisation(
                    current.id(),
                    current.name(),
                    ReleaseChoice.valueOf(defaultRelease),
                    Integer.parseInt(dropThresholdPercent.strip()),
                    Integer.parseInt(gapThresholdPercent.strip()),
                    Integer.parseInt(invitationHours.strip()),
                    split.orElse(current.splitThresholdPercent()),
                    // Not sent (an older form): unchanged; anything but the four languages is refused.
                    language == null
                            ? current.language()
                            : Language.fromCode(language)
                                    .filter(l -> l.code().equals(language))
                                    .orElseThrow(() -> new IllegalArgumentException("unknown language " + language)));
            candidate.thresholds();
            updated = candidate;
        } catch (IllegalArgumentException e) {
            model.addAttribute("settingsError", true);
        }
        if (split.isEmpty()) {
            model.addAttribute("splitError", true);
        }
        if (updated == null || split.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("splitValue", splitThresholdPercent);
            return admin(user, model);
        }
        organisations.updateSettings(updated);
        audit.record(user.username(), "settings changed", "organisation " + current.id());
        if (updated.splitThresholdPercent() != current.splitThresholdPercent()) {
            audit.record(
                    user.username(),
                    "split threshold changed",
                    "organisation " + current.id() + ": " + current.splitThresholdPercent() + " % to "
                            + updated.splitThresholdPercent() + " %");
        }
        return "redirect:/admin?saved";
    }

    /** A whole percentage from 1 to 100, or empty for anything else (blank, text, 0, 101, 2.5). */
    static Optional<Integer> percent(String value) {
        String stripped = value.strip();
        if (!stripped.matches("[0-9]{1,3}")) {
            return Optional.empty();
        }
        int percent = Integer.parseInt(stripped);
        return percent >= 1 && percent <= 100 ? Optional.of(percent) : Optional.empty();
    }

    /** Stops an account of the organisation (it can no longer sign in; open sessions end) or lets it in again. */
    @PostMapping("/admin/users/{userId}/enabled")
    String setEnabled(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long userId,
            @RequestParam(defaultValue = "") String enabled,
            HttpServletResponse response,
            Model model) {
        boolean enable = "true".equals(enabled);
        if (!enable && userId == user.id()) {
            return accountRefused(user, userId, "admin.accounts.error.self", response, model);
        }
        return accountChanged(
                user,
                userId,
                accounts.setEnabled(user.organisationId(), userId, enable),
                enable ? "account enabled" : "account stopped");
    }

    /** Sets a new password for an account of the organisation (someone forgot theirs); its open sessions end. */
    @PostMapping("/admin/users/{userId}/password")
    String resetPassword(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long userId,
            @RequestParam(defaultValue = "") String password,
            HttpServletResponse response,
            Model model) {
        Optional<String> problem = UserAccounts.passwordProblem(password);
        if (problem.isPresent()) {
            return accountRefused(user, userId, problem.get(), response, model);
        }
        return accountChanged(
                user, userId, accounts.resetPassword(user.organisationId(), userId, password), "password reset");
    }

    /** The page again (422) with the error {@code errorKey} beside the account's row. */
    private String accountRefused(
            CurrentUser user, long userId, String errorKey, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("accountError", userId);
        model.addAttribute("accountErrorKey", errorKey);
        return admin(user, model);
    }

    /**
     * After a change to an account ({@code changed} false: no such account in the organisation, 404): the audit row
     * and back to the accounts.
     */
    private String accountChanged(CurrentUser user, long userId, boolean changed, String action) {
        if (!changed) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        audit.record(user.username(), action, "user " + userId);
        return "redirect:/admin?accountChanged#accounts";
    }

    @PostMapping("/admin/teams")
    String addTeam(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String name) {
        if (!name.isBlank() && name.length() <= 200) {
            long id = organisations.createTeam(user.organisationId(), name);
            audit.record(user.username(), "team created", "team " + id);
        }
        return "redirect:/admin";
    }

    @PostMapping("/admin/users")
    String addUser(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password,
            @RequestParam Role role,
            @RequestParam(required = false) Long teamId,
            HttpServletResponse response,
            Model model) {
        boolean teamOk = teamId == null
                || organisations.teams(user.organisationId()).stream().anyMatch(t -> t.id() == teamId);
        boolean needsTeam = role == Role.PROFESSIONAL || role == Role.TEAM_LEAD;
        if (username.isBlank()
                || displayName.isBlank()
                || !UserAccounts.namesFit(username, displayName)
                || UserAccounts.passwordProblem(password).isPresent()
                || !teamOk
                || (needsTeam && teamId == null)
                || accounts.exists(username)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("userError", true);
            return admin(user, model);
        }
        long id = accounts.create(user.organisationId(), teamId, username, displayName, password, role);
        audit.record(user.username(), "user created", "user " + id + " as " + role);
        return "redirect:/admin?userAdded";
    }
}
