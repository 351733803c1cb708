package org.alliance.stats.regression;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Options of {@link LogisticRegression}.
 *
 * @param referenceLevels reference level per categorical predictor (default: the first level in sorted order)
 * @param covarianceType classical ((XᵀWX)⁻¹), HC0–HC3, CR0 or CR1 standard errors; {@code vcovCL(glm, cluster = ~g)}
 *     with its default type is {@link CovarianceType#CR0}
 * @param clusterVariables the columns whose values define the clusters (two or more: multiway clustering); required
 *     for, and only allowed with, CR0 and CR1
 * @param levelOrder how the levels of text predictors are sorted (R's collation; the first is the reference)
 * @param weights a column of positive prior weights, as glm(weights = w): prior weights
 */
public record LogisticOptions(
        Map<String, String> referenceLevels,
        CovarianceType covarianceType,
        List<String> clusterVariables,
        LevelOrder levelOrder,
        Optional<String> weights)
        implements RegressionOptions {

    public LogisticOptions {
        referenceLevels = Map.copyOf(referenceLevels);
        clusterVariables = List.copyOf(clusterVariables);
        RobustCovariance.checkOptions(covarianceType, clusterVariables);
    }

    /** Levels in C order, no weights. */
    public LogisticOptions(
            Map<String, String> referenceLevels, CovarianceType covarianceType, List<String> clusterVariables) {
        this(referenceLevels, covarianceType, clusterVariables, LevelOrder.C, Optional.empty());
    }

    /** Classical standard errors with these reference levels. */
    public static LogisticOptions classical(Map<String, String> referenceLevels) {
        return new LogisticOptions(referenceLevels, CovarianceType.CLASSICAL, List.of());
    }
}
