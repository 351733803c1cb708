package org.alliance.stats.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against lavaan 0.6.14, psych 2.2.9 and mvtnorm (src/test/r/polychoric.R). */
class PolychoricCorrelationTest {

    private static final Path RESOURCES = Path.of("src", "test", "resources");
    private static final List<String> ITEMS = List.of("A1", "A2", "A3", "A4", "A5");

    private static List<String[]> csv(String path) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(RESOURCES.resolve(path))) {
            rows.add(line.replace("\"", "").split(",", -1));
        }
        return rows;
    }

    /** bfi's A1-A5, rows complete on all five (as na.omit in the R script). */
    private static double[][] agreeableness() throws Exception {
        List<String[]> rows = csv("data/bfi.csv");
        List<String> header = Arrays.asList(rows.get(0));
        int[] at = ITEMS.stream().mapToInt(header::indexOf).toArray();
        List<double[]> complete = new ArrayList<>();
        for (String[] row : rows.subList(1, rows.size())) {
            double[] values = new double[at.length];
            boolean missing = false;
            for (int i = 0; i < at.length; i++) {
                missing |= row[at[i]].equals("NA") || row[at[i]].isEmpty();
                values[i] = missing ? Double.NaN : Double.parseDouble(row[at[i]]);
            }
            if (!missing) {
                complete.add(values);
            }
        }
        double[][] columns = new double[at.length][complete.size()];
        for (int r = 0; r < complete.size(); r++) {
            for (int i = 0; i < at.length; i++) {
                columns[i][r] = complete.get(r)[i];
            }
        }
        return columns;
    }

    @Test
    void theBivariateNormalProbabilityIsMvtnormsToOneInTenTrillion() throws Exception {
        List<String[]> grid = csv("reference/correlation/bivariate-normal.csv");
        double worst = 0;
        for (String[] row : grid.subList(1, grid.size())) {
            double p = BivariateNormal.cdf(
                    Double.parseDouble(row[0]), Double.parseDouble(row[1]), Double.parseDouble(row[2]));
            double expected = Math.max(0, Double.parseDouble(row[3]));
            worst = Math.max(worst, Math.abs(p - expected));
            assertThat(p).as("h %s, k %s, rho %s", row[0], row[1], row[2]).isCloseTo(expected, within(1e-13));
        }
        assertThat(grid).hasSize(201);
        assertThat(worst).isLessThan(1e-13);
        assertThat(BivariateNormal.cdf(Double.POSITIVE_INFINITY, 0.3, 0.5)).isCloseTo(0.6179114222, within(1e-8));
    }

    @Test
    void rhoAndThresholdsAreLavaansAndPsychsForEveryPairOfItems() throws Exception {
        double[][] items = agreeableness();
        List<String[]> reference = csv("reference/correlation/polychoric.csv");
        for (String[] row : reference.subList(1, reference.size())) {
            PolychoricCorrelation.Result r =
                    PolychoricCorrelation.fit(items[ITEMS.indexOf(row[0])], items[ITEMS.indexOf(row[1])]);
            String pair = row[0] + "-" + row[1];
            assertThat(r.n()).as(pair).isEqualTo(Integer.parseInt(row[2]));
            assertThat(r.emptyCells()).as(pair).isZero();
            assertThat(r.rho()).as(pair + " vs lavaan").isCloseTo(Double.parseDouble(row[3]), within(1e-8));
            // psych::polychoric optimises with optimize()'s default tolerance (about 1e-4).
            assertThat(r.rho()).as(pair + " vs psych").isCloseTo(Double.parseDouble(row[5]), within(1e-4));
        }
        PolychoricCorrelation.Result a1 = PolychoricCorrelation.fit(items[0], items[1]);
        List<String[]> thresholds = csv("reference/correlation/polychoric-thresholds-A1.csv");
        for (int t = 0; t < a1.thresholdsX().length; t++) {
            assertThat(a1.thresholdsX()[t])
                    .isCloseTo(Double.parseDouble(thresholds.get(t + 1)[1]), within(1e-12));
        }
    }

    @Test
    void whatIsNotAnOrdinalPairIsRefusedAndEmptyCellsAreSaid() {
        assertThatThrownBy(() -> PolychoricCorrelation.fit(new double[] {1, 2, 2.5}, new double[] {1, 2, 3}))
                .hasMessageContaining("ordered categories (whole numbers), not 2.5");
        assertThatThrownBy(() -> PolychoricCorrelation.fit(new double[] {1, 1, 1}, new double[] {1, 2, 3}))
                .hasMessageContaining("at least two categories");
        PolychoricCorrelation.Result r = PolychoricCorrelation.fit(
                new double[] {1, 1, 2, 2, 3, 3, 1, 3, Double.NaN}, new double[] {1, 2, 2, 3, 3, 3, 1, 2, 1});
        assertThat(r.n()).isEqualTo(8);
        assertThat(r.emptyCells()).isEqualTo(3);
        assertThat(r.warnings()).anyMatch(w -> w.contains("3 of 9 cells of the table are empty"));
        assertThat(r.rho()).isBetween(0.5, 1.0);
    }
}
