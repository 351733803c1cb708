package org.alliance.app.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasing one client (GDPR art. 17): every row that is about the client, in one transaction, on SQLite and
 * PostgreSQL alike — answers, check-ins (also the professionals' own ratings of the client's meetings),
 * invitations and the messages sent about them, contact details and schedules, meetings, joint meetings with their parties, notes, decisions, interests, goals and conflicts,
 * consents, coding sessions and events, the professional's "discussed" records and partiality self-checks, and the
 * client record. What is left is the audit trail: that it happened,
 * by whom, and how many rows of each kind — never what they said.
 */
@Component
public class ClientErasure {

    /** A client as the administrator finds them: by the organisation's own reference. */
    public record Found(long id, String alias, String reference) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public ClientErasure(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The client of this organisation with this reference (the organisation's internal id). */
    public Optional<Found> byReference(long organisationId, String reference) {
        return find("internal_id", organisationId, reference.strip());
    }

    /** The client of this organisation with this id; empty for another organisation's client. */
    public Optional<Found> byId(long organisationId, long clientId) {
        return find("id", organisationId, clientId);
    }

    private Optional<Found> find(String column, long organisationId, Object value) {
        return jdbc.sql("SELECT id, alias, internal_id FROM client WHERE organisation_id = ? AND " + column + " = ?")
                .params(organisationId, value)
                .query((rs, row) -> new Found(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** The sub-queries that select what is about one client ({@code ?} is the client id). */
    private static final String MEETINGS = "SELECT id FROM meeting WHERE client_id = ?";

    private static final String CHECK_INS =
            "SELECT id FROM check_in WHERE client_id = ? OR meeting_id IN (" + MEETINGS + ")";
    private static final String JOINT = "SELECT id FROM joint_meeting WHERE meeting_id IN (" + MEETINGS + ")";
    private static final String SESSIONS = "SELECT id FROM coding_session WHERE meeting_id IN (" + MEETINGS + ")";

    /**
     * Each kind of row, with the statement that selects it, in the order they are deleted (children before their
     * parents). The counts on the confirmation page and in the audit row come from the same statements.
     */
    private static final List<Map.Entry<String, String>> KINDS = List.of(
            // Expectations (issue 17) before the check-ins they came with.
            Map.entry(
                    "expectation-items",
                    "FROM expectation_item WHERE answer_id IN (SELECT id FROM expectation_answer WHERE client_id = ?)"),
            Map.entry("expectation-answers", "FROM expectation_answer WHERE client_id = ?"),
            Map.entry("answers", "FROM answer WHERE check_in_id IN (" + CHECK_INS + ")"),
            Map.entry(
                    "answers-per-professional",
                    "FROM answer_per_professional WHERE check_in_id IN (" + CHECK_INS + ")"),
            Map.entry("block-releases", "FROM check_in_block_release WHERE check_in_id IN (" + CHECK_INS + ")"),
            Map.entry("check-ins", "FROM check_in WHERE client_id = ? OR meeting_id IN (" + MEETINGS + ")"),
            Map.entry(
                    "messages",
                    "FROM invitation_message WHERE invitation_id IN (SELECT id FROM check_in_invitation"
                            + " WHERE meeting_id IN (" + MEETINGS + "))"),
            Map.entry("invitations", "FROM check_in_invitation WHERE meeting_id IN (" + MEETINGS + ")"),
            Map.entry("coding-events", "FROM coding_event WHERE session_id IN (" + SESSIONS + ")"),
            Map.entry("coding-sessions", "FROM coding_session WHERE meeting_id IN (" + MEETINGS + ")"),
            Map.entry("joint-conflicts", "FROM joint_goal_conflict WHERE joint_meeting_id IN (" + JOINT + ")"),
            Map.entry("joint-goals", "FROM joint_goal WHERE joint_meeting_id IN (" + JOINT + ")"),
            Map.entry("joint-interests", "FROM joint_interest WHERE joint_meeting_id IN (" + JOINT + ")"),
            Map.entry("joint-decisions", "FROM joint_decision WHERE joint_meeting_id IN (" + JOINT + ")"),
            Map.entry("joint-notes", "FROM joint_step_note WHERE joint_meeting_id IN (" + JOINT + ")"),
            Map.entry("self-checks", "FROM partiality_self_check WHERE joint_meeting_id IN (" + JOINT + ")"),
            Map.entry("joint-parties", "FROM joint_party WHERE joint_meeting_id IN (" + JOINT + ")"),
            Map.entry("joint-meetings", "FROM joint_meeting WHERE meeting_id IN (" + MEETINGS + ")"),
            Map.entry("consents", "FROM joint_consent WHERE client_id = ?"),
            Map.entry("contacts", "FROM client_contact WHERE client_id = ?"),
            Map.entry("schedules", "FROM client_schedule WHERE client_id = ?"),
            Map.entry("page-visits", "FROM client_seen WHERE client_id = ?"),
            Map.entry("discussed", "FROM feedback_discussed WHERE client_id = ?"),
            Map.entry("meetings", "FROM meeting WHERE client_id = ?"),
            Map.entry("client", "FROM client WHERE id = ?"));

    /** How many rows of each kind erasing the client would remove, in the order of {@link #KINDS}. */
    public Map<String, Long> whatWouldGo(long clientId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> kind : KINDS) {
            counts.put(kind.getKey(), count(kind.getValue(), clientId));
        }
        return counts;
    }

    /**
     * Erases the client of this organisation; nothing is deleted unless everything is (one transaction).
     *
     * @return the rows removed per kind, or empty when the organisation has no such client
     */
    public Optional<Map<String, Long>> erase(long organisationId, long clientId) {
        return transactions.execute(status -> {
            if (byId(organisationId, clientId).isEmpty()) {
                return Optional.empty();
            }
            // Settled coding sessions name the sessions they came from: undo those links first.
            jdbc.sql("UPDATE coding_session SET first_source_id = NULL, second_source_id = NULL WHERE id IN ("
                            + SESSIONS + ")")
                    .params(clientId)
                    .update();
            Map<String, Long> removed = new LinkedHashMap<>();
            for (Map.Entry<String, String> kind : KINDS) {
                String sql = "DELETE " + kind.getValue();
                removed.put(kind.getKey(), (long)
                        jdbc.sql(sql).params(params(sql, clientId)).update());
            }
            return Optional.of(removed);
        });
    }

    /**
     * The kinds anonymising removes: everything of {@link #KINDS} except the answers, check-ins and meetings a study
     * needs (keyed by the study pseudonym, which is derived from the client id) and the client row itself.
     */
    static final java.util.Set<String> KEPT_WHEN_ANONYMISED = java.util.Set.of(
            "answers", "answers-per-professional", "block-releases", "check-ins", "meetings", "client");

    /**
     * Anonymises the client of this organisation in one transaction (docs/privacy.md, "Anonymising"): removes every
     * row that is not needed by a study (contacts, invitations and their messages, notes, joint meetings and their
     * names, expectations, consents, schedules, coding), and keeps the client row without alias or reference, with
     * {@code anonymised_at} set.
     *
     * @return the rows removed per kind, or empty when the organisation has no such (not yet anonymised) client
     */
    public Optional<Map<String, Long>> anonymise(long organisationId, long clientId, long now) {
        return transactions.execute(status -> {
            if (byId(organisationId, clientId).isEmpty() || isAnonymised(clientId)) {
                return Optional.empty();
            }
            jdbc.sql("UPDATE coding_session SET first_source_id = NULL, second_source_id = NULL WHERE id IN ("
                            + SESSIONS + ")")
                    .params(clientId)
                    .update();
            Map<String, Long> removed = new LinkedHashMap<>();
            for (Map.Entry<String, String> kind : KINDS) {
                if (KEPT_WHEN_ANONYMISED.contains(kind.getKey())) {
                    continue;
                }
                String sql = "DELETE " + kind.getValue();
                removed.put(kind.getKey(), (long)
                        jdbc.sql(sql).params(params(sql, clientId)).update());
            }
            // The reference must stay unique per organisation: it becomes a token made of the row id only.
            jdbc.sql("UPDATE client SET alias = ?, internal_id = ?, anonymised_at = ? WHERE id = ?")
                    .params("-", "anonymised-" + clientId, now, clientId)
                    .update();
            return Optional.of(removed);
        });
    }

    /** Whether the client was anonymised already. */
    public boolean isAnonymised(long clientId) {
        return jdbc.sql("SELECT anonymised_at FROM client WHERE id = ?")
                .param(clientId)
                .query((rs, row) -> rs.getObject(1) != null)
                .optional()
                .orElse(false);
    }

    private long count(String from, long clientId) {
        String sql = "SELECT COUNT(*) " + from;
        return jdbc.sql(sql).params(params(sql, clientId)).query(Long.class).single();
    }

    /** The client id once for every {@code ?} of the statement. */
    private static Object[] params(String sql, long clientId) {
        int marks = (int) sql.chars().filter(c -> c == '?').count();
        Object[] params = new Object[marks];
        java.util.Arrays.fill(params, clientId);
        return params;
    }

    /** The audit subject of an erasure: the client's id and the rows removed per kind, never alias or reference. */
    public static String auditSubject(long clientId, Map<String, Long> removed) {
        return "client " + clientId + ": "
                + removed.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(java.util.stream.Collectors.joining(", "));
    }
}
