package org.alliance.app.cli.statistics;

import static java.util.Locale.ROOT;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliance.core.data.DataTable;
import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.regression.Coefficient;
import org.alliance.stats.regression.CovarianceType;
import org.alliance.stats.regression.LinearRegressionResult;
import org.alliance.stats.regression.LogisticRegressionResult;
import org.alliance.stats.regression.RegressionResult;
import org.alliance.stats.regression.WaldTest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The JSON of {@code regress}: coefficient rows and model of the family fitted, then provenance. The keys and their
 * order are a contract (JsonContractTest); the parts both families share are written once and unwrapped in place.
 */
record RegressJson(List<Object> coefficients, Object model, List<String> warnings, Provenance provenance) {

    static RegressJson linear(LinearRegressionResult result, List<String> clusters, Options options, DataTable table) {
        List<Object> coefficients = new ArrayList<>();
        for (int j = 0; j < result.coefficients().size(); j++) {
            coefficients.add(new CoefficientRow(
                    Estimate.of(result.coefficients().get(j)),
                    StatisticsOutput.number(
                            result.standardizedCoefficients().get(j).estimate())));
        }
        LinearModel model = new LinearModel(
                new Head(
                        "gaussian",
                        StatisticsOutput.number(result.rSquared()),
                        StatisticsOutput.number(result.adjustedRSquared()),
                        StatisticsOutput.number(result.sigma()),
                        StatisticsOutput.number(result.fStatistic())),
                result.fNumeratorDf(),
                result.fDenominatorDf(),
                StatisticsOutput.number(result.fPValue()),
                StatisticsOutput.number(result.sigma() * result.sigma() * result.residualDf()),
                Fit.of(result),
                StandardErrors.of(result, clusters, false));
        return new RegressJson(
                coefficients, model, result.warnings(), StatisticsOutput.provenance(result.method(), options, table));
    }

    static RegressJson logistic(
            LogisticRegressionResult result, List<String> clusters, Options options, DataTable table) {
        List<Object> coefficients = new ArrayList<>();
        for (int j = 0; j < result.coefficients().size(); j++) {
            LogisticRegressionResult.OddsRatio odds = result.oddsRatios().get(j);
            coefficients.add(new LogisticRow(
                    Estimate.of(result.coefficients().get(j)),
                    StatisticsOutput.number(odds.estimate()),
                    StatisticsOutput.number(odds.confLow()),
                    StatisticsOutput.number(odds.confHigh())));
        }
        LogisticModel model = new LogisticModel(
                new Head("binomial", null, null, null, null),
                StatisticsOutput.number(result.deviance()),
                StatisticsOutput.number(result.nullDeviance()),
                Fit.of(result),
                result.iterations(),
                result.converged(),
                StandardErrors.of(result, clusters, true));
        return new RegressJson(
                coefficients, model, result.warnings(), StatisticsOutput.provenance(result.method(), options, table));
    }

    /** What every coefficient row starts with, in both families. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Estimate(
            String term,
            @Nullable Double estimate,
            @Nullable Double stdError,
            @Nullable Double statistic,
            @Nullable Double pValue,
            @Nullable Double confLow,
            @Nullable Double confHigh) {

        static Estimate of(Coefficient c) {
            return new Estimate(
                    c.term(),
                    StatisticsOutput.number(c.estimate()),
                    StatisticsOutput.number(c.standardError()),
                    StatisticsOutput.number(c.statistic()),
                    StatisticsOutput.number(c.pValue()),
                    StatisticsOutput.number(c.confLow()),
                    StatisticsOutput.number(c.confHigh()));
        }
    }

    /**
     * A coefficient of a linear model; {@code std_estimate} is β = b · sd(x)/sd(y) as lm.beta (a dummy by the SD of its
     * 0/1 column; null for the intercept).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CoefficientRow(@JsonUnwrapped Estimate coefficient, @Nullable Double stdEstimate) {}

    /** A coefficient of a logistic model, with its odds ratio and that ratio's interval. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LogisticRow(
            @JsonUnwrapped Estimate coefficient,
            @Nullable Double oddsRatio,
            @Nullable Double orConfLow,
            @Nullable Double orConfHigh) {}

    /**
     * A linear model as R's summary(lm); {@code f_statistic} is the classical F as summary(lm) prints it, also with robust
     * errors, when {@code wald_test} is the test to report.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LinearModel(
            @JsonUnwrapped Head head,
            @JsonProperty("f_df1") int fDf1,
            @JsonProperty("f_df2") int fDf2,
            @JsonProperty("f_p_value") @Nullable Double fPValue,
            @Nullable Double deviance,
            @JsonUnwrapped Fit fit,
            @JsonUnwrapped StandardErrors standardErrors) {}

    /**
     * A logistic model as R's glm; the linear model's R², sigma and F are null (they have no meaning here). The standard
     * errors as in {@link LinearModel}; {@code wald_test} (χ²) only with robust ones.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LogisticModel(
            @JsonUnwrapped Head head,
            @Nullable Double deviance,
            @Nullable Double nullDeviance,
            @JsonUnwrapped Fit fit,
            int iterations,
            boolean converged,
            @JsonUnwrapped StandardErrors standardErrors) {}

    /** The first keys of both models: the family, then R², sigma and F of a linear model (null for a logistic one). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Head(
            String family,
            @Nullable Double rSquared,
            @JsonProperty("adj_r_squared") @Nullable Double adjRSquared,
            @Nullable Double sigma,
            @Nullable Double fStatistic) {}

    /** logLik, the information criteria and the data used, in both models. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Fit(
            @Nullable Double logLik,
            @Nullable Double aic,
            @Nullable Double bic,
            int n,
            int rowsDropped,
            int dfResidual) {

        static Fit of(RegressionResult result) {
            return new Fit(
                    StatisticsOutput.number(result.logLikelihood()),
                    StatisticsOutput.number(result.aic()),
                    StatisticsOutput.number(result.bic()),
                    result.n(),
                    result.rowsDropped(),
                    result.residualDf());
        }
    }

    /**
     * How a model's standard errors were computed, the last keys of both models: {@code vcov_in_r} is the sandwich call
     * of a robust covariance; {@code clusters} (the smallest number of clusters over the cluster columns) and {@code
     * cluster_counts} only with cluster-robust standard errors, {@code wald_test} only with robust ones.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StandardErrors(
            String standardErrors,
            @JsonProperty("vcov_in_r") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String vcovInR,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer clusters,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, Integer> clusterCounts,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable WaldJson waldTest) {

        static StandardErrors of(RegressionResult result, List<String> clusters, boolean logistic) {
            CovarianceType type = result.covarianceType();
            return new StandardErrors(
                    type.name().toLowerCase(ROOT),
                    type.isRobust() ? type.inR(clusters, logistic) : null,
                    type.isClustered() ? result.clusters() : null,
                    clusterCounts(result.clusterCounts(), clusters),
                    result.robustWaldTest()
                            .map(w -> WaldJson.of(w, type.inR(clusters, logistic)))
                            .orElse(null));
        }

        /** Clusters per cluster column, in the order given; null unless clustered. */
        private static @Nullable Map<String, Integer> clusterCounts(List<Integer> counts, List<String> clusters) {
            if (counts.isEmpty()) {
                return null;
            }
            Map<String, Integer> named = new LinkedHashMap<>();
            for (int v = 0; v < counts.size(); v++) {
                named.put(clusters.get(v), counts.get(v));
            }
            return named;
        }
    }

    /**
     * The robust Wald test of all slopes: {@code test} "F" (linear; {@code df_residual} is its denominator df) or
     * "chisq" (logistic), and the R call that gives the same figures.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record WaldJson(
            String test,
            @Nullable Double statistic,
            int df,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer dfResidual,
            @Nullable Double pValue,
            List<String> terms,
            String inR) {

        static WaldJson of(WaldTest w, String vcovInR) {
            boolean f = w.form() == WaldTest.Form.F;
            return new WaldJson(
                    f ? "F" : "chisq",
                    StatisticsOutput.number(w.statistic()),
                    w.df(),
                    f ? w.residualDf() : null,
                    StatisticsOutput.number(w.pValue()),
                    w.terms(),
                    w.inR(vcovInR));
        }
    }

    /** The options as given, for the provenance. */
    record Options(
            String formula,
            String family,
            @Nullable String robust,
            @Nullable String cluster,
            Map<String, String> reference,
            List<String> factor,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String weights,
            String collate,
            String missing) {}
}
