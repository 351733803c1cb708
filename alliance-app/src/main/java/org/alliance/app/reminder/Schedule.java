package org.alliance.app.reminder;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * A client's schedule of check-ins (docs/rules.md, "Schedules and reminders").
 *
 * @param weeks for {@link Kind#EVERY_N_WEEKS}, N (1 to 52); empty for {@link Kind#AFTER_MEETING}
 * @param startsAt when it was set: meetings before it and weeks before it do not count
 */
public record Schedule(long clientId, Kind kind, OptionalInt weeks, String instrumentId, Instant startsAt, long setBy) {

    /** The two kinds of schedule. */
    public enum Kind {
        AFTER_MEETING,
        EVERY_N_WEEKS
    }

    public static final int MAX_WEEKS = 52;

    public Schedule {
        if (kind == Kind.EVERY_N_WEEKS && (weeks.isEmpty() || weeks.getAsInt() < 1 || weeks.getAsInt() > MAX_WEEKS)) {
            throw new IllegalArgumentException("every N weeks needs N from 1 to " + MAX_WEEKS + ", got " + weeks);
        }
        if (kind == Kind.AFTER_MEETING && weeks.isPresent()) {
            throw new IllegalArgumentException("after every meeting takes no number of weeks, got " + weeks);
        }
    }
}
