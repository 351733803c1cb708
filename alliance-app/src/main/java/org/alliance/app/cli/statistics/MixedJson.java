package org.alliance.app.cli.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliance.core.data.DataTable;
import org.alliance.stats.mixed.FixedEffect;
import org.alliance.stats.mixed.LogisticMixedModel;
import org.alliance.stats.mixed.MixedFormula;
import org.alliance.stats.mixed.MixedModelResult;
import org.alliance.stats.mixed.VarianceComponent;
import org.alliance.stats.provenance.Provenance;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The JSON of {@code mixed}, for lmer and for glmer ({@code --family binomial}) alike: {@code valid} first, {@code
 * not_valid_because} only for a fit that failed. The keys and their order are a contract (JsonContractTest); the parts
 * both fits share are written once and unwrapped in place.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record MixedJson(
        boolean valid,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String notValidBecause,
        List<?> fixedEffects,
        List<Random> randomEffects,
        Object model,
        List<String> warnings,
        Provenance provenance) {

    static MixedJson linear(MixedModelResult result, Options options, DataTable table) {
        List<Fixed> fixed = new ArrayList<>();
        for (FixedEffect f : result.fixedEffects()) {
            fixed.add(new Fixed(
                    f.term(),
                    StatisticsOutput.number(f.estimate()),
                    StatisticsOutput.number(f.standardError()),
                    StatisticsOutput.number(f.tValue())));
        }
        List<Random> random = new ArrayList<>();
        for (VarianceComponent c : result.varianceComponents()) {
            random.add(new Random(
                    c.group(),
                    c.first().isEmpty() ? null : c.first(),
                    c.second().isEmpty() ? null : c.second(),
                    StatisticsOutput.number(c.variance()),
                    StatisticsOutput.number(c.standardDeviation())));
        }
        Double criterion = StatisticsOutput.number(result.criterion());
        Model model = new Model(
                result.reml() ? "REML" : "ML",
                StatisticsOutput.number(result.sigma()),
                result.reml() ? criterion : null,
                result.reml() ? null : criterion,
                Likelihood.of(result.logLikelihood(), result.parameters(), result.aic(), result.bic()),
                result.icc().map(StatisticsOutput::number).orElse(null),
                new Fit(
                        result.n(),
                        result.rowsDropped(),
                        result.levels(),
                        result.theta(),
                        result.singular(),
                        result.converged(),
                        result.evaluations(),
                        StatisticsOutput.number(result.maxGradient())));
        return of(result.converged(), fixed, random, model, result.warnings(), result.method(), options, table);
    }

    static MixedJson binomial(
            MixedFormula formula, LogisticMixedModel.Result result, BinomialOptions options, DataTable table) {
        List<BinomialFixed> fixed = new ArrayList<>();
        for (int j = 0; j < result.fixedEffects().size(); j++) {
            FixedEffect f = result.fixedEffects().get(j);
            fixed.add(new BinomialFixed(
                    f.term(),
                    StatisticsOutput.number(f.estimate()),
                    StatisticsOutput.number(f.standardError()),
                    StatisticsOutput.number(f.tValue()),
                    StatisticsOutput.number(result.pValues().get(j))));
        }
        String group = formula.random().get(0).groupName();
        List<Random> random = List.of(new Random(
                group,
                "(Intercept)",
                null,
                StatisticsOutput.number(result.variance()),
                StatisticsOutput.number(result.theta())));
        BinomialModel model = new BinomialModel(
                "binomial",
                "logit",
                "ML, Laplace approximation (nAGQ = 1)",
                Likelihood.of(result.logLikelihood(), result.parameters(), result.aic(), result.bic()),
                new Fit(
                        result.n(),
                        result.rowsDropped(),
                        Map.of(group, result.groups()),
                        new double[] {result.theta()},
                        result.singular(),
                        result.converged(),
                        result.evaluations(),
                        StatisticsOutput.number(result.maxGradient())));
        return of(result.converged(), fixed, random, model, result.warnings(), result.method(), options, table);
    }

    private static MixedJson of(
            boolean converged,
            List<?> fixed,
            List<Random> random,
            Object model,
            List<String> warnings,
            String method,
            Object options,
            DataTable table) {
        return new MixedJson(
                // First, so that nobody reads the figures without seeing it: a fit that did not converge is no result.
                converged,
                converged ? null : MixedCommand.NOT_CONVERGED,
                fixed,
                random,
                model,
                warnings,
                StatisticsOutput.provenance(method, options, table));
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Fixed(String term, @Nullable Double estimate, @Nullable Double stdError, @Nullable Double tValue) {}

    /** A fixed effect of glmer: Wald z and its normal p-value. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record BinomialFixed(
            String term,
            @Nullable Double estimate,
            @Nullable Double stdError,
            @Nullable Double zValue,
            @Nullable Double pValue) {}

    /** lme4's VarCorr rows: var2 is set on a covariance row only. */
    record Random(
            String group,
            @Nullable String var1,
            @Nullable String var2,
            @Nullable Double vcov,
            @Nullable Double sdcor) {}

    /** The fit of lmer; {@code reml_criterion} for REML or {@code deviance} for ML, never both (as lme4 prints them). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Model(
            String method,
            @Nullable Double sigma,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Double remlCriterion,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Double deviance,
            @JsonUnwrapped Likelihood likelihood,
            @Nullable Double icc,
            @JsonUnwrapped Fit fit) {}

    /** The fit of glmer: logLik, AIC and BIC from the Laplace criterion; no residual scale (binomial). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record BinomialModel(
            String family, String link, String method, @JsonUnwrapped Likelihood likelihood, @JsonUnwrapped Fit fit) {}

    /** logLik and the information criteria, with the number of parameters they count. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Likelihood(@Nullable Double logLik, int df, @Nullable Double aic, @Nullable Double bic) {
        static Likelihood of(double logLik, int df, double aic, double bic) {
            return new Likelihood(
                    StatisticsOutput.number(logLik), df, StatisticsOutput.number(aic), StatisticsOutput.number(bic));
        }
    }

    /** The data used and how the optimiser ended: the last keys of both models. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Fit(
            int n,
            int rowsDropped,
            Map<String, Integer> groups,
            double[] theta,
            boolean singular,
            boolean converged,
            int evaluations,
            @Nullable Double maxGradient) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Options(
            String formula, boolean reml, List<String> factor, int maxEvaluations, String collate, String missing) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record BinomialOptions(
            String formula,
            String family,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String weights,
            List<String> factor,
            int maxEvaluations,
            String collate,
            String missing) {}
}
