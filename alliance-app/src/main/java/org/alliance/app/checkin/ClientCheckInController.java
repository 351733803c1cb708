package org.alliance.app.checkin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.alliance.core.instrument.InstrumentCatalog;
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
 * {@code /c/{token}}, answer, choose who sees the answers and when, submit once.
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
    private final InstrumentCatalog catalog;
    private final AttemptLimiter limiter;
    private final AuditLog audit;
    private final JointParticipants joint;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final LocaleResolver localeResolver;

    ClientCheckInController(
            Invitations invitations,
            CheckIns checkIns,
            Organisations organisations,
            InstrumentCatalog catalog,
            AttemptLimiter limiter,
            AuditLog audit,
            JointParticipants joint,
            Clock clock,
            TransactionTemplate transactions,
            LocaleResolver localeResolver) {
        this.invitations = invitations;
        this.checkIns = checkIns;
        this.organisations = organisations;
        this.catalog = catalog;
        this.limiter = limiter;
        this.audit = audit;
        this.joint = joint;
        this.clock = clock;
        this.transactions = transactions;
        this.localeResolver = localeResolver;
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
        Optional<Invitation> found = lookUp(key, request.getRemoteAddr());
        Optional<String> refusal = refusal(found, request.getRemoteAddr(), response);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Invitation invitation = found.orElseThrow();
        Organisation organisation = organisations.get(invitation.organisationId());
        locale = Languages.forCheckIn(request, locale, invitation.language(), organisation.language());
        if (instrument(invitation).asksPerProfessional()) {
            List<JointParticipants.Professional> professionals = joint.professionals(invitation.meetingId());
            return showJointForm(
                    key,
                    invitation,
                    UUID.randomUUID().toString(),
                    organisation.defaultRelease(),
                    JointAnswerForm.read(instrument(invitation), ids(professionals), Map.of()),
                    Set.of(),
                    Map.of(),
                    Map.of(),
                    false,
                    locale,
                    model);
        }
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
        Optional<Invitation> found = lookUp(key, request.getRemoteAddr());
        if (found.isEmpty()) {
            return refusal(found, request.getRemoteAddr(), response).orElse("checkin/unknown");
        }
        Invitation invitation = found.get();
        locale = Languages.forCheckIn(
                request,
                locale,
                invitation.language(),
                organisations.get(invitation.organisationId()).language());
        Instrument instrument = instrument(invitation);
        String idempotencyKey = parameters.getOrDefault("idempotencyKey", "");
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 64) {
            idempotencyKey = UUID.randomUUID().toString();
        }
        ReleaseChoice release = parseRelease(parameters.get("release"))
                .orElseGet(() -> organisations.get(invitation.organisationId()).defaultRelease());
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
                    organisations.get(invitation.organisationId()).defaultRelease(),
                    parameters,
                    switchingLanguage,
                    response,
                    locale,
                    model);
        }
        AnswerForm answers = AnswerForm.read(instrument, parameters);
        if (switchingLanguage) {
            return showForm(key, invitation, idempotencyKey, release, answers, false, locale, model);
        }
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
        CheckInSubmission submission = new CheckInSubmission(
                instrument, answeredIn(parameters, locale), release, idempotencyKey, answers.answers());
        return afterSubmit(store(invitation, submission, () -> {}), response);
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
        // A language switch shows the form again with what was filled in; a refused form does too, with its
        // errors, unless the same key was already stored (then the first send went through).
        boolean refused = !switchingLanguage && !answers.acceptable();
        if (refused && checkIns.countWithKey(idempotencyKey) > 0) {
            return "redirect:/c/thanks";
        }
        if (switchingLanguage || refused) {
            if (refused) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            }
            return showJointForm(
                    key,
                    invitation,
                    idempotencyKey,
                    release,
                    answers,
                    consented,
                    blockReleases,
                    blockAudiences,
                    refused && answers.noAnswers(),
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
        return afterSubmit(outcome, response);
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
                audit.record("client", "check-in submitted", "meeting " + invitation.meetingId());
                alsoWhenSaved.run();
            }
            return result;
        });
    }

    private String afterSubmit(CheckIns.Outcome outcome, HttpServletResponse response) {
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

    /**
     * The invitation behind a link token or short code, for this address. A typed short code (about 40 bits) can be
     * guessed, so an address over the wrong-code limit may not try one. A link token (256 bits) cannot be guessed,
     * so a known token is let through without asking the limiter: a client whose shared network address is blocked
     * by someone else's typing mistakes can still use their own link, and every check-in is one query shorter.
     */
    private Optional<Invitation> lookUp(String key, String address) {
        boolean guessable = !Secrets.normaliseCode(key).isEmpty();
        if (key.length() > 200 || (guessable && limiter.blocked(address))) {
            return Optional.empty();
        }
        return invitations.find(key);
    }

    /** The friendly page for a wrong, used or expired link, or none when the form may be shown. */
    private Optional<String> refusal(Optional<Invitation> found, String address, HttpServletResponse response) {
        if (found.isEmpty()) {
            if (limiter.blocked(address)) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                return Optional.of("checkin/wait");
            }
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
        model.addAttribute("otherLanguages", otherLanguages(language));
        return "checkin/form";
    }

    private String showJointForm(
            String key,
            Invitation invitation,
            String idempotencyKey,
            ReleaseChoice release,
            JointAnswerForm answers,
            Set<Long> consented,
            Map<Long, ReleaseChoice> blockReleases,
            Map<Long, BlockAudience> blockAudiences,
            boolean noAnswers,
            Locale locale,
            Model model) {
        Language language = Languages.of(locale);
        Instrument instrument = instrument(invitation);
        List<JointParticipants.Professional> professionals = joint.professionals(invitation.meetingId());
        ReleaseChoice organisationDefault =
                organisations.get(invitation.organisationId()).defaultRelease();
        List<Block> blocks = new ArrayList<>();
        for (JointParticipants.Professional professional : professionals) {
            AnswerForm block = answers.blocks().getOrDefault(professional.id(), AnswerForm.read(instrument, Map.of()));
            blocks.add(new Block(
                    professional,
                    Question.block(
                            instrument,
                            language,
                            JointAnswerForm.prefix(professional.id()),
                            professional.name(),
                            block.chosen(),
                            block.errors()),
                    // Only the client chooses per professional; a network member's check-in has one choice.
                    invitation.jointPartyId().isPresent()
                            ? ""
                            : blockReleases
                                    .getOrDefault(professional.id(), organisationDefault)
                                    .name(),
                    blockAudiences
                            .getOrDefault(professional.id(), BlockAudience.CONCERNED)
                            .name()));
        }
        List<Question> team = Question.of(
                instrument, language, answers.team().chosen(), answers.team().errors());
        List<Question> wrong = new ArrayList<>();
        blocks.forEach(
                b -> b.questions().stream().filter(q -> q.error() != null).forEach(wrong::add));
        team.stream().filter(q -> q.error() != null).forEach(wrong::add);
        model.addAttribute("key", key);
        model.addAttribute("title", instrument.title().get(language));
        model.addAttribute("introduction", instrument.introduction().get(language));
        model.addAttribute("blocks", blocks);
        model.addAttribute("questions", team);
        model.addAttribute("wrong", wrong);
        model.addAttribute(
                "consents",
                invitation.jointPartyId().isPresent()
                        ? List.of()
                        : professionals.stream()
                                .filter(JointParticipants.Professional::otherOrganisation)
                                .toList());
        model.addAttribute("consented", consented);
        model.addAttribute("perBlock", invitation.jointPartyId().isEmpty());
        model.addAttribute("idempotencyKey", idempotencyKey);
        model.addAttribute("release", release.name());
        model.addAttribute("releaseChoices", ReleaseChoice.values());
        model.addAttribute("audiences", BlockAudience.values());
        model.addAttribute("hasErrors", answers.hasErrors() || noAnswers);
        model.addAttribute("noAnswers", noAnswers);
        model.addAttribute("otherLanguages", otherLanguages(language));
        return "checkin/joint-form";
    }

    /**
     * One professional's block of questions in a joint check-in.
     *
     * @param release the preselected release choice for this block, or empty when the block has none of its own
     * @param audience the preselected choice of who may see the block ({@link BlockAudience}); asked with the release
     */
    record Block(
            JointParticipants.Professional professional, List<Question> questions, String release, String audience) {}

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

    /** The languages the form can switch to, as codes: all of Alliance's but the page's own. */
    private static List<String> otherLanguages(Language current) {
        return Arrays.stream(Language.values())
                .filter(l -> l != current)
                .map(Language::code)
                .toList();
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
