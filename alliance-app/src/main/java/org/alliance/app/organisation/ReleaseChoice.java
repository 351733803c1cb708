package org.alliance.app.organisation;

/** How a client releases their answers to their professional (the "honest conversation" rule). */
public enum ReleaseChoice {
    /** The professional sees the answers at once. */
    NOW,
    /** The professional sees them when the next meeting with this client is opened. */
    NEXT_MEETING,
    /** The professional never sees them; they count only in team figures over at least five clients. */
    TEAM_ONLY
}
