package org.alliance.app.checkin;

import java.time.Instant;
import java.util.Optional;

/**
 * A check-in invitation as looked up by its token or short code (the secrets themselves are not kept).
 *
 * @param jointPartyId in a joint meeting, the network member invited (empty for the client)
 */
public record Invitation(
        long id,
        long meetingId,
        long clientId,
        long organisationId,
        String instrumentId,
        Instant expiresAt,
        Optional<Instant> consumedAt,
        Optional<Long> jointPartyId) {

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
