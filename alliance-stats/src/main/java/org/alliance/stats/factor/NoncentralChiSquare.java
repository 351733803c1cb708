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
        return cdfAndDerivatives(x, df, ncp)[0];
    }

    /**
     * {P(X ≤ x), ∂P/∂ncp, ∂²P/∂ncp²} for X ~ χ²(df, ncp), from one pass over the Poisson mixture. With T_j =
     * P(χ²_{df+2j} ≤ x) and g_j = T_j − T_{j+1} = x'^(a_j) e^(−x')/Γ(a_j + 1) (x' = x/2, a_j = df/2 + j), the mixture's
     * derivatives in ncp are ∂P = −½ Σ_j w_j g_j (minus the density with two more degrees of freedom; Johnson, Kotz
     * &amp; Balakrishnan 29.4) and ∂²P = ¼ Σ_j w_j (g_j − g_{j+1}) = ¼ Σ_j w_j g_j (1 − x'/(a_j + 1)): the same terms
     * the recurrence between the central probabilities already computes.
     */
    static double[] cdfAndDerivatives(double x, double df, double ncp) {
        if (!(df > 0) || !(ncp >= 0) || Double.isNaN(x)) {
            throw new IllegalArgumentException("need df > 0 and ncp >= 0: df=" + df + ", ncp=" + ncp);
        }
        if (x <= 0 || x == Double.POSITIVE_INFINITY) {
            return new double[] {x <= 0 ? 0 : 1, 0, 0};
        }
        double half = x / 2;
        if (ncp == 0) {
            // The central distribution; its slope is the one term j = 0 of the mixture's.
            double g0 = gammaDensityTerm(df / 2, half);
            return new double[] {
                RegularizedGamma.P.value(df / 2, half), -0.5 * g0, 0.25 * g0 * (1 - half / (df / 2 + 1))
            };
        }
        double lambda = ncp / 2;
        long mode = (long) Math.floor(lambda);
        double modeWeight = Math.exp(-lambda + mode * Math.log(lambda) - LogGamma.value(mode + 1.0));
        double slopeSum = 0;
        double curvatureSum = 0;
        double sum = 0;
        double weightSum = 0;
        double w = modeWeight;
        double a0 = df / 2 + mode;
        double term = 0;
        double step = 0;
        // half / a of this term, the step's factor of the next one (a + 1 is exact: df/2 + j is a half-integer).
        double ratio = 0;
        for (long j = mode; ; j++) {
            double a = df / 2 + j;
            if ((j - mode) % ANCHOR == 0) {
                term = RegularizedGamma.P.value(a, half);
                step = gammaDensityTerm(a, half);
            } else {
                // P(a, x) = P(a − 1, x) − x^(a−1) e^(−x) / Γ(a)
                term = Math.max(0, term - step);
                step *= ratio;
            }
            ratio = half / (a + 1);
            sum += w * term;
            slopeSum += w * step;
            curvatureSum += w * step * (1 - ratio);
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
        double above = step;
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
            // g_j − g_{j+1}, g_{j+1} being the step of the term before (the one above).
            sum += w * term;
            slopeSum += w * step;
            curvatureSum += w * (step - above);
            above = step;
            weightSum += w;
            if (w < 1e-17 * weightSum) {
                break;
            }
        }
        return new double[] {Math.min(1, sum), -0.5 * slopeSum, 0.25 * curvatureSum};
    }

    /**
     * The non-centrality λ with cdf(x, df, λ) = probability, or 0 when even λ = 0 gives a cdf below it
     * (the convention of lavaan's RMSEA interval: a bound without a root is 0). The cdf decreases
     * monotonically in λ. Halley steps with the slope and curvature {@link #cdfAndDerivatives} gives in the same
     * pass, from the normal approximation's λ, inside a bracket that each evaluation narrows (from [0, ∞); where the
     * curvature term would be more than a correction the step is Newton's, and one that would leave the bracket
     * doubles or bisects), until Newton's step is below 1e-10 of λ: then the root is as exact as the cdf's own
     * rounding (about 1e-12) allows. lavaan's {@code uniroot} stops at its default tolerance (about 1e-4); this takes
     * 3 evaluations of the mixture for bfi's bounds (Newton steps to 1e-14 after a bracket by doubling took 6–7,
     * bisection and regula falsi 40–60).
     */
    public static double noncentralityFor(double x, double df, double probability) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1): " + probability);
        }
        if (cdf(x, df, 0) < probability) {
            return 0;
        }
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        // Normal approximation: x = df + λ + z·√(2(df + 2λ)) with z the standard normal quantile of probability,
        // solved for λ; any start will do, a close one saves steps.
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(probability);
        double lambda = Math.max(0, x - df);
        for (int i = 0; i < 3; i++) {
            lambda = x - df - z * Math.sqrt(2 * (df + 2 * Math.max(lambda, 0)));
        }
        if (!(lambda > 0)) {
            lambda = Math.max(1, x);
        }
        for (int i = 0; i < 200; i++) {
            if (lambda > 1e9) {
                return Double.NaN;
            }
            double[] d = cdfAndDerivatives(x, df, lambda);
            double f = d[0] - probability;
            if (f == 0) {
                return lambda;
            }
            if (f > 0) {
                lo = lambda;
            } else {
                hi = lambda;
            }
            // Halley's step is Newton's divided by 1 − L, L = f·P''/(2P'²); taken only while the curvature is a
            // correction (|L| < ½), not the larger part of the step.
            double newton = d[1] < 0 ? -f / d[1] : Double.NaN;
            double ratio = f * d[2] / (2 * d[1] * d[1]);
            double next = lambda + (Math.abs(ratio) < 0.5 ? newton / (1 - ratio) : newton);
            if (!(next > lo && next < hi)) {
                next = hi == Double.POSITIVE_INFINITY ? 2 * Math.max(lambda, 1) : 0.5 * (lo + hi);
            } else if (Math.abs(newton) <= 1e-10 * Math.max(lambda, 1e-300)) {
                // The cdf itself is exact to about 1e-12, so smaller steps would only follow its rounding; the step
                // taken here leaves an error of the order of its square.
                return next;
            }
            if (hi < Double.POSITIVE_INFINITY && hi - lo <= 1e-15 * hi) {
                return next;
            }
            lambda = next;
        }
        return hi == Double.POSITIVE_INFINITY ? Double.NaN : 0.5 * (lo + hi);
    }
}
