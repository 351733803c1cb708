package org.alliance.stats.descriptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import org.alliance.stats.RReference;
import org.junit.jupiter.api.Test;

/** R's {@code quantile(x, p, type = 7)} on the sets of alliance-stats/src/test/r/quantile.R. */
class QuantileTest {

    private static final RReference R = RReference.read("reference/descriptive/quantile-type7.csv");

    @Test
    void equalsRsDefaultQuantileOnEverySet() {
        assertThat(R.rows()).hasSize(28);
        for (Map<String, String> row : R.rows()) {
            double[] values = Arrays.stream(row.get("values").split(" "))
                    .mapToDouble(Double::parseDouble)
                    .toArray();
            double p = RReference.number(row.get("p"));
            double expected = RReference.number(row.get("quantile"));
            assertThat(Quantile.type7(values, p))
                    .as(row.get("set") + " p=" + p)
                    .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    void severalAtOnceEqualOneByOne() {
        double[] values = {5, 1, 4, 2, 3};
        assertThat(Quantile.type7(values, 0.25, 0.75)).containsExactly(2.0, 4.0);
        assertThat(values).as("not sorted in place").containsExactly(5, 1, 4, 2, 3);
    }

    @Test
    void saysWhatIsWrong() {
        assertThatThrownBy(() -> Quantile.type7(new double[0], 0.5)).hasMessageContaining("at least one value");
        assertThatThrownBy(() -> Quantile.type7(new double[] {1, Double.NaN}, 0.5))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> Quantile.type7(new double[] {1}, 1.5)).hasMessageContaining("between 0 and 1");
    }
}
