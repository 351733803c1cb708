package org.alliance.stats.reliability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.alliance.stats.linalg.DenseMatrix;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Cronbach's α with the conventions of R's {@code psych::alpha} (Revelle, psych 2.2.9), computed from the formulas:
 *
 * <ul>
 *   <li>reverse-keyed items are flipped as (min + max) − x, with min and max taken over all items passed in;
 *   <li>C is the covariance matrix with the N − 1 divisor over pairwise complete observations (R's
 *       {@code cov(x, use = "pairwise")}), R its correlation matrix;
 *   <li>raw α = k/(k−1) · (1 − tr C / 1ᵀC1); standardised α is the same formula on R;
 *   <li>average r = (1ᵀR1 − k) / (k(k−1));
 *   <li>r.drop of item i = (cᵢ − Cᵢᵢ) / √(Cᵢᵢ · (1ᵀC1 − 2cᵢ + Cᵢᵢ)) with cᵢ the i-th column sum of C, i.e. the
 *       correlation of the item with the sum of the other items;
 *   <li>α if item dropped = raw α of C without row and column i;
 *   <li>Feldt's 95 % interval (Feldt, Woodruff &amp; Salih 1987; {@code psych::alpha.ci}): 1 − (1 − α) · F⁻¹(0.975)
 *       to 1 − (1 − α) · F⁻¹(0.025), F with N − 1 and (N − 1)(k − 1) degrees of freedom;
 *   <li>the asymptotic standard error of Duhachek &amp; Iacobucci (2004), as {@code psych::alpha}'s {@code ase}:
 *       √(Q/N) with Q = 2k² / ((k − 1)² (1ᵀC1)³) · (1ᵀC1 · (tr C² + (tr C)²) − 2 tr C · 1ᵀC²1), and psych's
 *       "Duhachek" bounds α ∓ 1.96 · ase (psych's rounded 1.96, not z₀.₉₇₅ = 1.959964).
 * </ul>
 *
 * <p>In both intervals N is, as in psych, the number of rows passed in ({@code nrow(x)}), including rows without any
 * answer; pass only the respondents to be counted.
 *
 * McDonald's ω total, (Σλ)² / ((Σλ)² + Σθ), comes from a one-factor maximum-likelihood model on the same C
 * ({@link OneFactorModel}); it matches {@code lavaan::cfa("f =~ items", sample.cov = C)}, not {@code psych::omega}
 * (which uses minres and a Schmid–Leiman rotation).
 */
public final class CronbachsAlpha {

    static final String METHOD = "Cronbach's alpha as psych::alpha (pairwise covariance, N-1; reverse keys flipped as"
            + " min+max-x over all items); 95% bounds as psych: Feldt (alpha.ci, F quantiles) and Duhachek (alpha -/+"
            + " 1.96 ase), N = rows given; omega total from a one-factor ML model on the same covariance matrix";

    /** psych prints the Duhachek bounds with this rounded normal quantile. */
    private static final double PSYCH_Z = 1.96;

    private CronbachsAlpha() {}

    /**
     * Computes α for the items in {@code responses}, flipping the items named in {@code reverseKeyed} first.
     *
     * @throws IllegalArgumentException with fewer than two items, a reverse-keyed name that is not an item, or an item
     *     without variance
     */
    public static AlphaResult fit(ItemResponses responses, Set<String> reverseKeyed) {
        List<String> items = responses.items();
        int k = items.size();
        if (k < 2) {
            throw new IllegalArgumentException("alpha needs at least two items, got " + k + ": " + items);
        }
        for (String name : reverseKeyed) {
            if (!items.contains(name)) {
                throw new IllegalArgumentException("reverse-keyed item " + name + " is not one of the items " + items);
            }
        }
        double[][] columns = keyed(responses, reverseKeyed);
        double[][] c = pairwiseCovariance(columns, items);
        double[][] r = correlation(c);
        double rawAlpha = alpha(c);
        double standardizedAlpha = alpha(r);
        double averageR = (DenseMatrix.sum(r) - k) / (k * (k - 1.0));
        double total = DenseMatrix.sum(c);
        List<AlphaResult.ItemStatistics> itemStatistics = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double columnSum = 0.0;
            for (int j = 0; j < k; j++) {
                columnSum += c[j][i];
            }
            double rest = total - 2.0 * columnSum + c[i][i];
            double rDrop = (columnSum - c[i][i]) / Math.sqrt(c[i][i] * rest);
            int[] others = new int[k - 1];
            for (int j = 0, m = 0; j < k; j++) {
                if (j != i) {
                    others[m++] = j;
                }
            }
            double alphaIfDropped = k > 2 ? alpha(DenseMatrix.submatrix(c, others)) : Double.NaN;
            double standardizedIfDropped = k > 2 ? alpha(DenseMatrix.submatrix(r, others)) : Double.NaN;
            itemStatistics.add(new AlphaResult.ItemStatistics(
                    items.get(i), reverseKeyed.contains(items.get(i)), rDrop, alphaIfDropped, standardizedIfDropped));
        }
        int rows = responses.rows();
        AlphaResult.ConfidenceBounds feldt = feldt(rawAlpha, rows, k);
        double standardError = Math.sqrt(duhachekQ(c) / rows);
        AlphaResult.ConfidenceBounds duhachek = new AlphaResult.ConfidenceBounds(
                rawAlpha - PSYCH_Z * standardError, rawAlpha + PSYCH_Z * standardError);
        OptionalDouble omega = OneFactorModel.fit(c)
                .map(fit -> OptionalDouble.of(fit.omegaTotal()))
                .orElse(OptionalDouble.empty());
        return new AlphaResult(
                rawAlpha,
                standardizedAlpha,
                averageR,
                omega,
                respondentsWithAnAnswer(columns),
                feldt,
                standardError,
                duhachek,
                new HashSet<>(reverseKeyed),
                itemStatistics,
                METHOD);
    }

    /** k/(k−1) · (1 − tr C / 1ᵀC1). */
    private static double alpha(double[][] c) {
        int k = c.length;
        return k / (k - 1.0) * (1.0 - DenseMatrix.trace(c) / DenseMatrix.sum(c));
    }

    /** Feldt's interval from F quantiles with N − 1 and (N − 1)(k − 1) degrees of freedom. */
    private static AlphaResult.ConfidenceBounds feldt(double alpha, int rows, int k) {
        FDistribution f = FDistribution.of(rows - 1.0, (rows - 1.0) * (k - 1.0));
        return new AlphaResult.ConfidenceBounds(
                1.0 - (1.0 - alpha) * f.inverseCumulativeProbability(0.975),
                1.0 - (1.0 - alpha) * f.inverseCumulativeProbability(0.025));
    }

    /** Q of Duhachek &amp; Iacobucci (2004), the asymptotic variance of α times N. */
    private static double duhachekQ(double[][] c) {
        int k = c.length;
        double total = DenseMatrix.sum(c);
        double trace = DenseMatrix.trace(c);
        double traceOfSquare = 0.0; // tr C² = Σ c_ij² for symmetric C
        double sumOfSquare = 0.0; // 1ᵀC²1 = Σ_j (column sum j)²
        for (int j = 0; j < k; j++) {
            double columnSum = 0.0;
            for (int i = 0; i < k; i++) {
                traceOfSquare += c[i][j] * c[i][j];
                columnSum += c[i][j];
            }
            sumOfSquare += columnSum * columnSum;
        }
        return 2.0
                * k
                * k
                / ((k - 1.0) * (k - 1.0) * total * total * total)
                * (total * (traceOfSquare + trace * trace) - 2.0 * trace * sumOfSquare);
    }

    private static double[][] keyed(ItemResponses responses, Set<String> reverseKeyed) {
        int k = responses.items().size();
        double[][] columns = new double[k][];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            columns[j] = responses.column(j);
            for (double v : columns[j]) {
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        for (int j = 0; j < k; j++) {
            if (reverseKeyed.contains(responses.items().get(j))) {
                for (int row = 0; row < columns[j].length; row++) {
                    columns[j][row] = min + max - columns[j][row];
                }
            }
        }
        return columns;
    }

    /** R's cov(x, use = "pairwise"): each entry from the rows where both items are answered, N − 1 divisor. */
    static double[][] pairwiseCovariance(double[][] columns, List<String> names) {
        int k = columns.length;
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double[] x = columns[i];
                double[] y = columns[j];
                int n = 0;
                double meanX = 0.0;
                double meanY = 0.0;
                for (int row = 0; row < x.length; row++) {
                    if (!Double.isNaN(x[row]) && !Double.isNaN(y[row])) {
                        n++;
                        meanX += x[row];
                        meanY += y[row];
                    }
                }
                if (n < 2) {
                    throw new IllegalArgumentException("items " + names.get(i) + " and " + names.get(j)
                            + " are answered together by fewer than two respondents");
                }
                meanX /= n;
                meanY /= n;
                double sum = 0.0;
                for (int row = 0; row < x.length; row++) {
                    if (!Double.isNaN(x[row]) && !Double.isNaN(y[row])) {
                        sum += (x[row] - meanX) * (y[row] - meanY);
                    }
                }
                c[i][j] = sum / (n - 1);
                c[j][i] = c[i][j];
            }
            if (!(c[i][i] > 0.0)) {
                throw new IllegalArgumentException("item " + names.get(i) + " has no variance");
            }
        }
        return c;
    }

    private static double[][] correlation(double[][] c) {
        int k = c.length;
        double[][] r = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                r[i][j] = i == j ? 1.0 : c[i][j] / Math.sqrt(c[i][i] * c[j][j]);
            }
        }
        return r;
    }

    private static int respondentsWithAnAnswer(double[][] columns) {
        int rows = columns[0].length;
        int n = 0;
        for (int row = 0; row < rows; row++) {
            for (double[] column : columns) {
                if (!Double.isNaN(column[row])) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }
}
