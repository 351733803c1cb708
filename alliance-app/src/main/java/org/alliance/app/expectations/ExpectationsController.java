package org.alliance.app.expectations;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.caseload.Client;
import org.alliance.app.caseload.Meeting;
import org.alliance.app.checkin.CheckInSubmission;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Languages;
import org.alliance.core.expectations.Occasion;
import org.alliance.core.expectations.RevisitMoment;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The professional's own expectations (a form on the client page, at intake and at the revisit) and the
 * administrator's choice of the revisit moment. The client's side is {@link ExpectationsCheckIn}.
 */
@Controller
class ExpectationsController {

    private final Expectations expectations;
    private final ExpectationSettings settings;
    private final Caseload caseload;
    private final AuditLog audit;

    ExpectationsController(Expectations expectations, ExpectationSettings settings, Caseload caseload, AuditLog audit) {
        this.expectations = expectations;
        this.settings = settings;
        this.caseload = caseload;
        this.audit = audit;
    }

    @PostMapping("/clients/{clientId}/expectations")
    String answer(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long clientId,
            @RequestParam Map<String, String> form,
            Locale locale,
            RedirectAttributes redirect) {
        // Another professional's client: answered as if it did not exist.
        Client client = caseload.clientOf(user.id(), clientId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Occasion occasion = Arrays.stream(Occasion.values())
                .filter(o -> o.name().equals(form.get("occasion")))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        Optional<Meeting> meeting =
                expectations.schedule(client.organisationId(), clientId).meetingOf(occasion);
        if (meeting.isEmpty()) {
            // No revisit meeting yet: nothing to answer about.
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        ExpectationForm answers = ExpectationForm.read(form);
        String back = "redirect:/clients/" + clientId + "#expectations";
        if (!answers.acceptable() || answers.empty()) {
            Map<String, String> sent = new LinkedHashMap<>(form);
            sent.remove("_csrf");
            redirect.addFlashAttribute(
                    ExpectationsOnClientPage.REFUSED, new ExpectationsOnClientPage.Refused(occasion, sent));
            return back;
        }
        Expectations.Outcome outcome = expectations.storeProfessional(
                clientId,
                meeting.get().id(),
                user.id(),
                occasion,
                answers,
                Languages.of(locale),
                CheckInSubmission.keyOrNew(form.get("idempotencyKey")));
        if (outcome == Expectations.Outcome.SAVED) {
            audit.record(user.username(), "expectations answered", "client " + clientId + " " + occasion);
        }
        redirect.addFlashAttribute(ExpectationsOnClientPage.SAVED, true);
        return back;
    }

    @GetMapping("/admin/expectations")
    String settingsPage(@AuthenticationPrincipal CurrentUser user, Model model) {
        RevisitMoment moment = settings.of(user.organisationId());
        model.addAttribute("kind", moment.kind().name());
        model.addAttribute("number", String.valueOf(moment.number()));
        model.addAttribute("kinds", RevisitMoment.Kind.values());
        return "expectations/admin";
    }

    @PostMapping("/admin/expectations")
    String saveSettings(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String number,
            HttpServletResponse response,
            Model model) {
        RevisitMoment.Kind chosen = Arrays.stream(RevisitMoment.Kind.values())
                .filter(k -> k.name().equals(kind))
                .findFirst()
                .orElse(RevisitMoment.Kind.MEETING);
        String typed = number.strip();
        boolean fits = typed.matches("\\d{1,4}") && RevisitMoment.allows(chosen, Integer.parseInt(typed));
        if (!fits) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("kind", chosen.name());
            model.addAttribute("number", typed);
            model.addAttribute("kinds", RevisitMoment.Kind.values());
            model.addAttribute(
                    "numberError",
                    chosen == RevisitMoment.Kind.MEETING
                            ? "expectations.admin.error.meeting"
                            : "expectations.admin.error.weeks");
            return "expectations/admin";
        }
        RevisitMoment before = settings.of(user.organisationId());
        RevisitMoment after = new RevisitMoment(chosen, Integer.parseInt(typed));
        settings.save(user.organisationId(), after);
        audit.record(
                user.username(),
                "expectations revisit changed",
                before.kind() + " " + before.number() + " -> " + after.kind() + " " + after.number());
        return "redirect:/admin/expectations?saved";
    }
}
