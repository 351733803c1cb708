package org.alliance.app.checkin;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may open a check-in: finds the invitation behind a link token or short code and answers a wrong, used or
 * expired one with its friendly page, counting wrong short codes against the address ({@link AttemptLimiter}).
 */
@Component
class CheckInGate {

    private final Invitations invitations;
    private final AttemptLimiter limiter;
    private final Clock clock;

    CheckInGate(Invitations invitations, AttemptLimiter limiter, Clock clock) {
        this.invitations = invitations;
        this.limiter = limiter;
        this.clock = clock;
    }

    /**
     * The invitation behind a link token or short code, for this address. A typed short code (about 40 bits) can be
     * guessed, so an address over the wrong-code limit may not try one. A link token (256 bits) cannot be guessed,
     * so a known token is let through without asking the limiter: a client whose shared network address is blocked
     * by someone else's typing mistakes can still use their own link, and every check-in is one query shorter.
     */
    Optional<Invitation> lookUp(String key, String address) {
        boolean guessable = !Secrets.normaliseCode(key).isEmpty();
        if (key.length() > 200 || (guessable && limiter.blocked(address))) {
            return Optional.empty();
        }
        return invitations.find(key);
    }

    /** The friendly page for a wrong, used or expired link, or none when the form may be shown. */
    Optional<String> refusal(Optional<Invitation> found, String address, HttpServletResponse response) {
        if (found.isEmpty()) {
            if (limiter.blocked(address)) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                return Optional.of("checkin/wait");
            }
            limiter.recordFailure(address);
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return Optional.of("checkin/unknown");
        }
        Invitation invitation = found.get();
        if (invitation.consumedAt().isPresent()) {
            response.setStatus(HttpStatus.GONE.value());
            return Optional.of("checkin/used");
        }
        if (invitation.expired(clock.instant())) {
            response.setStatus(HttpStatus.GONE.value());
            return Optional.of("checkin/expired");
        }
        return Optional.empty();
    }
}
