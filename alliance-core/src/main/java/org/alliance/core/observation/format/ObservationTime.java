package org.alliance.core.observation.format;

import java.util.OptionalLong;

/**
 * The one rule for a time read from another tool's file: a finite number of seconds from 0 up to {@link
 * #MAX_SECONDS} (100 hours, far beyond any recorded meeting), in whole milliseconds. Without the upper bound a time
 * such as {@code 1e300} or {@code Infinity} becomes an event at 9.2·10¹⁸ ms that silently stretches the meeting.
 */
public final class ObservationTime {

    /** The latest time we accept, in seconds. */
    public static final double MAX_SECONDS = 100 * 3600;

    /** What a time that is not a number (or is negative) is told as, after the value. */
    public static final String NOT_SECONDS = "is not a number of seconds";

    /** What a time beyond {@link #MAX_SECONDS} (or infinite) is told as, after the value. */
    public static final String TOO_LATE = "is later than 100 hours; expected a time within the recording";

    private ObservationTime() {}

    /** Milliseconds of a time in seconds, or empty when it is not a finite number within 0 to 100 hours. */
    public static OptionalLong millisOfSeconds(double seconds) {
        if (!(seconds >= 0 && seconds <= MAX_SECONDS)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round(seconds * 1000));
    }

    /** Why a time in seconds is refused, after its value: {@link #NOT_SECONDS} or {@link #TOO_LATE}. */
    public static String problem(double seconds) {
        return seconds > MAX_SECONDS ? TOO_LATE : NOT_SECONDS;
    }

    /** The same for milliseconds given as a whole number (ELAN, our CSV). */
    public static boolean isPlausibleMillis(long millis) {
        return millis >= 0 && millis <= MAX_SECONDS * 1000;
    }
}
