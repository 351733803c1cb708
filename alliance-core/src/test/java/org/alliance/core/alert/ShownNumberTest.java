package org.alliance.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ShownNumberTest {

    @Test
    void aWholeTenthKeepsOneDecimalAndAnyOtherValueShowsTwo() {
        assertThat(ShownNumber.text(3.0)).isEqualTo("3.0");
        assertThat(ShownNumber.text(4.5)).isEqualTo("4.5");
        assertThat(ShownNumber.text(0.75)).isEqualTo("0.75");
        assertThat(ShownNumber.text(37.0 / 12)).isEqualTo("3.08");
        assertThat(ShownNumber.text(0.05)).isEqualTo("0.05");
        assertThat(ShownNumber.text(-0.5)).isEqualTo("-0.5");
        assertThat(ShownNumber.text(-0.001)).isEqualTo("0.0");
    }

    @Test
    void roundingIsHalfAwayFromZeroAndMatchesTheText() {
        assertThat(ShownNumber.round(4.125)).isEqualTo(4.13);
        assertThat(ShownNumber.round(-4.125)).isEqualTo(-4.13);
        assertThat(ShownNumber.round(4.7951)).isEqualTo(4.8);
        assertThat(ShownNumber.text(ShownNumber.round(4.7951))).isEqualTo(ShownNumber.text(4.7951));
    }

    @Test
    void eachLanguageWritesItsOwnDecimalSeparatorAndTheSameDigits() {
        assertThat(ShownNumber.text(4.75, Locale.forLanguageTag("nl"))).isEqualTo("4,75");
        assertThat(ShownNumber.text(4.75, Locale.forLanguageTag("nb"))).isEqualTo("4,75");
        assertThat(ShownNumber.text(4.75, Locale.forLanguageTag("da"))).isEqualTo("4,75");
        assertThat(ShownNumber.text(4.75, Locale.forLanguageTag("en"))).isEqualTo("4.75");
        assertThat(ShownNumber.text(-0.8, Locale.forLanguageTag("nl"))).isEqualTo("-0,8");
        assertThat(ShownNumber.text(3.0, Locale.forLanguageTag("da"))).isEqualTo("3,0");
    }
}
