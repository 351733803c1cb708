package org.alliance.core.joint;

/** A goal one party wants to reach. */
public record Goal(String id, String partyId, String text) {

    public Goal {
        if (id.isBlank() || text.isBlank()) {
            throw new IllegalArgumentException("a goal needs an id and a text (party " + partyId + ")");
        }
    }
}
