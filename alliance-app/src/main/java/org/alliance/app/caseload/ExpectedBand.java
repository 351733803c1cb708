package org.alliance.app.caseload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.StoredCheckIn;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.scoring.ScaleScore;
import org.alliance.core.scoring.Scoring;
import org.alliance.stats.descriptive.Quantile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The organisation's own expected band (docs/rules.md, "The expected band"): per meeting number (the client's
 * first meeting is 1, the second 2, …), the middle half — 25th to 75th percentile, R's default quantile — of the
 * total score of the client questionnaire over the organisation's clients who answered it at that meeting number,
 * shown only where at least {@value #MIN_CLIENTS} clients did. It is a figure about many clients, so answers kept
 * for the team figures count; answers held back for "our next meeting" count only once they are released.
 * Computed at most every ten minutes per organisation.
 */
@Component
class ExpectedBand {

    static final int MIN_CLIENTS = 30;
    static final Duration KEPT = Duration.ofMinutes(10);

    /** The band at one meeting number. */
    record Point(int meetingNumber, double low, double high, int clients) {}

    private record Computed(Instant at, Map<Integer, Point> points) {}

    private final JdbcClient jdbc;
    private final Caseload caseload;
    private final CheckIns checkIns;
    private final InstrumentCatalog catalog;
    private final Clock clock;
    private final Map<Long, Computed> cache = new ConcurrentHashMap<>();

    ExpectedBand(JdbcClient jdbc, Caseload caseload, CheckIns checkIns, InstrumentCatalog catalog, Clock clock) {
        this.jdbc = jdbc;
        this.caseload = caseload;
        this.checkIns = checkIns;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The band per meeting number, only at numbers with enough clients (may be empty). */
    Map<Integer, Point> of(long organisationId) {
        Instant now = clock.instant();
        Computed kept = cache.get(organisationId);
        if (kept != null && now.isBefore(kept.at().plus(KEPT))) {
            return kept.points();
        }
        Map<Integer, Point> points = compute(organisationId);
        cache.put(organisationId, new Computed(now, points));
        return points;
    }

    private Map<Integer, Point> compute(long organisationId) {
        Instrument questionnaire =
                catalog.find(ClientSignals.CLIENT_QUESTIONNAIRE).orElseThrow();
        List<Long> clients = jdbc.sql("SELECT id FROM client WHERE organisation_id = ? AND anonymised_at IS NULL")
                .param(organisationId)
                .query(Long.class)
                .list();
        Map<Integer, List<Double>> totals = new TreeMap<>();
        for (long client : clients) {
            Map<Long, Integer> numbers = new HashMap<>();
            List<Meeting> meetings = caseload.meetings(client);
            for (int i = 0; i < meetings.size(); i++) {
                numbers.put(meetings.get(i).id(), i + 1);
            }
            for (StoredCheckIn checkIn : checkIns.currentForClient(client, false)) {
                if (!checkIn.instrumentId().equals(questionnaire.id())
                        || !checkIn.perspective().equals("client")
                        || !(checkIn.released() || checkIn.release() == ReleaseChoice.TEAM_ONLY)) {
                    continue;
                }
                OptionalDouble total = Scoring.score(questionnaire, checkIn.answers())
                        .scale("total")
                        .map(ScaleScore::score)
                        .orElse(OptionalDouble.empty());
                Integer number = numbers.get(checkIn.meetingId());
                if (total.isPresent() && number != null) {
                    totals.computeIfAbsent(number, n -> new ArrayList<>()).add(total.getAsDouble());
                }
            }
        }
        Map<Integer, Point> points = new TreeMap<>();
        totals.forEach((number, values) -> {
            if (values.size() >= MIN_CLIENTS) {
                double[] q = Quantile.type7(
                        values.stream().mapToDouble(Double::doubleValue).toArray(), 0.25, 0.75);
                points.put(number, new Point(number, q[0], q[1], values.size()));
            }
        });
        return Map.copyOf(points);
    }
}
