package org.alliance.app.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.privacy.ErasureRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasing one client (GDPR art. 17): every row that is about the client, in one transaction, on SQLite and
 * PostgreSQL alike — answers, check-ins (also the professionals' own ratings of the client's meetings),
 * invitations and the messages sent about them, contact details and schedules, meetings, joint meetings with their parties, notes, decisions, interests, goals and conflicts,
 * consents, coding sessions and events, the professional's "discussed" records and partiality self-checks, outcomes
 * and covariates imported for studies, and the client record. Or, when the rule says so ({@link Retention#decide}),
 * {@link #anonymise}: only what an allowing study exports stays, under its pseudonym. What is left is the audit trail: that it happened,
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
            Map.entry("study-outcomes", "FROM study_outcome WHERE client_id = ?"),
            Map.entry("study-covariates", "FROM study_covariate WHERE client_id = ?"),
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
            unlink(clientId);
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
     * Undoes the links into the client's rows from rows that stay: settled coding sessions name the sessions they came
     * from, and a professional's own diary entry may name the meeting it was written after (the entry is the
     * professional's and stays, without the meeting).
     */
    private void unlink(long clientId) {
        jdbc.sql("UPDATE coding_session SET first_source_id = NULL, second_source_id = NULL WHERE id IN (" + SESSIONS
                        + ")")
                .params(clientId)
                .update();
        jdbc.sql("UPDATE diary_entry SET meeting_id = NULL WHERE meeting_id IN (" + MEETINGS + ")")
                .params(clientId)
                .update();
    }

    /**
     * What anonymising did (or, for the confirmation page, would do).
     *
     * @param removed rows removed per kind, in the order of {@link #KINDS}, with {@code free-text-answers} (answers
     *     that were free text) at the end
     * @param keptCheckIns the check-ins that stay, attached to the study pseudonym
     */
    public record Anonymised(Map<String, Long> removed, long keptCheckIns) {
        public Anonymised {
            removed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(removed));
        }
    }

    /**
     * Anonymises the client of this organisation in one transaction (docs/privacy.md, "Anonymising"). Kept: the
     * client's check-ins that one of the decision's studies exports (the study's questionnaires, about meetings within
     * its period, answered by the client or their professional — not by a network member of a joint meeting), their
     * numeric answers, the meetings' dates and kinds (the export numbers meetings and shifts dates from the first),
     * the outcomes the studies imported, and the client row without alias or reference, with {@code anonymised_at}
     * set. Everything else about the client goes, as on erasure: contact details, schedules, invitations and their
     * messages, joint meetings with their parties, notes, goals and decisions, expectations, consents, codings,
     * "discussed" records, page visits, other check-ins, free-text answers, and the links from invitations and
     * browsers (idempotency keys).
     *
     * @param decision the rule's decision ({@link Retention#decide}); must anonymise
     * @return what was removed and kept, or empty when the organisation has no such (not yet anonymised) client
     */
    public Optional<Anonymised> anonymise(long organisationId, long clientId, ErasureRule.Decision decision, long now) {
        if (!decision.anonymises()) {
            throw new IllegalArgumentException("the decision for client " + clientId + " is to " + decision.action());
        }
        return transactions.execute(status -> anonymising(organisationId, clientId, decision, now));
    }

    /** What {@link #anonymise} would remove and keep now: the same statements, rolled back. */
    public Optional<Anonymised> whatAnonymisingWouldDo(
            long organisationId, long clientId, ErasureRule.Decision decision) {
        return transactions.execute(status -> {
            Optional<Anonymised> result = anonymising(organisationId, clientId, decision, 0);
            status.setRollbackOnly();
            return result;
        });
    }

    private Optional<Anonymised> anonymising(
            long organisationId, long clientId, ErasureRule.Decision decision, long now) {
        if (byId(organisationId, clientId).isEmpty() || isAnonymised(clientId)) {
            return Optional.empty();
        }
        List<Long> studies =
                decision.studies().stream().map(ErasureRule.Study::id).toList();
        String studyMarks = String.join(", ", java.util.Collections.nCopies(studies.size(), "?"));
        List<Long> kept = jdbc.sql(
                        """
                        SELECT ci.id FROM check_in ci JOIN meeting m ON m.id = ci.meeting_id
                        WHERE ci.client_id = ? AND ci.joint_party_id IS NULL
                          AND EXISTS (SELECT 1 FROM study s
                                      WHERE s.id IN (%s) AND s.organisation_id = ?
                                        AND m.meeting_date >= s.starts_on AND m.meeting_date <= s.ends_on
                                        AND ci.instrument_id IN (SELECT si.instrument_id FROM study_instrument si
                                                                 WHERE si.study_id = s.id))
                        ORDER BY ci.id"""
                                .formatted(studyMarks))
                .params(concat(List.of(clientId), studies, List.of(organisationId)))
                .query(Long.class)
                .list();
        String keptMarks = String.join(", ", java.util.Collections.nCopies(kept.size(), "?"));
        String notKept = kept.isEmpty() ? "" : " AND check_in_id NOT IN (" + keptMarks + ")";
        unlink(clientId);
        // Kept check-ins lose their links to what goes: the invitation and the browser's idempotency key.
        jdbc.sql("UPDATE check_in SET invitation_id = NULL, idempotency_key = 'anonymised-' || CAST(id AS VARCHAR(20))"
                        + " WHERE client_id = ?")
                .param(clientId)
                .update();
        Map<String, Long> removed = new LinkedHashMap<>();
        for (Map.Entry<String, String> kind : KINDS) {
            String from = kind.getValue();
            List<Object> extra = List.of();
            switch (kind.getKey()) {
                case "answers", "answers-per-professional", "block-releases" -> {
                    from += notKept;
                    extra = List.copyOf(kept);
                }
                case "check-ins" -> {
                    from = "FROM check_in WHERE client_id = ?"
                            + (kept.isEmpty() ? "" : " AND id NOT IN (" + keptMarks + ")");
                    extra = List.copyOf(kept);
                }
                case "study-outcomes", "study-covariates" -> {
                    from += " AND study_id NOT IN (" + studyMarks + ")";
                    extra = List.copyOf(studies);
                }
                case "meetings", "client" -> {
                    continue;
                }
                default -> {
                    // everything else about the client goes, as on erasure
                }
            }
            String sql = "DELETE " + from;
            List<Object> params =
                    new ArrayList<>(Arrays.asList(params(sql, clientId)).subList(0, marks(from) - extra.size()));
            params.addAll(extra);
            removed.put(kind.getKey(), (long) jdbc.sql(sql).params(params).update());
        }
        // Free text may name the client (the studies that allow anonymising never export it).
        long freeText = kept.isEmpty()
                ? 0
                : jdbc.sql("DELETE FROM answer WHERE numeric_value IS NULL AND check_in_id IN (" + keptMarks + ")")
                        .params(List.copyOf(kept))
                        .update();
        if (!kept.isEmpty()) {
            freeText += jdbc.sql("UPDATE answer SET text_value = NULL WHERE text_value IS NOT NULL AND check_in_id IN ("
                            + keptMarks + ")")
                    .params(List.copyOf(kept))
                    .update();
        }
        removed.put("free-text-answers", freeText);
        // The reference must stay unique per organisation: it becomes a token made of the row id only.
        jdbc.sql("UPDATE client SET alias = ?, internal_id = ?, anonymised_at = ? WHERE id = ?")
                .params(ANONYMOUS_ALIAS, "anonymised-" + clientId, now, clientId)
                .update();
        return Optional.of(new Anonymised(removed, kept.size()));
    }

    /** The alias an anonymised client keeps (the column may not be empty). */
    public static final String ANONYMOUS_ALIAS = "-";

    private static List<Object> concat(List<?>... lists) {
        List<Object> all = new ArrayList<>();
        for (List<?> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    private static int marks(String sql) {
        return (int) sql.chars().filter(c -> c == '?').count();
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

    /** The audit subject of an anonymisation: ids and counts, and the studies that keep the answers. */
    public static String auditSubject(long clientId, Anonymised done, ErasureRule.Decision decision) {
        return auditSubject(clientId, done.removed()) + "; kept check-ins=" + done.keptCheckIns() + ", studies="
                + decision.studies().stream()
                        .map(s -> String.valueOf(s.id()))
                        .collect(java.util.stream.Collectors.joining(" "));
    }
}
