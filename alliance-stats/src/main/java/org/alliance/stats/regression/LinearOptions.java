package org.alliance.stats.regression;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Options of {@link LinearRegression}.
 *
 * @param referenceLevels reference level per categorical predictor (default: the first level in sorted order)
 * @param covarianceType classical, HC3 or CR1 standard errors
 * @param clusterVariable the column whose values define the clusters; required for, and only allowed with, CR1
 */
public record LinearOptions(
        Map<String, String> referenceLevels, CovarianceType covarianceType, Optional<String> clusterVariable) {

    public LinearOptions {
        referenceLevels = Map.copyOf(referenceLevels);
        if (covarianceType == CovarianceType.CR1 && clusterVariable.isEmpty()) {
            throw new IllegalArgumentException("cluster-robust (CR1) standard errors need a cluster variable");
        }
        if (covarianceType != CovarianceType.CR1 && clusterVariable.isPresent()) {
            throw new IllegalArgumentException("a cluster variable (" + clusterVariable.get()
                    + ") needs CR1 standard errors, not " + covarianceType);
        }
    }

    /** Classical standard errors, default reference levels. */
    public static LinearOptions classical() {
        return new LinearOptions(Map.of(), CovarianceType.CLASSICAL, Optional.empty());
    }

    /** Variables besides the formula's that must be present in a row for it to be used. */
    List<String> alsoRequired() {
        return clusterVariable.map(List::of).orElse(List.of());
    }
}
