package org.alliance.app.checkin;

import java.util.List;
import java.util.Map;

/**
 * What the client's joint check-in needs to know about a joint meeting, supplied by the joint-meetings feature:
 * the professionals to ask about by name, and where the client's consent choices go. Defined here so that the
 * check-in does not depend on the joint package.
 */
public interface JointParticipants {

    /**
     * A professional of the meeting as the check-in shows them.
     *
     * @param otherOrganisation true when they work for another organisation than the one holding the client's file:
     *     the client decides whether they see the answers
     */
    record Professional(long id, String name, String organisation, boolean otherOrganisation) {}

    /** The professionals of the joint meeting behind this meeting id, in the meeting's order; empty if none. */
    List<Professional> professionals(long meetingId);

    /**
     * The client's consent choices from the check-in, for professionals of another organisation: true gives
     * consent, false withdraws one that stands (and records nothing when none stands).
     */
    void recordConsents(long clientId, Map<Long, Boolean> given);
}
