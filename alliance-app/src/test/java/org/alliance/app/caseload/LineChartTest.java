package org.alliance.app.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    @Test
    void theTimeAxisIsByDateAndTheLegendHoldsFullNamesUnderThePlot() {
        String longName = "You: total score of the questionnaire on working together";
        String svg = LineChart.renderByDate(
                        "chart",
                        List.of(
                                new LineChart.DatedSeries(
                                        "Total",
                                        List.of(
                                                new LineChart.Point(LocalDate.of(2026, 1, 1), 3),
                                                new LineChart.Point(LocalDate.of(2026, 1, 11), 3),
                                                new LineChart.Point(LocalDate.of(2026, 3, 2), 3))),
                                new LineChart.DatedSeries(
                                        longName, List.of(new LineChart.Point(LocalDate.of(2026, 1, 11), 4)))),
                        Optional.of(new LineChart.Band(
                                "Expected",
                                List.of(
                                        new LineChart.BandPoint(LocalDate.of(2026, 1, 1), 2.5, 3.5),
                                        new LineChart.BandPoint(LocalDate.of(2026, 3, 2), 3, 4)))),
                        1,
                        5,
                        LocalDate::toString)
                .markup();
        // The plot runs from x = 40 to 624 over 60 days: 10 days later is 584 / 6 further, not half way.
        assertThat(svg).contains("cx=\"40.0\"").contains("cx=\"137.3\"").contains("cx=\"624.0\"");
        assertThat(svg).as("the full name, not cut").contains(">" + longName + "</text>");
        assertThat(svg).contains(">Expected</text>").contains("fill=\"#e3ecf4\"");
        assertThat(svg).contains(">2026-01-01</text>").contains(">2026-03-02</text>");
    }
}
