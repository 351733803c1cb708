package org.alliance.stats.factor;

import java.util.ArrayList;
import java.util.List;
import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.provenance.Traceable;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Likelihood-ratio (χ² difference) test of two nested CFA models fitted to the same data, mirroring
 * lavaan's {@code lavTestLRT()} / {@code anova()}: Δχ² = T_restricted − T_free on Δdf degrees of freedom,
 * p-value from the accurate upper tail (as lavaan), and the RMSEA of the difference
 * √(max(Δχ² − Δdf, 0)/(N·Δdf))·√G. For MLR fits the Satorra–Bentler (2001) scaled difference is used:
 * c_d = (d₀c₀ − d₁c₁)/(d₀ − d₁), T_d = (T₀ − T₁)/c_d with T the unscaled χ² and c the scaling factors.
 * Nesting itself is not verified (as in lavaan): the caller must pass nested models.
 */
public final class CfaModelComparison {

    private CfaModelComparison() {}

    /**
     * The comparison.
     *
     * @param restrictedDf df of the model with more degrees of freedom (the restricted one)
     * @param freeDf df of the less restricted model
     * @param chisqDiff the (scaled) χ² difference
     * @param dfDiff difference in degrees of freedom
     * @param pvalue upper-tail p-value
     * @param rmsea RMSEA of the difference (NaN for the scaled test, as lavaan omits it)
     * @param method "chi-square difference" or "Satorra-Bentler 2001 scaled difference"
     * @param warnings problems (e.g. a negative scaling correction)
     */
    public record Result(
            double restrictedDf,
            double freeDf,
            double chisqDiff,
            double dfDiff,
            double pvalue,
            double rmsea,
            String method,
            List<String> warnings)
            implements Traceable {
        public Result {
            warnings = List.copyOf(warnings);
        }

        /** How this result was made, for its provenance. */
        @Override
        public Provenance provenance() {
            return Provenance.method(method, CfaEstimator.REFERENCE + "; lavTestLRT", null);
        }
    }

    /** Compares two fits; the one with more degrees of freedom is taken as the restricted model. */
    public static Result compare(CfaResult first, CfaResult second) {
        CfaResult restricted = first.fit("df") >= second.fit("df") ? first : second;
        CfaResult free = restricted == first ? second : first;
        if (restricted.fit("ntotal") != free.fit("ntotal")) {
            throw new IllegalArgumentException("the models were fitted to different numbers of cases: "
                    + restricted.fit("ntotal") + " and " + free.fit("ntotal"));
        }
        boolean scaled1 = restricted.fitMeasures().containsKey("chisq.scaling.factor");
        boolean scaled2 = free.fitMeasures().containsKey("chisq.scaling.factor");
        if (scaled1 != scaled2) {
            throw new IllegalArgumentException("cannot compare an ML fit with an MLR fit");
        }
        double d0 = restricted.fit("df");
        double d1 = free.fit("df");
        double dfDiff = d0 - d1;
        if (dfDiff <= 0) {
            throw new IllegalArgumentException(
                    "the models have the same degrees of freedom (" + d0 + "); they cannot be nested");
        }
        double diff = restricted.fit("chisq") - free.fit("chisq");
        List<String> warnings = new ArrayList<>();
        if (diff < 0) {
            warnings.add("the restricted model fits better than the free one (negative difference):"
                    + " the models are probably not nested");
        }
        ChiSquaredDistribution dist = ChiSquaredDistribution.of(dfDiff);
        if (!scaled1) {
            int groups = restricted.implied().size();
            double n = restricted.fit("ntotal");
            double rmsea = Math.sqrt(Math.max(diff - dfDiff, 0) / (n * dfDiff)) * Math.sqrt(groups);
            return new Result(
                    d0,
                    d1,
                    diff,
                    dfDiff,
                    dist.survivalProbability(Math.max(diff, 0)),
                    rmsea,
                    "chi-square difference",
                    warnings);
        }
        double c0 = restricted.fit("chisq.scaling.factor");
        double c1 = free.fit("chisq.scaling.factor");
        double cd = (d0 * c0 - d1 * c1) / dfDiff;
        if (!(cd > 0)) {
            warnings.add("the scaling correction of the difference is not positive (" + cd
                    + "); the scaled difference test cannot be computed");
            return new Result(
                    d0,
                    d1,
                    Double.NaN,
                    dfDiff,
                    Double.NaN,
                    Double.NaN,
                    "Satorra-Bentler 2001 scaled difference",
                    warnings);
        }
        double scaled = diff / cd;
        return new Result(
                d0,
                d1,
                scaled,
                dfDiff,
                dist.survivalProbability(Math.max(scaled, 0)),
                Double.NaN,
                "Satorra-Bentler 2001 scaled difference",
                warnings);
    }
}
