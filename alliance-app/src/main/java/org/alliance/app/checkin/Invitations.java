package org.alliance.app.checkin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        // A short-code collision (about one in a trillion per pair) fails the insert on the UNIQUE constraint;
        // the professional simply asks for a new invitation.
        String token = Secrets.newToken();
        String code = Secrets.newShortCode();
        long id = jdbc.sql(
                        """
                        INSERT INTO check_in_invitation (meeting_id, instrument_id, token_hash, short_code_hash,
                                                         created_by, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        meetingId,
                        instrumentId,
                        Secrets.hash(token),
                        Secrets.hash(code),
                        createdBy,
                        now.toEpochMilli(),
                        expires.toEpochMilli())
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
                               i.consumed_at
                        FROM check_in_invitation i
                        JOIN meeting m ON m.id = i.meeting_id
                        JOIN client c ON c.id = m.client_id
                        WHERE i."""
                                + column + " = ?")
                .param(hash)
                .query(Invitations::map)
                .optional();
    }

    static Invitation map(ResultSet rs, int row) throws SQLException {
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
                consumedAt);
    }
}
