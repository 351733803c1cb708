package org.alliance.app.joint;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.joint.Consent;
import org.alliance.core.joint.ConsentRules;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The results of a joint meeting for the professional who asks: the scores per professional and the alliance map,
 * as far as the release and consent rules let this viewer see them ({@link JointResults}), and the client's
 * consents for professionals of another organisation.
 */
@Controller
class JointResultsController {

    private final JointMeetings meetings;
    private final InstrumentCatalog catalog;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;
    private final JointAccess access;
    private final SelfChecks selfChecks;

    JointResultsController(
            JointMeetings meetings,
            InstrumentCatalog catalog,
            MessageSource messages,
            AuditLog audit,
            Clock clock,
            JointAccess access,
            SelfChecks selfChecks) {
        this.meetings = meetings;
        this.catalog = catalog;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
        this.access = access;
        this.selfChecks = selfChecks;
    }

    /**
     * One professional of the meeting: their partiality self-check (the mean of the five points) beside the
     * network members' mean rating of them, both 1–5; "–" when there is none.
     */
    record SelfCheckRow(String name, String self, String network, int networkParties) {}

    /** A professional of another organisation and the client's consent for them. */
    record ConsentView(long professionalId, String name, String organisation, String state) {}

    @GetMapping("/joint/{id}/results")
    String results(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale, Model model) {
        JointMeetings.Header header = access.meeting(user, id);
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
                locale,
                messages.getMessage("joint.map.label", new Object[] {header.clientAlias()}, locale),
                messages.getMessage("joint.map.own", null, locale));
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
        // Only the meeting's professionals reach this page (JointAccess): they see each other's self-checks.
        Map<Long, SelfChecks.SelfCheck> checks = new java.util.HashMap<>();
        selfChecks.ofMeeting(header.id()).forEach(c -> checks.put(c.professionalId(), c));
        List<SelfCheckRow> selfCheckRows = new ArrayList<>();
        for (JointMeetings.StoredParty party : parties) {
            if (party.kind() != org.alliance.core.joint.Party.Kind.PROFESSIONAL) {
                continue;
            }
            SelfChecks.SelfCheck check = checks.get(party.userId().orElseThrow());
            Optional<JointResults.PartialityRow> network = results.partiality().stream()
                    .filter(r -> r.key().equals(party.key()))
                    .findFirst();
            selfCheckRows.add(new SelfCheckRow(
                    party.label(),
                    check == null ? "–" : JointResults.text(check.mean(), locale),
                    network.map(row -> row.meanText(locale)).orElse("–"),
                    network.map(JointResults.PartialityRow::parties).orElse(0)));
        }
        model.addAttribute("selfChecks", selfCheckRows);
        model.addAttribute(
                "splitPrompts",
                org.alliance.app.conversation.ConversationPrompts.groups(
                        org.alliance.app.conversation.ConversationPrompts.Signal.SPLIT));
        model.addAttribute("ownSelfCheck", checks.containsKey(user.id()));
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
}
