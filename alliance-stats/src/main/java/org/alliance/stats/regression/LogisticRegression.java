package org.alliance.stats.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.stats.linalg.HouseholderQr;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Logistic regression by iteratively reweighted least squares, following R's {@code glm.fit} with
 * {@code family = binomial} (McCullagh &amp; Nelder 1989, section 2.5) step by step, so that estimates, iteration counts
 * and warnings agree with R:
 *
 * <ul>
 *   <li>start from μ = (y + ½)/2; each iteration solves the weighted least-squares problem of the working response z
 *       = η + (y − μ)/μ′(η) with weights μ′(η)²/(μ(1 − μ)) by Householder QR;
 *   <li>the logit inverse and its derivative are clamped at |η| &gt; 30 like R's C code;
 *   <li>convergence when |D − D_old|/(|D| + 0.1) &lt; 1e-8, at most 25 iterations;
 *   <li>covariance (XᵀWX)⁻¹ from the last iteration's QR (dispersion 1); Wald z, p from the normal upper tail, CI b ±
 *       1.959964 · SE and odds ratios exp(b), exp(CI) (R's {@code exp(confint.default(fit))});
 *   <li>deviance D = −2 Σ log f(yᵢ; μᵢ), AIC = D + 2p, BIC = D + log(n) p for a 0/1 response;
 *   <li>robust covariances as {@code sandwich} on a {@code glm} (see {@code RobustCovariance}): the bread is the
 *       covariance above, the scores are eᵢxᵢ with eᵢ the working residual (y − μ)/μ′(η) at the final η times the working
 *       weight of the last iteration (sandwich's {@code estfun.glm}, dispersion 1), the leverages those of the last
 *       weighted QR ({@code hatvalues(glm)}). HC0–HC3 as {@code vcovHC(fit, type = ...)}; {@code vcovCL(fit, cluster =
 *       ~g)} is CR0 (its default type for a glm is HC0: only G/(G − 1)), {@code type = "HC1"} is CR1; several cluster
 *       variables as {@code cluster = ~ a + b}. z, p and CI then use the robust SE, as {@code lmtest::coeftest(fit,
 *       vcov = V)};
 *   <li>with robust errors, the Wald χ² test of all slopes, {@code lmtest::waldtest(fit, vcov = V, test = "Chisq")}
 *       ({@link WaldTest}).
 * </ul>
 *
 * Separation: when fitted probabilities come within 10ε of 0 or 1 (R's test for its warning "fitted probabilities
 * numerically 0 or 1 occurred"), or IRLS does not converge, the result carries a warning saying the outcome is
 * (quasi-)completely separated and the estimates are not to be trusted.
 */
public final class LogisticRegression {

    static final String METHOD =
            "Logistic regression by IRLS as R glm(family = binomial); Wald z tests and CIs;" + " listwise deletion";

    /** R's glm.control() defaults. */
    private static final double EPSILON = 1e-8;

    private static final int MAX_ITERATIONS = 25;
    private static final double DBL_EPSILON = Math.ulp(1.0);
    private static final double THRESHOLD = 30.0;

    /** Warning text when fitted probabilities reach 0 or 1; begins with R's own wording. */
    public static final String SEPARATION_WARNING = "fitted probabilities numerically 0 or 1 occurred: the outcome is"
            + " completely or quasi-completely separated by the predictors, so estimates, standard errors and p-values"
            + " are not reliable";

    private LogisticRegression() {}

    /**
     * Fits {@code formula} to {@code columns}; the response must be 0/1.
     *
     * @param referenceLevels reference level per categorical predictor (default: first level in sorted order)
     * @throws IllegalArgumentException naming what to fix
     */
    public static LogisticRegressionResult fit(Formula formula, Columns columns, Map<String, String> referenceLevels) {
        return fit(formula, columns, LogisticOptions.classical(referenceLevels));
    }

    /**
     * Fits {@code formula} to {@code columns} with the standard errors of {@code options}, dropping rows with a missing
     * value in any variable used (the cluster variables included); the response must be 0/1.
     *
     * @throws IllegalArgumentException naming what to fix
     */
    public static LogisticRegressionResult fit(Formula formula, Columns columns, LogisticOptions options) {
        DesignMatrix design = options.design(formula, columns);
        return fit(design, options.covarianceType(), options.clusterLabels(columns, design));
    }

    /** Fits a prepared design matrix with classical standard errors; the response must be 0/1. */
    public static LogisticRegressionResult fit(DesignMatrix design) {
        return fit(design, CovarianceType.CLASSICAL, List.of());
    }

    /**
     * Fits a prepared design matrix; the response must be 0/1.
     *
     * @param clusters per cluster variable the label of each row; needed for the clustered types, otherwise ignored
     */
    public static LogisticRegressionResult fit(
            DesignMatrix design, CovarianceType covarianceType, List<String[]> clusters) {
        double[][] x = design.x();
        double[] y = design.y();
        int n = design.n();
        int p = design.terms().size();
        for (int i = 0; i < n; i++) {
            if (y[i] != 0.0 && y[i] != 1.0) {
                throw new IllegalArgumentException("the response of a logistic model must be 0 or 1; found " + y[i]
                        + " in data row " + (design.rowsUsed()[i] + 1));
            }
        }
        double[] prior = design.weights();
        double[] mu = new double[n];
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            // binomial()$initialize: mustart = (weights * y + 0.5)/(weights + 1)
            mu[i] = (prior[i] * y[i] + 0.5) / (prior[i] + 1.0);
            eta[i] = Math.log(mu[i] / (1.0 - mu[i]));
        }
        double devianceOld = deviance(y, mu, prior);
        double deviance = devianceOld;
        boolean converged = false;
        int iteration = 0;
        HouseholderQr qr = null;
        double[] b = new double[p];
        double[] workingWeights = new double[n];
        while (iteration < MAX_ITERATIONS) {
            iteration++;
            double[][] weightedX = new double[n][p];
            double[] weightedZ = new double[n];
            for (int i = 0; i < n; i++) {
                double derivative = muEta(eta[i]);
                double z = eta[i] + (y[i] - mu[i]) / derivative;
                workingWeights[i] = prior[i] * derivative * derivative / (mu[i] * (1.0 - mu[i]));
                double w = Math.sqrt(workingWeights[i]);
                weightedZ[i] = z * w;
                for (int j = 0; j < p; j++) {
                    weightedX[i][j] = x[i][j] * w;
                }
            }
            qr = HouseholderQr.decompose(weightedX, Math.min(1e-7, EPSILON / 1000));
            LinearRegression.requireFullRank(qr, design.terms());
            b = qr.solve(weightedZ);
            for (int i = 0; i < n; i++) {
                double s = 0.0;
                for (int j = 0; j < p; j++) {
                    s += x[i][j] * b[j];
                }
                eta[i] = s;
                mu[i] = linkInverse(s);
            }
            deviance = deviance(y, mu, prior);
            if (Math.abs(deviance - devianceOld) / (Math.abs(deviance) + 0.1) < EPSILON) {
                converged = true;
                break;
            }
            devianceOld = deviance;
        }
        List<String> warnings = new ArrayList<>();
        if (!converged) {
            warnings.add("IRLS did not converge in " + MAX_ITERATIONS + " iterations (R: glm.fit: algorithm did not"
                    + " converge); coefficients may be diverging because of separation");
        }
        for (double m : mu) {
            if (m > 1.0 - 10 * DBL_EPSILON || m < 10 * DBL_EPSILON) {
                warnings.add(SEPARATION_WARNING);
                break;
            }
        }
        double[][] covariance = qr.unscaledCovariance();
        List<Integer> clusterCounts = List.of();
        Optional<WaldTest> wald = Optional.empty();
        if (covarianceType.isRobust()) {
            // glm's weights(fit, "working") are those of the last iteration, its working residuals use the final η.
            double[] scoreResiduals = new double[n];
            for (int i = 0; i < n; i++) {
                scoreResiduals[i] = (y[i] - mu[i]) / muEta(eta[i]) * workingWeights[i];
            }
            RobustCovariance.Sandwich sandwich = RobustCovariance.compute(
                    covarianceType,
                    design.columns(),
                    scoreResiduals,
                    covariance,
                    qr,
                    covarianceType.isClustered() ? clusters : List.of());
            covariance = sandwich.covariance();
            clusterCounts = sandwich.clusterCounts();
            warnings.addAll(sandwich.warnings());
            wald = WaldTest.ofSlopes(b, covariance, design.terms(), WaldTest.Form.CHI_SQUARED, n - p);
            int slopes = p - (design.intercept() ? 1 : 0);
            if (wald.isEmpty() && slopes > 0) {
                warnings.add(LinearRegression.noWaldTest(covarianceType, clusterCounts, slopes));
            }
        }
        double quantile = NormalDistribution.of(0, 1).inverseSurvivalProbability(0.025);
        NormalDistribution normal = NormalDistribution.of(0, 1);
        List<Coefficient> coefficients = new ArrayList<>();
        List<LogisticRegressionResult.OddsRatio> oddsRatios = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(covariance[j][j]);
            double z = b[j] / se;
            double low = b[j] - quantile * se;
            double high = b[j] + quantile * se;
            String term = design.terms().get(j);
            coefficients.add(
                    new Coefficient(term, b[j], se, z, 2.0 * normal.survivalProbability(Math.abs(z)), low, high));
            oddsRatios.add(new LogisticRegressionResult.OddsRatio(term, Math.exp(b[j]), Math.exp(low), Math.exp(high)));
        }
        // glm.fit: the null model is the weighted mean with an intercept, μ = linkinv(0) = ½ without one.
        double mean = 0.0;
        double weightSum = 0.0;
        for (int i = 0; i < n; i++) {
            mean += prior[i] * y[i];
            weightSum += prior[i];
        }
        mean = design.intercept() ? mean / weightSum : 0.5;
        double[] nullMu = new double[n];
        java.util.Arrays.fill(nullMu, mean);
        // binomial()$aic with m = the prior weights: −2 Σ log dbinom(round(m·y), round(m), μ), which is the deviance
        // for whole weights and differs from it for fractional ones (R warns "non-integer #successes").
        double logDensity = 0.0;
        boolean fractional = false;
        for (int i = 0; i < n; i++) {
            double m = Math.rint(prior[i]);
            fractional |= m != prior[i];
            logDensity += m * (y[i] == 1.0 ? Math.log(mu[i]) : Math.log(1.0 - mu[i]));
        }
        if (fractional) {
            warnings.add("non-integer weights: R's glm warns \"non-integer #successes in a binomial glm!\" and its AIC"
                    + " (as ours) rounds the weights");
        }
        double aic = -2.0 * logDensity + 2.0 * p;
        return new LogisticRegressionResult(
                coefficients,
                oddsRatios,
                covariance,
                deviance,
                deviance(y, nullMu, prior),
                p - aic / 2.0,
                aic,
                aic - 2.0 * p + Math.log(n) * p,
                iteration,
                converged,
                n,
                design.rowsDropped(),
                covarianceType,
                clusterCounts.stream().mapToInt(Integer::intValue).min().orElse(0),
                clusterCounts,
                wald,
                warnings,
                METHOD);
    }

    /** R's logit_linkinv: exp(η)/(1 + exp(η)) with η clamped to ±30 via DBL_EPSILON. */
    private static double linkInverse(double eta) {
        double t = eta < -THRESHOLD ? DBL_EPSILON : eta > THRESHOLD ? 1.0 / DBL_EPSILON : Math.exp(eta);
        return t / (1.0 + t);
    }

    /** R's logit_mu_eta. */
    private static double muEta(double eta) {
        double opexp = 1.0 + Math.exp(eta);
        return (eta > THRESHOLD || eta < -THRESHOLD) ? DBL_EPSILON : Math.exp(eta) / (opexp * opexp);
    }

    /** Σ binomial deviance residuals for a 0/1 response with prior weights. */
    private static double deviance(double[] y, double[] mu, double[] prior) {
        double sum = 0.0;
        for (int i = 0; i < y.length; i++) {
            sum += prior[i] * (y[i] == 1.0 ? -2.0 * Math.log(mu[i]) : -2.0 * Math.log(1.0 - mu[i]));
        }
        return sum;
    }
}
