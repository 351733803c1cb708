package org.alliance.app.research;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alliance.app.research.ExportClients.ClientMeetings;
import org.alliance.app.research.ExportColumns.Column;
import org.alliance.app.research.ExportColumns.Fixed;
import org.alliance.app.research.ExportColumns.ItemColumn;
import org.alliance.app.research.ExportColumns.ScoreColumn;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.joint.JointScoreSheet;
import org.alliance.core.joint.JointScoring;
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.research.ExportCsv;
import org.alliance.core.scoring.ScaleScore;

/**
 * The rows of {@code joint.csv}: of each check-in of a questionnaire that asks about each professional of a joint
 * meeting (the client's, a network member's), one row per professional of the meeting with the answers about them
 * and their scale scores, and one row for the team with the answers asked once, as the long form a multilevel model
 * reads. Which check-in counts is decided as for {@code data.csv} (the one submitted last of its meeting,
 * questionnaire, perspective and rater), and a row is written only when {@link ExportClients#exported} says so: a
 * professional's row by the client's choice for the block about that professional (by the check-in's choice when
 * the check-in has no per-block choices, as the results page does), the team's row by the check-in's own choice.
 *
 * <p>Per group of clients the latest check-ins are read first, then their answers, blocks and block choices and the
 * meetings' professionals in one query each: memory holds one group's joint check-ins.
 */
final class JointRows implements ExportClients.Group {

    private final ExportRun run;
    /** The joint questionnaires' ids and their placeholders, so no query reads the study's other check-ins. */
    private final List<String> instrumentIds;

    private final String instrumentsIn;
    long written;

    JointRows(ExportRun run) {
        this.run = run;
        this.instrumentIds = List.copyOf(run.instruments().keySet());
        this.instrumentsIn = String.join(", ", java.util.Collections.nCopies(instrumentIds.size(), "?"));
    }

    /** The latest check-in of its key, with what was read about it. */
    private record CheckIn(
            long id,
            long client,
            long meeting,
            LocalDate meetingDate,
            String instrument,
            String version,
            String perspective,
            String language,
            ReleaseChoice release,
            Instant submitted,
            int raterNumber,
            Map<String, Double> team,
            Map<Long, Map<String, Double>> blocks,
            Map<Long, ReleaseChoice> blockReleases) {}

    @Override
    public void write(Connection connection, List<Long> clientIds, String in, Map<Long, ClientMeetings> meetings)
            throws SQLException {
        if (run.instruments().isEmpty()) {
            return;
        }
        List<CheckIn> latest = latest(connection, clientIds, in);
        if (latest.isEmpty()) {
            return;
        }
        Map<Long, Set<Long>> professionals = professionals(connection, clientIds, in);
        for (CheckIn checkIn : latest) {
            ClientMeetings client = meetings.get(checkIn.client());
            Instrument instrument = run.instruments().get(checkIn.instrument());
            Set<Long> rated = new LinkedHashSet<>(professionals.getOrDefault(checkIn.meeting(), Set.of()));
            rated.addAll(checkIn.blocks().keySet());
            Optional<JointScoreSheet> sheet = score(instrument, checkIn, rated);
            for (long professional : rated) {
                ReleaseChoice choice = checkIn.blockReleases().getOrDefault(professional, checkIn.release());
                if (run.exported(choice, checkIn.submitted(), checkIn.meetingDate(), client)) {
                    write(checkIn, client, Optional.of(professional), choice, sheet);
                }
            }
            boolean asksTeam = instrument.items().stream().anyMatch(item -> !item.perProfessional());
            if (asksTeam && run.exported(checkIn.release(), checkIn.submitted(), checkIn.meetingDate(), client)) {
                write(checkIn, client, Optional.empty(), checkIn.release(), sheet);
            }
        }
    }

    /** The check-in's scores; a professional whose block was not answered has every per-professional score missing. */
    private static Optional<JointScoreSheet> score(Instrument instrument, CheckIn checkIn, Set<Long> rated) {
        Map<String, Map<String, Double>> blocks = new LinkedHashMap<>();
        for (long professional : rated) {
            blocks.put(String.valueOf(professional), checkIn.blocks().getOrDefault(professional, Map.of()));
        }
        try {
            return Optional.of(JointScoring.score(instrument, blocks, checkIn.team()));
        } catch (IllegalArgumentException e) {
            // An answer the current version does not know (another version): the scores stay empty.
            return Optional.empty();
        }
    }

    /** The latest check-in of each key of the group's clients, in the order of data.csv. */
    private List<CheckIn> latest(Connection connection, List<Long> clientIds, String in) throws SQLException {
        String sql =
                """
                SELECT ci.id, ci.client_id, ci.meeting_id, m.meeting_date, ci.instrument_id, ci.instrument_version,
                       ci.perspective, ci.language, ci.release_choice, ci.submitted_at, ci.rater_id, ci.joint_party_id,
                       (SELECT COUNT(*) FROM joint_party o
                        WHERE o.joint_meeting_id = jp.joint_meeting_id AND o.kind = 'NETWORK_MEMBER' AND o.id <= jp.id)
                         AS rater_number
                FROM check_in ci
                JOIN meeting m ON m.id = ci.meeting_id
                LEFT JOIN joint_party jp ON jp.id = ci.joint_party_id
                WHERE ci.client_id IN (%s) AND m.meeting_date >= ? AND m.meeting_date <= ?
                  AND ci.instrument_id IN (%s)
                ORDER BY ci.client_id, m.meeting_date, ci.meeting_id, ci.instrument_id, ci.perspective,
                         COALESCE(ci.rater_id, 0), COALESCE(ci.joint_party_id, 0), ci.submitted_at DESC,
                         ci.id DESC"""
                        .formatted(in, instrumentsIn);
        List<CheckIn> latest = new ArrayList<>();
        Map<Long, CheckIn> byId = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int p = ExportClients.bindClients(statement, clientIds);
            statement.setString(p++, run.study().startsOn().toString());
            statement.setString(p++, run.study().endsOn().toString());
            for (String instrument : instrumentIds) {
                statement.setString(p++, instrument);
            }
            String lastKey = "";
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String instrument = rs.getString("instrument_id");
                    String key = rs.getLong("client_id") + "|" + rs.getLong("meeting_id") + "|" + instrument + "|"
                            + rs.getString("perspective") + "|" + rs.getString("rater_id") + "|"
                            + rs.getString("joint_party_id");
                    // The newest of its key comes first; older ones of the same key are history.
                    if (key.equals(lastKey)) {
                        continue;
                    }
                    lastKey = key;
                    CheckIn checkIn = new CheckIn(
                            rs.getLong("id"),
                            rs.getLong("client_id"),
                            rs.getLong("meeting_id"),
                            LocalDate.parse(rs.getString("meeting_date")),
                            instrument,
                            rs.getString("instrument_version"),
                            rs.getString("perspective"),
                            rs.getString("language"),
                            ReleaseChoice.valueOf(rs.getString("release_choice")),
                            Instant.ofEpochMilli(rs.getLong("submitted_at")),
                            rs.getInt("rater_number"),
                            new LinkedHashMap<>(),
                            new LinkedHashMap<>(),
                            new LinkedHashMap<>());
                    latest.add(checkIn);
                    byId.put(checkIn.id(), checkIn);
                }
            }
        }
        if (!latest.isEmpty()) {
            answers(connection, clientIds, in, byId);
        }
        return latest;
    }

    /** The team answers, the blocks and the per-block release choices of the group's latest check-ins. */
    private void answers(Connection connection, List<Long> clientIds, String in, Map<Long, CheckIn> byId)
            throws SQLException {
        perCheckIn(
                connection,
                """
                SELECT a.check_in_id, a.item_id, a.numeric_value FROM answer a JOIN check_in ci ON ci.id = a.check_in_id
                WHERE ci.client_id IN (%s) AND ci.instrument_id IN (%s) AND a.numeric_value IS NOT NULL""",
                clientIds,
                in,
                byId,
                (checkIn, rs) -> checkIn.team().put(rs.getString(2), rs.getDouble(3)));
        perCheckIn(
                connection,
                """
                SELECT a.check_in_id, a.professional_id, a.item_id, a.numeric_value
                FROM answer_per_professional a JOIN check_in ci ON ci.id = a.check_in_id
                WHERE ci.client_id IN (%s) AND ci.instrument_id IN (%s)
                ORDER BY a.check_in_id, a.professional_id, a.item_id""",
                clientIds,
                in,
                byId,
                (checkIn, rs) -> checkIn.blocks()
                        .computeIfAbsent(rs.getLong(2), k -> new LinkedHashMap<>())
                        .put(rs.getString(3), rs.getDouble(4)));
        perCheckIn(
                connection,
                """
                SELECT r.check_in_id, r.professional_id, r.release_choice
                FROM check_in_block_release r JOIN check_in ci ON ci.id = r.check_in_id
                WHERE ci.client_id IN (%s) AND ci.instrument_id IN (%s)""",
                clientIds,
                in,
                byId,
                (checkIn, rs) -> checkIn.blockReleases().put(rs.getLong(2), ReleaseChoice.valueOf(rs.getString(3))));
    }

    /** Reads one row about a check-in (its id in the first column) into it. */
    @FunctionalInterface
    private interface CheckInReader {
        void read(CheckIn checkIn, ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code sql} (its two {@code %s} the group's clients and the questionnaires) and hands each row to
     * {@code reader} with the latest check-in it is about; rows of other check-ins (not the latest) are skipped.
     */
    private void perCheckIn(
            Connection connection,
            String sql,
            List<Long> clientIds,
            String in,
            Map<Long, CheckIn> byId,
            CheckInReader reader)
            throws SQLException {
        query(connection, sql.formatted(in, instrumentsIn), clientIds, instrumentIds, rs -> {
            CheckIn checkIn = byId.get(rs.getLong(1));
            if (checkIn != null) {
                reader.read(checkIn, rs);
            }
        });
    }

    /** The professionals (user ids) of each joint meeting of the group's clients, in the order they were added. */
    private static Map<Long, Set<Long>> professionals(Connection connection, List<Long> clientIds, String in)
            throws SQLException {
        Map<Long, Set<Long>> professionals = new LinkedHashMap<>();
        query(
                connection,
                """
                SELECT jm.meeting_id, jp.user_id FROM joint_party jp
                JOIN joint_meeting jm ON jm.id = jp.joint_meeting_id
                JOIN meeting m ON m.id = jm.meeting_id
                WHERE m.client_id IN (%s) AND jp.kind = 'PROFESSIONAL' AND jp.user_id IS NOT NULL
                ORDER BY jm.meeting_id, jp.id"""
                        .formatted(in),
                clientIds,
                List.of(),
                rs -> professionals
                        .computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>())
                        .add(rs.getLong(2)));
        return professionals;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(
            Connection connection, String sql, List<Long> clientIds, List<String> instrumentIds, RowReader reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(ExportClients.FETCH_SIZE);
            int p = ExportClients.bindClients(statement, clientIds);
            for (String instrument : instrumentIds) {
                statement.setString(p++, instrument);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    /**
     * Writes one row.
     *
     * @param professional the professional rated; empty for the team's row
     */
    private void write(
            CheckIn checkIn,
            ClientMeetings client,
            Optional<Long> professional,
            ReleaseChoice release,
            Optional<JointScoreSheet> sheet) {
        ExportClients.Facts facts = new ExportClients.Facts(
                checkIn.client(),
                checkIn.meeting(),
                checkIn.meetingDate(),
                professional,
                checkIn.raterNumber(),
                checkIn.language(),
                checkIn.perspective(),
                checkIn.instrument(),
                checkIn.version(),
                release);
        boolean perProfessional = professional.isPresent();
        Map<String, Double> answers = professional
                .map(id -> checkIn.blocks().getOrDefault(id, Map.of()))
                .orElse(checkIn.team());
        List<String> fields = new ArrayList<>(run.columns().size());
        for (Column column : run.columns()) {
            if (column instanceof Fixed fixed) {
                fields.add(run.value(fixed.field(), facts, client));
            } else if (column instanceof ItemColumn item) {
                boolean applies = item.instrument().equals(checkIn.instrument())
                        && item.perProfessional() == perProfessional
                        && !item.text();
                Double answer = answers.get(item.item());
                fields.add(!applies ? "" : answer == null ? StudyExport.NOT_ANSWERED : ExportCsv.number(answer));
            } else {
                ScoreColumn score = (ScoreColumn) column;
                boolean applies =
                        score.instrument().equals(checkIn.instrument()) && score.perProfessional() == perProfessional;
                Optional<ScaleScore> scaleScore = !applies
                        ? Optional.empty()
                        : sheet.flatMap(s -> professional.isPresent()
                                ? s.scale(String.valueOf(professional.get()), score.scale())
                                : s.team().stream()
                                        .filter(t -> t.scale().equals(score.scale()))
                                        .findFirst());
                fields.add(scaleScore
                        .map(ScaleScore::score)
                        .map(v -> v.isPresent() ? ExportCsv.number(v.getAsDouble()) : StudyExport.TOO_FEW)
                        .orElse(""));
            }
        }
        run.csv().row(fields);
        written++;
    }
}
