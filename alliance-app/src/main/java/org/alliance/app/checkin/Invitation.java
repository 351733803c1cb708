package org.alliance.app.checkin;

import java.time.Instant;
import java.util.Optional;
import org.alliance.core.instrument.Language;

/**
 * A check-in invitation as looked up by its token or short code (the secrets themselves are not kept).
 *
 * @param jointPartyId in a joint meeting, the network member invited (empty for the client)
 * @param language the language the professional chose for the check-in, used when the client's browser names none
 *     of the four (empty: no choice)
 */
public record Invitation(
        long id,
        long meetingId,
        long clientId,
        long organisationId,
        String instrumentId,
        Instant expiresAt,
        Optional<Instant> consumedAt,
        Optional<Long> jointPartyId,
        Optional<Language> language) {

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
