package org.alliance.core.joint;

/** The client's choice of when a professional sees their answers (the feedback loop's release rule). */
public enum ReleaseChoice {
    /** As soon as the check-in is completed. */
    NOW,
    /** From the start of the next meeting, so the client can be there when the answers are read. */
    NEXT_MEETING,
    /** Never individually: the answers count only in team figures of at least five clients. */
    TEAM_FIGURES_ONLY
}
