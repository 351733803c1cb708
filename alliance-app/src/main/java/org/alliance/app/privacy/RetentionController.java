package org.alliance.app.privacy;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Formats;
import org.alliance.core.privacy.ErasureRule;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator sets the retention rule (months, and whether to anonymise instead of erase in studies that allow
 * it), sees who it would erase or anonymise now and why (the dry run) and may run it at once after confirming;
 * otherwise it runs every night ({@link Retention}).
 */
@Controller
class RetentionController {

    private final Retention retention;
    private final AuditLog audit;

    RetentionController(Retention retention, AuditLog audit) {
        this.retention = retention;
        this.audit = audit;
    }

    @GetMapping("/admin/retention")
    String page(@AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
        OptionalInt months = retention.months(user.organisationId());
        if (!model.containsAttribute("monthsValue")) {
            model.addAttribute("monthsValue", months.isPresent() ? String.valueOf(months.getAsInt()) : "");
        }
        if (!model.containsAttribute("anonymiseValue")) {
            model.addAttribute("anonymiseValue", retention.anonymises(user.organisationId()));
        }
        model.addAttribute("months", months.isPresent() ? months.getAsInt() : null);
        List<DueRow> due = retention.due(user.organisationId()).stream()
                .map(d -> new DueRow(
                        d.reference(),
                        d.alias(),
                        Formats.date(d.lastActivity(), locale),
                        d.decision().anonymises(),
                        d.decision().reason().messageKey(),
                        d.decision().studies().stream()
                                .map(ErasureRule.Study::title)
                                .collect(Collectors.joining(", "))))
                .toList();
        model.addAttribute("due", due);
        model.addAttribute(
                "dueAnonymised", due.stream().filter(DueRow::anonymise).count());
        model.addAttribute("dueErased", due.stream().filter(d -> !d.anonymise()).count());
        return "admin/retention";
    }

    /**
     * A row of the dry run.
     *
     * @param anonymise whether the client is anonymised (else erased)
     * @param reason the message key of why
     * @param studies the titles of the studies that keep the client's answers (empty when erased)
     */
    record DueRow(
            String reference, String alias, String lastActivity, boolean anonymise, String reason, String studies) {}

    @PostMapping("/admin/retention")
    String set(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String months,
            @RequestParam(defaultValue = "") String anonymise,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        String text = months.strip();
        OptionalInt value = OptionalInt.empty();
        if (!text.isEmpty()) {
            if (!text.matches("\\d{1,4}")
                    || Integer.parseInt(text) < 1
                    || Integer.parseInt(text) > Retention.MOST_MONTHS) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                model.addAttribute("monthsError", true);
                model.addAttribute("monthsValue", months);
                model.addAttribute("anonymiseValue", "yes".equals(anonymise));
                return page(user, locale, model);
            }
            value = OptionalInt.of(Integer.parseInt(text));
        }
        boolean anonymises = "yes".equals(anonymise);
        retention.setMonths(user.organisationId(), value);
        retention.setAnonymise(user.organisationId(), anonymises);
        audit.record(
                user.username(),
                "retention changed",
                "organisation " + user.organisationId() + ": "
                        + (value.isPresent() ? value.getAsInt() + " months" : "none")
                        + ", anonymise in allowing studies: " + anonymises);
        return "redirect:/admin/retention?saved";
    }

    @PostMapping("/admin/retention/apply")
    String apply(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String confirm,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        if (!confirm.equals("yes")) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("confirmError", true);
            return page(user, locale, model);
        }
        Retention.Outcome outcome = retention.run(user.organisationId(), user.username());
        redirect.addFlashAttribute("erased", outcome.erased());
        redirect.addFlashAttribute("anonymised", outcome.anonymised());
        return "redirect:/admin/retention";
    }
}
