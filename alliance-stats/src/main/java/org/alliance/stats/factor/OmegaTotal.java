package org.alliance.stats.factor;

import java.util.List;
import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.provenance.Traceable;

/**
 * McDonald's ω total from a one-factor CFA: ω = (Σλ)² / ((Σλ)² + Σθ), with λ the loadings and θ the
 * residual variances of the unstandardised solution (McDonald 1999, <i>Test Theory</i>, eq. 6.20b). With
 * marker identification the loadings are rescaled by the factor's standard deviation first, so the value
 * does not depend on the identification. This is the CFA-based ω, not psych's {@code omega()} (which
 * uses minres and a Schmid–Leiman rotation).
 */
public final class OmegaTotal {

    /** The method in words, for the provenance of a result. */
    static final String METHOD = "McDonald's omega total (McDonald 1999, eq. 6.20b) from a one-factor ";

    private OmegaTotal() {}

    /**
     * The result of a one-factor fit and the ω computed from it.
     *
     * @param omega ω total
     * @param fit the underlying CFA, for its fit measures and warnings
     */
    public record Result(double omega, CfaResult fit) implements Traceable {
        /** How this result was made, for its provenance. */
        @Override
        public Provenance provenance() {
            return fit.provenance().withMethod(METHOD + fit.provenance().method());
        }
    }

    /** Fits {@code factor =~ items...} by ML (listwise) and returns ω total. */
    public static Result fit(CfaData data, List<String> items) {
        if (items.size() < 3) {
            throw new IllegalArgumentException("omega needs at least 3 items, got " + items.size());
        }
        String model = "f =~ " + String.join(" + ", items);
        CfaResult fit = CfaEstimator.fit(
                data, CfaModelSyntax.parse(model), CfaOptions.defaults().withStandardizeLatent(true));
        double sumLoadings = 0;
        double sumResidual = 0;
        for (String item : items) {
            sumLoadings += fit.parameter("f", "=~", item, 1).orElseThrow().est();
            sumResidual += fit.parameter(item, "~~", item, 1).orElseThrow().est();
        }
        double num = sumLoadings * sumLoadings;
        return new Result(num / (num + sumResidual), fit);
    }
}
