package org.alliance.app.caseload;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Clients and meetings. Every read for a professional is filtered by that professional's id. */
@Repository
public class Caseload {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public Caseload(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    public long createClient(long organisationId, long teamId, long professionalId, String alias, String internalId) {
        return jdbc.sql(
                        """
                        INSERT INTO client (organisation_id, team_id, professional_id, alias, internal_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(organisationId, teamId, professionalId, alias.strip(), internalId.strip(), clock.millis())
                .query(Long.class)
                .single();
    }

    public boolean internalIdTaken(long organisationId, String internalId) {
        return jdbc.sql("SELECT COUNT(*) FROM client WHERE organisation_id = ? AND internal_id = ?")
                        .params(organisationId, internalId.strip())
                        .query(Long.class)
                        .single()
                > 0;
    }

    public List<Client> clientsOf(long professionalId) {
        return jdbc.sql("SELECT * FROM client WHERE professional_id = ? AND anonymised_at IS NULL ORDER BY alias")
                .param(professionalId)
                .query(Caseload::client)
                .list();
    }

    /** The client, only if this professional works with them. */
    public Optional<Client> clientOf(long professionalId, long clientId) {
        return jdbc.sql("SELECT * FROM client WHERE id = ? AND professional_id = ? AND anonymised_at IS NULL")
                .params(clientId, professionalId)
                .query(Caseload::client)
                .optional();
    }

    /**
     * Enters a meeting. It releases nothing by being entered: answers a client kept for "our next meeting" are
     * shown on the date of the next meeting ({@link org.alliance.core.release.ReleaseRule}, evaluated on reading).
     */
    public long createMeeting(long clientId, long professionalId, LocalDate date, Meeting.Kind kind) {
        return transactions.execute(status -> {
            long id = jdbc.sql(
                            """
                            INSERT INTO meeting (client_id, professional_id, meeting_date, kind, created_at)
                            VALUES (?, ?, ?, ?, ?) RETURNING id""")
                    .params(clientId, professionalId, date.toString(), kind.name(), clock.millis())
                    .query(Long.class)
                    .single();
            return id;
        });
    }

    /**
     * Stores a meeting that already took place, as an import of history (the demo data): unlike
     * {@link #createMeeting} it releases nothing, because the imported check-ins carry their own release state.
     */
    public long importMeeting(long clientId, long professionalId, LocalDate date, Meeting.Kind kind, long createdAt) {
        return jdbc.sql(
                        """
                        INSERT INTO meeting (client_id, professional_id, meeting_date, kind, created_at)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(clientId, professionalId, date.toString(), kind.name(), createdAt)
                .query(Long.class)
                .single();
    }

    /**
     * Changes a meeting's date and kind. Answers about the meeting stay with it; an answer held back for "our next
     * meeting" follows the dates as they are now ({@link org.alliance.core.release.ReleaseRule}, evaluated on
     * reading), so moving a meeting never shows an answer before the day of the meeting that now comes next.
     */
    public void changeMeeting(long meetingId, LocalDate date, Meeting.Kind kind) {
        jdbc.sql("UPDATE meeting SET meeting_date = ?, kind = ? WHERE id = ?")
                .params(date.toString(), kind.name(), meetingId)
                .update();
    }

    /** What deleting a meeting did. */
    public enum Deletion {
        DELETED,
        /** The meeting has answers, a joint-meeting record or codings: nothing was deleted. */
        HAS_RECORDS
    }

    /**
     * Deletes a meeting entered by mistake, with its unused invitations, in one transaction. A meeting that holds
     * anything somebody gave (a check-in, the professional's rating, a joint-meeting record, codings) is never
     * deleted: a submitted answer is never lost by tidying the calendar.
     */
    public Deletion deleteMeeting(long meetingId) {
        return transactions.execute(status -> {
            long records = jdbc.sql(
                            """
                            SELECT (SELECT COUNT(*) FROM check_in WHERE meeting_id = ?)
                                 + (SELECT COUNT(*) FROM joint_meeting WHERE meeting_id = ?)
                                 + (SELECT COUNT(*) FROM coding_session WHERE meeting_id = ?)
                                 + (SELECT COUNT(*) FROM expectation_answer WHERE meeting_id = ?)
                                 + (SELECT COUNT(*) FROM check_in_invitation
                                    WHERE meeting_id = ? AND consumed_at IS NOT NULL)""")
                    .params(meetingId, meetingId, meetingId, meetingId, meetingId)
                    .query(Long.class)
                    .single();
            if (records > 0) {
                return Deletion.HAS_RECORDS;
            }
            // The record of links sent for its unused invitations goes with them.
            jdbc.sql("DELETE FROM invitation_message WHERE invitation_id IN"
                            + " (SELECT id FROM check_in_invitation WHERE meeting_id = ?)")
                    .param(meetingId)
                    .update();
            // The professional's own "discussed" records about a meeting entered by mistake go with it.
            jdbc.sql("DELETE FROM feedback_discussed WHERE meeting_id = ?")
                    .param(meetingId)
                    .update();
            jdbc.sql("DELETE FROM check_in_invitation WHERE meeting_id = ?")
                    .param(meetingId)
                    .update();
            jdbc.sql("DELETE FROM meeting WHERE id = ?").param(meetingId).update();
            return Deletion.DELETED;
        });
    }

    /**
     * Notes that the professional opened the client's page now (for the overview's "new answers"), in one
     * transaction with {@code alongside} (the audit row of the read): one commit per page view, not two.
     */
    void seen(long clientId, long professionalId, Instant at, Runnable alongside) {
        transactions.executeWithoutResult(status -> {
            alongside.run();
            jdbc.sql("INSERT INTO client_seen (client_id, professional_id, seen_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT (client_id, professional_id) DO UPDATE SET seen_at = excluded.seen_at")
                    .params(clientId, professionalId, at.toEpochMilli())
                    .update();
        });
    }

    /** When the professional last opened the client's page; empty when never. */
    Optional<Instant> lastSeen(long clientId, long professionalId) {
        return jdbc.sql("SELECT seen_at FROM client_seen WHERE client_id = ? AND professional_id = ?")
                .params(clientId, professionalId)
                .query(Long.class)
                .optional()
                .map(Instant::ofEpochMilli);
    }

    public List<Meeting> meetings(long clientId) {
        return jdbc.sql("SELECT * FROM meeting WHERE client_id = ? ORDER BY meeting_date, id")
                .param(clientId)
                .query(Caseload::meeting)
                .list();
    }

    /** The meeting, only if it is with a client of this professional. */
    public Optional<Meeting> meetingOf(long professionalId, long meetingId) {
        return jdbc.sql(
                        """
                        SELECT m.* FROM meeting m JOIN client c ON c.id = m.client_id
                        WHERE m.id = ? AND c.professional_id = ? AND c.anonymised_at IS NULL""")
                .params(meetingId, professionalId)
                .query(Caseload::meeting)
                .optional();
    }

    private static Meeting meeting(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Meeting(
                rs.getLong("id"),
                rs.getLong("client_id"),
                rs.getLong("professional_id"),
                LocalDate.parse(rs.getString("meeting_date")),
                Meeting.Kind.valueOf(rs.getString("kind")));
    }

    private static Client client(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Client(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                rs.getLong("team_id"),
                rs.getLong("professional_id"),
                rs.getString("alias"),
                rs.getString("internal_id"));
    }
}
