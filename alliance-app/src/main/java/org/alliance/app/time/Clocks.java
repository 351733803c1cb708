package org.alliance.app.time;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The one class that reads the wall clock (the architecture test forbids {@code Instant.now()},
 * {@code LocalDate.now()}, {@code Clock.systemUTC()} and the like everywhere else). The web application gets its
 * {@link Clock} as a bean from {@link TimeConfig}; commands that run without Spring call {@link #wallClock()}.
 */
public final class Clocks {

    /** The organisations we serve work in this zone unless {@code alliance.time-zone} says otherwise. */
    public static final String DEFAULT_ZONE = "Europe/Amsterdam";

    private Clocks() {}

    /**
     * The clock for commands that run without Spring: the system clock in the default zone, unless the JVM's
     * system properties {@code alliance.clock.fixed} / {@code alliance.time-zone} say otherwise (the build sets a
     * fixed instant for every test this way; Spring reads the same properties for the bean).
     */
    public static Clock wallClock() {
        return of(
                System.getProperty("alliance.time-zone", DEFAULT_ZONE), System.getProperty("alliance.clock.fixed", ""));
    }

    /**
     * @param zone a zone id such as {@code Europe/Amsterdam}
     * @param fixed an instant such as {@code 2026-06-15T08:00:00Z} for a clock that stands still, or empty for the
     *     system clock
     * @throws IllegalArgumentException naming the setting and an example of a right value
     */
    public static Clock of(String zone, String fixed) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "alliance.time-zone must be a zone such as Europe/Amsterdam, not '" + zone + "'", e);
        }
        if (fixed.isBlank()) {
            return Clock.system(zoneId);
        }
        try {
            return Clock.fixed(Instant.parse(fixed.strip()), zoneId);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "alliance.clock.fixed must be an instant such as 2026-06-15T08:00:00Z, not '" + fixed + "'", e);
        }
    }
}
