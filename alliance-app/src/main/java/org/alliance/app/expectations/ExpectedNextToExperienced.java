package org.alliance.app.expectations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.expectations.ExpectationItem;
import org.alliance.core.expectations.Occasion;
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.release.ReleaseRule;

/**
 * What each side expected next to how it went, as the client's professional may see it now: per side and occasion
 * the answer given last counts (as for check-ins), and a client's answer is shown only when the one release rule
 * ({@link ReleaseRule}) shows it, judged on the check-in's release choice, its submit time and the client's meeting
 * dates as they are now. A held-back answer says that it exists and when it will be shown, never what it says; an
 * answer kept for team figures is never shown.
 */
record ExpectedNextToExperienced(Side client, Side professional) {

    /** Where one side's answer at one occasion stands for the reader. */
    enum State {
        NONE,
        SHOWN,
        HELD_UNTIL,
        HELD_NEXT_MEETING,
        TEAM_ONLY
    }

    /**
     * @param until the day a held-back answer is shown (HELD_UNTIL), else empty
     * @param answers the answers, only when SHOWN; otherwise empty
     */
    record Seen(
            State state,
            Optional<LocalDate> until,
            Optional<Instant> submitted,
            Map<ExpectationItem, Expectations.Answer> answers) {

        static final Seen NONE = new Seen(State.NONE, Optional.empty(), Optional.empty(), Map.of());
    }

    /** One side: its answer at intake and at the revisit. */
    record Side(String perspective, Seen intake, Seen revisit) {

        boolean anyShown() {
            return intake.state() == State.SHOWN || revisit.state() == State.SHOWN;
        }
    }

    static ExpectedNextToExperienced of(
            List<Expectations.Stored> stored, List<LocalDate> meetingDates, ZoneId zone, Instant now) {
        return new ExpectedNextToExperienced(
                side(Expectations.CLIENT, stored, meetingDates, zone, now),
                side(Expectations.PROFESSIONAL, stored, meetingDates, zone, now));
    }

    private static Side side(
            String perspective, List<Expectations.Stored> stored, List<LocalDate> dates, ZoneId zone, Instant now) {
        return new Side(
                perspective,
                seen(latest(stored, perspective, Occasion.INTAKE), dates, zone, now),
                seen(latest(stored, perspective, Occasion.REVISIT), dates, zone, now));
    }

    /** The answer given last: chosen before the release rule, so a newer held-back answer holds back the older. */
    static Optional<Expectations.Stored> latest(
            List<Expectations.Stored> stored, String perspective, Occasion occasion) {
        List<Expectations.Stored> matching = new ArrayList<>();
        for (Expectations.Stored s : stored) {
            if (s.perspective().equals(perspective) && s.occasion() == occasion) {
                matching.add(s);
            }
        }
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }

    private static Seen seen(Optional<Expectations.Stored> latest, List<LocalDate> dates, ZoneId zone, Instant now) {
        if (latest.isEmpty()) {
            return Seen.NONE;
        }
        Expectations.Stored answer = latest.get();
        if (answer.release() == ReleaseChoice.TEAM_ONLY) {
            return new Seen(State.TEAM_ONLY, Optional.empty(), Optional.empty(), Map.of());
        }
        Optional<Instant> at =
                ReleaseRule.releasedAt(answer.release(), answer.submittedAt(), answer.meetingDate(), dates, zone);
        if (ReleaseRule.released(answer.release(), answer.submittedAt(), answer.meetingDate(), dates, zone, now)) {
            return new Seen(State.SHOWN, Optional.empty(), Optional.of(answer.submittedAt()), answer.answers());
        }
        return at.map(instant -> new Seen(
                        State.HELD_UNTIL,
                        Optional.of(instant.atZone(zone).toLocalDate()),
                        Optional.empty(),
                        Map.<ExpectationItem, Expectations.Answer>of()))
                .orElseGet(() -> new Seen(State.HELD_NEXT_MEETING, Optional.empty(), Optional.empty(), Map.of()));
    }
}
