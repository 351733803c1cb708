package org.alliance.core.fuzz;

import org.alliance.core.observation.ObservationEvent;

/** What every event a reader accepts must satisfy, whatever the file said. */
final class Invariants {

    private static final long HUNDRED_HOURS_MS = 100L * 3600 * 1000;

    private Invariants() {}

    static void plausible(ObservationEvent event) {
        if (event.onsetMs() < 0 || event.offsetMs() < event.onsetMs() || event.offsetMs() > HUNDRED_HOURS_MS) {
            throw new AssertionError("implausible event accepted: " + event);
        }
    }
}
