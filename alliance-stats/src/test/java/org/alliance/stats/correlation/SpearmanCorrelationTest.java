package org.alliance.stats.correlation;

import static org.alliance.stats.correlation.PearsonCorrelationTest.CLOSED_FORM;
import static org.alliance.stats.correlation.PearsonCorrelationTest.TAIL;
import static org.alliance.stats.correlation.PearsonCorrelationTest.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.alliance.stats.RReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spearman's ρ against R's cor.test(method = "spearman", exact = FALSE) (fixtures from src/test/r/correlation.R), at
 * the same tolerances as Pearson's r. The bfi pairs have heavy ties (six answer options) and missing values.
 */
class SpearmanCorrelationTest {

    private static final RReference EXPECTED = RReference.read("reference/correlation/spearman.csv");

    static Stream<Arguments> cases() {
        return EXPECTED.rows().stream()
                .map(row -> Arguments.of(row.get("data") + ": " + row.get("x") + " ~ " + row.get("y"), row));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesCorTestWithoutTheExactDistribution(String name, Map<String, String> row) {
        RReference data = RReference.read("data/" + row.get("data") + ".csv");

        SpearmanResult result = SpearmanCorrelation.fit(data.numbers(row.get("x")), data.numbers(row.get("y")));

        assertThat(result.n()).isEqualTo(Integer.parseInt(row.get("n")));
        assertThat(result.rowsDropped()).isEqualTo(Integer.parseInt(row.get("rows_dropped")));
        assertRelative(result.estimate(), row.get("estimate"), CLOSED_FORM, "rho");
        assertRelative(result.statistic(), row.get("statistic"), CLOSED_FORM, "S");
        assertRelative(result.tStatistic(), row.get("t_statistic"), CLOSED_FORM, "t");
        assertRelative(result.pValue(), row.get("p_value"), TAIL, "p.value");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void tiesShareTheirAverageRank() {
        assertThat(SpearmanCorrelation.ranks(new double[] {10, 20, 10, 30, 20, 10}))
                .containsExactly(2, 4.5, 2, 6, 4.5, 2);
    }

    @Test
    void aSmallSampleCarriesAWarning() {
        SpearmanResult result = SpearmanCorrelation.fit(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5});

        assertThat(result.estimate()).isEqualTo(0.8);
        assertThat(result.warnings()).singleElement().asString().contains("only 5 pairs");
    }
}
