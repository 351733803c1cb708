package org.alliance.app.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LineChartTest {

    @Test
    void coordinatesAreFormattedAsTheJdkFormatterDoesWithOneDecimal() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            // Values on a 0.001 grid, as chart coordinates are; exact .x5 ties are left out because the JDK
            // formatter rounds the decimal expansion of the binary value, which is not what a chart cares about.
            double value = random.nextInt(-20_000, 800_000) / 1000.0;
            if (Math.abs(Math.round(value * 1000)) % 100 == 50) {
                continue;
            }
            assertThat(LineChart.format(value)).as("%s", value).isEqualTo(String.format(Locale.ROOT, "%.1f", value));
        }
        assertThat(LineChart.format(0.0)).isEqualTo("0.0");
        assertThat(LineChart.format(-0.04)).isEqualTo(String.format(Locale.ROOT, "%.1f", -0.04));
        assertThat(LineChart.format(12.0)).isEqualTo("12.0");
    }
}
