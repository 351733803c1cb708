package org.alliance.app.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimeTextTest {

    @Test
    void readsSecondsMinutesAndHours() {
        assertThat(TimeText.parse("75.5")).isEqualTo(75_500);
        assertThat(TimeText.parse("75,5")).isEqualTo(75_500);
        assertThat(TimeText.parse("1:15.5")).isEqualTo(75_500);
        assertThat(TimeText.parse("1:01:15")).isEqualTo(3_675_000);
        assertThat(TimeText.parse("0.0005")).isEqualTo(1);
    }

    @Test
    void refusesWhatIsNoTime() {
        for (String bad : new String[] {"", "abc", "-1", "1:75", "1::2", "1:2:3:4"}) {
            assertThatThrownBy(() -> TimeText.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void writesTenthsOfSeconds() {
        assertThat(TimeText.format(75_500)).isEqualTo("1:15.5");
        assertThat(TimeText.format(3_675_040)).isEqualTo("1:01:15.0");
        assertThat(TimeText.format(0)).isEqualTo("0:00.0");
    }
}
