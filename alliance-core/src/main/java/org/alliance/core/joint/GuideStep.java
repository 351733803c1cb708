package org.alliance.core.joint;

import java.util.Locale;

/**
 * The steps of the meeting guide, in the order the Dutch joint-meetings study found facilitating for
 * client-centred multiple alliances: the client introduces themselves in their own words, then open
 * communication, team support, a shared vision and goals, and finally shared decision making.
 */
public enum GuideStep {
    INTRODUCE_CLIENT,
    OPEN_COMMUNICATION,
    TEAM_SUPPORT,
    SHARED_VISION,
    SHARED_DECISION_MAKING;

    /** The name used in files: {@code introduce-client}, {@code open-communication}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
