package org.alliance.app.checkin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issues check-in invitations and finds them again by link token or short code. */
@Repository
public class Invitations {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Invitations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public IssuedInvitation issue(long meetingId, String instrumentId, long createdBy, Duration lifetime) {
        return issue(meetingId, instrumentId, createdBy, lifetime, Optional.empty(), Optional.empty());
    }

    /** An invitation for the client of a plain meeting, with the language the professional chose for it. */
    public IssuedInvitation issueInLanguage(
            long meetingId, String instrumentId, long createdBy, Duration lifetime, Optional<Language> language) {
        return issue(meetingId, instrumentId, createdBy, lifetime, Optional.empty(), language);
    }

    /** An invitation for one party of a joint meeting: the client (empty) or a network member. */
    public IssuedInvitation issue(
            long meetingId, String instrumentId, long createdBy, Duration lifetime, Optional<Long> jointPartyId) {
        return issue(meetingId, instrumentId, createdBy, lifetime, jointPartyId, Optional.empty());
    }

    /**
     * An invitation for one party of a meeting: the client (empty) or a network member of a joint meeting, with the
     * language chosen for it (empty: none).
     */
    public IssuedInvitation issue(
            long meetingId,
            String instrumentId,
            long createdBy,
            Duration lifetime,
            Optional<Long> jointPartyId,
            Optional<Language> language) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        // A short-code collision (about one in a trillion per pair) fails the insert on the UNIQUE constraint;
        // the professional simply asks for a new invitation.
        String token = Secrets.newToken();
        String code = Secrets.newShortCode();
        long id = jdbc.sql(
                        """
                        INSERT INTO check_in_invitation (meeting_id, instrument_id, token_hash, short_code_hash,
                                                         created_by, created_at, expires_at, joint_party_id,
                                                         language)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        meetingId,
                        instrumentId,
                        Secrets.hash(token),
                        Secrets.hash(code),
                        createdBy,
                        now.toEpochMilli(),
                        expires.toEpochMilli(),
                        jointPartyId.orElse(null),
                        language.map(Language::code).orElse(null))
                .query(Long.class)
                .single();
        return new IssuedInvitation(id, token, code, expires);
    }

    /** The invitation behind a link token or a typed short code, whatever its state. */
    public Optional<Invitation> find(String key) {
        String code = Secrets.normaliseCode(key);
        String hash = code.isEmpty() ? Secrets.hash(key) : Secrets.hash(code);
        String column = code.isEmpty() ? "token_hash" : "short_code_hash";
        return jdbc.sql(
                        """
                        SELECT i.id, i.meeting_id, m.client_id, c.organisation_id, i.instrument_id, i.expires_at,
                               i.joint_party_id, i.language, i.consumed_at
                        FROM check_in_invitation i
                        JOIN meeting m ON m.id = i.meeting_id
                        JOIN client c ON c.id = m.client_id
                        WHERE i."""
                                + column + " = ?")
                .param(hash)
                .query(Invitations::map)
                .optional();
    }

    /**
     * The client's missed check-ins (docs/rules.md, "Missed check-ins"), oldest meeting first: per meeting and
     * questionnaire, an invitation to the client expired unused, the client stored no answer to that questionnaire
     * for that meeting (through any invitation; one kept for team figures counts as answered), and no newer
     * invitation for it still works. The latest expired invitation is the one shown.
     */
    public List<MissedCheckIn> missed(long clientId) {
        long now = clock.instant().toEpochMilli();
        return jdbc.sql(
                        """
                        SELECT i.meeting_id, m.meeting_date, i.instrument_id, i.created_at, i.expires_at
                        FROM check_in_invitation i JOIN meeting m ON m.id = i.meeting_id
                        WHERE m.client_id = ? AND i.joint_party_id IS NULL AND i.consumed_at IS NULL
                          AND i.expires_at <= ?
                          AND NOT EXISTS (SELECT 1 FROM check_in ci
                                          WHERE ci.meeting_id = i.meeting_id AND ci.instrument_id = i.instrument_id
                                            AND ci.joint_party_id IS NULL AND ci.perspective = 'client')
                          AND NOT EXISTS (SELECT 1 FROM check_in_invitation later
                                          WHERE later.meeting_id = i.meeting_id
                                            AND later.instrument_id = i.instrument_id
                                            AND later.joint_party_id IS NULL
                                            AND (later.expires_at > i.expires_at
                                                 OR (later.expires_at = i.expires_at AND later.id > i.id)))
                        ORDER BY m.meeting_date, i.instrument_id""")
                .params(clientId, now)
                .query((rs, row) -> new MissedCheckIn(
                        rs.getLong("meeting_id"),
                        LocalDate.parse(rs.getString("meeting_date")),
                        rs.getString("instrument_id"),
                        Instant.ofEpochMilli(rs.getLong("expires_at")),
                        Duration.ofMillis(rs.getLong("expires_at") - rs.getLong("created_at"))))
                .list();
    }

    static Invitation map(ResultSet rs, int row) throws SQLException {
        long party = rs.getLong("joint_party_id");
        Optional<Long> jointPartyId = rs.wasNull() ? Optional.empty() : Optional.of(party);
        String code = rs.getString("language");
        Optional<Language> language = code == null ? Optional.empty() : Language.fromCode(code);
        // Read consumed_at last before wasNull(): wasNull() refers to the most recent column read.
        long consumed = rs.getLong("consumed_at");
        Optional<Instant> consumedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(consumed));
        return new Invitation(
                rs.getLong("id"),
                rs.getLong("meeting_id"),
                rs.getLong("client_id"),
                rs.getLong("organisation_id"),
                rs.getString("instrument_id"),
                Instant.ofEpochMilli(rs.getLong("expires_at")),
                consumedAt,
                jointPartyId,
                language);
    }

    /** The short-code pass of an invitation ({@link Secrets#pass}). */
    String pass(long invitationId) {
        String tokenHash = jdbc.sql("SELECT token_hash FROM check_in_invitation WHERE id = ?")
                .param(invitationId)
                .query(String.class)
                .single();
        return Secrets.pass(tokenHash, invitationId);
    }

    /**
     * Per meeting of the client, the latest invitation to a check-in of the client's own (not a joint-meeting one),
     * whatever its state; in the order they were made, so the last entry is the client's latest invitation.
     */
    public Map<Long, LatestInvitation> latestPerMeeting(long clientId) {
        Map<Long, LatestInvitation> latest = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        SELECT i.meeting_id, i.instrument_id, i.expires_at, i.consumed_at
                        FROM check_in_invitation i JOIN meeting m ON m.id = i.meeting_id
                        WHERE m.client_id = ? AND i.joint_party_id IS NULL
                        ORDER BY i.created_at, i.id""")
                .param(clientId)
                .query(rs -> {
                    long meetingId = rs.getLong("meeting_id");
                    String instrumentId = rs.getString("instrument_id");
                    Instant expiresAt = Instant.ofEpochMilli(rs.getLong("expires_at"));
                    long consumed = rs.getLong("consumed_at");
                    Optional<Instant> consumedAt =
                            rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(consumed));
                    latest.remove(meetingId);
                    latest.put(meetingId, new LatestInvitation(meetingId, instrumentId, expiresAt, consumedAt));
                });
        return latest;
    }

    /** See {@link #latestPerMeeting}. */
    public record LatestInvitation(
            long meetingId, String instrumentId, Instant expiresAt, Optional<Instant> consumedAt) {}
}
