package org.alliance.core.joint;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.release.ReleaseChoice;

/**
 * The client's release choices for one result: one choice for everybody, which the client may change for a
 * single party (for example "now" for the social worker, "only team figures" for the employment service).
 *
 * @param nextMeetingStartedAt when the next meeting with this client started; empty while it has not
 */
public record ReleaseState(
        ReleaseChoice choice, Map<String, ReleaseChoice> perParty, Optional<Instant> nextMeetingStartedAt) {

    public ReleaseState {
        perParty = Map.copyOf(perParty);
    }

    public static ReleaseState of(ReleaseChoice choice) {
        return new ReleaseState(choice, Map.of(), Optional.empty());
    }

    /** The choice that applies to one party. */
    public ReleaseChoice choiceFor(String partyId) {
        return perParty.getOrDefault(partyId, choice);
    }
}
