package org.alliance.stats.reliability;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.alliance.stats.provenance.Traceable;

/**
 * Cronbach's α and related figures for one scale, as {@code psych::alpha} reports them.
 *
 * @param rawAlpha α from the covariance matrix ({@code raw_alpha})
 * @param standardizedAlpha α from the correlation matrix ({@code std.alpha})
 * @param averageR mean inter-item correlation ({@code average_r})
 * @param omegaTotal McDonald's ω total from a one-factor ML model on the same covariance matrix; empty when the model
 *     cannot be fitted (fewer than three items, or no convergence)
 * @param n respondents with at least one answered item
 * @param feldt Feldt's 95 % confidence bounds for the raw α ({@code psych::alpha.ci}, the "Feldt" row of
 *     {@code print(alpha)})
 * @param alphaStandardError Duhachek and Iacobucci's asymptotic standard error of the raw α ({@code total$ase})
 * @param duhachek raw α ∓ 1.96 · {@code alphaStandardError} (the "Duhachek" row of {@code print(alpha)})
 * @param reverseKeyed items that were flipped as (min + max) − x before the analysis
 * @param items per-item figures, in the order the items were given
 * @param method the definitions followed, for provenance
 */
public record AlphaResult(
        double rawAlpha,
        double standardizedAlpha,
        double averageR,
        OptionalDouble omegaTotal,
        int n,
        ConfidenceBounds feldt,
        double alphaStandardError,
        ConfidenceBounds duhachek,
        Set<String> reverseKeyed,
        List<ItemStatistics> items,
        String method)
        implements Traceable.ByMethod {

    public AlphaResult {
        reverseKeyed = Set.copyOf(reverseKeyed);
        items = List.copyOf(items);
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, got " + n);
        }
    }

    /**
     * The limits of a 95 % confidence interval for α.
     *
     * @param lower lower limit
     * @param upper upper limit
     */
    public record ConfidenceBounds(double lower, double upper) {}

    /**
     * Figures for one item.
     *
     * @param item item name
     * @param reverseKeyed whether the item was flipped
     * @param rDrop correlation of the item with the sum of the other items ({@code r.drop})
     * @param alphaIfDropped raw α of the other items
     * @param standardizedAlphaIfDropped standardised α of the other items
     */
    public record ItemStatistics(
            String item,
            boolean reverseKeyed,
            double rDrop,
            double alphaIfDropped,
            double standardizedAlphaIfDropped) {}
}
