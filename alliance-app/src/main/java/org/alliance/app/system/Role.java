package org.alliance.app.system;

/** What a signed-in user may do. Clients have no account and no role. */
public enum Role {
    /** Sees their own clients and the answers those clients released. */
    PROFESSIONAL,
    /** Sees team aggregates over at least five clients, never a single professional's figures. */
    TEAM_LEAD,
    /** Sees instruments and counts, and the pseudonymous data of the studies they are assigned to. */
    RESEARCHER,
    /** Manages the organisation's settings, teams and users. */
    ADMIN;

    /** The Spring Security authority, e.g. {@code ROLE_PROFESSIONAL}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
