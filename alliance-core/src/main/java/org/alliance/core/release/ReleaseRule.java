package org.alliance.core.release;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Optional;

/**
 * When a client's answers become visible to the professional, from the client's {@link ReleaseChoice}: the one
 * rule every page, export and test asks (docs/rules.md, "When the professional sees the answers").
 *
 * <ul>
 *   <li>{@code NOW}: when the answers are submitted.
 *   <li>{@code NEXT_MEETING}: at the start of the day (in the organisation's time zone) of the client's first
 *       meeting dated after the meeting the answers are about, and never before they were submitted. Only the
 *       meeting's date counts, evaluated when the answers are read: entering a meeting for next year releases
 *       nothing now, moving that meeting moves the release with it, and deleting it takes the release back.
 *   <li>{@code TEAM_ONLY}: never individually.
 * </ul>
 *
 * Pure functions of their arguments: the caller passes the time and the zone.
 */
public final class ReleaseRule {

    private ReleaseRule() {}

    /**
     * The instant the answers are (or will be) shown to the professional, or empty while there is no such instant
     * yet (no later meeting) or never (team figures only). The instant may lie in the future.
     *
     * @param meetingDate the date of the meeting the answers are about
     * @param clientMeetings the dates of all of the client's meetings (any order; may include {@code meetingDate})
     */
    public static Optional<Instant> releasedAt(
            ReleaseChoice choice,
            Instant submitted,
            LocalDate meetingDate,
            Collection<LocalDate> clientMeetings,
            ZoneId zone) {
        return switch (choice) {
            case NOW -> Optional.of(submitted);
            case TEAM_ONLY -> Optional.empty();
            case NEXT_MEETING ->
                clientMeetings.stream()
                        .filter(date -> date.isAfter(meetingDate))
                        .min(LocalDate::compareTo)
                        .map(next -> next.atStartOfDay(zone).toInstant())
                        .map(start -> start.isBefore(submitted) ? submitted : start);
        };
    }

    /** Whether the answers are shown to the professional at {@code now}. */
    public static boolean released(
            ReleaseChoice choice,
            Instant submitted,
            LocalDate meetingDate,
            Collection<LocalDate> clientMeetings,
            ZoneId zone,
            Instant now) {
        return releasedAt(choice, submitted, meetingDate, clientMeetings, zone)
                .filter(at -> !at.isAfter(now))
                .isPresent();
    }
}
