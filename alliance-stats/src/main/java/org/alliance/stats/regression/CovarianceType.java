package org.alliance.stats.regression;

import java.util.List;

/**
 * Which covariance matrix the standard errors of a linear or logistic model come from. The robust ones are those of R's
 * {@code sandwich} package (Zeileis 2004, 2006; Zeileis, Köll &amp; Graham 2020), with eᵢ the residual of a linear model
 * and the working residual times the working weight of a logistic one (sandwich's {@code estfun}).
 */
public enum CovarianceType {
    /** σ²(XᵀX)⁻¹ as {@code summary(lm)}, (XᵀWX)⁻¹ as {@code summary(glm)}. */
    CLASSICAL,
    /** White's estimator, {@code sandwich::vcovHC(type = "HC0")}: weights eᵢ². */
    HC0,
    /** {@code vcovHC(type = "HC1")}: HC0 · n/(n − p). */
    HC1,
    /** {@code vcovHC(type = "HC2")}: weights eᵢ²/(1 − hᵢ), hᵢ the leverages (weighted for a logistic model). */
    HC2,
    /** {@code vcovHC(type = "HC3")}: weights eᵢ²/(1 − hᵢ)², MacKinnon &amp; White (1985). */
    HC3,
    /**
     * Cluster-robust {@code sandwich::vcovCL(type = "HC0")}: only the cluster adjustment G/(G − 1) (sandwich's
     * {@code cadjust = TRUE}; not the unadjusted CR0 of Cameron &amp; Miller). What {@code vcovCL(fit, cluster = ~g)}
     * gives for a {@code glm}.
     */
    CR0,
    /**
     * Cluster-robust {@code vcovCL(type = "HC1")}: G/(G − 1) · (n − 1)/(n − p). What {@code vcovCL(fit, cluster = ~g)}
     * gives for an {@code lm}.
     */
    CR1;

    /** Whether this is a sandwich (heteroskedasticity- or cluster-robust) estimator. */
    public boolean isRobust() {
        return this != CLASSICAL;
    }

    /** Whether this estimator needs cluster variables. */
    public boolean isClustered() {
        return this == CR0 || this == CR1;
    }

    /**
     * The R call that gives this covariance matrix for a fit {@code fit}, for provenance and text output, e.g.
     * {@code vcovCL(fit, cluster = ~ a + b, type = "HC1")}; a type that is the default of vcovCL for the model is left
     * out, as an R user would write it.
     *
     * @param logistic whether the fit is a glm (vcovCL's default type is HC0 there, HC1 for an lm)
     */
    public String inR(List<String> clusterVariables, boolean logistic) {
        return switch (this) {
            case CLASSICAL -> "vcov(fit)";
            case HC0, HC1, HC2, HC3 -> "vcovHC(fit, type = \"" + name() + "\")";
            case CR0, CR1 -> {
                boolean isDefault = (this == CR0) == logistic;
                yield "vcovCL(fit, cluster = ~ " + String.join(" + ", clusterVariables)
                        + (isDefault ? "" : ", type = \"" + (this == CR0 ? "HC0" : "HC1") + "\"") + ")";
            }
        };
    }
}
