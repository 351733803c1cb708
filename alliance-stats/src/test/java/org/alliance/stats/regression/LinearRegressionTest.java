package org.alliance.stats.regression;

import static org.alliance.stats.regression.ReferenceAssertions.assertCoefficients;
import static org.alliance.stats.regression.ReferenceAssertions.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.stats.RReference;
import org.junit.jupiter.api.Test;

/**
 * OLS against R's lm, sandwich::vcovHC(HC3) and sandwich::vcovCL(HC1) (fixtures from
 * src/test/r/reliability-regression.R), all at 1e-9 relative. Longley is the accuracy test of the QR.
 */
class LinearRegressionTest {

    static final double RELATIVE = 1e-9;

    private static final RReference LONGLEY = RReference.read("data/longley.csv");
    private static final RReference MTCARS = RReference.read("data/mtcars.csv");

    @Test
    void longleyMatchesLmToNineDigits() {
        Map<String, double[]> numeric = new LinkedHashMap<>();
        for (String name : LONGLEY.header()) {
            numeric.put(name, LONGLEY.numbers(name));
        }
        Formula formula =
                Formula.parse("Employed ~ GNP.deflator + GNP + Unemployed + Armed.Forces + Population + Year");

        LinearRegressionResult result =
                LinearRegression.fit(formula, new Columns(numeric, Map.of()), LinearOptions.classical());

        assertCoefficients(result.coefficients(), "reference/regression/longley-coefficients.csv", RELATIVE);
        assertModel(result, "reference/regression/longley-model.csv");
        assertStandardized(result, "reference/regression/longley-standardized.csv");
    }

    @Test
    void mtcarsWithCylinderAsFactorMatchesLm() {
        LinearRegressionResult result = LinearRegression.fit(mtcarsFormula(), mtcars(), LinearOptions.classical());

        assertCoefficients(result.coefficients(), "reference/regression/mtcars-coefficients.csv", RELATIVE);
        assertModel(result, "reference/regression/mtcars-model.csv");
        assertStandardized(result, "reference/regression/mtcars-standardized.csv");
    }

    @Test
    void chosenReferenceLevelMatchesRelevel() {
        LinearOptions options = new LinearOptions(Map.of("cyl", "8"), CovarianceType.CLASSICAL, Optional.empty());

        LinearRegressionResult result = LinearRegression.fit(mtcarsFormula(), mtcars(), options);

        assertCoefficients(result.coefficients(), "reference/regression/mtcars-cyl8-coefficients.csv", RELATIVE);
        assertModel(result, "reference/regression/mtcars-cyl8-model.csv");
    }

    @Test
    void hc3MatchesSandwichVcovHc() {
        LinearOptions options = new LinearOptions(Map.of(), CovarianceType.HC3, Optional.empty());

        LinearRegressionResult result = LinearRegression.fit(mtcarsFormula(), mtcars(), options);

        assertCoefficients(result.coefficients(), "reference/regression/mtcars-hc3-coefficients.csv", RELATIVE);
    }

    @Test
    void cr1ClusteredByGearMatchesSandwichVcovCl() {
        LinearOptions options = new LinearOptions(Map.of(), CovarianceType.CR1, Optional.of("gear"));

        LinearRegressionResult result = LinearRegression.fit(mtcarsFormula(), mtcars(), options);

        assertThat(result.clusters()).isEqualTo(3);
        assertCoefficients(result.coefficients(), "reference/regression/mtcars-cr1-gear-coefficients.csv", RELATIVE);
    }

    @Test
    void rowsWithAMissingValueAreLeftOut() {
        Columns full = mtcars();
        Map<String, double[]> numeric = new LinkedHashMap<>(full.numeric());
        double[] wt = numeric.get("wt").clone();
        wt[0] = Double.NaN;
        wt[5] = Double.NaN;
        numeric.put("wt", wt);
        Columns withGaps = new Columns(numeric, full.text());

        LinearRegressionResult result = LinearRegression.fit(mtcarsFormula(), withGaps, LinearOptions.classical());

        assertThat(result.n()).isEqualTo(30);
        assertThat(result.rowsDropped()).isEqualTo(2);
        assertThat(result.residualDf()).isEqualTo(25);
        // lm.beta on the 30 rows used: the SDs of the dropped rows must not count
        Columns used = withoutRows(withGaps, 0, 5);
        LinearRegressionResult complete = LinearRegression.fit(mtcarsFormula(), used, LinearOptions.classical());
        for (int j = 0; j < result.coefficients().size(); j++) {
            assertThat(result.standardizedCoefficients().get(j))
                    .isEqualTo(complete.standardizedCoefficients().get(j));
        }
    }

    @Test
    void aliasedTermIsNamedInTheError() {
        Map<String, double[]> numeric = new LinkedHashMap<>(mtcars().numeric());
        double[] wt = numeric.get("wt");
        double[] twice = new double[wt.length];
        for (int i = 0; i < wt.length; i++) {
            twice[i] = 2 * wt[i];
        }
        numeric.put("wt2", twice);

        assertThatThrownBy(() -> LinearRegression.fit(
                        Formula.parse("mpg ~ wt + wt2"), new Columns(numeric, Map.of()), LinearOptions.classical()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[wt2]");
    }

    static Formula mtcarsFormula() {
        return Formula.parse("mpg ~ wt + hp + cyl");
    }

    /** mtcars with cyl as a text column, like factor(cyl) in R. */
    static Columns mtcars() {
        Map<String, double[]> numeric = new LinkedHashMap<>();
        for (String name : List.of("mpg", "wt", "hp", "gear", "carb", "am")) {
            numeric.put(name, MTCARS.numbers(name));
        }
        return new Columns(numeric, Map.of("cyl", MTCARS.texts("cyl")));
    }

    private static Columns withoutRows(Columns columns, int... rows) {
        java.util.Set<Integer> drop = new java.util.HashSet<>();
        for (int row : rows) {
            drop.add(row);
        }
        Map<String, double[]> numeric = new LinkedHashMap<>();
        columns.numeric()
                .forEach((name, values) -> numeric.put(
                        name,
                        java.util.stream.IntStream.range(0, values.length)
                                .filter(i -> !drop.contains(i))
                                .mapToDouble(i -> values[i])
                                .toArray()));
        Map<String, String[]> text = new LinkedHashMap<>();
        columns.text()
                .forEach((name, values) -> text.put(
                        name,
                        java.util.stream.IntStream.range(0, values.length)
                                .filter(i -> !drop.contains(i))
                                .mapToObj(i -> values[i])
                                .toArray(String[]::new)));
        return new Columns(numeric, text);
    }

    /** Standardised coefficients against lm.beta's b * sd(x)/sd(y) from R, closed form: at 1e-9 like the rest. */
    private static void assertStandardized(LinearRegressionResult result, String resource) {
        RReference expected = RReference.read(resource);
        assertThat(result.standardizedCoefficients())
                .extracting(StandardizedCoefficient::term)
                .containsExactly(expected.texts("term"));
        double[] beta = expected.numbers("std_estimate");
        for (int j = 0; j < beta.length; j++) {
            StandardizedCoefficient actual = result.standardizedCoefficients().get(j);
            if (Double.isNaN(beta[j])) {
                assertThat(actual.estimate()).as(actual.term()).isNaN();
            } else {
                assertRelative(actual.estimate(), beta[j], RELATIVE, actual.term() + " standardised");
            }
        }
    }

    private static void assertModel(LinearRegressionResult result, String resource) {
        ReferenceAssertions.assertLinearModel(result, RReference.read(resource), RELATIVE);
    }
}
