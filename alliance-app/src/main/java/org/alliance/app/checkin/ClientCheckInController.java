package org.alliance.app.checkin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.alliance.app.organisation.Organisation;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.Languages;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Language;
import org.alliance.core.release.ReleaseChoice;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The client's side, without an account: type a short code at {@code /c} or open the one-time link
 * {@code /c/{token}}, answer, choose who sees the answers and when, submit once.
 */
@Controller
class ClientCheckInController {

    private final Invitations invitations;
    private final CheckIns checkIns;
    private final Organisations organisations;
    private final InstrumentCatalog catalog;
    private final AttemptLimiter limiter;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    ClientCheckInController(
            Invitations invitations,
            CheckIns checkIns,
            Organisations organisations,
            InstrumentCatalog catalog,
            AttemptLimiter limiter,
            AuditLog audit,
            Clock clock,
            TransactionTemplate transactions) {
        this.invitations = invitations;
        this.checkIns = checkIns;
        this.organisations = organisations;
        this.catalog = catalog;
        this.limiter = limiter;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    @GetMapping("/c")
    String codeForm() {
        return "checkin/code";
    }

    @PostMapping("/c")
    String enterCode(
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String address = request.getRemoteAddr();
        if (limiter.blocked(address)) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "checkin/wait";
        }
        String normalised = Secrets.normaliseCode(code);
        if (normalised.isEmpty() || invitations.find(normalised).isEmpty()) {
            limiter.recordFailure(address);
            model.addAttribute("codeError", true);
            model.addAttribute("code", code);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "checkin/code";
        }
        return "redirect:/c/" + normalised;
    }

    @GetMapping("/c/thanks")
    String thanks() {
        return "checkin/thanks";
    }

    @GetMapping("/c/{key}")
    String form(
            @PathVariable String key,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        Optional<String> refusal = refusal(key, request, response, model);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Invitation invitation = invitations.find(key).orElseThrow();
        Organisation organisation = organisations.get(invitation.organisationId());
        return showForm(
                key,
                invitation,
                UUID.randomUUID().toString(),
                organisation.defaultRelease(),
                AnswerForm.read(instrument(invitation), Map.of()),
                false,
                locale,
                model);
    }

    @PostMapping("/c/{key}")
    String submit(
            @PathVariable String key,
            @RequestParam Map<String, String> parameters,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        Optional<Invitation> found =
                limiter.blocked(request.getRemoteAddr()) ? Optional.empty() : invitations.find(key);
        if (found.isEmpty()) {
            return refusal(key, request, response, model).orElse("checkin/unknown");
        }
        Invitation invitation = found.get();
        Instrument instrument = instrument(invitation);
        String idempotencyKey = parameters.getOrDefault("idempotencyKey", "");
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 64) {
            idempotencyKey = UUID.randomUUID().toString();
        }
        ReleaseChoice release = parseRelease(parameters.get("release"))
                .orElse(organisations.get(invitation.organisationId()).defaultRelease());
        AnswerForm answers = AnswerForm.read(instrument, parameters);
        if (!answers.acceptable()) {
            // A form already stored under this key (a retry) counts as done, even if it came back incomplete.
            if (checkIns.countWithKey(idempotencyKey) > 0) {
                return "redirect:/c/thanks";
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showForm(
                    key,
                    invitation,
                    idempotencyKey,
                    release,
                    answers,
                    answers.answers().isEmpty(),
                    locale,
                    model);
        }
        CheckInSubmission submission =
                new CheckInSubmission(instrument, Languages.of(locale), release, idempotencyKey, answers.answers());
        // The audit row joins the transaction that stores the answers: one commit per submission, and never
        // answers without their audit row.
        CheckIns.Outcome outcome = transactions.execute(status -> {
            CheckIns.Outcome result = checkIns.submit(invitation, submission);
            if (result == CheckIns.Outcome.SAVED) {
                audit.record("client", "check-in submitted", "meeting " + invitation.meetingId());
            }
            return result;
        });
        switch (outcome) {
            case SAVED, ALREADY_SAVED -> {
                return "redirect:/c/thanks";
            }
            case USED -> {
                response.setStatus(HttpStatus.GONE.value());
                return "checkin/used";
            }
            default -> {
                response.setStatus(HttpStatus.GONE.value());
                return "checkin/expired";
            }
        }
    }

    /** The friendly page for a wrong, used or expired link, or none when the form may be shown. */
    private Optional<String> refusal(
            String key, HttpServletRequest request, HttpServletResponse response, Model model) {
        String address = request.getRemoteAddr();
        if (limiter.blocked(address)) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return Optional.of("checkin/wait");
        }
        Optional<Invitation> found = key.length() > 200 ? Optional.empty() : invitations.find(key);
        if (found.isEmpty()) {
            limiter.recordFailure(address);
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return Optional.of("checkin/unknown");
        }
        Invitation invitation = found.get();
        if (invitation.consumedAt().isPresent()) {
            response.setStatus(HttpStatus.GONE.value());
            return Optional.of("checkin/used");
        }
        if (invitation.expired(clock.instant())) {
            response.setStatus(HttpStatus.GONE.value());
            return Optional.of("checkin/expired");
        }
        return Optional.empty();
    }

    private String showForm(
            String key,
            Invitation invitation,
            String idempotencyKey,
            ReleaseChoice release,
            AnswerForm answers,
            boolean noAnswers,
            Locale locale,
            Model model) {
        Language language = Languages.of(locale);
        Instrument instrument = instrument(invitation);
        model.addAttribute("key", key);
        model.addAttribute("title", instrument.title().get(language));
        model.addAttribute("introduction", instrument.introduction().get(language));
        model.addAttribute("questions", Question.of(instrument, language, answers.chosen(), answers.errors()));
        model.addAttribute("idempotencyKey", idempotencyKey);
        model.addAttribute("release", release.name());
        model.addAttribute("releaseChoices", ReleaseChoice.values());
        model.addAttribute("hasErrors", !answers.errors().isEmpty() || noAnswers);
        model.addAttribute("noAnswers", noAnswers);
        return "checkin/form";
    }

    private Instrument instrument(Invitation invitation) {
        return catalog.find(invitation.instrumentId())
                .orElseThrow(() -> new IllegalStateException("unknown instrument " + invitation.instrumentId()));
    }

    private static Optional<ReleaseChoice> parseRelease(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (ReleaseChoice choice : ReleaseChoice.values()) {
            if (choice.name().equals(value)) {
                return Optional.of(choice);
            }
        }
        return Optional.empty();
    }
}
