package org.alliance.app.checkin;

import java.time.Instant;

/** A newly issued invitation: the only moment the token and short code exist in plain form. */
public record IssuedInvitation(long id, String token, String shortCode, Instant expiresAt) {

    /** The short code as printed for the client, e.g. "ABCD-EFGH". */
    public String displayCode() {
        return Secrets.display(shortCode);
    }
}
