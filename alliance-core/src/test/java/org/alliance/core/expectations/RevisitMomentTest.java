package org.alliance.core.expectations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RevisitMomentTest {

    private static final LocalDate INTAKE = LocalDate.of(2026, 3, 2);

    /** Intake, then meetings 2, 3, 5, 8 and 13 weeks later; the last two on one day. */
    private static final List<LocalDate> MEETINGS = List.of(
            INTAKE,
            INTAKE.plusWeeks(2),
            INTAKE.plusWeeks(3),
            INTAKE.plusWeeks(5),
            INTAKE.plusWeeks(8),
            INTAKE.plusWeeks(13),
            INTAKE.plusWeeks(13));

    @ParameterizedTest
    @CsvSource({
        "MEETING, 4, 3",
        "MEETING, 2, 1",
        "MEETING, 7, 6",
        "MEETING, 8, -1",
        "WEEKS, 1, 1",
        "WEEKS, 3, 2",
        "WEEKS, 4, 3",
        "WEEKS, 6, 4",
        "WEEKS, 13, 5",
        "WEEKS, 14, -1"
    })
    void theRevisitIsTheNthMeetingOrTheFirstMeetingAfterSoManyWeeks(RevisitMoment.Kind kind, int number, int index) {
        Optional<Integer> expected = index < 0 ? Optional.empty() : Optional.of(index);
        assertThat(new RevisitMoment(kind, number).revisitIndex(MEETINGS)).isEqualTo(expected);
    }

    @Test
    void theIntakeIsTheFirstMeetingAndOnlyTheRevisitMeetingRevisits() {
        RevisitMoment fourth = RevisitMoment.DEFAULT;
        assertThat(fourth.occasionAt(MEETINGS, 0)).contains(Occasion.INTAKE);
        assertThat(fourth.occasionAt(MEETINGS, 1)).isEmpty();
        assertThat(fourth.occasionAt(MEETINGS, 2)).isEmpty();
        assertThat(fourth.occasionAt(MEETINGS, 3)).contains(Occasion.REVISIT);
        assertThat(fourth.occasionAt(MEETINGS, 4)).isEmpty();
    }

    @Test
    void aClientWithoutMeetingsHasNoRevisit() {
        assertThat(RevisitMoment.DEFAULT.revisitIndex(List.of())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "MEETING, 1, false",
        "MEETING, 2, true",
        "MEETING, 30, true",
        "MEETING, 31, false",
        "WEEKS, 0, false",
        "WEEKS, 1, true",
        "WEEKS, 104, true",
        "WEEKS, 105, false"
    })
    void theNumberMustFitTheKind(RevisitMoment.Kind kind, int number, boolean allowed) {
        assertThat(RevisitMoment.allows(kind, number)).isEqualTo(allowed);
        if (!allowed) {
            assertThatThrownBy(() -> new RevisitMoment(kind, number))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(number));
        }
    }

    @Test
    void itemCodesAreStoredLowerCaseAndReadBack() {
        for (ExpectationItem item : ExpectationItem.values()) {
            assertThat(ExpectationItem.fromCode(item.code())).contains(item);
        }
        assertThat(ExpectationItem.fromCode("HOPE")).isEmpty();
        assertThat(ExpectationItem.allows(0)).isFalse();
        assertThat(ExpectationItem.allows(5)).isTrue();
    }
}
