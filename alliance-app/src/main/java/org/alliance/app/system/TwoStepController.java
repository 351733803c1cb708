package org.alliance.app.system;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Turning one's own two-step sign-in on (scan the QR code or type the key into an authenticator app, then confirm
 * with a first code) and off (with a current code); and the administrator's choice that administrators must use
 * it. The secret waits in the session until a code confirms it, so a half-done setup changes nothing. Audited.
 */
@Controller
class TwoStepController {

    private static final String NEW_SECRET = "alliance.twoStep.newSecret";

    private final TwoStep twoStep;
    private final AuditLog audit;
    private final org.springframework.context.MessageSource messages;

    TwoStepController(TwoStep twoStep, AuditLog audit, org.springframework.context.MessageSource messages) {
        this.twoStep = twoStep;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/account/two-step")
    String page(@AuthenticationPrincipal CurrentUser user, HttpSession session, java.util.Locale locale, Model model) {
        boolean enabled = twoStep.enabled(user.id());
        model.addAttribute("enabled", enabled);
        model.addAttribute("required", user.role() == Role.ADMIN && twoStep.adminsNeedIt(user.organisationId()));
        if (!enabled) {
            String secret = session.getAttribute(NEW_SECRET) instanceof String s ? s : Totp.newSecret();
            session.setAttribute(NEW_SECRET, secret);
            model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
            model.addAttribute(
                    "qr",
                    org.alliance.app.system.svg.QrCodeSvg.of(
                            Totp.uri(secret, user.username()), messages.getMessage("twoStep.qr", null, locale)));
        }
        return "two-step";
    }

    @PostMapping("/account/two-step")
    String enable(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String code,
            HttpSession session,
            FormPost post) {
        if (!(session.getAttribute(NEW_SECRET) instanceof String secret) || !twoStep.enable(user.id(), secret, code)) {
            return post.refused(() -> {
                post.model().addAttribute("codeError", true);
                return page(user, session, post.locale(), post.model());
            });
        }
        session.removeAttribute(NEW_SECRET);
        // Turned on by the check above (a right code stores the secret); what is left is the audit row.
        return post.written(
                user, "/account/two-step?on", () -> new FormPost.Audit("two-step sign-in on", "user " + user.id()));
    }

    @PostMapping("/account/two-step/off")
    String disable(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String code,
            HttpSession session,
            FormPost post) {
        if (!twoStep.check(user.id(), code)) {
            return post.refused(() -> {
                post.model().addAttribute("offError", true);
                return page(user, session, post.locale(), post.model());
            });
        }
        return post.written(user, "/account/two-step?off", () -> {
            twoStep.disable(user.id());
            return new FormPost.Audit("two-step sign-in off", "user " + user.id());
        });
    }

    @PostMapping("/admin/two-step")
    String require(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean required) {
        twoStep.setAdminsNeedIt(user.organisationId(), required);
        audit.record(
                user.username(),
                "two-step for administrators " + (required ? "required" : "optional"),
                "organisation " + user.organisationId());
        return "redirect:/admin?saved";
    }
}
