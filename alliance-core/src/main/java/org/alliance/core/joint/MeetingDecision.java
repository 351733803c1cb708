package org.alliance.core.joint;

import java.util.Locale;

/**
 * A decision taken in a joint meeting, with who proposed it and whether the client agreed: the "decision
 * ownership" the study found missing when the client's voice got lost.
 *
 * @param proposedBy the id of the party who proposed it
 */
public record MeetingDecision(String id, String text, String proposedBy, ClientAgreement clientAgreement) {

    /** Whether the client agreed with a decision. */
    public enum ClientAgreement {
        YES,
        PARTLY,
        NO;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MeetingDecision {
        if (id.isBlank() || text.isBlank() || proposedBy.isBlank()) {
            throw new IllegalArgumentException("a decision needs an id, a text and who proposed it (id '" + id
                    + "', proposed by '" + proposedBy + "')");
        }
    }
}
