package org.alliance.stats.regression;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Options of {@link LinearRegression}.
 *
 * @param referenceLevels reference level per categorical predictor (default: the first level in sorted order)
 * @param covarianceType classical, HC0–HC3, CR0 or CR1 standard errors
 * @param clusterVariables the columns whose values define the clusters (two or more: multiway clustering, as
 *     {@code vcovCL(cluster = ~ a + b)}); required for, and only allowed with, CR0 and CR1
 */
public record LinearOptions(
        Map<String, String> referenceLevels,
        CovarianceType covarianceType,
        List<String> clusterVariables,
        LevelOrder levelOrder,
        Optional<String> weights)
        implements RegressionOptions {

    public LinearOptions {
        referenceLevels = Map.copyOf(referenceLevels);
        clusterVariables = List.copyOf(clusterVariables);
        RobustCovariance.checkOptions(covarianceType, clusterVariables);
    }

    /** Levels in C order, no weights. */
    public LinearOptions(
            Map<String, String> referenceLevels, CovarianceType covarianceType, List<String> clusterVariables) {
        this(referenceLevels, covarianceType, clusterVariables, LevelOrder.C, Optional.empty());
    }

    /** One cluster variable or none. */
    public LinearOptions(
            Map<String, String> referenceLevels, CovarianceType covarianceType, Optional<String> clusterVariable) {
        this(referenceLevels, covarianceType, clusterVariable.map(List::of).orElse(List.of()));
    }

    /** Classical standard errors, default reference levels. */
    public static LinearOptions classical() {
        return new LinearOptions(Map.of(), CovarianceType.CLASSICAL, List.of());
    }
}
