package org.alliance.app.reminder;

/** How a client gets the link to a check-in. */
public enum Channel {
    EMAIL,
    SMS
}
