package org.alliance.app.research;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.coding.CodingSession;
import org.alliance.app.coding.Codings;
import org.alliance.app.coding.MeetingObservations;
import org.alliance.app.coding.ObservationSummary;
import org.alliance.app.research.ExportClients.ClientMeetings;
import org.alliance.app.research.ExportColumns.Column;
import org.alliance.app.research.ExportColumns.Fixed;
import org.alliance.app.research.ExportColumns.MeasureColumn;
import org.alliance.app.research.ExportColumns.TransitionColumn;
import org.alliance.core.observation.ObservationEvent;
import org.alliance.core.observation.format.ObservationData;
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.research.ExportCsv;
import org.alliance.stats.sequence.LagSequentialAnalysis;

/**
 * The rows of {@code observations.csv}: of each coded meeting of the clients {@code data.csv} draws on (in the
 * study's teams, within the study's period, not anonymised), one row per actor of the coding with the actor's
 * participation, from the same basis the meeting's page shows ({@link MeetingObservations#basis}: the newest settled
 * version, else the first coder's coding). Actors are roles as coded ({@code client}, {@code professional-a}, …),
 * never names; comments are never read.
 *
 * <p>The group pass (the one that writes {@code data.csv}, in {@link StudyExport#write}) only notes the coded
 * meetings (a handful per client at most: coding is done by hand); their figures are read after the cursor over the
 * clients has closed, so no second connection is asked for while the first is held.
 */
final class ObservationRows implements ExportClients.Group {

    /** A coded meeting as the group pass found it, with its client's meetings for the meeting number. */
    private record CodedMeeting(
            long meeting, long client, LocalDate date, long professional, ClientMeetings meetings) {}

    /** A coded meeting with the basis of its figures and its events in order. */
    private record Coded(
            CodedMeeting meeting, CodingSession basis, ObservationSummary summary, List<ObservationEvent> events) {}

    private final Study study;
    private final Codings codings;
    private final List<CodedMeeting> found = new ArrayList<>();
    private List<Coded> coded = List.of();
    long written;
    long transitionsWritten;

    ObservationRows(Study study, Codings codings) {
        this.study = study;
        this.codings = codings;
    }

    @Override
    public void write(Connection connection, List<Long> clientIds, String in, Map<Long, ClientMeetings> meetings)
            throws SQLException {
        String sql =
                """
                SELECT m.id, m.client_id, m.meeting_date, m.professional_id
                FROM meeting m JOIN client c ON c.id = m.client_id
                WHERE m.client_id IN (%s) AND c.anonymised_at IS NULL
                  AND m.meeting_date >= ? AND m.meeting_date <= ?
                  AND EXISTS (SELECT 1 FROM coding_session s WHERE s.meeting_id = m.id)
                ORDER BY m.client_id, m.meeting_date, m.id"""
                        .formatted(in);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(ExportClients.FETCH_SIZE);
            int p = ExportClients.bindClients(statement, clientIds);
            statement.setString(p++, study.startsOn().toString());
            statement.setString(p, study.endsOn().toString());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long client = rs.getLong("client_id");
                    found.add(new CodedMeeting(
                            rs.getLong("id"),
                            client,
                            LocalDate.parse(rs.getString("meeting_date")),
                            rs.getLong("professional_id"),
                            meetings.get(client)));
                }
            }
        }
    }

    /**
     * Reads the figures of the meetings found; a meeting whose basis holds no events is not coded. True when at
     * least one meeting was: only then does the zip hold the file.
     */
    boolean read() {
        List<Coded> read = new ArrayList<>();
        for (CodedMeeting meeting : found) {
            Optional<CodingSession> basis = MeetingObservations.basis(codings.sessions(meeting.meeting()));
            if (basis.isEmpty()) {
                continue;
            }
            CodingSession session = basis.get();
            List<ObservationEvent> events = codings.events(session.id()).stream()
                    .map(e -> e.toObservation(session.coderName()))
                    .sorted(ObservationData.ORDER)
                    .toList();
            ObservationSummary summary = ObservationSummary.of(events);
            if (!summary.empty()) {
                read.add(new Coded(meeting, session, summary, events));
            }
        }
        coded = read;
        return !coded.isEmpty();
    }

    /** Writes the rows of the meetings {@link #read} found. */
    void write(List<Column> columns, ExportCsv csv, ExportPseudonyms pseudonyms) {
        for (Coded meeting : coded) {
            for (ObservationSummary.ActorRow actor : meeting.summary().actors()) {
                List<String> fields = new ArrayList<>(columns.size());
                for (Column column : columns) {
                    if (column instanceof Fixed fixed) {
                        fields.add(fixed(fixed, meeting.meeting(), pseudonyms));
                    } else {
                        fields.add(value(((MeasureColumn) column).measure(), basis(meeting), actor));
                    }
                }
                csv.row(fields);
                written++;
            }
        }
    }

    /**
     * Writes {@code transitions.csv}: per meeting {@link #read} found, the lag-1 table of its codes in time order
     * ({@link LagSequentialAnalysis}, as the meeting's page computes it; repeats of a code count), one row per pair of
     * codes that both occur in the meeting's pairs (expected count above zero), codes in order of first appearance.
     * An adjusted residual that cannot be computed (a meeting of one code) is empty.
     */
    void writeTransitions(List<Column> columns, ExportCsv csv, ExportPseudonyms pseudonyms) {
        for (Coded meeting : coded) {
            if (meeting.events().size() < 2) {
                continue;
            }
            Map<String, Integer> index = new LinkedHashMap<>();
            int[] sequence = meeting.events().stream()
                    .mapToInt(e -> index.computeIfAbsent(e.code(), c -> index.size()))
                    .toArray();
            List<String> codes = List.copyOf(index.keySet());
            LagSequentialAnalysis.Result lag = LagSequentialAnalysis.fit(
                    new int[][] {sequence}, codes.size(), LagSequentialAnalysis.Options.lag(1));
            for (int a = 0; a < codes.size(); a++) {
                for (int b = 0; b < codes.size(); b++) {
                    if (!(lag.expected()[a][b] > 0)) {
                        continue;
                    }
                    List<String> fields = new ArrayList<>(columns.size());
                    for (Column column : columns) {
                        if (column instanceof Fixed fixed) {
                            fields.add(fixed(fixed, meeting.meeting(), pseudonyms));
                        } else {
                            fields.add(
                                    switch (((TransitionColumn) column).measure()) {
                                        case BASIS -> basis(meeting);
                                        case FROM_CODE -> codes.get(a);
                                        case TO_CODE -> codes.get(b);
                                        case COUNT -> String.valueOf(lag.counts()[a][b]);
                                        case EXPECTED ->
                                            rounded(lag.expected()[a][b], ExportColumns.TRANSITION_DECIMALS);
                                        case ADJUSTED_RESIDUAL ->
                                            rounded(lag.adjustedResidual()[a][b], ExportColumns.TRANSITION_DECIMALS);
                                    });
                        }
                    }
                    csv.row(fields);
                    transitionsWritten++;
                }
            }
        }
    }

    private String fixed(Fixed fixed, CodedMeeting m, ExportPseudonyms pseudonyms) {
        ExportClients.Facts facts = new ExportClients.Facts(
                m.client(), m.meeting(), m.date(), Optional.of(m.professional()), 0, "", "", "", "", ReleaseChoice.NOW);
        return ExportClients.value(fixed.field(), study, facts, m.meetings(), pseudonyms);
    }

    private static String basis(Coded meeting) {
        return meeting.basis().kind() == CodingSession.Kind.SETTLED
                ? ExportColumns.BASIS_SETTLED
                : ExportColumns.BASIS_FIRST_CODER;
    }

    private static String value(ExportColumns.Measure measure, String basis, ObservationSummary.ActorRow actor) {
        return switch (measure) {
            case BASIS -> basis;
            case ACTOR -> actor.actor();
            case EVENTS -> String.valueOf(actor.events());
            case TURNS -> String.valueOf(actor.turns());
            case TURN_SHARE -> rounded(actor.turnShare(), ExportColumns.SHARE_DECIMALS);
            case SPEECH_SECONDS -> rounded(actor.speechMs() / 1000.0, ExportColumns.SECONDS_DECIMALS);
            case TIME_SHARE -> rounded(actor.timeShare(), ExportColumns.SHARE_DECIMALS);
        };
    }

    /** A number to so many decimals; empty (missing) when it cannot be computed, as a share of no time. */
    private static String rounded(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "";
        }
        return ExportCsv.number(BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue());
    }
}
