package org.alliance.stats.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.Stream;
import org.alliance.stats.RReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pearson's r against R's cor.test (fixtures from src/test/r/correlation.R): r, t and the interval are closed form and
 * must agree to 1e-10 relative; the p-value, a t tail probability, to 1e-9 relative (as the regression tests).
 */
class PearsonCorrelationTest {

    static final double CLOSED_FORM = 1e-10;
    static final double TAIL = 1e-9;

    private static final RReference EXPECTED = RReference.read("reference/correlation/pearson.csv");

    static Stream<Arguments> cases() {
        return EXPECTED.rows().stream()
                .map(row -> Arguments.of(
                        row.get("data") + ": " + row.get("x") + " ~ " + row.get("y") + " at " + row.get("conf_level"),
                        row));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesCorTest(String name, Map<String, String> row) {
        RReference data = RReference.read("data/" + row.get("data") + ".csv");
        CorrelationOptions options = new CorrelationOptions(RReference.number(row.get("conf_level")));

        PearsonResult result = PearsonCorrelation.fit(data.numbers(row.get("x")), data.numbers(row.get("y")), options);

        assertThat(result.n()).isEqualTo(Integer.parseInt(row.get("n")));
        assertThat(result.rowsDropped()).isEqualTo(Integer.parseInt(row.get("rows_dropped")));
        assertThat(result.df()).isEqualTo(Integer.parseInt(row.get("parameter")));
        assertRelative(result.estimate(), row.get("estimate"), CLOSED_FORM, "estimate");
        assertRelative(result.statistic(), row.get("statistic"), CLOSED_FORM, "statistic");
        assertRelative(result.pValue(), row.get("p_value"), TAIL, "p.value");
        assertRelative(result.confLow(), row.get("conf_low"), CLOSED_FORM, "conf.int[1]");
        assertRelative(result.confHigh(), row.get("conf_high"), CLOSED_FORM, "conf.int[2]");
        assertThat(result.confidenceLevel()).isEqualTo(options.confidenceLevel());
    }

    @Test
    void aPerfectCorrelationHasAnInfiniteStatisticAndPZero() {
        PearsonResult result = PearsonCorrelation.fit(
                new double[] {1, 2, 3, 4, 5}, new double[] {3, 5, 7, 9, 11}, CorrelationOptions.defaults());

        assertThat(result.estimate()).isEqualTo(1.0);
        assertThat(result.statistic()).isInfinite();
        assertThat(result.pValue()).isZero();
        assertThat(result.confHigh()).isEqualTo(1.0);
    }

    @Test
    void threeRowsHaveNoInterval() {
        // cor.test(c(1, 2, 3), c(2, 1, 4)): r = 0.6546537, t = 0.8660254, p = 0.5456289, no conf.int
        PearsonResult result =
                PearsonCorrelation.fit(new double[] {1, 2, 3}, new double[] {2, 1, 4}, CorrelationOptions.defaults());

        assertThat(result.estimate()).isCloseTo(0.6546537, within(1e-7));
        assertThat(result.statistic()).isCloseTo(0.8660254, within(1e-7));
        assertThat(result.pValue()).isCloseTo(0.5456289, within(1e-7));
        assertThat(result.confLow()).isNaN();
        assertThat(result.confHigh()).isNaN();
    }

    @Test
    void rowsWithAMissingValueAreCountedAsDropped() {
        double[] x = {1, 2, Double.NaN, 4, 5, 6};
        double[] y = {2, 1, 3, Double.NaN, 6, 5};

        PearsonResult result = PearsonCorrelation.fit(x, y, CorrelationOptions.defaults());

        assertThat(result.n()).isEqualTo(4);
        assertThat(result.rowsDropped()).isEqualTo(2);
        assertThat(result.estimate())
                .isCloseTo(
                        PearsonCorrelation.fit(
                                        new double[] {1, 2, 5, 6},
                                        new double[] {2, 1, 6, 5},
                                        CorrelationOptions.defaults())
                                .estimate(),
                        within(1e-15));
    }

    @Test
    void fewerThanThreeCompleteRowsAreRefused() {
        assertThatThrownBy(() -> PearsonCorrelation.fit(
                        new double[] {1, 2, Double.NaN}, new double[] {1, 2, 3}, CorrelationOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 3")
                .hasMessageContaining("got 2");
    }

    @Test
    void aConstantVariableIsRefused() {
        assertThatThrownBy(() -> PearsonCorrelation.fit(
                        new double[] {1, 2, 3, 4}, new double[] {5, 5, 5, 5}, CorrelationOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("y has the same value in every complete row");
    }

    @Test
    void aConfidenceLevelOutsideZeroAndOneIsRefused() {
        assertThatThrownBy(() -> new CorrelationOptions(95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 95.0");
    }

    static void assertRelative(double actual, String expected, double relative, String what) {
        double e = RReference.number(expected);
        assertThat(actual).as(what).isCloseTo(e, within(relative * Math.abs(e)));
    }
}
