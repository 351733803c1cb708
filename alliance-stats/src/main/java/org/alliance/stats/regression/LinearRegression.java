package org.alliance.stats.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliance.stats.linalg.DenseMatrix;
import org.alliance.stats.linalg.HouseholderQr;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Ordinary least squares by Householder QR, mirroring R's {@code lm} + {@code summary.lm} + {@code logLik.lm}:
 *
 * <ul>
 *   <li>b = R⁻¹Qᵀy; residuals Q(0, Qᵀy) (no normal equations: the Longley data are the accuracy test);
 *   <li>σ² = RSS/(n − p); classical covariance σ²(XᵀX)⁻¹ = σ²R⁻¹R⁻ᵀ;
 *   <li>R² = MSS/(MSS + RSS) with MSS around the mean; adjusted R² = 1 − (1 − R²)(n − 1)/(n − p); F = (MSS/(p − 1))/σ²;
 *   <li>logLik = −n/2 · (log 2π + 1 − log n + log RSS); AIC and BIC count p + 1 parameters (σ included);
 *   <li>robust covariances as {@code sandwich} with eᵢ the residuals (see {@code RobustCovariance}): HC0–HC3
 *       ({@code vcovHC}), e.g. HC3 (MacKinnon &amp; White 1985) (XᵀX)⁻¹ Xᵀ diag(eᵢ²/(1 − hᵢ)²) X (XᵀX)⁻¹, hᵢ the
 *       leverages; CR1 ({@code vcovCL(cluster = ~g)}, its default type HC1 for an lm): G/(G − 1) · (n − 1)/(n − p) ·
 *       (XᵀX)⁻¹ (Σ_g X_gᵀe_g e_gᵀX_g) (XᵀX)⁻¹; CR0 without (n − 1)/(n − p); two or more cluster variables as
 *       {@code vcovCL(cluster = ~ a + b)} (Cameron, Gelbach &amp; Miller 2011);
 *   <li>with robust standard errors the overall test of the slopes is the robust Wald F test
 *       {@code lmtest::waldtest(fit, vcov = V, test = "F")} ({@link WaldTest}); the classical F stays in the result
 *       as {@code summary(lm)} prints it, but it is not valid under heteroskedasticity or clustering;
 *   <li>t = b/SE with n − p degrees of freedom also for robust SEs ({@code lmtest::coeftest}); p from the upper tail
 *       of Student's t (Commons Statistics, accurate far into the tail); 95 % CI b ± t₀.₉₇₅ · SE;
 *   <li>standardised coefficients β = b · sd(x)/sd(y), SDs over the rows used, as {@code lm.beta::lm.beta}; for numeric
 *       predictors these are the coefficients of the refit {@code lm(scale(y) ~ scale(x1) + ...)}. A categorical
 *       predictor's dummy is standardised by the SD of its 0/1 column in the model matrix (lm.beta's convention, the
 *       same as a refit on the scaled model matrix), so its β depends on how large the group is; the unstandardised b
 *       is usually the figure to report for a factor. The intercept has no β (NaN).
 * </ul>
 */
public final class LinearRegression {

    static final String METHOD = "OLS by Householder QR as R lm/summary.lm; robust SE as sandwich (HC3: vcovHC"
            + " type HC3; CR1: vcovCL type HC1), t with residual df as lmtest::coeftest; listwise deletion";

    private LinearRegression() {}

    /**
     * Fits {@code formula} to {@code columns}, dropping rows with a missing value in any variable used.
     *
     * @throws IllegalArgumentException naming what to fix (unknown variable, aliased term, too few rows...)
     */
    public static LinearRegressionResult fit(Formula formula, Columns columns, LinearOptions options) {
        DesignMatrix design = options.design(formula, columns);
        return fit(design, options.covarianceType(), options.clusterLabels(columns, design));
    }

    /**
     * Fits a prepared design matrix.
     *
     * @param clusters per cluster variable the label of each row (two or more variables: multiway clustering); needed
     *     for the clustered types, otherwise ignored
     */
    public static LinearRegressionResult fit(
            DesignMatrix design, CovarianceType covarianceType, List<String[]> clusters) {
        // Weighted least squares as lm(weights = w): least squares on √w·X and √w·y. The weighted residuals √w·e are
        // also what sandwich's estfun/hatvalues use, so the robust covariances below need no other change.
        // The design by columns throughout (the QR copies them once), never also by rows.
        double[][] columns = design.weighted() ? scaleColumns(design.columns(), design.weights()) : design.columns();
        double[] y = design.weighted() ? scaleRows(design.y(), design.weights()) : design.y();
        double[] w = design.weights();
        int n = design.n();
        int p = design.terms().size();
        HouseholderQr qr = HouseholderQr.decomposeColumns(columns);
        requireFullRank(qr, design.terms());
        double[][] solution = qr.solveWithResiduals(y);
        double[] b = solution[0];
        double[] residuals = solution[1];
        double rss = 0.0;
        double weightSum = 0.0;
        double meanFitted = 0.0;
        double[] fitted = new double[n];
        for (int i = 0; i < n; i++) {
            rss += residuals[i] * residuals[i];
            fitted[i] = (y[i] - residuals[i]) / Math.sqrt(w[i]);
            meanFitted += w[i] * fitted[i];
            weightSum += w[i];
        }
        meanFitted /= weightSum;
        // summary.lm: MSS around the (weighted) mean with an intercept, around 0 (uncentred) without one.
        int interceptDf = design.intercept() ? 1 : 0;
        double mss = 0.0;
        for (int i = 0; i < n; i++) {
            double centred = design.intercept() ? fitted[i] - meanFitted : fitted[i];
            mss += w[i] * centred * centred;
        }
        int df = n - p;
        double sigma2 = rss / df;
        double[][] unscaled = qr.unscaledCovariance();
        double[][] covariance;
        List<Integer> clusterCounts = List.of();
        List<String> warnings = new ArrayList<>();
        if (covarianceType.isRobust()) {
            RobustCovariance.Sandwich sandwich = RobustCovariance.compute(
                    covarianceType,
                    columns,
                    residuals,
                    unscaled,
                    qr,
                    covarianceType.isClustered() ? clusters : List.of());
            covariance = sandwich.covariance();
            clusterCounts = sandwich.clusterCounts();
            warnings.addAll(sandwich.warnings());
        } else {
            covariance = DenseMatrix.scale(unscaled, sigma2);
        }
        TDistribution t = TDistribution.of(df);
        double quantile = t.inverseSurvivalProbability(0.025);
        List<Coefficient> coefficients = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(covariance[j][j]);
            double statistic = b[j] / se;
            coefficients.add(new Coefficient(
                    design.terms().get(j),
                    b[j],
                    se,
                    statistic,
                    2.0 * t.survivalProbability(Math.abs(statistic)),
                    b[j] - quantile * se,
                    b[j] + quantile * se));
        }
        List<StandardizedCoefficient> standardized = design.weighted()
                ? design.terms().stream()
                        .map(term -> new StandardizedCoefficient(term, Double.NaN))
                        .toList()
                : standardized(columns, y, b, design.terms());
        double rSquared = mss / (mss + rss);
        double adjusted = 1.0 - (1.0 - rSquared) * (n - interceptDf) / df;
        int fDf = p - interceptDf;
        double f = (mss / fDf) / sigma2;
        double fP = fDf > 0 ? FDistribution.of(fDf, df).survivalProbability(f) : Double.NaN;
        double logWeights = 0.0;
        for (double weight : w) {
            logWeights += Math.log(weight);
        }
        double logLik = 0.5 * logWeights - 0.5 * n * (Math.log(2 * Math.PI) + 1.0 - Math.log(n) + Math.log(rss));
        Optional<WaldTest> wald = Optional.empty();
        if (covarianceType.isRobust()) {
            wald = WaldTest.ofSlopes(b, covariance, design.terms(), WaldTest.Form.F, df);
            if (wald.isEmpty() && fDf > 0) {
                warnings.add(noWaldTest(covarianceType, clusterCounts, fDf));
            }
        }
        if (rss <= 1e-20 * (mss + rss)) {
            warnings.add("essentially perfect fit: the residuals are zero and the standard errors are unreliable");
        }
        return new LinearRegressionResult(
                coefficients,
                standardized,
                covariance,
                rSquared,
                adjusted,
                Math.sqrt(sigma2),
                f,
                fDf,
                df,
                fP,
                logLik,
                -2 * logLik + 2 * (p + 1),
                -2 * logLik + Math.log(n) * (p + 1),
                n,
                design.rowsDropped(),
                covarianceType,
                clusterCounts.stream().mapToInt(Integer::intValue).min().orElse(0),
                clusterCounts,
                wald,
                warnings,
                METHOD);
    }

    /** b · sd(column)/sd(y) over the rows used (the divisor of the SDs cancels); two passes down each column. */
    private static List<StandardizedCoefficient> standardized(
            double[][] columns, double[] y, double[] b, List<String> terms) {
        double sdY = Math.sqrt(sumOfSquares(y));
        List<StandardizedCoefficient> standardized = new ArrayList<>();
        for (int j = 0; j < terms.size(); j++) {
            String term = terms.get(j);
            double beta =
                    term.equals(DesignMatrix.INTERCEPT) ? Double.NaN : b[j] * Math.sqrt(sumOfSquares(columns[j])) / sdY;
            standardized.add(new StandardizedCoefficient(term, beta));
        }
        return standardized;
    }

    /** The sum of squared deviations from the mean. */
    private static double sumOfSquares(double[] values) {
        double mean = 0.0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0.0;
        for (double v : values) {
            double d = v - mean;
            squares += d * d;
        }
        return squares;
    }

    /** The columns of a design, each row multiplied by √w (new arrays). */
    static double[][] scaleColumns(double[][] columns, double[] weights) {
        double[][] scaled = new double[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            scaled[j] = scaleRows(columns[j], weights);
        }
        return scaled;
    }

    static double[] scaleRows(double[] y, double[] weights) {
        double[] scaled = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            scaled[i] = y[i] * Math.sqrt(weights[i]);
        }
        return scaled;
    }

    /** Why there is no robust Wald test although there are slopes. */
    static String noWaldTest(CovarianceType type, List<Integer> clusterCounts, int slopes) {
        return "no robust Wald test of the " + slopes + " slopes: their " + type + " covariance matrix is not positive"
                + " definite"
                + (clusterCounts.isEmpty()
                        ? ""
                        : clusterCounts.size() == 1
                                ? " (a clustered covariance has rank below the number of clusters, "
                                        + clusterCounts.get(0) + ")"
                                : " (with several cluster variables M_a + M_b − M_ab can be indefinite; clusters "
                                        + clusterCounts + "); R's waldtest would print a meaningless statistic");
    }

    static void requireFullRank(HouseholderQr qr, List<String> terms) {
        if (!qr.isFullRank()) {
            List<String> aliased =
                    qr.dependentColumns().stream().map(terms::get).toList();
            throw new IllegalArgumentException("the terms " + aliased + " are linear combinations of the terms before"
                    + " them (aliased, R would report NA); remove them from the formula");
        }
    }

    static String[] clusterLabels(Columns columns, String name, int[] rowsUsed) {
        String[] labels = new String[rowsUsed.length];
        double[] numeric = columns.numeric().get(name);
        for (int i = 0; i < rowsUsed.length; i++) {
            labels[i] = numeric != null
                    ? Double.toString(numeric[rowsUsed[i]])
                    : columns.text().get(name)[rowsUsed[i]];
        }
        return labels;
    }
}
