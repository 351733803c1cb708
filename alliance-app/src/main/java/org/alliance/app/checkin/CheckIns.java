package org.alliance.app.checkin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.joint.BlockAudience;
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.release.ReleaseRule;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores check-ins so that nothing is lost and nothing is doubled: the invitation is consumed in the same
 * transaction that stores the answers, and a form's idempotency key is stored UNIQUE, so a repeated submit of the
 * same form finds its earlier result instead of writing again.
 */
@Repository
public class CheckIns {

    /** What became of a submission. */
    public enum Outcome {
        /** Stored now. */
        SAVED,
        /** This very form was stored before (a double click, a reload, a retry). */
        ALREADY_SAVED,
        /** The invitation was used by another form. */
        USED,
        /** The invitation expired before it was used. */
        EXPIRED
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public CheckIns(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The client's answers through an invitation. */
    public Outcome submit(Invitation invitation, CheckInSubmission submission) {
        Instant now = clock.instant();
        Outcome outcome = transactions.execute(status -> {
            // Write first: under SQLite this takes the write lock at once; under PostgreSQL the row lock makes a
            // concurrent second submit wait here and then find the invitation consumed.
            int consumed = jdbc.sql(
                            """
                            UPDATE check_in_invitation SET consumed_at = ?
                            WHERE id = ? AND consumed_at IS NULL AND expires_at > ?""")
                    .params(now.toEpochMilli(), invitation.id(), now.toEpochMilli())
                    .update();
            if (consumed == 0) {
                return null;
            }
            // The invitation was still open, so these answers are new, whatever key the form carries: a key some
            // other check-in already holds (a form copied from another invitation) gets a fresh one instead of
            // failing the insert and losing the answers. The key's UNIQUE index tells in the insert itself, so the
            // usual case (a new key) costs no query of its own.
            CheckInSubmission stored = submission;
            while (!insert(
                    invitation.meetingId(),
                    invitation.clientId(),
                    Optional.of(invitation.id()),
                    Optional.empty(),
                    invitation.jointPartyId(),
                    stored,
                    now,
                    true)) {
                stored = submission.withKey(CheckInSubmission.keyOrNew(null));
            }
            return Outcome.SAVED;
        });
        if (outcome != null) {
            return outcome;
        }
        if (exists(submission.idempotencyKey())) {
            return Outcome.ALREADY_SAVED;
        }
        Invitation current = invitationState(invitation.id());
        return current.consumedAt().isPresent() ? Outcome.USED : Outcome.EXPIRED;
    }

    /** The professional's own rating of a meeting, released to themselves at once. */
    public Outcome submitRating(long meetingId, long clientId, CheckInSubmission submission) {
        return submitRating(meetingId, clientId, Optional.empty(), submission);
    }

    /**
     * A professional's own rating of a meeting, with who rated: in a joint meeting several professionals rate
     * the same meeting.
     */
    public Outcome submitRating(long meetingId, long clientId, Optional<Long> raterId, CheckInSubmission submission) {
        Instant now = clock.instant();
        try {
            return transactions.execute(status -> {
                if (exists(submission.idempotencyKey())) {
                    return Outcome.ALREADY_SAVED;
                }
                insert(meetingId, clientId, Optional.empty(), raterId, Optional.empty(), submission, now, false);
                return Outcome.SAVED;
            });
        } catch (DuplicateKeyException e) {
            // The same form twice at once: under PostgreSQL both transactions can find no row with the key and
            // insert; the UNIQUE key refuses the second, whose transaction rolled back whole. The form is stored.
            if (exists(submission.idempotencyKey())) {
                return Outcome.ALREADY_SAVED;
            }
            throw e;
        }
    }

    /**
     * Inserts the check-in with its answers and blocks.
     *
     * @param unlessKeyTaken write nothing and return false when another check-in holds the submission's key (else
     *     such a key fails the insert, as the UNIQUE index does)
     */
    private boolean insert(
            long meetingId,
            long clientId,
            Optional<Long> invitationId,
            Optional<Long> raterId,
            Optional<Long> jointPartyId,
            CheckInSubmission submission,
            Instant now,
            boolean unlessKeyTaken) {
        Long released = submission.release() == ReleaseChoice.NOW ? now.toEpochMilli() : null;
        Optional<Long> inserted = jdbc.sql(
                        """
                        INSERT INTO check_in (meeting_id, client_id, invitation_id, instrument_id, instrument_version,
                                              perspective, language, release_choice, idempotency_key, submitted_at,
                                              released_at, rater_id, joint_party_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
                                + (unlessKeyTaken ? " ON CONFLICT (idempotency_key) DO NOTHING" : "")
                                + " RETURNING id")
                .params(
                        meetingId,
                        clientId,
                        invitationId.orElse(null),
                        submission.instrument().id(),
                        submission.instrument().version(),
                        submission.instrument().perspective().code(),
                        submission.language().code(),
                        submission.release().name(),
                        submission.idempotencyKey(),
                        now.toEpochMilli(),
                        released,
                        raterId.orElse(null),
                        jointPartyId.orElse(null))
                .query(Long.class)
                .optional();
        if (inserted.isEmpty()) {
            return false;
        }
        long id = inserted.get();
        insertAnswers(id, submission.answers());
        for (Map.Entry<Long, Map<String, Double>> block :
                submission.perProfessional().entrySet()) {
            for (Map.Entry<String, Double> answer : block.getValue().entrySet()) {
                jdbc.sql(
                                """
                                INSERT INTO answer_per_professional (check_in_id, professional_id, item_id,
                                                                     numeric_value)
                                VALUES (?, ?, ?, ?)""")
                        .params(id, block.getKey(), answer.getKey(), answer.getValue())
                        .update();
            }
        }
        for (Map.Entry<Long, ReleaseChoice> block : submission.blockReleases().entrySet()) {
            jdbc.sql(
                            """
                            INSERT INTO check_in_block_release (check_in_id, professional_id, release_choice, released_at,
                                                                audience)
                            VALUES (?, ?, ?, ?, ?)""")
                    .params(
                            id,
                            block.getKey(),
                            block.getValue().name(),
                            block.getValue() == ReleaseChoice.NOW ? now.toEpochMilli() : null,
                            submission
                                    .blockAudiences()
                                    .getOrDefault(block.getKey(), BlockAudience.CONCERNED)
                                    .name())
                    .update();
        }
        return true;
    }

    /**
     * All answers of a check-in in one multi-row statement: one round trip instead of one per item, which keeps the
     * write transaction (and under SQLite the database's single write lock) short.
     */
    private void insertAnswers(long checkInId, Map<String, Double> answers) {
        if (answers.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO answer (check_in_id, item_id, numeric_value) VALUES ");
        List<Object> values = new ArrayList<>();
        for (Map.Entry<String, Double> answer : answers.entrySet()) {
            sql.append(values.isEmpty() ? "(?, ?, ?)" : ", (?, ?, ?)");
            values.add(checkInId);
            values.add(answer.getKey());
            values.add(answer.getValue());
        }
        jdbc.sql(sql.toString()).params(values).update();
    }

    /**
     * Stores a check-in from history (the demo data) with the release state it reached: {@code releasedAt} empty
     * means not (yet) released. The answers go in one multi-row statement, so a whole history imports quickly.
     */
    public long importHistory(ImportedCheckIn checkIn) {
        long id = jdbc.sql(
                        """
                        INSERT INTO check_in (meeting_id, client_id, invitation_id, instrument_id, instrument_version,
                                              perspective, language, release_choice, idempotency_key, submitted_at,
                                              released_at)
                        VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        checkIn.meetingId(),
                        checkIn.clientId(),
                        checkIn.instrumentId(),
                        checkIn.instrumentVersion(),
                        checkIn.perspective().code(),
                        checkIn.language().code(),
                        checkIn.release().name(),
                        checkIn.idempotencyKey(),
                        checkIn.submittedAt().toEpochMilli(),
                        checkIn.releasedAt().map(Instant::toEpochMilli).orElse(null))
                .query(Long.class)
                .single();
        insertAnswers(id, checkIn.answers());
        return id;
    }

    private boolean exists(String idempotencyKey) {
        return jdbc.sql("SELECT COUNT(*) FROM check_in WHERE idempotency_key = ?")
                        .param(idempotencyKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private Invitation invitationState(long id) {
        return jdbc.sql(
                        """
                        SELECT i.id, i.meeting_id, m.client_id, c.organisation_id, i.instrument_id, i.expires_at,
                               i.joint_party_id, i.language, i.consumed_at
                        FROM check_in_invitation i JOIN meeting m ON m.id = i.meeting_id JOIN client c ON c.id = m.client_id
                        WHERE i.id = ?""")
                .param(id)
                .query(Invitations::map)
                .single();
    }

    /**
     * A client's check-ins, oldest meeting first, all of them (the history: also answers that a newer answer about
     * the same meeting replaced). {@code releasedOnly} keeps only what the professional may see now (client answers
     * released by {@link ReleaseRule} from the client's meeting dates, and the professional's own ratings, which are
     * released at once).
     */
    public List<StoredCheckIn> forClient(long clientId, boolean releasedOnly) {
        List<StoredCheckIn> all = read(clientId).stream().map(Row::checkIn).toList();
        return releasedOnly ? all.stream().filter(StoredCheckIn::released).toList() : all;
    }

    /**
     * The check-ins that count in trends and alerts (docs/rules.md, "Answers"): one per meeting, instrument and
     * perspective (and rater), the one submitted last. The older ones stay stored as history ({@link #forClient}).
     * The newest is chosen before the release rule is applied, so a newer answer the client holds back also holds
     * back the older one it replaces: the client's latest word about a meeting counts, with its release choice.
     */
    public List<StoredCheckIn> currentForClient(long clientId, boolean releasedOnly) {
        Map<String, StoredCheckIn> newest = new LinkedHashMap<>();
        for (Row row : read(clientId)) {
            // Rows come oldest first (meeting date, then submit time, then id), so a later row replaces an earlier.
            newest.remove(row.answerKey());
            newest.put(row.answerKey(), row.checkIn());
        }
        List<StoredCheckIn> current = newest.values().stream()
                .sorted(Comparator.comparing(StoredCheckIn::meetingDate)
                        .thenComparing(StoredCheckIn::submittedAt)
                        .thenComparingLong(StoredCheckIn::id))
                .toList();
        return releasedOnly ? current.stream().filter(StoredCheckIn::released).toList() : current;
    }

    /** A stored check-in with what makes it "the same answer" as another: meeting, instrument, perspective, rater. */
    private record Row(StoredCheckIn checkIn, String answerKey) {}

    private List<Row> read(long clientId) {
        String sql =
                """
                SELECT ci.id, ci.meeting_id, m.meeting_date, ci.instrument_id, ci.instrument_version, ci.perspective,
                       ci.release_choice, ci.submitted_at, ci.rater_id, ci.joint_party_id
                FROM check_in ci JOIN meeting m ON m.id = ci.meeting_id
                WHERE ci.client_id = ? ORDER BY m.meeting_date, ci.submitted_at, ci.id""";
        Map<Long, Map<String, Double>> answers = answersOfClient(clientId);
        List<LocalDate> meetings = jdbc.sql("SELECT meeting_date FROM meeting WHERE client_id = ?")
                .param(clientId)
                .query((rs, row) -> LocalDate.parse(rs.getString(1)))
                .list();
        Instant now = clock.instant();
        return jdbc.sql(sql)
                .param(clientId)
                .query((rs, row) -> {
                    long id = rs.getLong("id");
                    LocalDate meetingDate = LocalDate.parse(rs.getString("meeting_date"));
                    ReleaseChoice choice = ReleaseChoice.valueOf(rs.getString("release_choice"));
                    Instant submitted = Instant.ofEpochMilli(rs.getLong("submitted_at"));
                    StoredCheckIn checkIn = new StoredCheckIn(
                            id,
                            rs.getLong("meeting_id"),
                            meetingDate,
                            rs.getString("instrument_id"),
                            rs.getString("instrument_version"),
                            rs.getString("perspective"),
                            choice,
                            submitted,
                            ReleaseRule.released(choice, submitted, meetingDate, meetings, clock.getZone(), now),
                            answers.getOrDefault(id, Map.of()));
                    String key = checkIn.meetingId() + "|" + checkIn.instrumentId() + "|" + checkIn.perspective() + "|"
                            + rs.getString("rater_id") + "|" + rs.getString("joint_party_id");
                    return new Row(checkIn, key);
                })
                .list();
    }

    private Map<Long, Map<String, Double>> answersOfClient(long clientId) {
        Map<Long, Map<String, Double>> answers = new HashMap<>();
        jdbc.sql(
                        """
                        SELECT a.check_in_id, a.item_id, a.numeric_value FROM answer a
                        JOIN check_in ci ON ci.id = a.check_in_id
                        WHERE ci.client_id = ? AND a.numeric_value IS NOT NULL""")
                .param(clientId)
                .query(rs -> {
                    answers.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getDouble(3));
                });
        return answers;
    }

    /** How many check-ins were stored with this idempotency key (0 or 1; used by tests and the benchmark). */
    public long countWithKey(String idempotencyKey) {
        return jdbc.sql("SELECT COUNT(*) FROM check_in WHERE idempotency_key = ?")
                .param(idempotencyKey)
                .query(Long.class)
                .single();
    }
}
