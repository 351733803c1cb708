package org.alliance.app.team;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.StoredCheckIn;
import org.alliance.app.conversation.Discussions;
import org.alliance.core.alert.ScaleRange;
import org.alliance.core.alert.ShownNumber;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.release.TeamFigureRule;
import org.alliance.core.scoring.ScaleScore;
import org.alliance.core.scoring.Scoring;
import org.springframework.stereotype.Component;

/**
 * The learning team's figures for one period (issue 17, docs/rules.md "The learning team page"): what the team
 * shares as a whole, about the meetings in the period. Each figure is shown only when it rests on at least
 * {@value TeamFigureRule#MIN_CLIENTS} distinct clients <em>and</em> at least two professionals, so it is never one
 * professional's figure; the page says so instead of a number. Every client answer counts, also those released
 * "only for team figures", as on the team page.
 */
@Component
class LearningTeam {

    /** At least this many professionals behind a figure: a team figure is never one professional's. */
    static final int MIN_PROFESSIONALS = 2;

    /** The gap bands in % of the scale range, professional's total minus the client's, lowest first. */
    enum GapBand {
        /** The client rated the work together as high as the professional, or higher. */
        CLIENT_SAME_OR_HIGHER,
        /** The professional higher by less than 10 % of the scale range. */
        UNDER_10,
        /** By 10 % up to (not including) 20 %: the default gap alert starts at 20 %. */
        FROM_10_TO_20,
        /** By 20 % or more. */
        FROM_20;

        static GapBand of(double percent) {
            if (percent <= 0) {
                return CLIENT_SAME_OR_HIGHER;
            }
            return percent < 10 ? UNDER_10 : percent < 20 ? FROM_10_TO_20 : FROM_20;
        }
    }

    /** Whether a figure may be shown, and over how many clients and professionals it would rest. */
    record Basis(int clients, int professionals) {
        public boolean shown() {
            return TeamFigureRule.mayShow(clients) && professionals >= MIN_PROFESSIONALS;
        }
    }

    /** How often the feedback was discussed: of the records about meetings in the period, the share "discussed". */
    record Discussed(Basis basis, int records, int discussed) {
        public int percent() {
            return records == 0 ? 0 : (int) Math.round(100.0 * discussed / records);
        }
    }

    /** The clients per gap band (each client's latest meeting in the period that both rated). */
    record Gaps(Basis basis, Map<GapBand, Integer> clients) {
        public int percent(GapBand band) {
            return basis.clients() == 0 ? 0 : (int) Math.round(100.0 * clients.getOrDefault(band, 0) / basis.clients());
        }
    }

    /** Of the clients who answered in the period, how many chose "only in team figures" at least once. */
    record TeamOnly(Basis basis, int choosing) {
        public int percent() {
            return basis.clients() == 0 ? 0 : (int) Math.round(100.0 * choosing / basis.clients());
        }
    }

    /** The three figures of one period. */
    record Period(LocalDate from, LocalDate to, Discussed discussed, Gaps gaps, TeamOnly teamOnly) {}

    private final CaseloadNextToAlliance caseloads;
    private final CheckIns checkIns;
    private final InstrumentCatalog catalog;
    private final Discussions discussions;

    LearningTeam(
            CaseloadNextToAlliance caseloads, CheckIns checkIns, InstrumentCatalog catalog, Discussions discussions) {
        this.caseloads = caseloads;
        this.checkIns = checkIns;
        this.catalog = catalog;
        this.discussions = discussions;
    }

    Period of(long teamId, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("a period from " + from + " to " + to + " ends before it starts");
        }
        Map<Long, Long> professionalOf = new HashMap<>();
        caseloads
                .clientsOfProfessionals(CaseloadNextToAlliance.Scope.TEAM, teamId)
                .forEach((professionalId, clients) -> clients.forEach(c -> professionalOf.put(c, professionalId)));

        List<Discussions.TeamRecord> records = discussions.ofTeam(teamId, from, to);
        Set<Long> discussedClients = new HashSet<>();
        records.forEach(r -> discussedClients.add(r.clientId()));
        Discussed discussed = new Discussed(basis(discussedClients, professionalOf), records.size(), (int)
                records.stream().filter(Discussions.TeamRecord::discussed).count());

        Instrument client = catalog.find("alliance-client").orElseThrow();
        Instrument professional = catalog.find("alliance-professional").orElseThrow();
        ScaleRange range = ScaleRange.of(client, client.findScale("total").orElseThrow());
        Map<GapBand, Integer> bands = new java.util.EnumMap<>(GapBand.class);
        Set<Long> gapClients = new HashSet<>();
        Set<Long> answered = new HashSet<>();
        Set<Long> teamOnly = new HashSet<>();
        for (long clientId : professionalOf.keySet()) {
            List<StoredCheckIn> inPeriod = checkIns.currentForClient(clientId, false).stream()
                    .filter(c ->
                            !c.meetingDate().isBefore(from) && !c.meetingDate().isAfter(to))
                    .toList();
            for (StoredCheckIn checkIn : inPeriod) {
                if (checkIn.perspective().equals("client")) {
                    answered.add(clientId);
                    if (checkIn.release() == ReleaseChoice.TEAM_ONLY) {
                        teamOnly.add(clientId);
                    }
                }
            }
            latestGap(inPeriod, client, professional, range).ifPresent(percent -> {
                gapClients.add(clientId);
                bands.merge(GapBand.of(percent), 1, Integer::sum);
            });
        }
        return new Period(
                from,
                to,
                discussed,
                new Gaps(basis(gapClients, professionalOf), bands),
                new TeamOnly(basis(answered, professionalOf), teamOnly.size()));
    }

    /**
     * The gap at the latest meeting of the period where both the client and the professional answered: the
     * professional's total minus the client's, as shown (rounded as the alert rules round), in % of the range.
     */
    private static Optional<Double> latestGap(
            List<StoredCheckIn> inPeriod, Instrument client, Instrument professional, ScaleRange range) {
        Map<Long, StoredCheckIn> clientByMeeting = new HashMap<>();
        Map<Long, StoredCheckIn> professionalByMeeting = new HashMap<>();
        List<StoredCheckIn> order = new ArrayList<>();
        for (StoredCheckIn checkIn : inPeriod) {
            if (checkIn.instrumentId().equals(client.id())
                    && checkIn.perspective().equals("client")) {
                clientByMeeting.put(checkIn.meetingId(), checkIn);
                order.add(checkIn);
            } else if (checkIn.instrumentId().equals(professional.id())) {
                professionalByMeeting.put(checkIn.meetingId(), checkIn);
            }
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            long meeting = order.get(i).meetingId();
            StoredCheckIn own = professionalByMeeting.get(meeting);
            if (own == null || clientByMeeting.get(meeting) != order.get(i)) {
                continue;
            }
            OptionalDouble clientTotal = total(client, order.get(i));
            OptionalDouble ownTotal = total(professional, own);
            if (clientTotal.isPresent() && ownTotal.isPresent()) {
                double difference =
                        ShownNumber.round(ownTotal.getAsDouble()) - ShownNumber.round(clientTotal.getAsDouble());
                return Optional.of(100 * difference / range.width());
            }
        }
        return Optional.empty();
    }

    private static OptionalDouble total(Instrument instrument, StoredCheckIn checkIn) {
        return Scoring.score(instrument, checkIn.answers())
                .scale("total")
                .map(ScaleScore::score)
                .orElse(OptionalDouble.empty());
    }

    private static Basis basis(Set<Long> clients, Map<Long, Long> professionalOf) {
        Set<Long> professionals = new HashSet<>();
        clients.forEach(c -> professionals.add(professionalOf.get(c)));
        return new Basis(clients.size(), professionals.size());
    }
}
