package org.alliance.app.joint;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.caseload.Client;
import org.alliance.app.caseload.MeetingDates;
import org.alliance.app.checkin.AnswerForm;
import org.alliance.app.checkin.CheckInSubmission;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.Invitations;
import org.alliance.app.checkin.IssuedInvitation;
import org.alliance.app.checkin.Question;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Languages;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Language;
import org.alliance.core.joint.BalanceCheck;
import org.alliance.core.joint.Consent;
import org.alliance.core.joint.ConsentRules;
import org.alliance.core.joint.DecisionOwnership;
import org.alliance.core.joint.GuideStep;
import org.alliance.core.joint.JointMeeting;
import org.alliance.core.joint.MeetingDecision;
import org.alliance.core.joint.MeetingGuide;
import org.alliance.core.joint.Party;
import org.alliance.core.joint.StepNote;
import org.alliance.core.release.ReleaseChoice;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The professional's pages of a joint meeting: create one from a client page, follow the guide and note what
 * happened, record decisions, interests, goals and conflicts with the balance check before closing, invite the
 * client (and network members) to the joint check-in, rate the meeting from one's own side, and the results with
 * the alliance map and the split-alliance index. Only professionals who take part see a meeting (others get
 * 404); only the chair changes it (others get 403). The client's individual result is shown to each professional
 * as {@link ConsentRules} decides.
 */
@Controller
class JointController {

    static final int MAX_TEXT = 4000;
    static final int EXTRA_PROFESSIONALS = 3;
    static final int NETWORK_ROWS = 3;

    private final JointMeetings meetings;
    private final Caseload caseload;
    private final CheckIns checkIns;
    private final Invitations invitations;
    private final Organisations organisations;
    private final InstrumentCatalog catalog;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;
    private final MeetingGuide guide = MeetingGuide.builtIn();

    JointController(
            JointMeetings meetings,
            Caseload caseload,
            CheckIns checkIns,
            Invitations invitations,
            Organisations organisations,
            InstrumentCatalog catalog,
            MessageSource messages,
            AuditLog audit,
            Clock clock) {
        this.meetings = meetings;
        this.caseload = caseload;
        this.checkIns = checkIns;
        this.invitations = invitations;
        this.organisations = organisations;
        this.catalog = catalog;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** A meeting the user does not take part in, or an unknown one: answered as if it did not exist. */
    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound() {
            super("not found");
        }
    }

    /** A professional of the meeting who is not its chair tried to change it. */
    @ResponseStatus(HttpStatus.FORBIDDEN)
    static final class NotChair extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotChair() {
            super("only the chair changes a joint meeting");
        }
    }

    private JointMeetings.Header meeting(CurrentUser user, long id) {
        return meetings.findFor(user.id(), id).orElseThrow(NotFound::new);
    }

    private JointMeetings.Header chaired(CurrentUser user, long id) {
        JointMeetings.Header header = meeting(user, id);
        if (header.chairId() != user.id()) {
            throw new NotChair();
        }
        return header;
    }

    // ---------------------------------------------------------------- list and create

    @GetMapping("/joint")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("meetings", meetings.meetingsOf(user.id()));
        return "joint/list";
    }

    @GetMapping("/clients/{clientId}/joint/new")
    String newForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long clientId, Model model) {
        Client client = caseload.clientOf(user.id(), clientId).orElseThrow(NotFound::new);
        return showNew(client, LocalDate.now(clock).toString(), Map.of(), List.of(), model);
    }

    private String showNew(Client client, String date, Map<String, String> values, List<String> errors, Model model) {
        model.addAttribute("client", client);
        model.addAttribute("date", date);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("professionalRows", range(EXTRA_PROFESSIONALS));
        model.addAttribute("networkRows", range(NETWORK_ROWS));
        model.addAttribute("roles", Party.NetworkRole.values());
        return "joint/new";
    }

    private static List<Integer> range(int n) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(i);
        }
        return rows;
    }

    @PostMapping("/clients/{clientId}/joint")
    String create(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long clientId,
            @RequestParam Map<String, String> parameters,
            HttpServletResponse response,
            Model model) {
        Client client = caseload.clientOf(user.id(), clientId).orElseThrow(NotFound::new);
        List<String> errors = new ArrayList<>();
        String date = parameters.getOrDefault("date", "");
        LocalDate day = MeetingDates.parse(date).orElse(null);
        if (day == null) {
            errors.add("joint.new.error.date");
        }
        List<JointMeetings.Account> professionals = new ArrayList<>();
        for (int i = 1; i <= EXTRA_PROFESSIONALS; i++) {
            String username = parameters.getOrDefault("professional-" + i, "").strip();
            if (username.isEmpty()) {
                continue;
            }
            Optional<JointMeetings.Account> account =
                    username.length() > 100 ? Optional.empty() : meetings.professional(username);
            if (account.isEmpty() || account.get().id() == user.id()) {
                errors.add("joint.new.error.professional." + i);
            } else if (professionals.stream()
                    .noneMatch(p -> p.id() == account.get().id())) {
                professionals.add(account.get());
            }
        }
        if (professionals.isEmpty() && errors.stream().noneMatch(e -> e.startsWith("joint.new.error.professional"))) {
            errors.add("joint.new.error.noProfessional");
        }
        List<JointMeetings.NewNetworkMember> network = new ArrayList<>();
        for (int i = 1; i <= NETWORK_ROWS; i++) {
            String label = parameters.getOrDefault("network-label-" + i, "").strip();
            if (label.isEmpty()) {
                continue;
            }
            Optional<Party.NetworkRole> role = role(parameters.get("network-role-" + i));
            if (label.length() > 100 || role.isEmpty()) {
                errors.add("joint.new.error.network." + i);
                continue;
            }
            network.add(new JointMeetings.NewNetworkMember(
                    role.get(), label, !"yes".equals(parameters.get("network-absent-" + i))));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showNew(client, date, parameters, errors, model);
        }
        JointMeetings.Account chair = meetings.account(user.id());
        long id = meetings.create(client.id(), client.alias(), chair, day, professionals, network);
        audit.record(user.username(), "joint meeting created", "joint meeting " + id);
        return "redirect:/joint/" + id;
    }

    private static Optional<Party.NetworkRole> role(String value) {
        for (Party.NetworkRole role : Party.NetworkRole.values()) {
            if (role.name().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- the meeting and the guide

    /** A step of the guide as the page shows it. */
    record StepView(GuideStep step, String code, String title, List<String> prompts, List<String> notes) {}

    /** A party as the page shows it, with a label that says the role of a network member. */
    record PartyView(long id, String key, String label, String kind, boolean present) {}

    /** A decision as the page shows it. */
    record DecisionView(String text, String proposedBy, String agreement) {}

    /** An interest, goal or conflict line: who and what. */
    record Line(String party, String text) {}

    /** A conflict between two goals. */
    record ConflictView(long id, String goal, String otherGoal, String winWin) {}

    /** A goal option for the conflict form. */
    record GoalOption(long id, String label) {}

    @GetMapping("/joint/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale, Model model) {
        JointMeetings.Header header = meeting(user, id);
        return showMeeting(user, header, List.of(), false, locale, model);
    }

    private String showMeeting(
            CurrentUser user,
            JointMeetings.Header header,
            List<String> errors,
            boolean balanceAsked,
            Locale locale,
            Model model) {
        Language language = Languages.of(locale);
        List<JointMeetings.StoredParty> parties = meetings.parties(header.id());
        Map<Long, String> labels = new LinkedHashMap<>();
        Map<String, String> labelsByKey = new LinkedHashMap<>();
        List<PartyView> partyViews = new ArrayList<>();
        for (JointMeetings.StoredParty party : parties) {
            String label = label(party, locale);
            labels.put(party.id(), label);
            labelsByKey.put(party.key(), party.label());
            partyViews.add(
                    new PartyView(party.id(), party.key(), label, party.kind().name(), party.present()));
        }
        List<StepNote> notes = meetings.notes(header.id());
        List<StepView> steps = new ArrayList<>();
        for (MeetingGuide.Step step : guide.steps()) {
            steps.add(new StepView(
                    step.step(),
                    step.step().code(),
                    step.section().title().get(language),
                    step.section().prompts().stream().map(p -> p.get(language)).toList(),
                    notes.stream()
                            .filter(n -> n.step() == step.step())
                            .map(StepNote::text)
                            .toList()));
        }
        List<DecisionView> decisions = meetings.decisions(header.id()).stream()
                .map(d -> new DecisionView(
                        d.text(),
                        labels.getOrDefault(d.proposedBy(), "?"),
                        message("joint.agreement." + d.agreement().name(), locale)))
                .toList();
        List<Line> interests = meetings.interests(header.id()).stream()
                .map(i -> new Line(labels.getOrDefault(i.partyId(), "?"), i.text()))
                .toList();
        List<JointMeetings.StoredGoal> goals = meetings.goals(header.id());
        Map<Long, String> goalTexts = new LinkedHashMap<>();
        goals.forEach(g -> goalTexts.put(g.id(), g.text()));
        List<Line> goalLines = goals.stream()
                .map(g -> new Line(labels.getOrDefault(g.partyId(), "?"), g.text()))
                .toList();
        List<GoalOption> goalOptions = goals.stream()
                .map(g -> new GoalOption(g.id(), labels.getOrDefault(g.partyId(), "?") + ": " + g.text()))
                .toList();
        List<ConflictView> conflicts = meetings.conflicts(header.id()).stream()
                .map(c -> new ConflictView(
                        c.id(),
                        goalTexts.getOrDefault(c.goalId(), "?"),
                        goalTexts.getOrDefault(c.otherGoalId(), "?"),
                        c.winWin().orElse("")))
                .toList();
        JointMeeting domain = meetings.domain(header);
        List<String> findings = new ArrayList<>();
        for (BalanceCheck.Finding finding : BalanceCheck.check(domain)) {
            findings.add(finding(finding, domain, labelsByKey, locale));
        }
        DecisionOwnership ownership = DecisionOwnership.of(domain);
        model.addAttribute("meeting", header);
        model.addAttribute("chair", header.chairId() == user.id());
        model.addAttribute("parties", partyViews);
        model.addAttribute(
                "network",
                partyViews.stream()
                        .filter(p -> p.kind().equals("NETWORK_MEMBER"))
                        .toList());
        model.addAttribute(
                "interestParties",
                partyViews.stream()
                        .filter(p -> !p.kind().equals("PROFESSIONAL"))
                        .toList());
        model.addAttribute("steps", steps);
        model.addAttribute("decisions", decisions);
        model.addAttribute("ownership", ownership);
        model.addAttribute("agreements", MeetingDecision.ClientAgreement.values());
        model.addAttribute("interests", interests);
        model.addAttribute("goals", goalLines);
        model.addAttribute("goalOptions", goalOptions);
        model.addAttribute("conflicts", conflicts);
        model.addAttribute("findings", findings);
        model.addAttribute("balanced", BalanceCheck.balanced(domain));
        model.addAttribute("balanceAsked", balanceAsked);
        model.addAttribute("balanceTitle", guide.balanceCheck().title().get(language));
        model.addAttribute(
                "balancePrompts",
                guide.balanceCheck().prompts().stream()
                        .map(p -> p.get(language))
                        .toList());
        model.addAttribute("errors", errors);
        return "joint/meeting";
    }

    private String label(JointMeetings.StoredParty party, Locale locale) {
        return switch (party.kind()) {
            case CLIENT -> message("joint.party.client", locale, party.label());
            case PROFESSIONAL -> message("joint.party.professional", locale, party.label(), party.organisationName());
            case NETWORK_MEMBER ->
                message(
                        party.present() ? "joint.party.network" : "joint.party.absent",
                        locale,
                        party.label(),
                        message("joint.role." + party.role().orElseThrow().name(), locale));
        };
    }

    private String finding(
            BalanceCheck.Finding finding, JointMeeting domain, Map<String, String> labels, Locale locale) {
        String key = "joint.balance." + finding.code().name();
        if (finding.goalIds().isEmpty()) {
            return message(key, locale, labels.getOrDefault(finding.partyIds().get(0), "?"));
        }
        String goal = domain.goal(finding.goalIds().get(0)).map(g -> g.text()).orElse("?");
        String other = domain.goal(finding.goalIds().get(1)).map(g -> g.text()).orElse("?");
        return message(key, locale, goal, other);
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private Optional<String> text(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }

    private String invalid(
            CurrentUser user,
            JointMeetings.Header header,
            String error,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return showMeeting(user, header, List.of(error), false, locale, model);
    }

    private Optional<JointMeetings.StoredParty> party(JointMeetings.Header header, String value) {
        try {
            long partyId = Long.parseLong(value == null ? "" : value);
            return meetings.parties(header.id()).stream()
                    .filter(p -> p.id() == partyId)
                    .findFirst();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @PostMapping("/joint/{id}/notes")
    String addNote(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String step,
            @RequestParam(defaultValue = "") String note,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        JointMeetings.Header header = chaired(user, id);
        Optional<String> text = text(note);
        GuideStep guideStep;
        try {
            guideStep = JointMeetings.step(step);
        } catch (IllegalArgumentException e) {
            return invalid(user, header, "joint.error.note", response, locale, model);
        }
        if (text.isEmpty()) {
            return invalid(user, header, "joint.error.note", response, locale, model);
        }
        meetings.addNote(header.id(), guideStep, text.get());
        audit.record(user.username(), "joint note written", "joint meeting " + id);
        return "redirect:/joint/" + id + "#step-" + guideStep.code();
    }

    @PostMapping("/joint/{id}/decisions")
    String addDecision(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String decision,
            @RequestParam(defaultValue = "") String proposedBy,
            @RequestParam(defaultValue = "") String agreement,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        JointMeetings.Header header = chaired(user, id);
        Optional<String> text = text(decision);
        Optional<JointMeetings.StoredParty> proposer = party(header, proposedBy);
        Optional<MeetingDecision.ClientAgreement> agreed = List.of(MeetingDecision.ClientAgreement.values()).stream()
                .filter(a -> a.name().equals(agreement))
                .findFirst();
        if (text.isEmpty() || proposer.isEmpty() || agreed.isEmpty()) {
            return invalid(user, header, "joint.error.decision", response, locale, model);
        }
        meetings.addDecision(header.id(), text.get(), proposer.get().id(), agreed.get());
        audit.record(user.username(), "joint decision written", "joint meeting " + id);
        return "redirect:/joint/" + id + "#decisions";
    }

    @PostMapping("/joint/{id}/interests")
    String addInterest(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String party,
            @RequestParam(defaultValue = "") String interest,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        return addForParty(user, id, party, interest, "interest", meetings::addInterest, response, locale, model);
    }

    @PostMapping("/joint/{id}/goals")
    String addGoal(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String party,
            @RequestParam(defaultValue = "") String goal,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        return addForParty(user, id, party, goal, "goal", meetings::addGoal, response, locale, model);
    }

    /** Stores something one party of the meeting holds (an interest or a goal). */
    @FunctionalInterface
    private interface PartyWrite {
        void add(long jointId, long partyId, String text);
    }

    /**
     * An interest or goal of one party, written by the chair: the text and the party are checked (an inline error
     * {@code joint.error.<kind>} otherwise), then stored and audited.
     */
    private String addForParty(
            CurrentUser user,
            long id,
            String party,
            String statement,
            String kind,
            PartyWrite write,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        JointMeetings.Header header = chaired(user, id);
        Optional<String> text = text(statement);
        Optional<JointMeetings.StoredParty> owner = party(header, party);
        if (text.isEmpty() || owner.isEmpty()) {
            return invalid(user, header, "joint.error." + kind, response, locale, model);
        }
        write.add(header.id(), owner.get().id(), text.get());
        audit.record(user.username(), "joint " + kind + " written", "joint meeting " + id);
        return "redirect:/joint/" + id + "#interests";
    }

    @PostMapping("/joint/{id}/conflicts")
    String addConflict(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String goal,
            @RequestParam(defaultValue = "") String otherGoal,
            @RequestParam(defaultValue = "") String winWin,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        JointMeetings.Header header = chaired(user, id);
        List<Long> goalIds = meetings.goals(header.id()).stream()
                .map(JointMeetings.StoredGoal::id)
                .toList();
        long first;
        long second;
        try {
            first = Long.parseLong(goal);
            second = Long.parseLong(otherGoal);
        } catch (NumberFormatException e) {
            return invalid(user, header, "joint.error.conflict", response, locale, model);
        }
        if (first == second || !goalIds.contains(first) || !goalIds.contains(second) || winWin.length() > MAX_TEXT) {
            return invalid(user, header, "joint.error.conflict", response, locale, model);
        }
        meetings.addConflict(header.id(), first, second, text(winWin));
        audit.record(user.username(), "joint conflict written", "joint meeting " + id);
        return "redirect:/joint/" + id + "#interests";
    }

    @PostMapping("/joint/{id}/conflicts/{conflictId}")
    String noteWinWin(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @PathVariable long conflictId,
            @RequestParam(defaultValue = "") String winWin,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        JointMeetings.Header header = chaired(user, id);
        Optional<String> text = text(winWin);
        boolean known = meetings.conflicts(header.id()).stream().anyMatch(c -> c.id() == conflictId);
        if (!known) {
            throw new NotFound();
        }
        if (text.isEmpty()) {
            return invalid(user, header, "joint.error.winWin", response, locale, model);
        }
        meetings.noteWinWin(header.id(), conflictId, text.get());
        audit.record(user.username(), "joint win-win written", "joint meeting " + id);
        return "redirect:/joint/" + id + "#interests";
    }

    /** Closing: the balance check first. With something still open the chair is asked to confirm. */
    @PostMapping("/joint/{id}/close")
    String close(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String confirm,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        JointMeetings.Header header = chaired(user, id);
        if (!BalanceCheck.balanced(meetings.domain(header)) && !"yes".equals(confirm)) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return showMeeting(user, header, List.of(), true, locale, model);
        }
        meetings.close(header.id());
        audit.record(user.username(), "joint meeting closed", "joint meeting " + id);
        return "redirect:/joint/" + id;
    }

    // ---------------------------------------------------------------- invitations and ratings

    @PostMapping("/joint/{id}/invitations")
    String invite(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "client") String party,
            RedirectAttributes redirect) {
        JointMeetings.Header header = chaired(user, id);
        Optional<Long> networkMember = Optional.empty();
        String instrument = JointResults.CLIENT_INSTRUMENT;
        if (!party.equals("client")) {
            JointMeetings.StoredParty member = party(header, party)
                    .filter(p -> p.kind() == Party.Kind.NETWORK_MEMBER)
                    .orElseThrow(NotFound::new);
            networkMember = Optional.of(member.id());
            instrument = JointResults.PARTIALITY_INSTRUMENT;
        }
        IssuedInvitation issued = invitations.issue(
                header.meetingId(),
                instrument,
                user.id(),
                organisations.get(user.organisationId()).invitationLifetime(),
                networkMember);
        audit.record(user.username(), "invitation created", "meeting " + header.meetingId());
        redirect.addFlashAttribute("token", issued.token());
        redirect.addFlashAttribute("code", issued.displayCode());
        redirect.addFlashAttribute("expiresAt", issued.expiresAt().toString());
        return "redirect:/meetings/" + header.meetingId() + "/invitation";
    }

    @GetMapping("/joint/{id}/rating")
    String ratingForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale, Model model) {
        JointMeetings.Header header = meeting(user, id);
        return showRating(
                header,
                AnswerForm.read(professionalInstrument(), Map.of()),
                UUID.randomUUID().toString(),
                false,
                locale,
                model);
    }

    @PostMapping("/joint/{id}/rating")
    String rate(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam Map<String, String> parameters,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        JointMeetings.Header header = meeting(user, id);
        Instrument instrument = professionalInstrument();
        AnswerForm answers = AnswerForm.read(instrument, parameters);
        String key = parameters.getOrDefault("idempotencyKey", "");
        if (key.isBlank() || key.length() > 64) {
            key = UUID.randomUUID().toString();
        }
        if (!answers.acceptable()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showRating(header, answers, key, answers.answers().isEmpty(), locale, model);
        }
        CheckIns.Outcome outcome = checkIns.submitRating(
                header.meetingId(),
                header.clientId(),
                Optional.of(user.id()),
                new CheckInSubmission(instrument, Languages.of(locale), ReleaseChoice.NOW, key, answers.answers()));
        if (outcome == CheckIns.Outcome.SAVED) {
            audit.record(user.username(), "joint rating submitted", "joint meeting " + id);
        }
        return "redirect:/joint/" + id + "/results";
    }

    private String showRating(
            JointMeetings.Header header,
            AnswerForm answers,
            String key,
            boolean noAnswers,
            Locale locale,
            Model model) {
        Instrument instrument = professionalInstrument();
        Language language = Languages.of(locale);
        model.addAttribute("meeting", header);
        model.addAttribute("title", instrument.title().get(language));
        model.addAttribute("introduction", instrument.introduction().get(language));
        model.addAttribute("questions", Question.of(instrument, language, answers.chosen(), answers.errors()));
        model.addAttribute("idempotencyKey", key);
        model.addAttribute("hasErrors", !answers.errors().isEmpty() || noAnswers);
        model.addAttribute("noAnswers", noAnswers);
        return "rating";
    }

    private Instrument professionalInstrument() {
        return catalog.find(JointResults.PROFESSIONAL_INSTRUMENT).orElseThrow();
    }

    // ---------------------------------------------------------------- results and consent

    /** A professional of another organisation and the client's consent for them. */
    record ConsentView(long professionalId, String name, String organisation, String state) {}

    @GetMapping("/joint/{id}/results")
    String results(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale, Model model) {
        JointMeetings.Header header = meeting(user, id);
        List<JointMeetings.StoredParty> parties = meetings.parties(header.id());
        List<Consent> consents = meetings.consents(header.clientId());
        JointResults results = JointResults.build(
                header,
                parties,
                meetings.checkIns(header.meetingId()),
                consents,
                new ConsentRules.Viewer(String.valueOf(user.id()), String.valueOf(user.organisationId())),
                catalog,
                meetings.splitThreshold(header.clientOrganisationId()),
                clock.instant(),
                Languages.of(locale),
                message("joint.map.label", locale, header.clientAlias()),
                message("joint.map.own", locale));
        if (results.visible()) {
            audit.record(user.username(), "joint results read", "joint meeting " + id);
        }
        Set<Long> others = JointResults.otherOrganisation(header, parties);
        List<ConsentView> consentViews = new ArrayList<>();
        for (JointMeetings.StoredParty party : parties) {
            if (party.userId().isPresent() && others.contains(party.userId().get())) {
                Optional<Consent.Action> standing = ConsentRules.standing(
                        String.valueOf(header.clientId()),
                        String.valueOf(party.userId().get()),
                        consents,
                        clock.instant());
                consentViews.add(new ConsentView(
                        party.userId().get(),
                        party.label(),
                        party.organisationName(),
                        standing.map(Enum::name).orElse("NONE")));
            }
        }
        model.addAttribute("meeting", header);
        model.addAttribute("chair", header.chairId() == user.id());
        model.addAttribute("results", results);
        model.addAttribute("visible", results.visible());
        model.addAttribute("splitPercent", results.splitPercent());
        model.addAttribute("consents", consentViews);
        model.addAttribute(
                "thresholdPercent", Math.round(meetings.splitThreshold(header.clientOrganisationId()) * 100));
        return "joint/results";
    }

    /** The chair records that the client gives or withdraws consent (the client said so); it counts at once. */
    @PostMapping("/joint/{id}/consents")
    String consent(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "0") String professional,
            @RequestParam(defaultValue = "") String action) {
        JointMeetings.Header header = chaired(user, id);
        long professionalId;
        try {
            professionalId = Long.parseLong(professional);
        } catch (NumberFormatException e) {
            throw new NotFound();
        }
        if (!JointResults.otherOrganisation(header, meetings.parties(header.id()))
                .contains(professionalId)) {
            throw new NotFound();
        }
        Consent.Action consentAction = action.equals("GIVEN") ? Consent.Action.GIVEN : Consent.Action.WITHDRAWN;
        meetings.recordConsent(header.clientId(), professionalId, consentAction, user.username());
        audit.record(
                user.username(),
                "joint consent " + consentAction.name().toLowerCase(Locale.ROOT),
                "client " + header.clientId() + ", professional " + professionalId);
        return "redirect:/joint/" + id + "/results";
    }
}
