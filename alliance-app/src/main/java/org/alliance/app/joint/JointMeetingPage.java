package org.alliance.app.joint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Languages;
import org.alliance.core.instrument.Language;
import org.alliance.core.joint.BalanceCheck;
import org.alliance.core.joint.DecisionOwnership;
import org.alliance.core.joint.GuideStep;
import org.alliance.core.joint.JointMeeting;
import org.alliance.core.joint.MeetingDecision;
import org.alliance.core.joint.MeetingGuide;
import org.alliance.core.joint.StepNote;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The page of one joint meeting: the guide's steps with the chair's notes, the parties, decisions, interests, goals
 * and conflicts, and the balance check — built from one read of the meeting's record ({@link
 * JointRecords#read}), the balance check run once.
 */
@Component
class JointMeetingPage {

    private final JointRecords records;
    private final MessageSource messages;
    private final MeetingGuide guide = MeetingGuide.builtIn();

    JointMeetingPage(JointRecords records, MessageSource messages) {
        this.records = records;
        this.messages = messages;
    }

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

    String show(
            CurrentUser user,
            JointMeetings.Header header,
            List<String> errors,
            boolean balanceAsked,
            Locale locale,
            Model model) {
        Language language = Languages.of(locale);
        JointRecords.Snapshot snapshot = records.read(header);
        List<JointMeetings.StoredParty> parties = snapshot.parties();
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
        List<StepNote> notes = snapshot.notes();
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
        List<DecisionView> decisions = snapshot.decisions().stream()
                .map(d -> new DecisionView(
                        d.text(),
                        labels.getOrDefault(d.proposedBy(), "?"),
                        message("joint.agreement." + d.agreement().name(), locale)))
                .toList();
        List<Line> interests = snapshot.interests().stream()
                .map(i -> new Line(labels.getOrDefault(i.partyId(), "?"), i.text()))
                .toList();
        List<JointRecords.StoredGoal> goals = snapshot.goals();
        Map<Long, String> goalTexts = new LinkedHashMap<>();
        goals.forEach(g -> goalTexts.put(g.id(), g.text()));
        List<Line> goalLines = goals.stream()
                .map(g -> new Line(labels.getOrDefault(g.partyId(), "?"), g.text()))
                .toList();
        List<GoalOption> goalOptions = goals.stream()
                .map(g -> new GoalOption(g.id(), labels.getOrDefault(g.partyId(), "?") + ": " + g.text()))
                .toList();
        List<ConflictView> conflicts = snapshot.conflicts().stream()
                .map(c -> new ConflictView(
                        c.id(),
                        goalTexts.getOrDefault(c.goalId(), "?"),
                        goalTexts.getOrDefault(c.otherGoalId(), "?"),
                        c.winWin().orElse("")))
                .toList();
        JointMeeting domain = records.domain(snapshot);
        List<BalanceCheck.Finding> checked = BalanceCheck.check(domain);
        List<String> findings = new ArrayList<>();
        for (BalanceCheck.Finding finding : checked) {
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
        model.addAttribute("balanced", checked.stream().noneMatch(BalanceCheck.Finding::needsAttention));
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

    String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
