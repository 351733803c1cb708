package org.alliance.app.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
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

    @Test
    void aPercentageAxisGetsAGridLineEveryStep() {
        String svg = LineChart.render(
                        "share",
                        List.of("a", "b"),
                        List.of(new LineChart.Series("s", List.of(OptionalDouble.of(50), OptionalDouble.empty()))),
                        0,
                        100,
                        20)
                .markup();
        for (int tick = 0; tick <= 100; tick += 20) {
            assertThat(svg).contains(">" + tick + "</text>");
        }
        assertThat(svg).doesNotContain(">10</text>").doesNotContain(">1</text>");
        // 0..100 on a plot 244 high from y = 16: 50 lies at 16 + 244 / 2 = 138.
        assertThat(svg).contains("cy=\"138.0\"");
        assertThat(svg.split("<circle", -1)).hasSize(2);
    }

    @Test
    void aStepBelowOneOrAnEmptyRangeIsRefused() {
        assertThatThrownBy(() -> LineChart.render("x", List.of(), List.of(), 0, 100, 0))
                .hasMessageContaining("step 0");
        assertThatThrownBy(() -> LineChart.render("x", List.of(), List.of(), 5, 5, 1))
                .hasMessageContaining("5.0..5.0");
    }
}
