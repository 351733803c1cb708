package org.alliance.app.caseload;

import java.time.Clock;
import java.time.Instant;
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
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.release.ReleaseRule;
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

    /** What became of the client's last invitation. */
    enum InvitationStatus {
        NONE,
        OPEN,
        ANSWERED,
        HELD_BACK,
        NOT_SHOWN,
        NOT_ANSWERED
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
            InvitationStatus invitationStatus,
            String invitation) {}

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
            Row row = row(client, shared, thresholds, locale);
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

    private Row row(Client client, boolean sharedAlias, AlertThresholds thresholds, Locale locale) {
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

        InvitationStatus status = InvitationStatus.NONE;
        String invitation = "";
        Optional<Invitations.LatestInvitation> latest = invitations.latestForClient(client.id());
        if (latest.isPresent()) {
            Invitations.LatestInvitation inv = latest.get();
            Optional<StoredCheckIn> answer = current.stream()
                    .filter(c -> c.meetingId() == inv.meetingId()
                            && c.instrumentId().equals(inv.instrumentId())
                            && c.perspective().equals("client"))
                    .reduce((first, second) -> second);
            Instant now = clock.instant();
            Object[] args = {};
            if (answer.isPresent() && answer.get().released()) {
                status = InvitationStatus.ANSWERED;
            } else if (answer.isPresent() && answer.get().release() == ReleaseChoice.TEAM_ONLY) {
                status = InvitationStatus.NOT_SHOWN;
            } else if (answer.isPresent()) {
                status = InvitationStatus.HELD_BACK;
                StoredCheckIn held = answer.get();
                Optional<Instant> at = ReleaseRule.releasedAt(
                        held.release(),
                        held.submittedAt(),
                        held.meetingDate(),
                        meetings.stream().map(Meeting::date).toList(),
                        clock.getZone());
                // Shown on the next meeting's date; while no later meeting is entered, "at the next meeting".
                args = new Object[] {
                    at.map(i -> Formats.date(LocalDate.ofInstant(i, clock.getZone()), locale))
                            .orElseGet(() -> messages.getMessage("caseload.invitation.nextMeeting", null, locale))
                };
            } else if (inv.consumedAt().isEmpty() && now.isBefore(inv.expiresAt())) {
                status = InvitationStatus.OPEN;
                args = new Object[] {Formats.dateTime(inv.expiresAt(), clock.getZone(), locale)};
            } else {
                status = InvitationStatus.NOT_ANSWERED;
                boolean missed =
                        invitations.missed(client.id()).stream().anyMatch(m -> m.meetingId() == inv.meetingId());
                if (missed) {
                    open.add(Signal.MISSED);
                }
            }
            invitation = messages.getMessage("caseload.invitation." + status.name(), args, locale);
        } else {
            invitation = messages.getMessage("caseload.invitation.NONE", null, locale);
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
                invitation);
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
