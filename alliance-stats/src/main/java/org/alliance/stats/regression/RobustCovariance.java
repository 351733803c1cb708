package org.alliance.stats.regression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliance.stats.linalg.DenseMatrix;
import org.alliance.stats.linalg.HouseholderQr;

/**
 * Sandwich covariance matrices U M U of a fitted (generalised) linear model, U = (XᵀWX)⁻¹ the unscaled covariance of the
 * fit and M a "meat" built from the casewise scores eᵢxᵢ, as R's {@code sandwich} (vcovHC, vcovCL) computes them:
 *
 * <ul>
 *   <li>HC0–HC3: M = Σ ωᵢ xᵢxᵢᵀ with ωᵢ = eᵢ², eᵢ² n/(n − p), eᵢ²/(1 − hᵢ), eᵢ²/(1 − hᵢ)²;
 *   <li>clustered (one or more cluster variables, Cameron, Gelbach &amp; Miller 2011): for every non-empty subset S of
 *       the variables, clusters are the combinations of their values, M_S = Σ_g s_g s_gᵀ with s_g = Σ_{i ∈ g} eᵢxᵢ, and
 *       M = Σ_S (−1)^{|S|+1} · G_S/(G_S − 1) · M_S (vcovCL with {@code cadjust = TRUE, multi0 = FALSE}); CR1 multiplies
 *       by (n − 1)/(n − p) as vcovCL's type HC1 does.
 * </ul>
 *
 * With two variables this is M_a + M_b − M_ab, which need not be positive semi-definite (sandwich does not fix it by
 * default and neither do we).
 */
final class RobustCovariance {

    /** sandwich warns when a hat value exceeds 1 − √ε. */
    private static final double LEVERAGE_LIMIT = 1.0 - Math.sqrt(Math.ulp(1.0));

    private RobustCovariance() {}

    /**
     * A robust covariance matrix and what the reader should know about it.
     *
     * @param covariance the p × p matrix
     * @param clusterCounts number of clusters per cluster variable, in the order given (empty unless clustered)
     * @param warnings e.g. leverages close to 1 for HC2/HC3
     */
    record Sandwich(double[][] covariance, List<Integer> clusterCounts, List<String> warnings) {}

    /**
     * @param type a robust type (not {@link CovarianceType#CLASSICAL})
     * @param columns the n × p design (unweighted) by its p columns
     * @param scoreResiduals eᵢ, so that the score of row i is eᵢxᵢ
     * @param unscaled U = (XᵀWX)⁻¹
     * @param qr the QR of W^½X, whose Q gives the leverages hᵢ (HC2, HC3)
     * @param clusters per cluster variable one label per row (clustered types only)
     */
    static Sandwich compute(
            CovarianceType type,
            double[][] columns,
            double[] scoreResiduals,
            double[][] unscaled,
            HouseholderQr qr,
            List<String[]> clusters) {
        int n = scoreResiduals.length;
        int p = unscaled.length;
        List<String> warnings = new ArrayList<>();
        if (type.isClustered()) {
            if (clusters.isEmpty()) {
                throw new IllegalArgumentException(type + " standard errors need at least one cluster variable");
            }
            for (String[] labels : clusters) {
                if (labels.length != n) {
                    throw new IllegalArgumentException(
                            type + " needs one cluster label per row used (" + n + "), got " + labels.length);
                }
            }
            List<Integer> counts = new ArrayList<>();
            double[][] meat = new double[p][p];
            int variables = clusters.size();
            for (int subset = 1; subset < (1 << variables); subset++) {
                Map<String, double[]> scores = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    double[] score = scores.computeIfAbsent(key(clusters, subset, i), k -> new double[p]);
                    double e = scoreResiduals[i];
                    for (int j = 0; j < p; j++) {
                        score[j] += columns[j][i] * e;
                    }
                }
                int g = scores.size();
                if (Integer.bitCount(subset) == 1) {
                    if (g < 2) {
                        throw new IllegalArgumentException(
                                "cluster-robust standard errors need at least two clusters, got " + g);
                    }
                    counts.add(g);
                }
                double[][] part = DenseMatrix.crossProduct(scores.values().toArray(double[][]::new));
                if (variables == 1) {
                    // One-way: the adjustment after the sandwich, as before multiway clustering (same last digits).
                    double adjustment = g / (g - 1.0);
                    if (type == CovarianceType.CR1) {
                        adjustment = adjustment * (n - 1.0) / (n - p);
                    }
                    return new Sandwich(
                            DenseMatrix.scale(DenseMatrix.sandwich(unscaled, part), adjustment), counts, warnings);
                }
                double adjustment = (Integer.bitCount(subset) % 2 == 1 ? 1.0 : -1.0) * g / (g - 1.0);
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        meat[a][b] += adjustment * part[a][b];
                    }
                }
            }
            double factor = type == CovarianceType.CR1 ? (n - 1.0) / (n - p) : 1.0;
            return new Sandwich(DenseMatrix.scale(DenseMatrix.sandwich(unscaled, meat), factor), counts, warnings);
        }
        double[] leverage = type == CovarianceType.HC2 || type == CovarianceType.HC3 ? leverages(qr, n, p) : null;
        // Σ ωᵢ xᵢxᵢᵀ row by row, without a second n × p matrix (the same sums, in the same order, as crossProduct of
        // the rows xᵢ√ωᵢ): a register-sized design should fit in the heap once, not twice (nor once more by rows).
        double[][] meat = new double[p][p];
        double[] weighted = new double[p];
        List<Integer> unstable = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double e = scoreResiduals[i];
            double root =
                    switch (type) {
                        case HC0 -> e;
                        case HC1 -> e * Math.sqrt(n / (double) (n - p));
                        case HC2 -> e / Math.sqrt(1.0 - leverage[i]);
                        case HC3 -> e / (1.0 - leverage[i]);
                        default -> throw new IllegalArgumentException("not a heteroskedasticity-robust type: " + type);
                    };
            if (leverage != null && leverage[i] > LEVERAGE_LIMIT) {
                unstable.add(i + 1);
            }
            for (int j = 0; j < p; j++) {
                weighted[j] = columns[j][i] * root;
            }
            for (int a = 0; a < p; a++) {
                double wa = weighted[a];
                if (wa == 0.0) {
                    continue;
                }
                for (int b = a; b < p; b++) {
                    meat[a][b] += wa * weighted[b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                meat[a][b] = meat[b][a];
            }
        }
        if (!unstable.isEmpty()) {
            warnings.add(type + " standard errors are numerically unstable: leverage (hat value) close to 1 in rows "
                    + unstable.subList(0, Math.min(10, unstable.size())) + (unstable.size() > 10 ? "..." : "")
                    + " of the rows used (sandwich warns likewise)");
        }
        return new Sandwich(DenseMatrix.sandwich(unscaled, meat), List.of(), warnings);
    }

    /** hᵢ = Σ_k Q_ik², k over the p columns of the thin Q. */
    private static double[] leverages(HouseholderQr qr, int n, int p) {
        double[] leverage = new double[n];
        for (int k = 0; k < p; k++) {
            double[] unit = new double[n];
            unit[k] = 1.0;
            double[] column = qr.qTimes(unit);
            for (int i = 0; i < n; i++) {
                leverage[i] += column[i] * column[i];
            }
        }
        return leverage;
    }

    /** The cluster of row i for the variables in {@code subset}; the unit separator cannot occur in a CSV label. */
    private static String key(List<String[]> clusters, int subset, int i) {
        if (Integer.bitCount(subset) == 1) {
            return clusters.get(Integer.numberOfTrailingZeros(subset))[i];
        }
        StringBuilder key = new StringBuilder();
        for (int v = 0; v < clusters.size(); v++) {
            if ((subset & (1 << v)) != 0) {
                key.append(clusters.get(v)[i]).append('\u001f');
            }
        }
        return key.toString();
    }

    /**
     * Checks that clustered types come with cluster variables (distinct ones) and the others without.
     *
     * @throws IllegalArgumentException naming the mismatch
     */
    static void checkOptions(CovarianceType type, List<String> clusterVariables) {
        if (type.isClustered() && clusterVariables.isEmpty()) {
            throw new IllegalArgumentException("cluster-robust (" + type + ") standard errors need a cluster variable");
        }
        if (!type.isClustered() && !clusterVariables.isEmpty()) {
            throw new IllegalArgumentException("cluster variables " + clusterVariables
                    + " need cluster-robust (CR0 or CR1) standard errors, not " + type);
        }
        Set<String> seen = new HashSet<>();
        for (String v : clusterVariables) {
            if (!seen.add(v)) {
                throw new IllegalArgumentException("cluster variable " + v + " is given twice");
            }
        }
    }
}
