package org.alliance.app.reminder;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The messages sent about invitations ({@code invitation_message}). A message is claimed (its row written) before it
 * is sent, and the row is unique per invitation and kind: whoever claims it sends it, everyone else — a second
 * server, a run after a restart — finds it claimed and sends nothing. A crash between the claim and the send loses
 * that one message rather than sending it twice.
 */
@Repository
public class InvitationMessages {

    /** What a message is. */
    public enum Kind {
        INVITE,
        REMINDER
    }

    /** What became of a message. */
    public enum Outcome {
        SENDING,
        SENT,
        FAILED,
        NOT_CONFIGURED
    }

    private final JdbcClient jdbc;

    InvitationMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the message down as being sent; false when it was claimed before (and must not be sent again). */
    boolean claim(long invitationId, Kind kind, Channel channel, Instant at) {
        return jdbc.sql(
                                """
                        INSERT INTO invitation_message (invitation_id, kind, channel, sent_at, outcome)
                        VALUES (?, ?, ?, ?, 'SENDING') ON CONFLICT (invitation_id, kind) DO NOTHING""")
                        .params(invitationId, kind.name(), channel.name(), at.toEpochMilli())
                        .update()
                == 1;
    }

    void settle(long invitationId, Kind kind, Outcome outcome) {
        jdbc.sql("UPDATE invitation_message SET outcome = ? WHERE invitation_id = ? AND kind = ?")
                .params(outcome.name(), invitationId, kind.name())
                .update();
    }

    /** What became of the invitation's message of this kind, if one was sent. */
    public Optional<Outcome> outcome(long invitationId, Kind kind) {
        return jdbc.sql("SELECT outcome FROM invitation_message WHERE invitation_id = ? AND kind = ?")
                .params(invitationId, kind.name())
                .query((rs, row) -> Outcome.valueOf(rs.getString(1)))
                .optional();
    }
}
