package org.alliance.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 14, promise 1: "at our next meeting" means on the next meeting's date, never earlier. */
class ReleaseRuleTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate MEETING = LocalDate.of(2026, 3, 2);
    private static final Instant SUBMITTED = Instant.parse("2026-03-02T11:00:00Z");

    private static boolean released(List<LocalDate> meetings, String now) {
        return ReleaseRule.released(
                ReleaseChoice.NEXT_MEETING, SUBMITTED, MEETING, meetings, AMSTERDAM, Instant.parse(now));
    }

    @Test
    void atOurNextMeetingIsReleasedOnTheNextMeetingsDateNotWhenTheMeetingIsEntered() {
        // A meeting entered for next year releases nothing this year.
        List<LocalDate> meetings = List.of(MEETING, LocalDate.of(2027, 1, 11));
        assertThat(released(meetings, "2026-12-31T12:00:00Z")).isFalse();
        // At midnight in Amsterdam on the day of that meeting (23:00 UTC the evening before, winter time).
        assertThat(ReleaseRule.releasedAt(ReleaseChoice.NEXT_MEETING, SUBMITTED, MEETING, meetings, AMSTERDAM))
                .contains(Instant.parse("2027-01-10T23:00:00Z"));
        assertThat(released(meetings, "2027-01-10T22:59:59Z")).isFalse();
        assertThat(released(meetings, "2027-01-10T23:00:00Z")).isTrue();
    }

    @Test
    void theFirstLaterMeetingCountsAndMovingOrDeletingItMovesTheRelease() {
        LocalDate soon = LocalDate.of(2026, 3, 16);
        LocalDate later = LocalDate.of(2026, 4, 13);
        LocalDate earlier = LocalDate.of(2026, 2, 2);
        assertThat(ReleaseRule.releasedAt(
                        ReleaseChoice.NEXT_MEETING,
                        SUBMITTED,
                        MEETING,
                        List.of(later, earlier, MEETING, soon),
                        AMSTERDAM))
                .contains(Instant.parse("2026-03-15T23:00:00Z"));
        // The meeting on the 16th is deleted: the release waits for the one after (summer time by then).
        assertThat(ReleaseRule.releasedAt(
                        ReleaseChoice.NEXT_MEETING, SUBMITTED, MEETING, List.of(later, earlier, MEETING), AMSTERDAM))
                .contains(Instant.parse("2026-04-12T22:00:00Z"));
        // Only earlier meetings, or another meeting the same day: nothing yet.
        assertThat(ReleaseRule.releasedAt(
                        ReleaseChoice.NEXT_MEETING, SUBMITTED, MEETING, List.of(earlier, MEETING, MEETING), AMSTERDAM))
                .isEmpty();
    }

    @Test
    void answersGivenAfterTheNextMeetingAreShownWhenTheyAreSubmittedNeverBefore() {
        Instant late = Instant.parse("2026-03-20T09:00:00Z");
        assertThat(ReleaseRule.releasedAt(
                        ReleaseChoice.NEXT_MEETING,
                        late,
                        MEETING,
                        List.of(MEETING, LocalDate.of(2026, 3, 16)),
                        AMSTERDAM))
                .contains(late);
    }

    @Test
    void nowIsAtSubmissionAndTeamFiguresOnlyIsNever() {
        List<LocalDate> meetings = List.of(MEETING, LocalDate.of(2026, 3, 16));
        assertThat(ReleaseRule.releasedAt(ReleaseChoice.NOW, SUBMITTED, MEETING, meetings, AMSTERDAM))
                .isEqualTo(Optional.of(SUBMITTED));
        assertThat(ReleaseRule.releasedAt(ReleaseChoice.TEAM_ONLY, SUBMITTED, MEETING, meetings, AMSTERDAM))
                .isEmpty();
        assertThat(ReleaseRule.released(
                        ReleaseChoice.TEAM_ONLY,
                        SUBMITTED,
                        MEETING,
                        meetings,
                        AMSTERDAM,
                        Instant.parse("2030-01-01T00:00:00Z")))
                .isFalse();
    }
}
