package org.alliance.stats.regression;

/** Which covariance matrix the standard errors of a linear model come from. */
public enum CovarianceType {
    /** σ²(XᵀX)⁻¹, as {@code summary(lm)}. */
    CLASSICAL,
    /** HC3 heteroskedasticity-consistent, as {@code sandwich::vcovHC(type = "HC3")}. */
    HC3,
    /** Cluster-robust CR1, as {@code sandwich::vcovCL(cluster = ~g, type = "HC1")}. */
    CR1
}
