package org.alliance.app.research;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.research.ExportClients.ClientMeetings;
import org.alliance.app.research.ExportColumns.Column;
import org.alliance.app.research.ExportColumns.Fixed;
import org.alliance.app.research.ExportColumns.ItemColumn;
import org.alliance.app.research.ExportColumns.ScoreColumn;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.research.ExportCsv;
import org.alliance.core.scoring.ScaleScore;
import org.alliance.core.scoring.ScoreSheet;
import org.alliance.core.scoring.Scoring;

/**
 * The rows of {@code data.csv}, one per check-in, written while they are read: per group of clients the database
 * sorts the group's check-ins (not the whole study's, which would keep the first row waiting until all are sorted),
 * and of each meeting, questionnaire, perspective and rater the one submitted last is written when
 * {@link ExportClients#exported} says so.
 */
final class DataRows implements ExportClients.Group {

    private final ExportRun run;
    long written;

    DataRows(ExportRun run) {
        this.run = run;
    }

    /** One check-in as read, with its answers. */
    private static final class CheckIn {
        long id;
        long client;
        long meeting;
        LocalDate meetingDate;
        long professional;
        String instrument = "";
        String version = "";
        String perspective = "";
        String language = "";
        ReleaseChoice release = ReleaseChoice.TEAM_ONLY;
        Instant submitted = Instant.EPOCH;
        String key = "";
        final Map<String, Double> numbers = new LinkedHashMap<>();
        final Map<String, String> texts = new HashMap<>();
    }

    @Override
    public void write(Connection connection, List<Long> clientIds, String in, Map<Long, ClientMeetings> meetings)
            throws SQLException {
        String sql =
                """
                SELECT ci.id, ci.client_id, ci.meeting_id, m.meeting_date,
                       COALESCE(ci.rater_id, m.professional_id) AS professional_id, ci.instrument_id,
                       ci.instrument_version, ci.perspective, ci.language, ci.release_choice, ci.submitted_at,
                       ci.rater_id, ci.joint_party_id, a.item_id, a.numeric_value, a.text_value
                FROM check_in ci
                JOIN meeting m ON m.id = ci.meeting_id
                LEFT JOIN answer a ON a.check_in_id = ci.id
                WHERE ci.client_id IN (%s) AND m.meeting_date >= ? AND m.meeting_date <= ?
                  AND ci.instrument_id IN (SELECT instrument_id FROM study_instrument WHERE study_id = ?)
                ORDER BY ci.client_id, m.meeting_date, ci.meeting_id, ci.instrument_id, ci.perspective,
                         COALESCE(ci.rater_id, 0), COALESCE(ci.joint_party_id, 0), ci.submitted_at DESC,
                         ci.id DESC, a.item_id"""
                        .formatted(in);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(ExportClients.FETCH_SIZE);
            int p = ExportClients.bindClients(statement, clientIds);
            statement.setString(p++, run.study().startsOn().toString());
            statement.setString(p++, run.study().endsOn().toString());
            statement.setLong(p, run.study().id());
            String lastKey = "";
            CheckIn current = null;
            try (ResultSet rs = statement.executeQuery()) {
                while (true) {
                    boolean more = rs.next();
                    long id = more ? rs.getLong("id") : -1;
                    if (current != null && (!more || id != current.id)) {
                        // The newest of its key comes first; older ones of the same key are history.
                        if (!current.key.equals(lastKey)) {
                            lastKey = current.key;
                            ClientMeetings client = meetings.get(current.client);
                            if (run.exported(current.release, current.submitted, current.meetingDate, client)) {
                                run.csv().row(row(current, client));
                                written++;
                            }
                        }
                        current = null;
                    }
                    if (!more) {
                        break;
                    }
                    if (current == null) {
                        current = checkIn(rs, id);
                    }
                    String item = rs.getString("item_id");
                    if (item != null) {
                        double number = rs.getDouble("numeric_value");
                        if (!rs.wasNull()) {
                            current.numbers.put(item, number);
                        }
                        String text = rs.getString("text_value");
                        if (text != null) {
                            current.texts.put(item, text);
                        }
                    }
                }
            }
        }
    }

    private static CheckIn checkIn(ResultSet rs, long id) throws SQLException {
        CheckIn checkIn = new CheckIn();
        checkIn.id = id;
        checkIn.client = rs.getLong("client_id");
        checkIn.meeting = rs.getLong("meeting_id");
        checkIn.meetingDate = LocalDate.parse(rs.getString("meeting_date"));
        checkIn.professional = rs.getLong("professional_id");
        checkIn.instrument = rs.getString("instrument_id");
        checkIn.version = rs.getString("instrument_version");
        checkIn.perspective = rs.getString("perspective");
        checkIn.language = rs.getString("language");
        checkIn.release = ReleaseChoice.valueOf(rs.getString("release_choice"));
        checkIn.submitted = Instant.ofEpochMilli(rs.getLong("submitted_at"));
        checkIn.key = checkIn.client + "|" + checkIn.meeting + "|" + checkIn.instrument + "|" + checkIn.perspective
                + "|" + rs.getString("rater_id") + "|" + rs.getString("joint_party_id");
        return checkIn;
    }

    private List<String> row(CheckIn checkIn, ClientMeetings client) {
        Instrument instrument = run.instruments().get(checkIn.instrument);
        Optional<ScoreSheet> scores = Optional.empty();
        if (instrument != null) {
            try {
                scores = Optional.of(Scoring.score(instrument, checkIn.numbers));
            } catch (IllegalArgumentException e) {
                // An answer the current version does not know (another version): the scores stay empty.
            }
        }
        ExportClients.Facts facts = new ExportClients.Facts(
                checkIn.client,
                checkIn.meeting,
                checkIn.meetingDate,
                Optional.of(checkIn.professional),
                0,
                checkIn.language,
                checkIn.perspective,
                checkIn.instrument,
                checkIn.version,
                checkIn.release);
        List<String> fields = new ArrayList<>(run.columns().size());
        for (Column column : run.columns()) {
            fields.add(value(column, facts, checkIn, client, scores));
        }
        return fields;
    }

    private String value(
            Column column,
            ExportClients.Facts facts,
            CheckIn checkIn,
            ClientMeetings client,
            Optional<ScoreSheet> scores) {
        if (column instanceof Fixed fixed) {
            return run.value(fixed.field(), facts, client);
        }
        if (column instanceof ItemColumn item) {
            if (!item.instrument().equals(checkIn.instrument)) {
                return "";
            }
            if (item.text()) {
                return checkIn.texts.getOrDefault(item.item(), "");
            }
            Double answer = checkIn.numbers.get(item.item());
            return answer == null ? StudyExport.NOT_ANSWERED : ExportCsv.number(answer);
        }
        ScoreColumn score = (ScoreColumn) column;
        if (!score.instrument().equals(checkIn.instrument)) {
            return "";
        }
        return scores.flatMap(sheet -> sheet.scale(score.scale()))
                .map(ScaleScore::score)
                .map(value -> value.isPresent() ? ExportCsv.number(value.getAsDouble()) : StudyExport.TOO_FEW)
                .orElse("");
    }
}
