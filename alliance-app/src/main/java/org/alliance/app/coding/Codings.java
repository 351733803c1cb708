package org.alliance.app.coding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Role;
import org.alliance.core.observation.Modality;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Coding sessions and their events. Every change is written at once (the coding screen autosaves each key
 * press); events are identified by a key the browser makes, so a repeated save updates instead of doubling.
 */
@Repository
public class Codings {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public Codings(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The meeting, if this user may code it: the professional whose client it is, or a researcher of the same
     * organisation (who does not see the client's alias). Everyone else gets nothing.
     */
    public Optional<CodingMeeting> meeting(CurrentUser user, long meetingId) {
        if (user.role() == Role.PROFESSIONAL) {
            return jdbc.sql(
                            """
                            SELECT m.id, m.client_id, m.professional_id, m.meeting_date, m.kind, c.alias
                            FROM meeting m JOIN client c ON c.id = m.client_id
                            WHERE m.id = ? AND c.professional_id = ? AND c.anonymised_at IS NULL""")
                    .params(meetingId, user.id())
                    .query((rs, row) -> meeting(rs, rs.getString("alias")))
                    .optional();
        }
        if (user.role() == Role.RESEARCHER) {
            return jdbc.sql(
                            """
                            SELECT m.id, m.client_id, m.professional_id, m.meeting_date, m.kind
                            FROM meeting m JOIN client c ON c.id = m.client_id
                            WHERE m.id = ? AND c.organisation_id = ? AND c.anonymised_at IS NULL""")
                    .params(meetingId, user.organisationId())
                    .query((rs, row) -> meeting(rs, null))
                    .optional();
        }
        return Optional.empty();
    }

    /** A meeting a researcher may code, with how many codings it has. */
    public record ResearchMeeting(long id, LocalDate date, String kind, long codings) {}

    /** The organisation's newest meetings (at most 200) for researchers: no client alias, no names. */
    public List<ResearchMeeting> meetingsForResearch(long organisationId) {
        return jdbc.sql(
                        """
                        SELECT m.id, m.meeting_date, m.kind,
                               (SELECT COUNT(*) FROM coding_session s WHERE s.meeting_id = m.id) AS codings
                        FROM meeting m JOIN client c ON c.id = m.client_id
                        WHERE c.organisation_id = ? AND c.anonymised_at IS NULL
                        ORDER BY m.meeting_date DESC, m.id DESC LIMIT 200""")
                .param(organisationId)
                .query((rs, row) -> new ResearchMeeting(
                        rs.getLong("id"),
                        LocalDate.parse(rs.getString("meeting_date")),
                        rs.getString("kind"),
                        rs.getLong("codings")))
                .list();
    }

    private static CodingMeeting meeting(ResultSet rs, @Nullable String alias) throws SQLException {
        return new CodingMeeting(
                rs.getLong("id"),
                rs.getLong("client_id"),
                rs.getLong("professional_id"),
                LocalDate.parse(rs.getString("meeting_date")),
                rs.getString("kind"),
                alias);
    }

    /** The sessions of a meeting: coders first (oldest first), then settled versions. */
    public List<CodingSession> sessions(long meetingId) {
        return jdbc.sql(
                        """
                        SELECT s.*, u.display_name FROM coding_session s JOIN app_user u ON u.id = s.coder_id
                        WHERE s.meeting_id = ? ORDER BY s.kind, s.id""")
                .param(meetingId)
                .query(Codings::session)
                .list();
    }

    public Optional<CodingSession> session(long sessionId) {
        return jdbc.sql(
                        """
                        SELECT s.*, u.display_name FROM coding_session s JOIN app_user u ON u.id = s.coder_id
                        WHERE s.id = ?""")
                .param(sessionId)
                .query(Codings::session)
                .optional();
    }

    /** This coder's session of the meeting, made on first use. */
    public long openSession(long meetingId, long coderId) {
        return transactions.execute(status -> {
            Optional<Long> existing = jdbc.sql(
                            "SELECT id FROM coding_session WHERE meeting_id = ? AND coder_id = ? AND kind = 'CODER'")
                    .params(meetingId, coderId)
                    .query(Long.class)
                    .optional();
            if (existing.isPresent()) {
                return existing.get();
            }
            long now = clock.millis();
            return jdbc.sql(
                            """
                            INSERT INTO coding_session (meeting_id, coder_id, kind, created_at, updated_at)
                            VALUES (?, ?, 'CODER', ?, ?) RETURNING id""")
                    .params(meetingId, coderId, now, now)
                    .query(Long.class)
                    .single();
        });
    }

    /** Stores the event, or replaces the one with the same key. */
    public void save(long sessionId, CodedEvent event) {
        long now = clock.millis();
        transactions.executeWithoutResult(status -> {
            insert(sessionId, event, now);
            touch(sessionId, now);
        });
    }

    private void insert(long sessionId, CodedEvent event, long now) {
        jdbc.sql(
                        """
                        INSERT INTO coding_event (session_id, event_key, actor, modality, code, start_ms, end_ms, kind,
                                                  comment, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (session_id, event_key) DO UPDATE SET actor = excluded.actor,
                            modality = excluded.modality, code = excluded.code, start_ms = excluded.start_ms,
                            end_ms = excluded.end_ms, kind = excluded.kind, comment = excluded.comment,
                            updated_at = excluded.updated_at""")
                .params(
                        sessionId,
                        event.key(),
                        event.actor(),
                        event.modality().label(),
                        event.code(),
                        event.startMs(),
                        event.endMs(),
                        event.kind().name(),
                        event.comment(),
                        now)
                .update();
    }

    private void touch(long sessionId, long now) {
        jdbc.sql("UPDATE coding_session SET updated_at = ? WHERE id = ?")
                .params(now, sessionId)
                .update();
    }

    /** Deletes the event with this key; true if there was one. */
    public boolean delete(long sessionId, String key) {
        long now = clock.millis();
        Integer deleted = transactions.execute(status -> {
            int n = jdbc.sql("DELETE FROM coding_event WHERE session_id = ? AND event_key = ?")
                    .params(sessionId, key)
                    .update();
            touch(sessionId, now);
            return n;
        });
        return deleted != null && deleted > 0;
    }

    /** Adds imported events, each under a new key, in one transaction. */
    public void addAll(long sessionId, List<CodedEvent> events) {
        long now = clock.millis();
        transactions.executeWithoutResult(status -> {
            events.forEach(e -> insert(sessionId, e, now));
            touch(sessionId, now);
        });
    }

    /** The events of a session by start time. */
    public List<CodedEvent> events(long sessionId) {
        return jdbc.sql(
                        """
                        SELECT * FROM coding_event WHERE session_id = ?
                        ORDER BY start_ms, COALESCE(end_ms, start_ms), actor, code, id""")
                .param(sessionId)
                .query((rs, row) -> {
                    long end = rs.getLong("end_ms");
                    Long endMs = rs.wasNull() ? null : end;
                    return new CodedEvent(
                            rs.getString("event_key"),
                            rs.getString("actor"),
                            Modality.parse(rs.getString("modality")),
                            rs.getString("code"),
                            rs.getLong("start_ms"),
                            endMs,
                            CodedEvent.Kind.parse(rs.getString("kind")),
                            rs.getString("comment"));
                })
                .list();
    }

    /**
     * Stores a settled version of the meeting made by this user from two coder sessions, replacing an earlier one
     * by the same user.
     */
    public long settle(long meetingId, long userId, long firstSource, long secondSource, List<CodedEvent> events) {
        long now = clock.millis();
        return transactions.execute(status -> {
            Optional<Long> existing = jdbc.sql(
                            "SELECT id FROM coding_session WHERE meeting_id = ? AND coder_id = ? AND kind = 'SETTLED'")
                    .params(meetingId, userId)
                    .query(Long.class)
                    .optional();
            long id;
            if (existing.isPresent()) {
                id = existing.get();
                jdbc.sql("DELETE FROM coding_event WHERE session_id = ?")
                        .param(id)
                        .update();
                jdbc.sql(
                                """
                                UPDATE coding_session SET first_source_id = ?, second_source_id = ?, updated_at = ?
                                WHERE id = ?""")
                        .params(firstSource, secondSource, now, id)
                        .update();
            } else {
                id = jdbc.sql(
                                """
                                INSERT INTO coding_session (meeting_id, coder_id, kind, first_source_id,
                                                            second_source_id, created_at, updated_at)
                                VALUES (?, ?, 'SETTLED', ?, ?, ?, ?) RETURNING id""")
                        .params(meetingId, userId, firstSource, secondSource, now, now)
                        .query(Long.class)
                        .single();
            }
            for (CodedEvent e : events) {
                insert(id, e, now);
            }
            return id;
        });
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static CodingSession session(ResultSet rs, int row) throws SQLException {
        long first = rs.getLong("first_source_id");
        Long firstSource = rs.wasNull() ? null : first;
        long second = rs.getLong("second_source_id");
        Long secondSource = rs.wasNull() ? null : second;
        return new CodingSession(
                rs.getLong("id"),
                rs.getLong("meeting_id"),
                rs.getLong("coder_id"),
                rs.getString("display_name"),
                CodingSession.Kind.valueOf(rs.getString("kind")),
                firstSource,
                secondSource,
                rs.getLong("updated_at"));
    }
}
