package org.alliance.app.joint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.caseload.Meeting;
import org.alliance.core.joint.Party;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Joint meetings in the database, the meeting and who takes part: the meeting (a row of {@code meeting} of kind
 * JOINT for the client, chaired by the client's own professional, plus {@code joint_meeting}), its parties, the
 * professionals' accounts and the lists of meetings per professional, client and team. What the chair records is
 * {@link JointRecords}; the check-ins of the meeting and the client's consents are {@link JointCheckIns}.
 *
 * <p>Party ids in the core model ({@link StoredParty#key}): {@code client} for the client, the user id for a
 * professional (so that consents and score sheets are keyed by professional), {@code n} + row id for a network
 * member.
 */
@Repository
public class JointMeetings {

    static final String CLIENT_PARTY = "client";

    private final JdbcClient jdbc;
    private final Caseload caseload;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JointMeetings(JdbcClient jdbc, Caseload caseload, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.caseload = caseload;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A joint meeting's header: whose it is, when, and who chairs it. */
    public record Header(
            long id,
            long meetingId,
            long clientId,
            String clientAlias,
            long clientOrganisationId,
            long chairId,
            LocalDate date,
            Optional<Instant> closedAt) {}

    /**
     * A party as stored.
     *
     * @param userId the account of a professional
     * @param organisationId the organisation of a professional
     */
    public record StoredParty(
            long id,
            Party.Kind kind,
            Optional<Long> userId,
            Optional<Party.NetworkRole> role,
            String label,
            boolean present,
            Optional<Long> organisationId,
            String organisationName) {

        /** The id of this party in the core model. */
        public String key() {
            return switch (kind) {
                case CLIENT -> CLIENT_PARTY;
                case PROFESSIONAL -> String.valueOf(userId.orElseThrow());
                case NETWORK_MEMBER -> "n" + id;
            };
        }
    }

    /** A network member to add when the meeting is created. */
    public record NewNetworkMember(Party.NetworkRole role, String label, boolean present) {}

    /** A professional's account as found by user name. */
    public record Account(long id, long organisationId, String displayName, String organisationName) {}

    // ---------------------------------------------------------------- creating and finding

    /**
     * Creates a joint meeting for a client: a meeting of kind JOINT (which, like any new meeting, releases answers
     * kept for "our next meeting"), the client, the chair and the other professionals, and the network members.
     */
    public long create(
            long clientId,
            String clientAlias,
            Account chair,
            LocalDate date,
            List<Account> professionals,
            List<NewNetworkMember> network) {
        return transactions.execute(status -> {
            long meetingId = caseload.createMeeting(clientId, chair.id(), date, Meeting.Kind.JOINT);
            long id = jdbc.sql(
                            """
                            INSERT INTO joint_meeting (meeting_id, chair_id, created_at) VALUES (?, ?, ?)
                            RETURNING id""")
                    .params(meetingId, chair.id(), clock.millis())
                    .query(Long.class)
                    .single();
            insertParty(id, Party.Kind.CLIENT, null, null, clientAlias, true);
            insertParty(id, Party.Kind.PROFESSIONAL, chair.id(), null, chair.displayName(), true);
            for (Account professional : professionals) {
                if (professional.id() != chair.id()) {
                    insertParty(id, Party.Kind.PROFESSIONAL, professional.id(), null, professional.displayName(), true);
                }
            }
            for (NewNetworkMember member : network) {
                insertParty(id, Party.Kind.NETWORK_MEMBER, null, member.role(), member.label(), member.present());
            }
            return id;
        });
    }

    private void insertParty(
            long jointId, Party.Kind kind, Long userId, Party.NetworkRole role, String label, boolean present) {
        jdbc.sql(
                        """
                        INSERT INTO joint_party (joint_meeting_id, kind, user_id, network_role, label, present)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(jointId, kind.name(), userId, role == null ? null : role.name(), label.strip(), present)
                .update();
    }

    private static final String HEADER =
            """
            SELECT j.id, j.meeting_id, j.chair_id, j.closed_at, m.client_id, m.meeting_date, c.alias,
                   c.organisation_id
            FROM joint_meeting j JOIN meeting m ON m.id = j.meeting_id JOIN client c ON c.id = m.client_id
            """;

    public Optional<Header> find(long jointId) {
        return jdbc.sql(HEADER + " WHERE j.id = ?")
                .param(jointId)
                .query(JointMeetings::header)
                .optional();
    }

    /** The joint meeting, only if this professional takes part in it. */
    public Optional<Header> findFor(long userId, long jointId) {
        return find(jointId).filter(header -> takesPart(jointId, userId));
    }

    public Optional<Header> findByMeeting(long meetingId) {
        return jdbc.sql(HEADER + " WHERE j.meeting_id = ?")
                .param(meetingId)
                .query(JointMeetings::header)
                .optional();
    }

    /** The joint meetings a professional takes part in, newest first. */
    public List<Header> meetingsOf(long userId) {
        return headers(
                """
                 WHERE j.id IN (SELECT joint_meeting_id FROM joint_party WHERE user_id = ?)
                 ORDER BY m.meeting_date DESC, j.id DESC""",
                userId);
    }

    /** The joint meetings of one client, oldest first. */
    public List<Header> meetingsOfClient(long clientId) {
        return headers(" WHERE m.client_id = ? ORDER BY m.meeting_date, j.id", clientId);
    }

    /** The joint meetings of the clients of one team, oldest first (for the team's aggregate figures). */
    public List<Header> meetingsOfTeam(long teamId) {
        return headers(" WHERE c.team_id = ? ORDER BY m.meeting_date, j.id", teamId);
    }

    /** The headers that {@code condition} (a WHERE and ORDER BY of this class, one parameter) selects. */
    private List<Header> headers(String condition, long value) {
        return jdbc.sql(HEADER + condition)
                .param(value)
                .query(JointMeetings::header)
                .list();
    }

    public boolean takesPart(long jointId, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM joint_party WHERE joint_meeting_id = ? AND user_id = ?")
                        .params(jointId, userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static Header header(ResultSet rs, int row) throws SQLException {
        long closed = rs.getLong("closed_at");
        Optional<Instant> closedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(closed));
        return new Header(
                rs.getLong("id"),
                rs.getLong("meeting_id"),
                rs.getLong("client_id"),
                rs.getString("alias"),
                rs.getLong("organisation_id"),
                rs.getLong("chair_id"),
                LocalDate.parse(rs.getString("meeting_date")),
                closedAt);
    }

    /** An enabled professional's account by user name, in any organisation. */
    public Optional<Account> professional(String username) {
        return jdbc.sql(
                        """
                        SELECT u.id, u.organisation_id, u.display_name, o.name FROM app_user u
                        JOIN organisation o ON o.id = u.organisation_id
                        WHERE u.username = ? AND u.role = 'PROFESSIONAL' AND u.enabled = TRUE""")
                .param(username.strip())
                .query((rs, row) -> new Account(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    public Account account(long userId) {
        return jdbc.sql(
                        """
                        SELECT u.id, u.organisation_id, u.display_name, o.name FROM app_user u
                        JOIN organisation o ON o.id = u.organisation_id WHERE u.id = ?""")
                .param(userId)
                .query((rs, row) -> new Account(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .single();
    }

    /** The organisation's split-alliance alert threshold as a share of the scale range. */
    public double splitThreshold(long organisationId) {
        return jdbc.sql("SELECT split_threshold_percent FROM organisation WHERE id = ?")
                        .param(organisationId)
                        .query(Integer.class)
                        .single()
                / 100.0;
    }

    // ---------------------------------------------------------------- parties

    public List<StoredParty> parties(long jointId) {
        return jdbc.sql(
                        """
                        SELECT p.id, p.kind, p.user_id, p.network_role, p.label, p.present, u.organisation_id,
                               o.name AS organisation_name
                        FROM joint_party p LEFT JOIN app_user u ON u.id = p.user_id
                        LEFT JOIN organisation o ON o.id = u.organisation_id
                        WHERE p.joint_meeting_id = ? ORDER BY p.id""")
                .param(jointId)
                .query((rs, row) -> {
                    long user = rs.getLong("user_id");
                    Optional<Long> userId = rs.wasNull() ? Optional.empty() : Optional.of(user);
                    long organisation = rs.getLong("organisation_id");
                    Optional<Long> organisationId = rs.wasNull() ? Optional.empty() : Optional.of(organisation);
                    String role = rs.getString("network_role");
                    String organisationName = rs.getString("organisation_name");
                    return new StoredParty(
                            rs.getLong("id"),
                            Party.Kind.valueOf(rs.getString("kind")),
                            userId,
                            Optional.ofNullable(role).map(Party.NetworkRole::valueOf),
                            rs.getString("label"),
                            rs.getBoolean("present"),
                            organisationId,
                            organisationName == null ? "" : organisationName);
                })
                .list();
    }

    public void close(long jointId) {
        jdbc.sql("UPDATE joint_meeting SET closed_at = ? WHERE id = ? AND closed_at IS NULL")
                .params(clock.millis(), jointId)
                .update();
    }
}
