package org.alliance.app.research;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.research.ExportCsv;

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

    /** A coded meeting with the basis of its figures. */
    private record Coded(CodedMeeting meeting, CodingSession basis, ObservationSummary summary) {}

    private final Study study;
    private final Codings codings;
    private final List<CodedMeeting> found = new ArrayList<>();
    private List<Coded> coded = List.of();
    long written;

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
            int p = 1;
            for (long id : clientIds) {
                statement.setLong(p++, id);
            }
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
            ObservationSummary summary = ObservationSummary.of(codings.events(session.id()).stream()
                    .map(e -> e.toObservation(session.coderName()))
                    .toList());
            if (!summary.empty()) {
                read.add(new Coded(meeting, session, summary));
            }
        }
        coded = read;
        return !coded.isEmpty();
    }

    /** Writes the rows of the meetings {@link #read} found. */
    void write(List<Column> columns, ExportCsv csv, ExportPseudonyms pseudonyms) {
        for (Coded meeting : coded) {
            CodedMeeting m = meeting.meeting();
            ExportClients.Facts facts = new ExportClients.Facts(
                    m.client(),
                    m.meeting(),
                    m.date(),
                    Optional.of(m.professional()),
                    0,
                    "",
                    "",
                    "",
                    "",
                    ReleaseChoice.NOW);
            String basis = meeting.basis().kind() == CodingSession.Kind.SETTLED
                    ? ExportColumns.BASIS_SETTLED
                    : ExportColumns.BASIS_FIRST_CODER;
            for (ObservationSummary.ActorRow actor : meeting.summary().actors()) {
                List<String> fields = new ArrayList<>(columns.size());
                for (Column column : columns) {
                    if (column instanceof Fixed fixed) {
                        fields.add(ExportClients.value(fixed.field(), study, facts, m.meetings(), pseudonyms));
                    } else {
                        fields.add(value(((MeasureColumn) column).measure(), basis, actor));
                    }
                }
                csv.row(fields);
                written++;
            }
        }
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
