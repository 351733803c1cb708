package org.alliance.stats.factor;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Cumulative distribution function of the non-central χ² distribution, mirroring R's
 * {@code pchisq(q, df, ncp)}, and the inversion lavaan uses for the RMSEA confidence interval.
 *
 * <p>Formula: the Poisson mixture P(X ≤ x) = Σ_j e^{−λ/2}(λ/2)^j/j! · P(χ²_{df+2j} ≤ x) (Johnson, Kotz &amp;
 * Balakrishnan, <i>Continuous Univariate Distributions</i> vol. 2, ch. 29). The sum starts at the
 * Poisson mode and runs both ways until the remaining weight is below 1e-17 of the total, so terms are
 * never lost to underflow for large λ. The central terms are regularised incomplete gamma functions.
 */
public final class NoncentralChiSquare {

    /**
     * Between exact evaluations of P(df/2 + j, x/2) every {@value} terms, neighbouring terms follow from the
     * recurrence P(a + 1, x) = P(a, x) − x^a e^(−x)/Γ(a + 1) (Abramowitz &amp; Stegun 6.5.21), which needs one
     * multiplication per term instead of an incomplete gamma function.
     */
    private static final int ANCHOR = 64;

    private NoncentralChiSquare() {}

    /** x^a e^(−x) / Γ(a + 1). */
    private static double gammaDensityTerm(double a, double x) {
        return Math.exp(a * Math.log(x) - x - LogGamma.value(a + 1));
    }

    /** P(X ≤ x) for X ~ χ²(df, ncp). */
    public static double cdf(double x, double df, double ncp) {
        return cdfAndSlope(x, df, ncp)[0];
    }

    /**
     * {P(X ≤ x), ∂P/∂ncp} for X ~ χ²(df, ncp), from one pass over the Poisson mixture. The slope is −f(x; df + 2,
     * ncp), the density with two more degrees of freedom (∂/∂λ of the mixture; Johnson, Kotz &amp; Balakrishnan
     * 29.4), which is −½ Σ_j w_j x'^(a_j) e^(−x')/Γ(a_j + 1) with x' = x/2 and a_j = df/2 + j: the same terms the
     * recurrence between the central probabilities already computes.
     */
    static double[] cdfAndSlope(double x, double df, double ncp) {
        if (!(df > 0) || !(ncp >= 0) || Double.isNaN(x)) {
            throw new IllegalArgumentException("need df > 0 and ncp >= 0: df=" + df + ", ncp=" + ncp);
        }
        if (x <= 0 || x == Double.POSITIVE_INFINITY) {
            return new double[] {x <= 0 ? 0 : 1, 0};
        }
        double half = x / 2;
        if (ncp == 0) {
            // The central distribution; its slope is the one term j = 0 of the mixture's.
            return new double[] {RegularizedGamma.P.value(df / 2, half), -0.5 * gammaDensityTerm(df / 2, half)};
        }
        double lambda = ncp / 2;
        long mode = (long) Math.floor(lambda);
        double modeWeight = Math.exp(-lambda + mode * Math.log(lambda) - LogGamma.value(mode + 1.0));
        double slopeSum = 0;
        double sum = 0;
        double weightSum = 0;
        double w = modeWeight;
        double a0 = df / 2 + mode;
        double term = 0;
        double step = 0;
        for (long j = mode; ; j++) {
            double a = df / 2 + j;
            if ((j - mode) % ANCHOR == 0) {
                term = RegularizedGamma.P.value(a, half);
                step = gammaDensityTerm(a, half);
            } else {
                // P(a, x) = P(a − 1, x) − x^(a−1) e^(−x) / Γ(a)
                term = Math.max(0, term - step);
                step *= half / a;
            }
            sum += w * term;
            slopeSum += w * step;
            weightSum += w;
            // Upward, P(χ²_{df+2j} ≤ x) decreases, so the remaining contribution is below the remaining weight.
            if ((w < 1e-17 * weightSum && j > mode + 1) || term < 1e-300 || j - mode > 100_000) {
                break;
            }
            w *= lambda / (j + 1);
        }
        w = modeWeight;
        term = RegularizedGamma.P.value(a0, half);
        step = gammaDensityTerm(a0, half);
        for (long j = mode - 1; j >= 0; j--) {
            double a = df / 2 + j;
            w *= (j + 1) / lambda;
            if ((mode - j) % ANCHOR == 0) {
                term = RegularizedGamma.P.value(a, half);
                step = gammaDensityTerm(a, half);
            } else {
                // P(a, x) = P(a + 1, x) + x^a e^(−x) / Γ(a + 1)
                step *= (a + 1) / half;
                term = Math.min(1, term + step);
            }
            sum += w * term;
            slopeSum += w * step;
            weightSum += w;
            if (w < 1e-17 * weightSum) {
                break;
            }
        }
        return new double[] {Math.min(1, sum), -0.5 * slopeSum};
    }

    /**
     * The non-centrality λ with cdf(x, df, λ) = probability, or 0 when even λ = 0 gives a cdf below it
     * (the convention of lavaan's RMSEA interval: a bound without a root is 0). The cdf decreases
     * monotonically in λ: a bracket by doubling, then Newton steps with the slope {@link #cdfAndSlope} gives in
     * the same pass, from the normal approximation's λ, kept inside the bracket (a step that would leave it
     * bisects instead), until a step is below 1e-14 of λ. lavaan's {@code uniroot} stops at its default tolerance
     * (about 1e-4); this goes to machine precision in 4–6 evaluations where bisection and regula falsi took
     * 40–60.
     */
    public static double noncentralityFor(double x, double df, double probability) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1): " + probability);
        }
        if (cdf(x, df, 0) < probability) {
            return 0;
        }
        double lo = 0;
        double hi = Math.max(1, x);
        while (cdf(x, df, hi) > probability) {
            lo = hi;
            hi *= 2;
            if (hi > 1e9) {
                return Double.NaN;
            }
        }
        // Normal approximation: x = df + λ + z·√(2(df + 2λ)) with z the standard normal quantile of probability,
        // solved for λ; any start inside the bracket will do, a close one saves steps.
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(probability);
        double lambda = Math.max(lo, x - df);
        for (int i = 0; i < 3; i++) {
            lambda = x - df - z * Math.sqrt(2 * (df + 2 * Math.max(lambda, 0)));
        }
        if (!(lambda > lo && lambda < hi)) {
            lambda = 0.5 * (lo + hi);
        }
        for (int i = 0; i < 200; i++) {
            double[] fs = cdfAndSlope(x, df, lambda);
            double f = fs[0] - probability;
            if (f == 0) {
                return lambda;
            }
            if (f > 0) {
                lo = lambda;
            } else {
                hi = lambda;
            }
            double next = fs[1] < 0 ? lambda - f / fs[1] : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - lambda) <= 1e-14 * Math.max(lambda, 1e-300) || hi - lo <= 1e-15 * hi) {
                return next;
            }
            lambda = next;
        }
        return 0.5 * (lo + hi);
    }
}
