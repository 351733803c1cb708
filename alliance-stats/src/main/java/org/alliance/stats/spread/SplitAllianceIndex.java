package org.alliance.stats.spread;

import java.util.Optional;
import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.provenance.Traceable;

/**
 * How unevenly a set of scores on one bounded scale spreads, as a share of that scale's range (0 = all equal,
 * 1 = as far apart as the scale allows).
 *
 * <p>Used twice in joint meetings: as the <em>split-alliance index</em> over the client's bond scores for each
 * professional of one meeting (after the "split alliance" of family therapy, where members bond unevenly with the
 * professional; Pinsof 1994, Friedlander et al. 2006 for SOFTA), and as the <em>partiality balance index</em>
 * over the partiality scores that different parties give the same professional.
 *
 * <p>With the scale from {@code a} to {@code b} and the n non-missing scores x<sub>1</sub> … x<sub>n</sub>:
 *
 * <ul>
 *   <li>range index = (max x − min x) / (b − a);
 *   <li>SD index = population standard deviation √(Σ(x − x̄)² / n) divided by (b − a) / 2, the largest
 *       population SD any set of scores on the scale can have (half at a, half at b). With two scores both
 *       indices are equal.
 * </ul>
 *
 * Missing scores (NaN) are left out. With fewer than two scores there is no spread to speak of, and the index
 * is undefined (empty), never 0. In R: {@code diff(range(x, na.rm = TRUE)) / (b - a)} and
 * {@code sqrt(mean((x - mean(x))^2)) / ((b - a) / 2)} on the non-missing x.
 */
public final class SplitAllianceIndex {

    /** The method in words, for the provenance of a result. */
    static final String METHOD =
            "spread as a share of the scale's range: range index diff(range(x)) / (b - a) and SD index sqrt(mean((x - mean(x))^2)) / ((b - a) / 2) on the non-missing scores";

    private SplitAllianceIndex() {}

    /**
     * The index of one set of scores.
     *
     * @param scores number of non-missing scores used
     * @param range max − min of the scores, in scale units
     * @param rangeIndex range / (scale max − scale min), between 0 and 1
     * @param standardDeviation population SD of the scores, in scale units
     * @param sdIndex SD / ((scale max − scale min) / 2), between 0 and 1
     */
    public record Result(
            int scores,
            double range,
            double rangeIndex,
            double standardDeviation,
            double sdIndex,
            double scaleMin,
            double scaleMax)
            implements Traceable {
        public Result {
            if (scores < 2) {
                throw new IllegalArgumentException("an index needs at least 2 scores, got " + scores);
            }
        }

        /** How this result was made, for its provenance. */
        @Override
        public Provenance provenance() {
            return Provenance.method(METHOD);
        }
    }

    /**
     * Computes the index.
     *
     * @param scores one score per professional (or per party); NaN for a missing score
     * @param scaleMin lowest possible score of the scale
     * @param scaleMax highest possible score of the scale
     * @return empty when fewer than two scores are present
     * @throws IllegalArgumentException when the scale range is empty or a score lies outside it
     */
    public static Optional<Result> compute(double[] scores, double scaleMin, double scaleMax) {
        if (!(scaleMin < scaleMax) || !Double.isFinite(scaleMin) || !Double.isFinite(scaleMax)) {
            throw new IllegalArgumentException(
                    "the scale must run from a lower to a higher finite value, got " + scaleMin + " to " + scaleMax);
        }
        int n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            if (Double.isNaN(score)) {
                continue;
            }
            if (score < scaleMin || score > scaleMax) {
                throw new IllegalArgumentException(
                        "score " + score + " lies outside the scale " + scaleMin + " to " + scaleMax);
            }
            n++;
            sum += score;
            min = Math.min(min, score);
            max = Math.max(max, score);
        }
        if (n < 2) {
            return Optional.empty();
        }
        double mean = sum / n;
        double squares = 0;
        for (double score : scores) {
            if (!Double.isNaN(score)) {
                squares += (score - mean) * (score - mean);
            }
        }
        double width = scaleMax - scaleMin;
        double sd = Math.sqrt(squares / n);
        double range = max - min;
        // Clamp against rounding only; both are ≤ 1 in exact arithmetic.
        return Optional.of(new Result(
                n, range, Math.min(1, range / width), sd, Math.min(1, sd / (width / 2)), scaleMin, scaleMax));
    }
}
