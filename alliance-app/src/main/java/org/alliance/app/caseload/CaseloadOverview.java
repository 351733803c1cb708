package org.alliance.app.caseload;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.Invitations;
import org.alliance.app.checkin.StoredCheckIn;
import org.alliance.app.system.Formats;
import org.alliance.core.alert.Alert;
import org.alliance.core.alert.AlertThresholds;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.scoring.ScaleScore;
import org.alliance.core.scoring.ScoreSheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The caseload at a glance: per client the last meeting, the latest client and own scores, the open signals and
 * what became of the last invitation, sortable and filterable by signal. Everything comes from what the client page
 * shows ({@link ClientSignals} over the check-ins the professional may see), so the overview never says more than
 * the client page: a held-back answer shows as "answered, shown on …", never with a score.
 */
@Component
class CaseloadOverview {

    /** The signals of docs/rules.md ("Alerts", "Missed check-ins") as the overview filters them. */
    enum Signal {
        LOW,
        DROP,
        GAP,
        MISSED
    }

    /** How the rows are ordered. */
    enum Sort {
        ALIAS,
        LAST_MEETING,
        SIGNALS;

        static Sort parse(String text) {
            for (Sort sort : values()) {
                if (sort.name().equalsIgnoreCase(text.replace('-', '_'))) {
                    return sort;
                }
            }
            return ALIAS;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One client.
     *
     * @param name the alias, with the internal number when another client of this professional has the same alias
     * @param invitation the last invitation's status in words
     */
    record Row(
            Client client,
            String name,
            Optional<LocalDate> lastMeeting,
            String lastMeetingText,
            String clientScore,
            String ownScore,
            Set<Signal> signals,
            MeetingStatus.CheckIn invitationStatus,
            String invitation,
            boolean newAnswers) {}

    /** The rows shown and how they were chosen. */
    record Page(List<Row> rows, int total, Optional<Signal> filter, Sort sort) {}

    private final Caseload caseload;
    private final CheckIns checkIns;
    private final Invitations invitations;
    private final InstrumentCatalog catalog;
    private final MessageSource messages;
    private final Clock clock;

    CaseloadOverview(
            Caseload caseload,
            CheckIns checkIns,
            Invitations invitations,
            InstrumentCatalog catalog,
            MessageSource messages,
            Clock clock) {
        this.caseload = caseload;
        this.checkIns = checkIns;
        this.invitations = invitations;
        this.catalog = catalog;
        this.messages = messages;
        this.clock = clock;
    }

    Page page(long professionalId, AlertThresholds thresholds, Optional<Signal> filter, Sort sort, Locale locale) {
        List<Client> clients = caseload.clientsOf(professionalId);
        Map<String, Integer> aliases = new HashMap<>();
        clients.forEach(c -> aliases.merge(c.alias().strip().toLowerCase(Locale.ROOT), 1, Integer::sum));
        List<Row> rows = new ArrayList<>();
        for (Client client : clients) {
            boolean shared = aliases.get(client.alias().strip().toLowerCase(Locale.ROOT)) > 1;
            Row row = row(client, professionalId, shared, thresholds, locale);
            if (filter.isEmpty() || row.signals().contains(filter.get())) {
                rows.add(row);
            }
        }
        Comparator<Row> byName = Comparator.comparing(r -> r.name().toLowerCase(locale));
        Comparator<Row> order =
                switch (sort) {
                    case ALIAS -> byName;
                    case LAST_MEETING ->
                        Comparator.<Row, LocalDate>comparing(
                                        r -> r.lastMeeting().orElse(LocalDate.MIN), Comparator.reverseOrder())
                                .thenComparing(byName);
                    case SIGNALS ->
                        Comparator.<Row>comparingInt(r -> -r.signals().size()).thenComparing(byName);
                };
        rows.sort(order);
        return new Page(List.copyOf(rows), clients.size(), filter, sort);
    }

    private Row row(
            Client client, long professionalId, boolean sharedAlias, AlertThresholds thresholds, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        List<Meeting> meetings = caseload.meetings(client.id());
        Optional<LocalDate> last = meetings.stream()
                .map(Meeting::date)
                .filter(d -> !d.isAfter(today))
                .max(LocalDate::compareTo);
        List<StoredCheckIn> current = checkIns.currentForClient(client.id(), false);
        List<StoredCheckIn> visible =
                current.stream().filter(StoredCheckIn::released).toList();
        ClientSignals signals = ClientSignals.of(visible, catalog, thresholds);
        // New answers: a check-in of the client's that the professional may see, sent after they last opened the
        // client's page (docs/rules.md, "The caseload overview").
        Optional<java.time.Instant> seen = caseload.lastSeen(client.id(), professionalId);
        boolean newAnswers = visible.stream()
                .filter(c -> c.perspective().equals("client"))
                .anyMatch(c -> seen.isEmpty() || c.submittedAt().isAfter(seen.get()));

        Set<Signal> open = EnumSet.noneOf(Signal.class);
        for (ClientSignals.Raised raised : signals.alerts()) {
            Alert alert = raised.alert();
            open.add(
                    alert instanceof Alert.BelowCutOff
                            ? Signal.LOW
                            : alert instanceof Alert.Drop ? Signal.DROP : Signal.GAP);
        }
        OptionalDouble clientScore = signals.perInstrument().stream()
                .filter(s -> s.instrument().id().equals(ClientSignals.CLIENT_QUESTIONNAIRE))
                .findFirst()
                .map(s -> total(s.sheets().get(s.sheets().size() - 1)))
                .orElse(OptionalDouble.empty());
        OptionalDouble ownScore = signals.professionalByMeeting().values().stream()
                .reduce((first, second) -> second)
                .map(CaseloadOverview::total)
                .orElse(OptionalDouble.empty());

        // The last invitation's meeting, as the meetings on the client page show it; without invitations (answers
        // imported from before, given on paper) the latest meeting up to today that has the client's answer.
        Map<Long, Invitations.LatestInvitation> perMeeting = invitations.latestPerMeeting(client.id());
        Optional<Invitations.LatestInvitation> latest =
                perMeeting.values().stream().reduce((first, second) -> second);
        Optional<Meeting> about = latest.isPresent()
                ? meetings.stream()
                        .filter(m -> m.id() == latest.get().meetingId())
                        .findFirst()
                : meetings.stream()
                        .filter(m -> !m.date().isAfter(today))
                        .filter(m -> current.stream()
                                .anyMatch(c -> c.meetingId() == m.id()
                                        && c.perspective().equals("client")))
                        .reduce((first, second) -> second);
        MeetingStatus.CheckIn status = MeetingStatus.CheckIn.NONE;
        String invitation = messages.getMessage("caseload.invitation.none", null, locale);
        if (about.isPresent()) {
            Meeting meeting = about.get();
            MeetingStatus meetingStatus = MeetingStatus.of(
                    meeting,
                    latest,
                    current,
                    meetings.stream().map(Meeting::date).toList(),
                    clock,
                    messages,
                    locale);
            status = meetingStatus.checkIn();
            invitation = meetingStatus.checkInText(messages, locale);
            if (status == MeetingStatus.CheckIn.NOT_ANSWERED
                    && invitations.missed(client.id()).stream().anyMatch(m -> m.meetingId() == meeting.id())) {
                open.add(Signal.MISSED);
            }
        }
        String name = sharedAlias ? client.alias() + " (" + client.internalId() + ")" : client.alias();
        return new Row(
                client,
                name,
                last,
                last.map(d -> Formats.date(d, locale)).orElse("–"),
                score(clientScore, locale),
                score(ownScore, locale),
                open,
                status,
                invitation,
                newAnswers);
    }

    /** The questionnaire's total score, or its first scale when it has no total. */
    private static OptionalDouble total(ScoreSheet sheet) {
        return sheet.scale("total")
                .or(() -> sheet.scales().stream().findFirst())
                .map(ScaleScore::score)
                .orElse(OptionalDouble.empty());
    }

    private static String score(OptionalDouble value, Locale locale) {
        return value.isPresent() ? Formats.score(value.getAsDouble(), locale) : "–";
    }
}
