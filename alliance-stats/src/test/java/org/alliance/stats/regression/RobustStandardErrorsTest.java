package org.alliance.stats.regression;

import static org.alliance.stats.regression.ReferenceAssertions.assertCoefficients;
import static org.alliance.stats.regression.ReferenceAssertions.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.alliance.stats.RReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HC0–HC3 and one- and two-way clustered standard errors of linear and logistic models, and the robust Wald test of all
 * slopes, against R's sandwich (vcovHC, vcovCL) with lmtest's coeftest and waldtest (fixtures from
 * src/test/r/robust.R, one row per case in reference/robust/cases.csv), at 1e-9 relative like the other regression
 * tests. PetersenCL (500 firms × 10 years) is the standard test of two-way clustering.
 */
class RobustStandardErrorsTest {

    private static final double RELATIVE = 1e-9;
    private static final RReference CASES = RReference.read("reference/robust/cases.csv");
    private static final RReference WALD = RReference.read("reference/robust/wald.csv");

    static Stream<String> cases() {
        return Arrays.stream(CASES.texts("case"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesSandwichAndLmtest(String name) {
        Map<String, String> c = CASES.where("case", name).get(0);
        Map<String, String> wald = WALD.where("case", name).get(0);
        Formula formula = Formula.parse(c.get("formula"));
        Columns columns = dataset(c.get("dataset"));
        CovarianceType type = CovarianceType.valueOf(c.get("covariance"));
        List<String> clusters = c.get("clusters").isEmpty()
                ? List.of()
                : List.of(c.get("clusters").split(" "));
        String coefficients = "reference/robust/" + name + "-coefficients.csv";

        List<Coefficient> actual;
        Optional<WaldTest> test;
        List<String> warnings;
        List<Integer> counts;
        if (c.get("family").equals("binomial")) {
            LogisticRegressionResult result =
                    LogisticRegression.fit(formula, columns, new LogisticOptions(Map.of(), type, clusters));
            assertThat(result.covarianceType()).isEqualTo(type);
            actual = result.coefficients();
            test = result.robustWaldTest();
            warnings = result.warnings();
            counts = result.clusterCounts();
        } else {
            LinearRegressionResult result =
                    LinearRegression.fit(formula, columns, new LinearOptions(Map.of(), type, clusters));
            actual = result.coefficients();
            test = result.robustWaldTest();
            warnings = result.warnings();
            counts = result.clusterCounts();
        }

        assertCoefficients(actual, coefficients, RELATIVE);
        assertThat(counts).hasSize(clusters.size());
        double statistic = RReference.number(wald.get("statistic"));
        if (statistic < 0) {
            // A two-way meat M_a + M_b − M_ab that is not positive definite: R prints a negative "F" with p = 1.
            assertThat(test).isEmpty();
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("no robust Wald test"));
            return;
        }
        assertThat(test).isPresent();
        WaldTest w = test.get();
        assertThat(w.form()).isEqualTo(wald.get("test").equals("F") ? WaldTest.Form.F : WaldTest.Form.CHI_SQUARED);
        assertRelative(w.statistic(), statistic, RELATIVE, name + " Wald statistic");
        assertRelative(w.pValue(), wald.get("p_value"), RELATIVE, name + " Wald p");
        assertThat(w.df()).isEqualTo((int) RReference.number(wald.get("df")));
        assertThat(w.residualDf()).isEqualTo((int) RReference.number(wald.get("residual_df")));
        assertThat(warnings).isEmpty();
    }

    @Test
    void petersenHasFiveHundredFirmsAndTenYears() {
        LinearRegressionResult result = LinearRegression.fit(
                Formula.parse("y ~ x"),
                dataset("PetersenCL"),
                new LinearOptions(Map.of(), CovarianceType.CR1, List.of("firm", "year")));

        assertThat(result.clusterCounts()).containsExactly(500, 10);
        assertThat(result.clusters()).isEqualTo(10);
    }

    @Test
    void classicalWaldFormIsTheFOfSummaryLm() {
        // Not a robust result, but the same algebra: with σ²(XᵀX)⁻¹ the Wald F of the slopes is summary(lm)'s F.
        LinearRegressionResult classical = LinearRegression.fit(
                LinearRegressionTest.mtcarsFormula(), LinearRegressionTest.mtcars(), LinearOptions.classical());
        double[] b = classical.coefficients().stream()
                .mapToDouble(Coefficient::estimate)
                .toArray();
        List<String> terms =
                classical.coefficients().stream().map(Coefficient::term).toList();

        WaldTest test = WaldTest.ofSlopes(b, classical.covariance(), terms, WaldTest.Form.F, classical.residualDf())
                .orElseThrow();

        assertThat(classical.robustWaldTest()).isEmpty();
        assertRelative(test.statistic(), classical.fStatistic(), 1e-12, "F");
        assertRelative(test.pValue(), classical.fPValue(), 1e-10, "p");
    }

    @Test
    void fewerClustersThanSlopesGiveNoWaldTest() {
        // Three gear clusters, four slopes: the clustered covariance of the slopes has rank 2 at most; R's waldtest
        // stops with "system is computationally singular" here.
        LinearRegressionResult result = LinearRegression.fit(
                LinearRegressionTest.mtcarsFormula(),
                LinearRegressionTest.mtcars(),
                new LinearOptions(Map.of(), CovarianceType.CR1, List.of("gear")));

        assertThat(result.robustWaldTest()).isEmpty();
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w)
                .contains("no robust Wald test of the 4 slopes")
                .contains("3"));
    }

    @Test
    void clusterOptionsMustMatchTheType() {
        assertThatThrownBy(() -> new LogisticOptions(Map.of(), CovarianceType.CR0, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need a cluster variable");
        assertThatThrownBy(() -> new LinearOptions(Map.of(), CovarianceType.HC2, List.of("gear")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[gear]");
        assertThatThrownBy(() -> new LinearOptions(Map.of(), CovarianceType.CR1, List.of("gear", "gear")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void oneClusterIsRefused() {
        Map<String, double[]> numeric =
                new LinkedHashMap<>(LinearRegressionTest.mtcars().numeric());
        double[] same = new double[32];
        numeric.put("one", same);

        assertThatThrownBy(() -> LogisticRegression.fit(
                        Formula.parse("am ~ wt"),
                        new Columns(numeric, Map.of()),
                        new LogisticOptions(Map.of(), CovarianceType.CR0, List.of("one"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two clusters, got 1");
    }

    /** The committed data set of a case; PetersenCL gains R's {@code up = as.numeric(y > 0)}. */
    private static Columns dataset(String name) {
        if (name.equals("mtcars")) {
            return LinearRegressionTest.mtcars();
        }
        RReference data = RReference.read("data/" + name + ".csv");
        Map<String, double[]> numeric = new LinkedHashMap<>();
        for (String column : data.header()) {
            numeric.put(column, data.numbers(column));
        }
        numeric.put(
                "up",
                Arrays.stream(numeric.get("y")).map(y -> y > 0 ? 1.0 : 0.0).toArray());
        return new Columns(numeric, Map.of());
    }
}
