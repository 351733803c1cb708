package org.alliance.stats.regression;

import static org.alliance.stats.regression.ReferenceAssertions.assertCoefficients;
import static org.alliance.stats.regression.ReferenceAssertions.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliance.stats.RReference;
import org.junit.jupiter.api.Test;

/**
 * Logistic regression against R's glm(family = binomial) (fixtures from src/test/r/reliability-regression.R), at 1e-9
 * relative; the separated example checks that we warn where R warns.
 */
class LogisticRegressionTest {

    private static final double RELATIVE = 1e-9;

    @Test
    void mtcarsTransmissionMatchesGlm() {
        LogisticRegressionResult result =
                LogisticRegression.fit(Formula.parse("am ~ wt + hp"), LinearRegressionTest.mtcars(), Map.of());

        assertCoefficients(result.coefficients(), "reference/regression/mtcars-logistic-coefficients.csv", RELATIVE);
        RReference coefficients = RReference.read("reference/regression/mtcars-logistic-coefficients.csv");
        for (int j = 0; j < result.oddsRatios().size(); j++) {
            Map<String, String> row = coefficients.rows().get(j);
            LogisticRegressionResult.OddsRatio odds = result.oddsRatios().get(j);
            assertRelative(odds.estimate(), row.get("odds_ratio"), RELATIVE, "odds ratio");
            assertRelative(odds.confLow(), row.get("or_conf_low"), RELATIVE, "odds ratio low");
            assertRelative(odds.confHigh(), row.get("or_conf_high"), RELATIVE, "odds ratio high");
        }
        RReference model = RReference.read("reference/regression/mtcars-logistic-model.csv");
        ReferenceAssertions.assertLogisticModel(result, model, RELATIVE);
        assertThat(result.converged()).isTrue();
        assertThat(result.n()).isEqualTo(32);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void separatedDataGiveTheWarningRGives() throws IOException {
        RReference data = RReference.read("reference/regression/separated.csv");
        Map<String, double[]> numeric = new LinkedHashMap<>();
        for (String name : List.of("x", "z", "y")) {
            numeric.put(name, data.numbers(name));
        }
        String rWarnings = resource("reference/regression/separated-logistic-warnings.txt");
        assertThat(rWarnings).contains("fitted probabilities numerically 0 or 1 occurred");

        LogisticRegressionResult result =
                LogisticRegression.fit(Formula.parse("y ~ x + z"), new Columns(numeric, Map.of()), Map.of());

        assertThat(result.warnings()).anySatisfy(w -> assertThat(w)
                .startsWith("fitted probabilities numerically 0 or 1 occurred")
                .contains("separated"));
        RReference model = RReference.read("reference/regression/separated-logistic-model.csv");
        assertThat(result.deviance()).isLessThan(1e-6);
        assertThat(model.value("deviance")).isLessThan(1e-6);
    }

    @Test
    void quasiCompleteSeparationIsWarnedAboutAndFollowsGlmIterations() throws IOException {
        RReference data = RReference.read("reference/regression/quasi-separated.csv");
        Map<String, double[]> numeric = new LinkedHashMap<>();
        numeric.put("x", data.numbers("x"));
        numeric.put("y", data.numbers("y"));
        assertThat(resource("reference/regression/quasi-separated-logistic-warnings.txt"))
                .contains("fitted probabilities numerically 0 or 1 occurred");

        LogisticRegressionResult result =
                LogisticRegression.fit(Formula.parse("y ~ x"), new Columns(numeric, Map.of()), Map.of());

        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("separated"));
        RReference model = RReference.read("reference/regression/quasi-separated-logistic-model.csv");
        // the deviance converges (to 2 log 2 from the two tied rows) even though the coefficients diverge
        assertRelative(result.deviance(), model.value("deviance"), RELATIVE, "deviance");
        assertThat(result.iterations()).isEqualTo((int) model.value("iterations"));
    }

    @Test
    void rejectsAResponseThatIsNotZeroOrOne() {
        assertThatThrownBy(() ->
                        LogisticRegression.fit(Formula.parse("gear ~ wt"), LinearRegressionTest.mtcars(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be 0 or 1");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LogisticRegressionTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
