package org.alliance.stats.factor;

import org.alliance.stats.linalg.DenseMatrix;
import org.alliance.stats.linalg.SymmetricMatrices;

/**
 * The saturated (h1) normal model of one group with missing values, at its EM estimates (μ̃, Σ̃): the trace
 * tr(A₁⁻¹B₁) that the Yuan–Bentler scaled test needs under FIML (Yuan &amp; Bentler 2000; lavaan's
 * {@code test = "yuan.bentler.mplus"} with {@code missing = "ml"}, where {@code h1.information} is
 * "unstructured").
 *
 * <p>Parameters: the means μ_a, then the covariances σ_ab (a ≥ b) once each. A₁ is the observed information
 * −∂²logL summed over the missingness patterns, each on its observed variables o with S = Σ̃_oo⁻¹, t = S(ȳ_o −
 * μ̃_o) and Q = S(2W − Σ̃_oo)S, W = S_o + (ȳ_o − μ̃_o)(ȳ_o − μ̃_o)′ (the pattern's second moments about μ̃):
 * μμ: n S; μ_c σ_ab: n (S E_ab t)_c; σ_ab σ_cd: ½ n tr(E_ab S E_cd Q), E_ab = ∂Σ/∂σ_ab. B₁ = Σ_i s_i s_i′ with the
 * casewise scores s_i: u = S(y_i,o − μ̃_o) for the means and (uu′ − S)_ab for σ_ab (halved on the diagonal).
 * Both are sums, not means: their common factor 1/N cancels in the trace. Rows that no pattern observes (a pair
 * of variables never observed together) are left out of both, as lavaan does.
 */
final class FimlSaturatedModel {

    private FimlSaturatedModel() {}

    /** A₁ and B₁ as sums over the cases (not means), full symmetric matrices in the order of the class comment. */
    record Information(double[][] observed, double[][] firstOrder) {}

    /**
     * A₁ and B₁ of one group at its EM estimates; a group without missing values counts as one pattern (its
     * mean and covariance are then the sample moments).
     */
    static Information information(GroupSample s) {
        int p = s.mean().length;
        int r = dimension(p);
        double[][] a = new double[r][r];
        double[][] b = new double[r][r];
        for (MissingPattern pattern : patterns(s)) {
            addObserved(pattern, s.mean(), s.covariance(), a, p);
            addFirstOrder(pattern, s.mean(), s.covariance(), b, p);
        }
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < i; j++) {
                b[j][i] = b[i][j];
            }
        }
        return new Information(a, b);
    }

    /**
     * A of a group at any (μ, Σ): −∂²logL/∂m∂m′ summed over its cases (by missingness pattern; a group without
     * missing values is one pattern with its sample mean and covariance), in the order of the class comment.
     */
    static double[][] observedInformation(GroupSample s, double[] mu, double[][] sigma) {
        int p = mu.length;
        double[][] a = new double[dimension(p)][dimension(p)];
        if (s.incomplete()) {
            for (MissingPattern pattern : s.patterns()) {
                addObserved(pattern, mu, sigma, a, p);
            }
        } else {
            int[] all = java.util.stream.IntStream.range(0, p).toArray();
            addObserved(new MissingPattern(all, s.n(), s.mean(), s.covariance(), new double[0][]), mu, sigma, a, p);
        }
        return a;
    }

    /**
     * The information of one complete-data case at (μ, Σ), where observed and expected agree: Σ⁻¹ for the means
     * and ½ tr(E_ab Σ⁻¹ E_cd Σ⁻¹) for the covariances (lavaan's h1 information of complete data).
     */
    static double[][] completeDataInformation(double[] mean, double[][] covariance) {
        int p = mean.length;
        double[][] a = new double[dimension(p)][dimension(p)];
        int[] all = java.util.stream.IntStream.range(0, p).toArray();
        addObserved(new MissingPattern(all, 1, mean.clone(), covariance, new double[0][]), mean, covariance, a, p);
        return a;
    }

    static int dimension(int p) {
        return p + p * (p + 1) / 2;
    }

    /** tr(A₁⁻¹B₁) of the saturated model of one group. */
    static double sandwichTrace(Information info) {
        double[][] a = info.observed();
        double[][] b = info.firstOrder();
        int r = a.length;
        int[] kept =
                java.util.stream.IntStream.range(0, r).filter(i -> a[i][i] > 0).toArray();
        double[][] ak = new double[kept.length][kept.length];
        for (int i = 0; i < kept.length; i++) {
            for (int j = 0; j < kept.length; j++) {
                ak[i][j] = a[kept[i]][kept[j]];
            }
        }
        double[][] aInv = SymmetricMatrices.inverseFromCholesky(SymmetricMatrices.cholesky(ak)
                .orElseThrow(() -> new IllegalArgumentException(
                        "the observed information of the saturated model (FIML) is not positive definite;"
                                + " the Yuan-Bentler scaled test is not available")));
        double trace = 0;
        for (int i = 0; i < kept.length; i++) {
            for (int j = 0; j < kept.length; j++) {
                trace += aInv[i][j] * b[kept[j]][kept[i]];
            }
        }
        return trace;
    }

    private static java.util.List<MissingPattern> patterns(GroupSample s) {
        if (s.incomplete()) {
            return s.patterns();
        }
        int p = s.mean().length;
        double[][] cases = new double[s.n()][p];
        for (int i = 0; i < cases.length; i++) {
            for (int a = 0; a < p; a++) {
                cases[i][a] = s.centredColumns()[a][i] + s.mean()[a];
            }
        }
        int[] all = java.util.stream.IntStream.range(0, p).toArray();
        return java.util.List.of(new MissingPattern(all, s.n(), s.mean(), s.covariance(), cases));
    }

    /**
     * The parameters a pattern observes: its k means, then σ for each observed pair (x ≥ y, positions within o),
     * with their indices in the full parameter list.
     */
    private static void indexPattern(int[] o, int p, int[] global, int[] first, int[] second) {
        int k = o.length;
        for (int x = 0; x < k; x++) {
            global[x] = o[x];
        }
        int c = k;
        for (int x = 0; x < k; x++) {
            for (int y = 0; y <= x; y++) {
                global[c] = sigmaIndex(p, o[x], o[y]);
                first[c] = x;
                second[c] = y;
                c++;
            }
        }
    }

    /** Σ_oo⁻¹ of a pattern's observed variables. */
    private static double[][] inverseOn(MissingPattern pattern, double[][] sigma) {
        return SymmetricMatrices.inverseFromCholesky(SymmetricMatrices.cholesky(pattern.sub(sigma))
                .orElseThrow(() -> new IllegalArgumentException(
                        "the EM covariance of a missingness pattern is not positive definite")));
    }

    /** Index of σ_ab (either order) after the p means. */
    static int sigmaIndex(int p, int a, int b) {
        int hi = Math.max(a, b);
        int lo = Math.min(a, b);
        return p + hi * (hi + 1) / 2 + lo;
    }

    /** Adds one pattern's share of A₁ at (μ, Σ). */
    private static void addObserved(MissingPattern pattern, double[] mu, double[][] sigma, double[][] a, int p) {
        int[] o = pattern.observed();
        int k = o.length;
        int n = pattern.n();
        double[][] sInv = inverseOn(pattern, sigma);
        double[] d = new double[k];
        for (int x = 0; x < k; x++) {
            d[x] = pattern.mean()[x] - mu[o[x]];
        }
        double[] t = SymmetricMatrices.multiply(sInv, d);
        double[][] inner = new double[k][k];
        for (int x = 0; x < k; x++) {
            for (int y = 0; y < k; y++) {
                double w = pattern.covariance()[x][y] + d[x] * d[y];
                inner[x][y] = 2 * w - sigma[o[x]][o[y]];
            }
        }
        double[][] q = SymmetricMatrices.multiply(SymmetricMatrices.multiply(sInv, inner), sInv);
        // Local parameter list of this pattern: its k means, then σ for each observed pair (x ≥ y).
        int local = k + k * (k + 1) / 2;
        int[] global = new int[local];
        int[] first = new int[local];
        int[] second = new int[local];
        indexPattern(o, p, global, first, second);
        // A₁: μμ and μσ blocks.
        for (int x = 0; x < k; x++) {
            for (int y = 0; y < k; y++) {
                a[o[x]][o[y]] += n * sInv[x][y];
            }
            for (int e = k; e < local; e++) {
                int i = first[e];
                int j = second[e];
                double v = i == j ? sInv[x][i] * t[i] : sInv[x][i] * t[j] + sInv[x][j] * t[i];
                a[o[x]][global[e]] += n * v;
                a[global[e]][o[x]] += n * v;
            }
        }
        // A₁: σσ block, ½ n Σ over the orderings (a′, b′) of (i, j) and (c′, d′) of (l, m) of S_b′c′ Q_d′a′.
        for (int e = k; e < local; e++) {
            int i = first[e];
            int j = second[e];
            for (int f = k; f < local; f++) {
                int l = first[f];
                int m = second[f];
                double v = sInv[j][l] * q[m][i];
                if (l != m) {
                    v += sInv[j][m] * q[l][i];
                }
                if (i != j) {
                    v += sInv[i][l] * q[m][j];
                    if (l != m) {
                        v += sInv[i][m] * q[l][j];
                    }
                }
                a[global[e]][global[f]] += 0.5 * n * v;
            }
        }
    }

    /**
     * Adds one pattern's casewise score products Σ_i s_i s_i′ at (μ, Σ) to B₁ (lower triangle), as the cross product
     * of the pattern's score columns.
     */
    private static void addFirstOrder(MissingPattern pattern, double[] mu, double[][] sigma, double[][] b, int p) {
        int[] o = pattern.observed();
        int k = o.length;
        double[][] sInv = inverseOn(pattern, sigma);
        int local = k + k * (k + 1) / 2;
        int[] global = new int[local];
        int[] first = new int[local];
        int[] second = new int[local];
        indexPattern(o, p, global, first, second);
        double[][] y = pattern.cases();
        int n = y.length;
        double[][] columns = new double[local][n];
        for (int i = 0; i < n; i++) {
            for (int x = 0; x < k; x++) {
                double sum = 0;
                for (int z = 0; z < k; z++) {
                    sum += sInv[x][z] * (y[i][z] - mu[o[z]]);
                }
                columns[x][i] = sum;
            }
        }
        for (int e = k; e < local; e++) {
            int i = first[e];
            int j = second[e];
            double[] ui = columns[i];
            double[] uj = columns[j];
            double[] column = columns[e];
            double s = sInv[i][j];
            double half = i == j ? 0.5 : 1;
            for (int c = 0; c < n; c++) {
                column[c] = half * (ui[c] * uj[c] - s);
            }
        }
        double[][] products = DenseMatrix.crossProductOfColumns(columns);
        // global is increasing in the local index, so the lower triangle maps onto the lower triangle.
        for (int e = 0; e < local; e++) {
            double[] row = b[global[e]];
            for (int f = 0; f <= e; f++) {
                row[global[f]] += products[e][f];
            }
        }
    }
}
