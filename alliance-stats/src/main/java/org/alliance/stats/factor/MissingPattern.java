package org.alliance.stats.factor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliance.stats.linalg.SymmetricMatrices;

/**
 * The cases sharing one pattern of observed variables, summarised by their count, mean and covariance
 * (divisor n) over the observed variables; enough for the normal log-likelihood of the pattern
 * (Arbuckle 1996, FIML by missingness pattern).
 *
 * @param observed indices of the observed variables (ascending)
 * @param n number of cases with this pattern
 * @param mean means of the observed variables
 * @param covariance covariance of the observed variables, divisor n
 * @param cases the cases themselves, each over the observed variables only (for casewise scores: MLR's B)
 */
record MissingPattern(int[] observed, int n, double[] mean, double[][] covariance, double[][] cases) {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** Saturated-model estimates and their log-likelihood. */
    record Saturated(double[] mean, double[][] covariance, double logLikelihood, int iterations) {}

    static List<MissingPattern> of(double[][] cases) {
        int p = cases[0].length;
        Map<String, List<double[]>> byPattern = new LinkedHashMap<>();
        for (double[] c : cases) {
            boolean[] seen = new boolean[p];
            for (int j = 0; j < p; j++) {
                seen[j] = !Double.isNaN(c[j]);
            }
            byPattern
                    .computeIfAbsent(Arrays.toString(seen), k -> new ArrayList<>())
                    .add(c);
        }
        List<MissingPattern> patterns = new ArrayList<>();
        for (List<double[]> group : byPattern.values()) {
            double[] first = group.get(0);
            int[] observed = java.util.stream.IntStream.range(0, p)
                    .filter(j -> !Double.isNaN(first[j]))
                    .toArray();
            int k = observed.length;
            int n = group.size();
            double[] mean = new double[k];
            for (double[] c : group) {
                for (int a = 0; a < k; a++) {
                    mean[a] += c[observed[a]];
                }
            }
            for (int a = 0; a < k; a++) {
                mean[a] /= n;
            }
            double[][] cov = new double[k][k];
            for (double[] c : group) {
                for (int a = 0; a < k; a++) {
                    double da = c[observed[a]] - mean[a];
                    for (int b = 0; b <= a; b++) {
                        cov[a][b] += da * (c[observed[b]] - mean[b]);
                    }
                }
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b <= a; b++) {
                    cov[a][b] /= n;
                    cov[b][a] = cov[a][b];
                }
            }
            double[][] values = new double[n][k];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < k; a++) {
                    values[i][a] = group.get(i)[observed[a]];
                }
            }
            patterns.add(new MissingPattern(observed, n, mean, cov, values));
        }
        return patterns;
    }

    double[][] sub(double[][] full) {
        int k = observed.length;
        double[][] s = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                s[a][b] = full[observed[a]][observed[b]];
            }
        }
        return s;
    }

    double[] sub(double[] full) {
        double[] s = new double[observed.length];
        for (int a = 0; a < s.length; a++) {
            s[a] = full[observed[a]];
        }
        return s;
    }

    /** Σ_i log f(y_i,o) of this pattern's cases under N(μ, Σ); NaN when Σ_oo is not positive definite. */
    double logLikelihood(double[] mu, double[][] sigma) {
        var chol = SymmetricMatrices.cholesky(sub(sigma));
        if (chol.isEmpty()) {
            return Double.NaN;
        }
        double[][] inv = SymmetricMatrices.inverseFromCholesky(chol.get());
        double[] d = sub(mu);
        for (int a = 0; a < d.length; a++) {
            d[a] = mean[a] - d[a];
        }
        double quad = SymmetricMatrices.traceOfProduct(inv, covariance);
        double[] v = SymmetricMatrices.multiply(inv, d);
        for (int a = 0; a < d.length; a++) {
            quad += d[a] * v[a];
        }
        return -0.5 * n * (observed.length * LOG_2PI + SymmetricMatrices.logDeterminant(chol.get()) + quad);
    }

    /**
     * ML estimates of the unrestricted mean and covariance by the EM algorithm (Dempster, Laird &amp; Rubin
     * 1977; Little &amp; Rubin 2002, §11.2), run until the largest change is below 1e-10 (in standard-deviation units; the log-likelihood is then exact to rounding).
     */
    static Saturated expectationMaximisation(List<MissingPattern> patterns, int p) {
        double[] mu = new double[p];
        double[][] sigma = new double[p][p];
        int[] count = new int[p];
        for (MissingPattern pat : patterns) {
            for (int a = 0; a < pat.observed.length; a++) {
                mu[pat.observed[a]] += pat.n * pat.mean[a];
                count[pat.observed[a]] += pat.n;
            }
        }
        for (int j = 0; j < p; j++) {
            mu[j] /= count[j];
        }
        for (MissingPattern pat : patterns) {
            for (int a = 0; a < pat.observed.length; a++) {
                int j = pat.observed[a];
                double d = pat.mean[a] - mu[j];
                sigma[j][j] += pat.n * (pat.covariance[a][a] + d * d);
            }
        }
        for (int j = 0; j < p; j++) {
            sigma[j][j] /= count[j];
        }
        int total = 0;
        for (MissingPattern pat : patterns) {
            total += pat.n;
        }
        int iteration = 0;
        for (; iteration < 10_000; iteration++) {
            double[] t1 = new double[p];
            double[][] t2 = new double[p][p];
            for (MissingPattern pat : patterns) {
                pat.accumulate(mu, sigma, t1, t2);
            }
            double change = 0;
            double[] newMu = new double[p];
            double[][] newSigma = new double[p][p];
            for (int a = 0; a < p; a++) {
                newMu[a] = t1[a] / total;
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    newSigma[a][b] = t2[a][b] / total - newMu[a] * newMu[b];
                }
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    double scale = Math.sqrt(newSigma[a][a] * newSigma[b][b]);
                    change = Math.max(change, Math.abs(newSigma[a][b] - sigma[a][b]) / scale);
                }
                change = Math.max(change, Math.abs(newMu[a] - mu[a]) / Math.sqrt(newSigma[a][a]));
            }
            mu = newMu;
            sigma = newSigma;
            if (change < 1e-10) {
                break;
            }
        }
        double logL = 0;
        for (MissingPattern pat : patterns) {
            logL += pat.logLikelihood(mu, sigma);
        }
        return new Saturated(mu, sigma, logL, iteration);
    }

    /** E-step sums: Σ E[y] and Σ E[y y′] over this pattern's cases given (μ, Σ). */
    private void accumulate(double[] mu, double[][] sigma, double[] t1, double[][] t2) {
        int p = mu.length;
        int k = observed.length;
        boolean[] isObserved = new boolean[p];
        for (int j : observed) {
            isObserved[j] = true;
        }
        int[] missing = java.util.stream.IntStream.range(0, p)
                .filter(j -> !isObserved[j])
                .toArray();
        int m = missing.length;
        // Regression of the missing on the observed variables: y_m ≈ a + B y_o, residual covariance C.
        double[][] b = new double[m][k];
        double[][] c = new double[m][m];
        double[] a = new double[m];
        if (m > 0) {
            double[][] inv = SymmetricMatrices.inverseIfPositiveDefinite(sub(sigma))
                    .orElseThrow(
                            () -> new IllegalArgumentException("EM: covariance of a missingness pattern is singular"));
            for (int r = 0; r < m; r++) {
                for (int s = 0; s < k; s++) {
                    double v = 0;
                    for (int t = 0; t < k; t++) {
                        v += sigma[missing[r]][observed[t]] * inv[t][s];
                    }
                    b[r][s] = v;
                }
                double v = mu[missing[r]];
                for (int s = 0; s < k; s++) {
                    v -= b[r][s] * mu[observed[s]];
                }
                a[r] = v;
            }
            for (int r = 0; r < m; r++) {
                for (int s = 0; s < m; s++) {
                    double v = sigma[missing[r]][missing[s]];
                    for (int t = 0; t < k; t++) {
                        v -= b[r][t] * sigma[observed[t]][missing[s]];
                    }
                    c[r][s] = v;
                }
            }
        }
        // Pattern sums of y_o and y_o y_o′.
        double[][] second = new double[k][k];
        for (int s = 0; s < k; s++) {
            for (int t = 0; t < k; t++) {
                second[s][t] = covariance[s][t] + mean[s] * mean[t];
            }
        }
        for (int s = 0; s < k; s++) {
            t1[observed[s]] += n * mean[s];
            for (int t = 0; t < k; t++) {
                t2[observed[s]][observed[t]] += n * second[s][t];
            }
        }
        if (m == 0) {
            return;
        }
        // E[y_m] = a + B ȳ_o; E[y_m y_o′] = a ȳ_o′ + B M2; E[y_m y_m′] = C + a a′ + a ȳ′B′ + Bȳ a′ + B M2 B′.
        double[] bMean = SymmetricMatrices.multiply(b, mean);
        double[][] bSecond = SymmetricMatrices.multiply(b, second);
        for (int r = 0; r < m; r++) {
            t1[missing[r]] += n * (a[r] + bMean[r]);
            for (int t = 0; t < k; t++) {
                double v = n * (a[r] * mean[t] + bSecond[r][t]);
                t2[missing[r]][observed[t]] += v;
                t2[observed[t]][missing[r]] += v;
            }
            for (int s = 0; s < m; s++) {
                double bsb = 0;
                for (int t = 0; t < k; t++) {
                    bsb += bSecond[r][t] * b[s][t];
                }
                t2[missing[r]][missing[s]] += n * (c[r][s] + a[r] * a[s] + a[r] * bMean[s] + bMean[r] * a[s] + bsb);
            }
        }
    }
}
