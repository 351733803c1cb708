package org.alliance.app.cli.statistics;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliance.stats.regression.Coefficient;
import org.alliance.stats.regression.CovarianceType;
import org.alliance.stats.regression.Formula;
import org.alliance.stats.regression.LinearRegressionResult;
import org.alliance.stats.regression.LogisticRegressionResult;
import org.alliance.stats.regression.StandardizedCoefficient;
import org.alliance.stats.regression.WaldTest;
import org.jspecify.annotations.Nullable;

/**
 * The text of {@code regress --format text}, laid out as R's summary(lm) and summary(glm).
 *
 * @param clusters the cluster columns as given, which name the clusters and the sandwich call
 * @param weights the weights column, if any
 */
record RegressText(List<String> clusters, @Nullable String weights) {

    void print(PrintWriter out, Formula formula, LinearRegressionResult result) {
        out.println("Linear regression (as R lm): " + formula + weightsText());
        printHeader(out, result.n(), result.rowsDropped(), result.covarianceType(), result.clusterCounts(), false);
        printCoefficients(out, result.coefficients(), "t value", "Pr(>|t|)", null, result.standardizedCoefficients());
        out.println();
        out.println("Residual standard error: " + StatisticsOutput.format(result.sigma()) + " on " + result.residualDf()
                + " degrees of freedom");
        out.println("Multiple R-squared: " + StatisticsOutput.format(result.rSquared()) + ", Adjusted R-squared: "
                + StatisticsOutput.format(result.adjustedRSquared()));
        if (result.covarianceType().isRobust()) {
            // The classical F assumes independent errors of equal variance, which robust errors do not.
            printWald(out, result.robustWaldTest(), result.covarianceType(), false);
        } else {
            out.println("F-statistic: " + StatisticsOutput.format(result.fStatistic()) + " on " + result.fNumeratorDf()
                    + " and " + result.fDenominatorDf() + " DF, p-value: "
                    + StatisticsOutput.formatP(result.fPValue()));
        }
        out.println("logLik: " + StatisticsOutput.format(result.logLikelihood()) + ", AIC: "
                + StatisticsOutput.format(result.aic()) + ", BIC: " + StatisticsOutput.format(result.bic()));
        StatisticsOutput.printWarnings(out, result.warnings());
    }

    void print(PrintWriter out, Formula formula, LogisticRegressionResult result) {
        out.println("Logistic regression (as R glm, family = binomial): " + formula + weightsText());
        printHeader(out, result.n(), result.rowsDropped(), result.covarianceType(), result.clusterCounts(), true);
        printCoefficients(out, result.coefficients(), "z value", "Pr(>|z|)", result.oddsRatios(), null);
        out.println();
        out.println("Null deviance: " + StatisticsOutput.format(result.nullDeviance()) + " on " + (result.n() - 1)
                + " degrees of freedom");
        out.println("Residual deviance: " + StatisticsOutput.format(result.deviance()) + " on " + result.residualDf()
                + " degrees of freedom");
        out.println(
                "AIC: " + StatisticsOutput.format(result.aic()) + ", BIC: " + StatisticsOutput.format(result.bic()));
        out.println("Number of IRLS iterations: " + result.iterations());
        if (result.covarianceType().isRobust()) {
            printWald(out, result.robustWaldTest(), result.covarianceType(), true);
        }
        StatisticsOutput.printWarnings(out, result.warnings());
    }

    private String weightsText() {
        return weights == null ? "" : ", weights = " + weights;
    }

    /** The lines under the title: observations used and the standard errors, then a blank line. */
    private void printHeader(
            PrintWriter out, int n, int rowsDropped, CovarianceType type, List<Integer> counts, boolean logistic) {
        out.println("n = " + n + " (" + rowsDropped + " rows left out for missing values)");
        out.println("Standard errors: " + standardErrors(type, counts, logistic));
        out.println();
    }

    private String standardErrors(CovarianceType type, List<Integer> counts, boolean logistic) {
        if (type == CovarianceType.CLASSICAL) {
            return "classical";
        }
        String what = type.isClustered()
                ? type + " cluster-robust by " + clusterText(counts)
                : type + " heteroskedasticity-robust";
        return what + " (sandwich::" + type.inR(clusters, logistic) + ")";
    }

    /** "gear (3 clusters)" or "firm (500 clusters) and year (10 clusters)". */
    private String clusterText(List<Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (int v = 0; v < counts.size(); v++) {
            parts.add(clusters.get(v) + " (" + counts.get(v) + " clusters)");
        }
        return String.join(" and ", parts);
    }

    private void printWald(PrintWriter out, Optional<WaldTest> test, CovarianceType type, boolean logistic) {
        if (test.isEmpty()) {
            out.println("Robust Wald test of all slopes: not available (see the warning)");
            return;
        }
        WaldTest w = test.get();
        String figures = w.form() == WaldTest.Form.F
                ? "F = " + StatisticsOutput.format(w.statistic()) + " on " + w.df() + " and " + w.residualDf() + " DF"
                : "chi-square = " + StatisticsOutput.format(w.statistic()) + " on " + w.df() + " DF";
        out.println("Robust Wald test of all slopes: " + figures + ", p-value: " + StatisticsOutput.formatP(w.pValue())
                + " (" + w.inR(type.inR(clusters, logistic)) + ")");
    }

    private static void printCoefficients(
            PrintWriter out,
            List<Coefficient> coefficients,
            String statistic,
            String p,
            @Nullable List<LogisticRegressionResult.OddsRatio> oddsRatios,
            @Nullable List<StandardizedCoefficient> standardized) {
        List<String> header = new ArrayList<>(List.of("", "Estimate", "Std. Error", statistic, p, "2.5 %", "97.5 %"));
        if (oddsRatios != null) {
            header.addAll(List.of("OR", "OR 2.5 %", "OR 97.5 %"));
        }
        if (standardized != null) {
            header.add("Standardized");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < coefficients.size(); j++) {
            Coefficient c = coefficients.get(j);
            List<String> row = new ArrayList<>(List.of(
                    c.term(),
                    StatisticsOutput.format(c.estimate()),
                    StatisticsOutput.format(c.standardError()),
                    StatisticsOutput.format(c.statistic()),
                    StatisticsOutput.formatP(c.pValue()),
                    StatisticsOutput.format(c.confLow()),
                    StatisticsOutput.format(c.confHigh())));
            if (oddsRatios != null) {
                LogisticRegressionResult.OddsRatio odds = oddsRatios.get(j);
                row.addAll(List.of(
                        StatisticsOutput.format(odds.estimate()),
                        StatisticsOutput.format(odds.confLow()),
                        StatisticsOutput.format(odds.confHigh())));
            }
            if (standardized != null) {
                double beta = standardized.get(j).estimate();
                row.add(Double.isNaN(beta) ? "" : StatisticsOutput.format(beta));
            }
            rows.add(row);
        }
        StatisticsOutput.printTable(out, header, rows);
    }
}
