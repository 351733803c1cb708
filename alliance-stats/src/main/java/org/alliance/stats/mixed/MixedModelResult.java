package org.alliance.stats.mixed;

import java.util.List;
import java.util.Optional;
import org.alliance.stats.provenance.Traceable;

/**
 * A fitted linear mixed model with the figures of lme4's {@code summary(lmer)}, {@code VarCorr}, {@code logLik},
 * {@code AIC}, {@code BIC} and {@code REMLcrit}/{@code deviance}.
 *
 * @param formula the model fitted
 * @param reml REML or ML
 * @param fixedEffects fixed-effects table
 * @param fixedCovariance σ²(XᵀV⁻¹X)⁻¹, as {@code vcov(fit)}
 * @param varianceComponents as {@code as.data.frame(VarCorr(fit))}
 * @param sigma residual standard deviation
 * @param theta relative covariance factor (lower triangles of the Λ blocks, column by column, terms ordered by
 *     decreasing number of levels, as {@code getME(fit, "theta")})
 * @param criterion REML criterion ({@code REMLcrit}) or deviance (−2 logLik) at the optimum
 * @param logLikelihood −criterion/2 (for REML the restricted log-likelihood, as {@code logLik} of a REML fit)
 * @param parameters number of parameters counted by AIC/BIC: fixed effects + θ + σ
 * @param aic −2 logLik + 2·parameters
 * @param bic −2 logLik + log(n)·parameters
 * @param n observations used
 * @param rowsDropped rows left out for missing values (listwise)
 * @param levels number of levels of each grouping factor, in the order of {@code theta}
 * @param icc intraclass correlation τ²/(τ² + σ²), only for a single random intercept
 * @param singular θ on the boundary (a variance estimated as 0 or correlation ±1), lme4's {@code isSingular}
 * @param converged the optimiser met its tolerance within the evaluation limit; otherwise the figures are no result
 * @param evaluations evaluations of the profiled criterion
 * @param maxGradient largest derivative of the criterion over θ at the optimum (central differences; NaN when the
 *     optimiser did not converge), lme4's max|grad|
 * @param warnings what the reader must know (singular fit, not converged)
 * @param method the definitions followed, for provenance
 */
public record MixedModelResult(
        MixedFormula formula,
        boolean reml,
        List<FixedEffect> fixedEffects,
        double[][] fixedCovariance,
        List<VarianceComponent> varianceComponents,
        double sigma,
        double[] theta,
        double criterion,
        double logLikelihood,
        int parameters,
        double aic,
        double bic,
        int n,
        int rowsDropped,
        java.util.Map<String, Integer> levels,
        Optional<Double> icc,
        boolean singular,
        boolean converged,
        int evaluations,
        double maxGradient,
        List<String> warnings,
        String method)
        implements Traceable.ByMethod {

    public MixedModelResult {
        fixedEffects = List.copyOf(fixedEffects);
        varianceComponents = List.copyOf(varianceComponents);
        fixedCovariance = org.alliance.stats.linalg.DenseMatrix.copy(fixedCovariance);
        theta = theta.clone();
        levels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(levels));
        warnings = List.copyOf(warnings);
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    /** The fixed effect of a term, by its R name. */
    public FixedEffect fixedEffect(String term) {
        return fixedEffects.stream()
                .filter(f -> f.term().equals(term))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fixed effect " + term));
    }

    /** A variance/covariance row by group and coefficient names ({@code second} empty for a variance). */
    public VarianceComponent component(String group, String first, String second) {
        return varianceComponents.stream()
                .filter(c -> c.group().equals(group)
                        && c.first().equals(first)
                        && c.second().equals(second))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("no variance component " + group + " " + first + " " + second));
    }
}
