package org.alliance.stats.regression;

import static org.alliance.stats.regression.ReferenceAssertions.assertCoefficients;
import static org.alliance.stats.regression.ReferenceAssertions.assertLinearModel;
import static org.alliance.stats.regression.ReferenceAssertions.assertLogisticModel;
import static org.alliance.stats.regression.ReferenceAssertions.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.alliance.stats.RReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Formulas as R writes them against R's lm/glm (fixtures from src/test/r/formulas.R, one row per case in
 * reference/formulas/cases.csv): interactions of numeric and categorical variables, factor(), I() arithmetic, log, exp,
 * sqrt, scale, no intercept, {@code y ~ .}, term removal, prior weights, and robust errors (sandwich + lmtest) with such
 * terms, all at 1e-9 relative like the other regression tests; the coefficient names must equal R's exactly. The level
 * orders of the collations against R's factor() under ICU.
 */
class FormulaReferenceTest {

    private static final double RELATIVE = 1e-9;
    private static final RReference CASES = RReference.read("reference/formulas/cases.csv");

    static Stream<String> cases() {
        return Arrays.stream(CASES.texts("case"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesR(String name) {
        Map<String, String> c = CASES.where("case", name).get(0);
        RReference data = RReference.read("data/" + c.get("dataset") + ".csv");
        List<String> columnNames =
                data.header().stream().filter(n -> !n.equals("model")).toList();
        Formula formula = Formula.parse(c.get("formula"), columnNames);
        Columns columns = columns(data);
        CovarianceType type = c.get("covariance").equals("classical")
                ? CovarianceType.CLASSICAL
                : CovarianceType.valueOf(c.get("covariance"));
        List<String> clusters = c.get("cluster").isEmpty() ? List.of() : List.of(c.get("cluster"));
        Optional<String> weights = c.get("weights").isEmpty() ? Optional.empty() : Optional.of(c.get("weights"));
        RReference model = RReference.read("reference/formulas/" + name + "-model.csv");
        String coefficients = "reference/formulas/" + name + "-coefficients.csv";
        Optional<WaldTest> wald;
        if (c.get("family").equals("binomial")) {
            LogisticRegressionResult result = LogisticRegression.fit(
                    formula, columns, new LogisticOptions(Map.of(), type, clusters, LevelOrder.C, weights));
            assertCoefficients(result.coefficients(), coefficients, RELATIVE);
            assertLogisticModel(result, model, RELATIVE);
            assertThat(result.residualDf()).isEqualTo((int) model.value("df_residual"));
            wald = result.robustWaldTest();
        } else {
            LinearRegressionResult result = LinearRegression.fit(
                    formula, columns, new LinearOptions(Map.of(), type, clusters, LevelOrder.C, weights));
            assertCoefficients(result.coefficients(), coefficients, RELATIVE);
            assertLinearModel(result, model, RELATIVE);
            wald = result.robustWaldTest();
        }
        if (type.isRobust()) {
            assertThat(wald).isPresent();
            assertRelative(wald.get().statistic(), model.value("wald_statistic"), RELATIVE, "Wald statistic");
            assertRelative(wald.get().pValue(), model.value("wald_p_value"), RELATIVE, "Wald p");
            assertThat(wald.get().df()).isEqualTo((int) model.value("wald_df"));
        } else {
            assertThat(wald).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", "en-US", "da-DK", "nb-NO"})
    void levelOrderIsRsFactorOrder(String collation) {
        RReference levels = RReference.read("reference/formulas/levels.csv");
        List<String> expected = levels.where("collation", collation).stream()
                .map(row -> row.get("level"))
                .toList();
        LevelOrder order = collation.equals("C") ? LevelOrder.C : LevelOrder.of(Locale.forLanguageTag(collation));
        RReference data = RReference.read("data/nordic.csv");

        LinearRegressionResult result = LinearRegression.fit(
                Formula.parse("y ~ place"),
                columns(data),
                new LinearOptions(Map.of(), CovarianceType.CLASSICAL, List.of(), order, Optional.empty()));

        assertThat(result.coefficients().stream().skip(1).map(Coefficient::term))
                .containsExactlyElementsOf(
                        expected.stream().skip(1).map(level -> "place" + level).toList());
    }

    /** Columns as read.csv reads them: numeric when every non-empty cell is a number, otherwise text (a factor). */
    static Columns columns(RReference data) {
        Map<String, double[]> numeric = new LinkedHashMap<>();
        Map<String, String[]> text = new LinkedHashMap<>();
        for (String name : data.header()) {
            String[] cells = data.texts(name);
            boolean allNumbers = Arrays.stream(cells).allMatch(cell -> cell.isEmpty() || isNumber(cell));
            if (allNumbers) {
                numeric.put(name, data.numbers(name));
            } else {
                text.put(name, cells);
            }
        }
        return new Columns(numeric, text);
    }

    private static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
