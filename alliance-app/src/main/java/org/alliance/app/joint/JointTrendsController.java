package org.alliance.app.joint;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.caseload.Client;
import org.alliance.app.coding.MeetingObservations;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Formats;
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
 * A client's joint meetings over time ({@link JointTrends}), reached from the client's page: only the client's own
 * professional sees it (anyone else gets 404, as for the client page), and of each meeting only what the results
 * page would show them.
 */
@Controller
class JointTrendsController {

    private final JointMeetings meetings;
    private final Caseload caseload;
    private final MeetingObservations observations;
    private final InstrumentCatalog catalog;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;
    private final SelfChecks selfChecks;

    JointTrendsController(
            JointMeetings meetings,
            Caseload caseload,
            MeetingObservations observations,
            InstrumentCatalog catalog,
            MessageSource messages,
            AuditLog audit,
            Clock clock,
            SelfChecks selfChecks) {
        this.meetings = meetings;
        this.caseload = caseload;
        this.observations = observations;
        this.catalog = catalog;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
        this.selfChecks = selfChecks;
    }

    /** The viewer's own partiality self-check at one meeting beside the network members' mean rating of them. */
    record SelfCheckPoint(String date, String self, String network, int networkParties) {}

    @GetMapping("/clients/{clientId}/joint/trends")
    String trends(@AuthenticationPrincipal CurrentUser user, @PathVariable long clientId, Locale locale, Model model) {
        Client client = caseload.clientOf(user.id(), clientId).orElseThrow(JointAccess.NotFound::new);
        List<Consent> consents = meetings.consents(clientId);
        double threshold = meetings.splitThreshold(client.organisationId());
        Instant now = clock.instant();
        ConsentRules.Viewer viewer =
                new ConsentRules.Viewer(String.valueOf(user.id()), String.valueOf(user.organisationId()));
        List<JointTrends.MeetingInput> inputs = new ArrayList<>();
        List<String> selfDates = new ArrayList<>();
        List<OptionalDouble> selfSeries = new ArrayList<>();
        List<OptionalDouble> networkSeries = new ArrayList<>();
        List<SelfCheckPoint> selfPoints = new ArrayList<>();
        for (JointMeetings.Header header : meetings.meetingsOfClient(clientId)) {
            List<JointMeetings.StoredParty> parties = meetings.parties(header.id());
            JointResults results = JointResults.build(
                    header,
                    parties,
                    meetings.checkIns(header.meetingId()),
                    consents,
                    viewer,
                    catalog,
                    threshold,
                    now,
                    locale,
                    null,
                    "");
            inputs.add(
                    new JointTrends.MeetingInput(header, parties, results, observations.figures(header.meetingId())));
            // The self-check is seen only by the meeting's professionals: a meeting the viewer was not in adds none.
            Optional<JointMeetings.StoredParty> me = parties.stream()
                    .filter(p -> p.userId().filter(id -> id == user.id()).isPresent())
                    .findFirst();
            if (me.isPresent()) {
                OptionalDouble self = selfChecks.ofMeeting(header.id()).stream()
                        .filter(c -> c.professionalId() == user.id())
                        .findFirst()
                        .map(SelfChecks.SelfCheck::mean)
                        .orElse(OptionalDouble.empty());
                Optional<JointResults.PartialityRow> network = results.partiality().stream()
                        .filter(r -> r.key().equals(me.get().key()))
                        .findFirst();
                OptionalDouble networkMean =
                        network.map(JointResults.PartialityRow::mean).orElse(OptionalDouble.empty());
                selfDates.add(Formats.date(header.date(), locale));
                selfSeries.add(self);
                networkSeries.add(networkMean);
                selfPoints.add(new SelfCheckPoint(
                        Formats.date(header.date(), locale),
                        JointResults.text(self, locale),
                        JointResults.text(networkMean, locale),
                        network.map(JointResults.PartialityRow::parties).orElse(0)));
            }
        }
        boolean anySelfCheck = selfSeries.stream().anyMatch(OptionalDouble::isPresent)
                || networkSeries.stream().anyMatch(OptionalDouble::isPresent);
        model.addAttribute("selfPoints", anySelfCheck ? selfPoints : List.of());
        if (anySelfCheck) {
            model.addAttribute(
                    "selfChart",
                    org.alliance.app.caseload.LineChart.render(
                            messages.getMessage("selfcheck.trend.chart", null, locale),
                            selfDates,
                            List.of(
                                    new org.alliance.app.caseload.LineChart.Series(
                                            messages.getMessage("selfcheck.column.self", null, locale), selfSeries),
                                    new org.alliance.app.caseload.LineChart.Series(
                                            messages.getMessage("selfcheck.column.network", null, locale),
                                            networkSeries)),
                            1,
                            5));
        }
        audit.record(user.username(), "joint trends read", "client " + clientId);
        model.addAttribute("client", client);
        model.addAttribute("trends", JointTrends.build(inputs, threshold, messages, locale));
        return "joint/trends";
    }
}
