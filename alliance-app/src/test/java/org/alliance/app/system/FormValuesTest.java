package org.alliance.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;

/**
 * A constant a form names is read by its exact name only, anything else is empty, never an exception; a text not sent
 * is blank.
 */
class FormValuesTest {

    @Test
    void theExactNameIsTheConstant() {
        assertThat(FormValues.constant(DayOfWeek.class, "MONDAY")).contains(DayOfWeek.MONDAY);
    }

    @Test
    void anotherCaseBlankUnknownOrMissingIsEmpty() {
        assertThat(FormValues.constant(DayOfWeek.class, "monday")).isEmpty();
        assertThat(FormValues.constant(DayOfWeek.class, " MONDAY")).isEmpty();
        assertThat(FormValues.constant(DayOfWeek.class, "")).isEmpty();
        assertThat(FormValues.constant(DayOfWeek.class, "SOMEDAY")).isEmpty();
        assertThat(FormValues.constant(DayOfWeek.class, null)).isEmpty();
    }

    @Test
    void aFieldNotSentIsBlankAndASentOneStaysAsItIs() {
        assertThat(FormValues.orEmpty(null)).isEmpty();
        assertThat(FormValues.orEmpty(" a ")).isEqualTo(" a ");
    }
}
