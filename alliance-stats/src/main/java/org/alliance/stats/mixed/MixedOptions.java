package org.alliance.stats.mixed;

import org.alliance.stats.regression.LevelOrder;

/**
 * Options of {@link LinearMixedModel}.
 *
 * @param reml REML (lmer's default) or maximum likelihood ({@code REML = FALSE})
 * @param maxEvaluations most evaluations of the profiled criterion before the fit counts as not converged
 * @param levelOrder how the levels of text fixed-effect predictors are sorted (the first is the reference)
 */
public record MixedOptions(boolean reml, int maxEvaluations, LevelOrder levelOrder) {

    public MixedOptions {
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations must be at least 1, not " + maxEvaluations);
        }
    }

    /** Levels in C order. */
    public MixedOptions(boolean reml, int maxEvaluations) {
        this(reml, maxEvaluations, LevelOrder.C);
    }

    /** REML with up to 100 000 evaluations. */
    public static MixedOptions restricted() {
        return new MixedOptions(true, 100_000);
    }

    /** Maximum likelihood with up to 100 000 evaluations. */
    public static MixedOptions maximumLikelihood() {
        return new MixedOptions(false, 100_000);
    }
}
