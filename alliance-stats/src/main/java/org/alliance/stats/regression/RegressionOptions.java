package org.alliance.stats.regression;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the options of both regression families ({@link LinearOptions}, {@link LogisticOptions}) say alike: how the
 * design matrix is built from a formula and the columns, and which standard errors, clustered by which variables.
 */
sealed interface RegressionOptions permits LinearOptions, LogisticOptions {

    Map<String, String> referenceLevels();

    CovarianceType covarianceType();

    List<String> clusterVariables();

    LevelOrder levelOrder();

    Optional<String> weights();

    /** The design matrix of {@code formula} on {@code columns}, rows with a missing value in any variable used dropped. */
    default DesignMatrix design(Formula formula, Columns columns) {
        return DesignMatrix.build(formula, columns, referenceLevels(), clusterVariables(), levelOrder(), weights());
    }

    /** The cluster label of every row {@code design} uses, one array per cluster variable. */
    default List<String[]> clusterLabels(Columns columns, DesignMatrix design) {
        return clusterVariables().stream()
                .map(name -> LinearRegression.clusterLabels(columns, name, design.rowsUsed()))
                .toList();
    }
}
