package org.alliance.app.cli.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatisticsOutputTest {

    @Test
    void formatKeepsSevenSignificantDigitsAndDropsTrailingZeros() {
        assertThat(StatisticsOutput.format(35.846)).isEqualTo("35.846");
        assertThat(StatisticsOutput.format(1200)).isEqualTo("1200");
        assertThat(StatisticsOutput.format(-0.0231198091544)).isEqualTo("-0.02311981");
    }

    @Test
    void formatKeepsTheExponentIntact() {
        // regression: the exponent's trailing zero was once stripped (2.620042e-10 printed as 2.620042e-1)
        assertThat(StatisticsOutput.format(2.620042e-10)).isEqualTo("2.620042e-10");
        assertThat(StatisticsOutput.format(3e20)).isEqualTo("3e+20");
    }

    @Test
    void undefinedValuesPrintAsR() {
        assertThat(StatisticsOutput.format(Double.NaN)).isEqualTo("NA");
        assertThat(StatisticsOutput.format(Double.POSITIVE_INFINITY)).isEqualTo("Inf");
        assertThat(StatisticsOutput.formatP(1e-20)).isEqualTo("<2e-16");
    }

    @Test
    void nonFiniteNumbersBecomeJsonNull() {
        assertThat(StatisticsOutput.number(Double.NaN)).isNull();
        assertThat(StatisticsOutput.number(1.5)).isEqualTo(1.5);
    }
}
