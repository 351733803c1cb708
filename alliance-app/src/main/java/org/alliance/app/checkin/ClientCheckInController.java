package org.alliance.app.checkin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.alliance.app.organisation.Organisation;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.Languages;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Language;
import org.alliance.core.joint.BlockAudience;
import org.alliance.core.release.ReleaseChoice;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The client's side, without an account: type a short code at {@code /c} or open the one-time link
 * {@code /c/{token}}, answer, choose who sees the answers and when, submit once. Who may open a link is
 * {@link CheckInGate}'s; how the forms look is {@link CheckInPages}'s; this class reads and stores what was sent.
 */
@Controller
class ClientCheckInController {

    /**
     * The name of the form's language buttons. Not {@code lang}: a post with {@code ?lang=} switches the language
     * and is still a submission, while a language button only switches and shows the form again.
     */
    static final String LANGUAGE_BUTTON = "language";

    private final Invitations invitations;
    private final CheckIns checkIns;
    private final Organisations organisations;
    private final AuditLog audit;
    private final JointParticipants joint;
    private final TransactionTemplate transactions;
    private final LocaleResolver localeResolver;
    private final CheckInGate gate;
    private final CheckInPages pages;
    private final List<CheckInExtra> extras;

    ClientCheckInController(
            Invitations invitations,
            CheckIns checkIns,
            Organisations organisations,
            AuditLog audit,
            JointParticipants joint,
            TransactionTemplate transactions,
            LocaleResolver localeResolver,
            CheckInGate gate,
            CheckInPages pages,
            List<CheckInExtra> extras) {
        this.extras = List.copyOf(extras);
        this.invitations = invitations;
        this.checkIns = checkIns;
        this.organisations = organisations;
        this.audit = audit;
        this.joint = joint;
        this.transactions = transactions;
        this.localeResolver = localeResolver;
        this.gate = gate;
        this.pages = pages;
    }

    @GetMapping("/c")
    String codeForm(HttpServletRequest request, HttpServletResponse response) {
        gate.giveEntryCookie(request, response);
        return "checkin/code";
    }

    @PostMapping("/c")
    String enterCode(
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String normalised = Secrets.normaliseCode(code);
        // Something that cannot be a short code (empty, wrong letters) is no guess: it is said without counting.
        CheckInGate.Entry entry = normalised.isEmpty()
                ? new CheckInGate.Unknown()
                : gate.open(normalised, Optional.empty(), request, response);
        if (entry instanceof CheckInGate.Found found) {
            return "redirect:/c/" + normalised + "?" + CheckInGate.PASS + "="
                    + found.pass().orElseThrow();
        }
        model.addAttribute("code", code);
        if (entry instanceof CheckInGate.MustWait wait) {
            CheckInGate.mustWait(wait, response, model);
        } else {
            model.addAttribute("codeError", true);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return "checkin/code";
    }

    @GetMapping("/c/thanks")
    String thanks(@RequestParam(name = "shown", required = false) String shown, Model model) {
        parseRelease(shown).ifPresent(release -> model.addAttribute("release", release));
        return "checkin/thanks";
    }

    @GetMapping("/c/{key}")
    String form(
            @PathVariable String key,
            @RequestParam(name = CheckInGate.PASS, required = false) String pass,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        CheckInGate.Entry entry = gate.open(key, Optional.ofNullable(pass), request, response);
        Optional<String> refusal = gate.refusal(entry, response, model);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Invitation invitation = ((CheckInGate.Found) entry).invitation();
        Organisation organisation = organisations.get(invitation.organisationId());
        locale = Languages.forCheckIn(request, locale, invitation.language(), organisation.language());
        if (pages.instrument(invitation).asksPerProfessional()) {
            List<JointParticipants.Professional> professionals = joint.professionals(invitation.meetingId());
            return pages.joint(
                    key,
                    invitation,
                    UUID.randomUUID().toString(),
                    organisation.defaultRelease(),
                    CheckInPages.JointChoices.none(
                            JointAnswerForm.read(pages.instrument(invitation), ids(professionals), Map.of())),
                    false,
                    locale,
                    model);
        }
        return pages.plain(
                key,
                invitation,
                UUID.randomUUID().toString(),
                organisation.defaultRelease(),
                AnswerForm.read(pages.instrument(invitation), Map.of()),
                blocks(offered(invitation, Map.of(), Languages.of(locale))),
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
        CheckInGate.Entry entry =
                gate.open(key, Optional.ofNullable(parameters.get(CheckInGate.PASS)), request, response);
        if (!(entry instanceof CheckInGate.Found found)) {
            return gate.refusal(entry, response, model).orElse("checkin/unknown");
        }
        found.pass().ifPresent(p -> model.addAttribute(CheckInGate.PASS, p));
        Invitation invitation = found.invitation();
        Organisation organisation = organisations.get(invitation.organisationId());
        locale = Languages.forCheckIn(request, locale, invitation.language(), organisation.language());
        Instrument instrument = pages.instrument(invitation);
        String idempotencyKey = CheckInSubmission.keyOrNew(parameters.get("idempotencyKey"));
        ReleaseChoice release = parseRelease(parameters.get("release")).orElse(organisation.defaultRelease());
        // A language button of the form: the page again in that language (remembered like a language link), with
        // every answer and choice kept and nothing stored.
        Optional<Language> switchTo =
                Optional.ofNullable(parameters.get(LANGUAGE_BUTTON)).flatMap(Language::fromCode);
        boolean switchingLanguage = parameters.containsKey(LANGUAGE_BUTTON);
        if (switchTo.isPresent()) {
            locale = switchTo.get().locale();
            localeResolver.setLocale(request, response, locale);
        }
        if (instrument.asksPerProfessional()) {
            return submitJoint(
                    key,
                    invitation,
                    instrument,
                    idempotencyKey,
                    release,
                    organisation.defaultRelease(),
                    parameters,
                    switchingLanguage,
                    response,
                    locale,
                    model);
        }
        AnswerForm answers = AnswerForm.read(instrument, parameters);
        List<Offered> offered = offered(invitation, parameters, Languages.of(locale));
        boolean extrasAcceptable = offered.stream().allMatch(o -> o.block().acceptable());
        if (switchingLanguage || !answers.acceptable() || !extrasAcceptable) {
            // A form already stored under this key (a retry) counts as done, even if it came back incomplete.
            if (!switchingLanguage && checkIns.countWithKey(idempotencyKey) > 0) {
                return "redirect:/c/thanks";
            }
            if (!switchingLanguage) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            }
            boolean noAnswers = !switchingLanguage && answers.answers().isEmpty();
            return pages.plain(
                    key, invitation, idempotencyKey, release, answers, blocks(offered), noAnswers, locale, model);
        }
        CheckInSubmission submission = CheckInSubmission.ordinary(
                instrument, answeredIn(parameters, locale), release, idempotencyKey, answers.answers());
        // The blocks of other features go into the check-in's own transaction: stored with it or not at all.
        return afterSubmit(
                store(
                        invitation,
                        submission,
                        () -> offered.forEach(o -> o.extra().store(invitation, o.block(), submission))),
                response,
                Optional.of(release));
    }

    /** A block another feature offers on this form, with the feature that stores it. */
    private record Offered(CheckInExtra extra, CheckInExtra.Block block) {}

    /** The blocks of other features on the plain form of this invitation (only for the client, never a joint one). */
    private List<Offered> offered(Invitation invitation, Map<String, String> sent, Language language) {
        if (invitation.jointPartyId().isPresent()) {
            return List.of();
        }
        return extras.stream()
                .flatMap(extra ->
                        extra.block(invitation, sent, language).stream().map(block -> new Offered(extra, block)))
                .toList();
    }

    private static List<CheckInExtra.Block> blocks(List<Offered> offered) {
        return offered.stream().map(Offered::block).toList();
    }

    /**
     * A joint check-in: one block per professional by name, then the items asked once, the client's consent for
     * professionals of another organisation, and the release choices: the client's, one per professional block
     * (field {@code release-p{professional}}, the organisation's default when missing) and one for the questions
     * asked once. A network member's check-in has one choice for everything. Same idempotency and one-time rules.
     */
    private String submitJoint(
            String key,
            Invitation invitation,
            Instrument instrument,
            String idempotencyKey,
            ReleaseChoice release,
            ReleaseChoice organisationDefault,
            Map<String, String> parameters,
            boolean switchingLanguage,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        List<JointParticipants.Professional> professionals = joint.professionals(invitation.meetingId());
        JointAnswerForm answers = JointAnswerForm.read(instrument, ids(professionals), parameters);
        Set<Long> consented = new HashSet<>();
        for (JointParticipants.Professional professional : professionals) {
            if (professional.otherOrganisation() && "yes".equals(parameters.get("consent-" + professional.id()))) {
                consented.add(professional.id());
            }
        }
        Map<Long, ReleaseChoice> blockReleases = new LinkedHashMap<>();
        Map<Long, BlockAudience> blockAudiences = new LinkedHashMap<>();
        if (invitation.jointPartyId().isEmpty()) {
            for (JointParticipants.Professional professional : professionals) {
                blockReleases.put(
                        professional.id(),
                        parseRelease(parameters.get("release-p" + professional.id()))
                                .orElse(organisationDefault));
                blockAudiences.put(
                        professional.id(), BlockAudience.parse(parameters.get("audience-p" + professional.id())));
            }
        }
        if (switchingLanguage || !answers.acceptable()) {
            if (!switchingLanguage && checkIns.countWithKey(idempotencyKey) > 0) {
                return "redirect:/c/thanks";
            }
            if (!switchingLanguage) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            }
            return pages.joint(
                    key,
                    invitation,
                    idempotencyKey,
                    release,
                    new CheckInPages.JointChoices(answers, consented, blockReleases, blockAudiences),
                    !switchingLanguage && answers.noAnswers(),
                    locale,
                    model);
        }
        CheckInSubmission submission = new CheckInSubmission(
                instrument,
                answeredIn(parameters, locale),
                release,
                idempotencyKey,
                answers.team().answers(),
                answers.perProfessional(),
                blockReleases,
                blockAudiences);
        // The client's consent for professionals of another organisation is stored with the answers.
        CheckIns.Outcome outcome = store(invitation, submission, () -> {
            if (invitation.jointPartyId().isEmpty()) {
                Map<Long, Boolean> consents = new LinkedHashMap<>();
                professionals.stream()
                        .filter(JointParticipants.Professional::otherOrganisation)
                        .forEach(p -> consents.put(p.id(), consented.contains(p.id())));
                joint.recordConsents(invitation.clientId(), consents);
            }
        });
        return afterSubmit(outcome, response, Optional.empty());
    }

    private static List<Long> ids(List<JointParticipants.Professional> professionals) {
        return professionals.stream().map(JointParticipants.Professional::id).toList();
    }

    /**
     * Stores the answers, the audit row and whatever else belongs to the submission in one transaction: one commit
     * per submission, and never answers without their audit row.
     */
    private CheckIns.Outcome store(Invitation invitation, CheckInSubmission submission, Runnable alsoWhenSaved) {
        return transactions.execute(status -> {
            CheckIns.Outcome result = checkIns.submit(invitation, submission);
            if (result == CheckIns.Outcome.SAVED) {
                audit.record(
                        invitation.organisationId(),
                        "client",
                        "check-in submitted",
                        "meeting " + invitation.meetingId());
                alsoWhenSaved.run();
            }
            return result;
        });
    }

    /**
     * Where a sent form goes. A newly stored plain check-in's thanks page repeats, in words, who sees the answers
     * and when ({@code shown}); a retry of a form stored before gets the plain thanks, since the choice stored then
     * is the one that holds.
     */
    private String afterSubmit(CheckIns.Outcome outcome, HttpServletResponse response, Optional<ReleaseChoice> shown) {
        switch (outcome) {
            case SAVED -> {
                return "redirect:/c/thanks"
                        + shown.map(r -> "?shown=" + r.name()).orElse("");
            }
            case ALREADY_SAVED -> {
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

    /**
     * The language the answers were given in: the one the form was shown in (its field {@code formLanguage}), so
     * that a form sent without the cookie that chose it (a lost session, cleared cookies) is still stored as
     * answered in the language it was read in; else the request's.
     */
    private static Language answeredIn(Map<String, String> parameters, Locale locale) {
        return Optional.ofNullable(parameters.get("formLanguage"))
                .flatMap(Language::fromCode)
                .orElseGet(() -> Languages.of(locale));
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
