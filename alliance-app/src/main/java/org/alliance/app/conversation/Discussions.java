package org.alliance.app.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.alliance.app.conversation.ConversationPrompts.Signal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The "discussed" records (issue 17): after a meeting, whether the professional discussed the feedback of one
 * signal with the client and, if they want, what changed. One record per meeting and signal; recording again
 * replaces it. Callers check that the client is the professional's own before they read or write.
 */
@Repository
public class Discussions {

    /** The most characters of "what changed": a short note, not a report. */
    public static final int MOST_CHARACTERS = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    public Discussions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One record, with the date of the meeting it is about. */
    public record Discussed(
            long meetingId,
            LocalDate meetingDate,
            Signal signal,
            boolean discussed,
            Optional<String> whatChanged,
            Instant recordedAt) {}

    /** Records (or replaces) what became of one signal's feedback at one meeting of the client. */
    public void record(
            long clientId, long meetingId, Signal signal, boolean discussed, String whatChanged, long professionalId) {
        String note = whatChanged.strip();
        if (note.length() > MOST_CHARACTERS) {
            throw new IllegalArgumentException(
                    "what changed is " + note.length() + " characters, at most " + MOST_CHARACTERS + " are kept");
        }
        jdbc.sql(
                        """
                        INSERT INTO feedback_discussed
                            (client_id, meeting_id, signal, discussed, what_changed, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (meeting_id, signal) DO UPDATE SET discussed = excluded.discussed,
                            what_changed = excluded.what_changed, recorded_by = excluded.recorded_by,
                            recorded_at = excluded.recorded_at""")
                .params(
                        clientId,
                        meetingId,
                        signal.code(),
                        discussed,
                        note.isEmpty() ? null : note,
                        professionalId,
                        clock.millis())
                .update();
    }

    /** The client's records, newest meeting first. */
    public List<Discussed> ofClient(long clientId) {
        return jdbc.sql(
                        """
                        SELECT d.meeting_id, m.meeting_date, d.signal, d.discussed, d.what_changed, d.recorded_at
                        FROM feedback_discussed d JOIN meeting m ON m.id = d.meeting_id
                        WHERE d.client_id = ? ORDER BY m.meeting_date DESC, d.meeting_id DESC, d.signal""")
                .param(clientId)
                .query((rs, row) -> new Discussed(
                        rs.getLong("meeting_id"),
                        LocalDate.parse(rs.getString("meeting_date")),
                        Signal.parse(rs.getString("signal")).orElseThrow(),
                        rs.getBoolean("discussed"),
                        Optional.ofNullable(rs.getString("what_changed")),
                        Instant.ofEpochMilli(rs.getLong("recorded_at"))))
                .list();
    }

    /** A team's records about meetings in a period (the learning team page): client and whether discussed. */
    public record TeamRecord(long clientId, boolean discussed) {}

    public List<TeamRecord> ofTeam(long teamId, LocalDate from, LocalDate to) {
        return jdbc.sql(
                        """
                        SELECT d.client_id, d.discussed FROM feedback_discussed d
                        JOIN meeting m ON m.id = d.meeting_id JOIN client c ON c.id = d.client_id
                        WHERE c.team_id = ? AND m.meeting_date >= ? AND m.meeting_date <= ?""")
                .params(teamId, from.toString(), to.toString())
                .query((rs, row) -> new TeamRecord(rs.getLong(1), rs.getBoolean(2)))
                .list();
    }
}
