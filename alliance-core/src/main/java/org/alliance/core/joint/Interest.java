package org.alliance.core.joint;

/** What matters to one party, in the words noted by the chair. Absent parties have interests too. */
public record Interest(String partyId, String text) {

    public Interest {
        if (text.isBlank()) {
            throw new IllegalArgumentException("the interest of party " + partyId + " is empty");
        }
    }
}
