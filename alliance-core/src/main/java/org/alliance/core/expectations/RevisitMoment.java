package org.alliance.core.expectations;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * When both sides look back on what they expected at intake, chosen per organisation: the client's n-th meeting
 * (default: the 4th) or the first meeting at least n weeks after the intake. The intake is the client's first
 * meeting. Meetings are counted in date order; the caller gives them sorted (date, then the order they were
 * entered), because two meetings on one day are still two meetings.
 *
 * @param number the meeting number (2 to {@value #MOST_MEETINGS}) or the number of weeks (1 to
 *     {@value #MOST_WEEKS})
 */
public record RevisitMoment(Kind kind, int number) {

    /** Counted in meetings or in weeks after the intake. Stored by name. */
    public enum Kind {
        MEETING,
        WEEKS
    }

    public static final int MOST_MEETINGS = 30;
    public static final int MOST_WEEKS = 104;

    /** The default: the 4th meeting, when a working relationship has had time to form. */
    public static final RevisitMoment DEFAULT = new RevisitMoment(Kind.MEETING, 4);

    public RevisitMoment {
        if (!allows(kind, number)) {
            throw new IllegalArgumentException("a revisit at " + kind + " " + number + " is out of range");
        }
    }

    /** Whether the number fits the kind: a meeting number 2 to 30 (1 is the intake itself), or 1 to 104 weeks. */
    public static boolean allows(Kind kind, int number) {
        return switch (kind) {
            case MEETING -> number >= 2 && number <= MOST_MEETINGS;
            case WEEKS -> number >= 1 && number <= MOST_WEEKS;
        };
    }

    /**
     * The position (0-based) in {@code meetings} of the revisit meeting, or empty while there is none yet.
     *
     * @param meetings the dates of the client's meetings in meeting order
     */
    public Optional<Integer> revisitIndex(List<LocalDate> meetings) {
        if (meetings.isEmpty()) {
            return Optional.empty();
        }
        return switch (kind) {
            case MEETING -> number <= meetings.size() ? Optional.of(number - 1) : Optional.empty();
            case WEEKS -> {
                LocalDate due = meetings.get(0).plusWeeks(number);
                for (int i = 1; i < meetings.size(); i++) {
                    if (!meetings.get(i).isBefore(due)) {
                        yield Optional.of(i);
                    }
                }
                yield Optional.empty();
            }
        };
    }

    /**
     * What is asked at the meeting at {@code index} of {@code meetings}: the intake questions at the first meeting,
     * the revisit at the revisit meeting, nothing at any other.
     */
    public Optional<Occasion> occasionAt(List<LocalDate> meetings, int index) {
        if (index < 0 || index >= meetings.size()) {
            throw new IllegalArgumentException("meeting " + index + " is not one of " + meetings.size());
        }
        if (index == 0) {
            return Optional.of(Occasion.INTAKE);
        }
        return revisitIndex(meetings).filter(at -> at == index).map(at -> Occasion.REVISIT);
    }
}
