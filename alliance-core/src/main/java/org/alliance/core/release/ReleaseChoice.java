package org.alliance.core.release;

/**
 * The client's choice of when a professional sees their answers: the "honest conversation" rule of the
 * feedback loop. The organisation sets which choice is preselected; the client decides. The names are stored
 * in the database, so they must not change.
 */
public enum ReleaseChoice {
    /** The professional sees the answers as soon as the check-in is completed. */
    NOW,
    /** From the start of the next meeting, so the client can be there when the answers are read. */
    NEXT_MEETING,
    /** Never individually: the answers count only in team figures of at least five clients. */
    TEAM_ONLY
}
