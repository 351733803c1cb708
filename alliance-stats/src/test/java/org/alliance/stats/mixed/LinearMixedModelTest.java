package org.alliance.stats.mixed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.alliance.stats.RReference;
import org.alliance.stats.regression.Columns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agreement with lme4::lmer (fixtures of {@code src/test/r/mixed.R}). Against the polished lmer fit (bobyqa, rhoend
 * 1e-12): fixed effects, SEs and t 1e-6 relative, variance components, SDs, correlations and σ 1e-5, REML criterion /
 * deviance, logLik, AIC, BIC 1e-12. Against lmer's default fit, whose optimiser stops early, estimates at 1e-4 and the
 * criterion at 1e-10 (it is flat at the optimum). Achieved when written: fixed effects 2e-8, SEs 1.1e-7, SDs and
 * correlations 1.4e-6, criterion 2e-15 against the polished fit; SDs 4.2e-5, criterion 2.6e-11 against the default fit.
 */
class LinearMixedModelTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("sleepstudy", "Reaction ~ Days + (1 | Subject)", true, "sleepstudy-intercept-reml"),
                Arguments.of("sleepstudy", "Reaction ~ Days + (1 | Subject)", false, "sleepstudy-intercept-ml"),
                Arguments.of("sleepstudy", "Reaction ~ Days + (Days | Subject)", true, "sleepstudy-slope-reml"),
                Arguments.of("sleepstudy", "Reaction ~ Days + (Days | Subject)", false, "sleepstudy-slope-ml"),
                Arguments.of(
                        "Penicillin", "diameter ~ 1 + (1 | plate) + (1 | sample)", true, "penicillin-crossed-reml"),
                Arguments.of("Pastes", "strength ~ 1 + (1 | batch/cask)", true, "pastes-nested-reml"),
                Arguments.of("Pastes", "strength ~ 1 + (1 | batch/cask)", false, "pastes-nested-ml"),
                Arguments.of(
                        "caseload",
                        "alliance ~ session + experience + (1 | professional/client)",
                        true,
                        "caseload-nested-reml"),
                Arguments.of(
                        "caseload",
                        "alliance ~ session + experience + (1 | professional/client)",
                        false,
                        "caseload-nested-ml"),
                Arguments.of(
                        "caseload",
                        "alliance ~ session + experience + (session | professional)",
                        true,
                        "caseload-slope-reml"),
                Arguments.of("Dyestuff2", "Yield ~ 1 + (1 | Batch)", true, "dyestuff2-singular-reml"),
                // the fixed part read by regress's parser: a power and an interaction
                Arguments.of(
                        "sleepstudy",
                        "Reaction ~ Days + I(Days^2) + (Days | Subject)",
                        true,
                        "sleepstudy-quadratic-reml"),
                Arguments.of(
                        "caseload",
                        "alliance ~ session * experience + (1 | professional/client)",
                        false,
                        "caseload-interaction-ml"),
                // without the fixed intercept, and a transformed response (issue 15)
                Arguments.of("sleepstudy", "Reaction ~ 0 + Days + (1 | Subject)", true, "sleepstudy-nointercept-reml"),
                Arguments.of(
                        "sleepstudy", "log(Reaction) ~ Days + I(Days^2) + (1 | Subject)", true, "sleepstudy-log-reml"),
                Arguments.of(
                        "caseload",
                        "log(alliance) ~ 0 + session + experience + (1 | professional)",
                        false,
                        "caseload-log-nointercept-ml"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("cases")
    void agreesWithPolishedLmer(String data, String formula, boolean reml, String name) {
        MixedModelResult result = fit(data, formula, reml);
        assertAgrees(result, "reference/mixed/" + name + "-polished", 1e-6, 1e-5, 1e-12);
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("cases")
    void agreesWithDefaultLmer(String data, String formula, boolean reml, String name) {
        MixedModelResult result = fit(data, formula, reml);
        assertAgrees(result, "reference/mixed/" + name + "-default", 1e-4, 1e-4, 1e-10);
    }

    @Test
    void randomInterceptModelHasIccAndCorrelatedSlopeModelHasNone() {
        MixedModelResult intercept = fit("sleepstudy", "Reaction ~ Days + (1 | Subject)", true);
        VarianceComponent tau = intercept.component("Subject", "(Intercept)", "");
        double sigma2 = intercept.sigma() * intercept.sigma();
        assertThat(intercept.icc()).hasValueSatisfying(icc -> assertThat(icc)
                .isCloseTo(tau.variance() / (tau.variance() + sigma2), within(1e-15)));
        assertThat(fit("sleepstudy", "Reaction ~ Days + (Days | Subject)", true).icc())
                .isEmpty();
    }

    @Test
    void singularFitIsReportedAsLmerDoes() {
        MixedModelResult result = fit("Dyestuff2", "Yield ~ 1 + (1 | Batch)", true);
        assertThat(result.singular()).isTrue();
        assertThat(result.converged()).isTrue();
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("boundary (singular) fit"));
        // lmer's theta is exactly 0 there, and so is ours (not 1e-9 short of the bound).
        assertThat(result.theta()).containsExactly(0.0);
        assertThat(result.component("Batch", "(Intercept)", "").variance()).isZero();
        assertThat(result.icc()).contains(0.0);
        assertThat(fit("sleepstudy", "Reaction ~ Days + (Days | Subject)", true).singular())
                .isFalse();
    }

    @Test
    void aFitThatRunsOutOfEvaluationsIsNotConverged() {
        MixedModelResult result = LinearMixedModel.fit(
                MixedFormula.parse("Reaction ~ Days + (Days | Subject)"),
                columns("sleepstudy"),
                new MixedOptions(true, 10));
        assertThat(result.converged()).isFalse();
        assertThat(result.warnings()).anyMatch(w -> w.contains("did not converge"));
    }

    @Test
    void missingRowsAreLeftOutAndCounted() {
        Columns full = columns("sleepstudy");
        Map<String, double[]> numeric = new LinkedHashMap<>(full.numeric());
        double[] days = numeric.get("Days").clone();
        days[0] = Double.NaN;
        numeric.put("Days", days);
        MixedModelResult result = LinearMixedModel.fit(
                MixedFormula.parse("Reaction ~ Days + (1 | Subject)"),
                new Columns(numeric, full.text()),
                MixedOptions.restricted());
        assertThat(result.n()).isEqualTo(179);
        assertThat(result.rowsDropped()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        Columns sleep = columns("sleepstudy");
        assertThatThrownBy(() -> LinearMixedModel.fit(
                        MixedFormula.parse("Reaction ~ Days + (1 | Nobody)"), sleep, MixedOptions.restricted()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column 'Nobody'");
        Map<String, double[]> numeric = new LinkedHashMap<>(sleep.numeric());
        double[] row = new double[180];
        for (int i = 0; i < row.length; i++) {
            row[i] = i;
        }
        numeric.put("row", row);
        assertThatThrownBy(() -> LinearMixedModel.fit(
                        MixedFormula.parse("Reaction ~ Days + (1 | row)"),
                        new Columns(numeric, Map.of()),
                        MixedOptions.restricted()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("180 levels for 180 observations");
        numeric.put("row", new double[180]);
        assertThatThrownBy(() -> LinearMixedModel.fit(
                        MixedFormula.parse("Reaction ~ Days + (1 | row)"),
                        new Columns(numeric, Map.of()),
                        MixedOptions.restricted()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has only 1 level");
        assertThatThrownBy(() -> LinearMixedModel.fit(
                        MixedFormula.parse("Subject ~ Days + (Days | Subject)"), sleep, MixedOptions.restricted()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("response");
    }

    static MixedModelResult fit(String data, String formula, boolean reml) {
        return LinearMixedModel.fit(
                MixedFormula.parse(formula),
                columns(data),
                reml ? MixedOptions.restricted() : MixedOptions.maximumLikelihood());
    }

    /** A data CSV as columns: numeric when every value is a number, otherwise text. */
    static Columns columns(String data) {
        RReference table = RReference.read("data/" + data + ".csv");
        Map<String, double[]> numeric = new LinkedHashMap<>();
        Map<String, String[]> text = new LinkedHashMap<>();
        for (String name : table.header()) {
            String[] values = table.texts(name);
            if (Stream.of(values).allMatch(v -> v.matches("-?[0-9.]+(e-?[0-9]+)?"))) {
                numeric.put(name, table.numbers(name));
            } else {
                text.put(name, values);
            }
        }
        return new Columns(numeric, text);
    }

    private static void assertAgrees(
            MixedModelResult result,
            String prefix,
            double fixedTolerance,
            double varianceTolerance,
            double criterionTolerance) {
        assertThat(result.converged()).as("converged").isTrue();
        assertThat(result.maxGradient()).as("max|grad|").isLessThan(1e-4);
        RReference fixed = RReference.read(prefix + "-fixed.csv");
        assertThat(result.fixedEffects())
                .extracting(FixedEffect::term)
                .containsExactlyElementsOf(List.of(fixed.texts("term")));
        for (Map<String, String> row : fixed.rows()) {
            FixedEffect f = result.fixedEffect(row.get("term"));
            assertRelative(f.estimate(), row.get("estimate"), fixedTolerance, f.term() + " estimate");
            assertRelative(f.standardError(), row.get("std_error"), fixedTolerance, f.term() + " std_error");
            assertRelative(f.tValue(), row.get("t_value"), fixedTolerance, f.term() + " t value");
        }
        RReference varCorr = RReference.read(prefix + "-varcorr.csv");
        assertThat(result.varianceComponents()).hasSize(varCorr.rows().size());
        for (Map<String, String> row : varCorr.rows()) {
            VarianceComponent c = result.component(row.get("grp"), row.get("var1"), row.get("var2"));
            String what = c.group() + " " + c.first() + " " + c.second();
            assertCloseToScale(c.variance(), row.get("vcov"), varianceTolerance, result, what + " vcov");
            assertCloseToScale(
                    c.standardDeviation(),
                    row.get("sdcor"),
                    varianceTolerance,
                    c.isCovariance() ? 1.0 : result.sigma(),
                    what + " sdcor");
        }
        RReference model = RReference.read(prefix + "-model.csv");
        assertRelative(result.sigma(), String.valueOf(model.value("sigma")), varianceTolerance, "sigma");
        assertRelative(result.criterion(), String.valueOf(model.value("criterion")), criterionTolerance, "criterion");
        assertRelative(result.logLikelihood(), String.valueOf(model.value("log_lik")), criterionTolerance, "logLik");
        assertRelative(result.aic(), String.valueOf(model.value("aic")), criterionTolerance, "AIC");
        assertRelative(result.bic(), String.valueOf(model.value("bic")), criterionTolerance, "BIC");
        assertThat(result.parameters()).isEqualTo((int) model.value("df"));
        assertThat(result.n()).isEqualTo((int) model.value("n"));
        assertThat(result.reml()).isEqualTo(model.value("reml") == 1.0);
        assertThat(result.singular()).as("singular").isEqualTo(model.value("singular") == 1.0);
    }

    private static void assertRelative(double actual, String expected, double relative, String what) {
        double e = RReference.number(expected);
        assertThat(actual).as(what).isCloseTo(e, within(relative * Math.abs(e)));
    }

    /**
     * Variances estimated as 0 cannot be compared relatively: compare on the scale of the residual variance (σ² for
     * variances, 1 for correlations).
     */
    private static void assertCloseToScale(
            double actual, String expected, double relative, MixedModelResult result, String what) {
        assertCloseToScale(actual, expected, relative, result.sigma() * result.sigma(), what);
    }

    private static void assertCloseToScale(double actual, String expected, double relative, double scale, String what) {
        double e = RReference.number(expected);
        assertThat(actual).as(what).isCloseTo(e, within(relative * Math.max(Math.abs(e), 1e-3 * scale)));
    }
}
