package org.alliance.stats.mixed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.alliance.stats.RReference;
import org.alliance.stats.regression.Columns;
import org.alliance.stats.regression.LevelOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The logistic random-intercept model against lme4::glmer (Laplace), fixtures from src/test/r/glmer.R: cbpp (a proportion
 * with its trials as weights) and a 0/1 outcome on the simulated caseload. Against glmer polished to rhoend 1e-10:
 * fixed effects, RX standard errors and θ at 2e-6 relative (found: ≤ 6e-7), logLik/AIC/BIC at 1e-11 relative
 * (found: ≤ 1e-10 absolute); against glmer's default fit (bobyqa then Nelder–Mead at lme4's looser tolerances) at
 * 5e-5 and 1e-10 (found: ≤ 1.2e-5 and 2.5e-9 absolute).
 */
class LogisticMixedModelTest {

    @ParameterizedTest
    @ValueSource(strings = {"cbpp-period", "caseload-high", "cbpp-nointercept"})
    void agreesWithPolishedGlmer(String name) {
        LogisticMixedModel.Result result = fit(name);
        assertAgrees(result, name + "-polished", 2e-6, 1e-11);
        assertThat(result.converged()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cbpp-period", "caseload-high", "cbpp-nointercept"})
    void agreesWithDefaultGlmer(String name) {
        assertAgrees(fit(name), name + "-default", 5e-5, 1e-10);
    }

    /**
     * Regression: the first version minimised the Laplace deviance at exactly converged modes, 5.6e-4 below the
     * figure glmer computes (its log|L|² comes from the last PIRLS iteration's weights), and landed at logLik
     * −92.02628 with an intercept 2e-4 off; glmer reports −92.026566.
     */
    @Test
    void logLikelihoodIsGlmersLaplaceDevianceNotTheOneAtExactModes() {
        LogisticMixedModel.Result result = fit("cbpp-period");
        assertThat(result.logLikelihood()).isCloseTo(-92.026566387428, within(1e-9));
        assertThat(result.fixedEffects().get(0).estimate()).isCloseTo(-1.3983316336, within(1e-7));
        assertThat(result.maxGradient()).isLessThan(0.002);
        assertThat(result.singular()).isFalse();
    }

    /** mtcars am ~ wt + (1 | cyl): glmer says "boundary (singular) fit" with θ = 0, so does the model. */
    @Test
    void singularFitHasThetaZeroAndSaysSo() {
        RReference data = RReference.read("data/mtcars.csv");
        Columns columns = new Columns(
                Map.of("am", data.numbers("am"), "wt", data.numbers("wt")), Map.of("cyl", data.texts("cyl")));
        LogisticMixedModel.Result result = LogisticMixedModel.fit(
                MixedFormula.parse("am ~ wt + (1 | cyl)"), columns, Optional.empty(), LevelOrder.C, 100_000);
        RReference fixed = RReference.read("reference/glmer/mtcars-singular-polished-fixed.csv");
        RReference model = RReference.read("reference/glmer/mtcars-singular-polished-model.csv");
        assertThat(result.theta()).isZero();
        assertThat(result.singular()).isTrue();
        assertThat(result.converged()).isTrue();
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("boundary (singular) fit"));
        double[] estimates = fixed.numbers("estimate");
        double[] errors = fixed.numbers("std_error");
        for (int j = 0; j < estimates.length; j++) {
            FixedEffect f = result.fixedEffects().get(j);
            assertThat(f.estimate()).as(f.term()).isCloseTo(estimates[j], within(2e-6 * Math.abs(estimates[j])));
            assertThat(f.standardError()).as(f.term()).isCloseTo(errors[j], within(2e-6 * errors[j]));
        }
        assertThat(result.logLikelihood())
                .isCloseTo(model.value("log_lik"), within(1e-11 * Math.abs(model.value("log_lik"))));
    }

    @Test
    void aliasedFixedEffectsAreRefused() {
        Map<String, double[]> numeric = new LinkedHashMap<>(caseload().numeric());
        double[] session = numeric.get("session");
        numeric.put("twice", Arrays.stream(session).map(v -> 2 * v).toArray());
        Columns columns = new Columns(numeric, caseload().text());
        assertThatThrownBy(() -> LogisticMixedModel.fit(
                        MixedFormula.parse("high ~ session + twice + (1 | professional)"),
                        columns,
                        Optional.empty(),
                        LevelOrder.C,
                        100_000))
                .hasMessageContaining("[twice]")
                .hasMessageContaining("aliased");
    }

    @Test
    void randomSlopesAreRefused() {
        assertThatThrownBy(() -> LogisticMixedModel.fit(
                        MixedFormula.parse("high ~ session + (session | professional)"),
                        caseload(),
                        Optional.empty(),
                        LevelOrder.C,
                        100_000))
                .hasMessageContaining("one random intercept");
    }

    @Test
    void runningOutOfEvaluationsIsNotConverged() {
        LogisticMixedModel.Result result = LogisticMixedModel.fit(
                MixedFormula.parse("high ~ session + experience + (1 | professional)"),
                caseload(),
                Optional.empty(),
                LevelOrder.C,
                20);
        assertThat(result.converged()).isFalse();
        assertThat(result.warnings()).anyMatch(w -> w.contains("did not converge"));
    }

    private static LogisticMixedModel.Result fit(String name) {
        Map<String, String> c =
                RReference.read("reference/glmer/cases.csv").where("case", name).get(0);
        Columns columns = c.get("dataset").equals("cbpp") ? cbpp() : caseload();
        Optional<String> weights = c.get("weights").isEmpty() ? Optional.empty() : Optional.of(c.get("weights"));
        return LogisticMixedModel.fit(MixedFormula.parse(c.get("formula")), columns, weights, LevelOrder.C, 100_000);
    }

    private static void assertAgrees(
            LogisticMixedModel.Result result, String reference, double relative, double criterion) {
        RReference fixed = RReference.read("reference/glmer/" + reference + "-fixed.csv");
        RReference model = RReference.read("reference/glmer/" + reference + "-model.csv");
        assertThat(result.fixedEffects()).extracting(FixedEffect::term).containsExactly(fixed.texts("term"));
        double[] estimates = fixed.numbers("estimate");
        double[] errors = fixed.numbers("std_error");
        for (int j = 0; j < estimates.length; j++) {
            FixedEffect f = result.fixedEffects().get(j);
            assertThat(f.estimate()).as(f.term()).isCloseTo(estimates[j], within(relative * Math.abs(estimates[j])));
            assertThat(f.standardError()).as(f.term() + " SE").isCloseTo(errors[j], within(relative * errors[j]));
        }
        assertThat(result.theta()).as("theta").isCloseTo(model.value("theta"), within(relative * model.value("theta")));
        assertThat(result.logLikelihood())
                .as("logLik")
                .isCloseTo(model.value("log_lik"), within(criterion * Math.abs(model.value("log_lik"))));
        assertThat(result.aic()).as("AIC").isCloseTo(model.value("aic"), within(criterion * model.value("aic")));
        assertThat(result.bic()).as("BIC").isCloseTo(model.value("bic"), within(criterion * model.value("bic")));
        assertThat(result.n()).isEqualTo((int) model.value("n"));
        assertThat(result.groups()).isEqualTo((int) model.value("groups"));
    }

    static Columns cbpp() {
        RReference data = RReference.read("data/cbpp.csv");
        return new Columns(
                Map.of("prop", data.numbers("prop"), "size", data.numbers("size")),
                Map.of("herd", data.texts("herd"), "period", data.texts("period")));
    }

    /** The caseload with high = alliance above its median, as glmer.R derives it. */
    static Columns caseload() {
        RReference data = RReference.read("data/caseload.csv");
        double[] alliance = data.numbers("alliance");
        double[] sorted = alliance.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double[] high = Arrays.stream(alliance).map(a -> a > median ? 1.0 : 0.0).toArray();
        Map<String, double[]> numeric = new LinkedHashMap<>();
        numeric.put("high", high);
        numeric.put("session", data.numbers("session"));
        numeric.put("experience", data.numbers("experience"));
        return new Columns(numeric, Map.of("professional", data.texts("professional")));
    }
}
