package org.alliance.stats.factor;

import java.util.List;
import org.alliance.stats.linalg.DenseMatrix;
import org.alliance.stats.linalg.SymmetricMatrices;

/**
 * The data of one group as the estimator needs it.
 *
 * <p>Complete data (listwise): mean, covariance S with divisor N (lavaan's ML convention), the centred
 * cases column by column (for casewise scores), no patterns. With missing values (FIML): mean and covariance
 * are the EM estimates of the saturated model, and {@code patterns} holds the moments of each missingness
 * pattern.
 *
 * @param centredColumns complete data: column j holds y_ij − ȳ_j of every case i (p arrays of length n)
 * @param h1LogLikelihood log-likelihood of the saturated model
 * @param baselineLogLikelihood log-likelihood of the independence model (free means and variances)
 */
record GroupSample(
        String label,
        int n,
        double[] mean,
        double[][] covariance,
        double[][] centredColumns,
        List<MissingPattern> patterns,
        double h1LogLikelihood,
        double baselineLogLikelihood) {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    boolean incomplete() {
        return !patterns.isEmpty();
    }

    /** Complete cases given case by case. */
    static GroupSample of(String label, double[][] cases) {
        int p = cases[0].length;
        double[][] columns = new double[p][cases.length];
        for (int i = 0; i < cases.length; i++) {
            for (int j = 0; j < p; j++) {
                columns[j][i] = cases[i][j];
            }
        }
        int[] all = new int[cases.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return ofColumns(label, columns, all);
    }

    /**
     * Complete cases: rows {@code kept} (ascending) of the columns {@code source[j]}, which are not changed. The
     * rows are copied and summed in one sweep, four columns side by side (each sum over the cases in order), then
     * centred in place.
     */
    static GroupSample ofColumns(String label, double[][] source, int[] kept) {
        int p = source.length;
        int n = kept.length;
        double[][] columns = new double[p][n];
        double[] mean = new double[p];
        int j = 0;
        for (; j + 3 < p; j += 4) {
            double[] c0 = source[j];
            double[] c1 = source[j + 1];
            double[] c2 = source[j + 2];
            double[] c3 = source[j + 3];
            double[] v0 = columns[j];
            double[] v1 = columns[j + 1];
            double[] v2 = columns[j + 2];
            double[] v3 = columns[j + 3];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int i = 0; i < n; i++) {
                int r = kept[i];
                double x0 = c0[r];
                double x1 = c1[r];
                double x2 = c2[r];
                double x3 = c3[r];
                v0[i] = x0;
                v1[i] = x1;
                v2[i] = x2;
                v3[i] = x3;
                s0 += x0;
                s1 += x1;
                s2 += x2;
                s3 += x3;
            }
            mean[j] = s0 / n;
            mean[j + 1] = s1 / n;
            mean[j + 2] = s2 / n;
            mean[j + 3] = s3 / n;
        }
        for (; j < p; j++) {
            double[] c = source[j];
            double[] v = columns[j];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double x = c[kept[i]];
                v[i] = x;
                sum += x;
            }
            mean[j] = sum / n;
        }
        for (j = 0; j < p; j++) {
            double[] c = columns[j];
            double m = mean[j];
            for (int i = 0; i < n; i++) {
                c[i] -= m;
            }
        }
        double[][] s = DenseMatrix.crossProductOfColumns(columns);
        double sumLogDiag = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                s[a][b] /= n;
            }
            sumLogDiag += Math.log(s[a][a]);
        }
        double h1 = SymmetricMatrices.cholesky(s)
                .map(l -> -0.5 * n * (p * LOG_2PI + SymmetricMatrices.logDeterminant(l) + p))
                .orElse(Double.NaN);
        double baseline = -0.5 * n * (p * LOG_2PI + sumLogDiag + p);
        return new GroupSample(label, n, mean, s, columns, List.of(), h1, baseline);
    }

    /** Cases with missing values (NaN); every case has at least one observed value. */
    static GroupSample withMissing(String label, double[][] cases) {
        List<MissingPattern> patterns = MissingPattern.of(cases);
        int p = cases[0].length;
        double baseline = 0;
        for (int j = 0; j < p; j++) {
            int nj = 0;
            double sum = 0;
            for (double[] c : cases) {
                if (!Double.isNaN(c[j])) {
                    nj++;
                    sum += c[j];
                }
            }
            double m = sum / nj;
            double ss = 0;
            for (double[] c : cases) {
                if (!Double.isNaN(c[j])) {
                    ss += (c[j] - m) * (c[j] - m);
                }
            }
            baseline += -0.5 * nj * (LOG_2PI + Math.log(ss / nj) + 1);
        }
        MissingPattern.Saturated h1 = MissingPattern.expectationMaximisation(patterns, p);
        return new GroupSample(
                label,
                cases.length,
                h1.mean(),
                h1.covariance(),
                new double[0][],
                patterns,
                h1.logLikelihood(),
                baseline);
    }
}
