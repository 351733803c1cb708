package org.alliance.app.privacy;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.OptionalInt;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Formats;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator sets the retention rule, sees who it would erase now (the dry run) and may run it at once
 * after confirming; otherwise it runs every night ({@link Retention}).
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
        model.addAttribute("months", months.isPresent() ? months.getAsInt() : null);
        model.addAttribute(
                "due",
                retention.due(user.organisationId()).stream()
                        .map(d -> new DueRow(d.reference(), d.alias(), Formats.date(d.lastActivity(), locale)))
                        .toList());
        return "admin/retention";
    }

    record DueRow(String reference, String alias, String lastActivity) {}

    @PostMapping("/admin/retention")
    String set(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String months,
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
                return page(user, locale, model);
            }
            value = OptionalInt.of(Integer.parseInt(text));
        }
        retention.setMonths(user.organisationId(), value);
        audit.record(
                user.username(),
                "retention changed",
                "organisation " + user.organisationId() + ": "
                        + (value.isPresent() ? value.getAsInt() + " months" : "none"));
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
        int erased = retention.apply(user.organisationId(), user.username());
        redirect.addFlashAttribute("erased", erased);
        return "redirect:/admin/retention";
    }
}
