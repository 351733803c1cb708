package org.alliance.stats.mixed;

/**
 * One row of lmer's fixed-effects table. lme4 gives no p-values (the degrees of freedom of t are not known); neither
 * do we.
 *
 * @param term term name as R prints it
 * @param estimate the coefficient (generalised least squares at the estimated θ)
 * @param standardError √ of the diagonal of σ²(XᵀV⁻¹X)⁻¹, V = ZΛΛᵀZᵀ + I
 * @param tValue estimate / standard error
 */
public record FixedEffect(String term, double estimate, double standardError, double tValue) {
    public FixedEffect {
        if (term.isBlank()) {
            throw new IllegalArgumentException("term name must not be blank");
        }
    }
}
