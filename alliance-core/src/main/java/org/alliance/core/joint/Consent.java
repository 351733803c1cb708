package org.alliance.core.joint;

import java.time.Instant;

/**
 * The client giving or withdrawing consent to share their results with one party (a professional of another
 * organisation). Consents form a history; the latest event at a moment decides.
 */
public record Consent(String clientId, String partyId, Action action, Instant at) {

    public enum Action {
        GIVEN,
        WITHDRAWN
    }

    public static Consent given(String clientId, String partyId, Instant at) {
        return new Consent(clientId, partyId, Action.GIVEN, at);
    }

    public static Consent withdrawn(String clientId, String partyId, Instant at) {
        return new Consent(clientId, partyId, Action.WITHDRAWN, at);
    }
}
