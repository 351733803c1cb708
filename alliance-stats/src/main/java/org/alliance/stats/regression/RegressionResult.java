package org.alliance.stats.regression;

import java.util.List;
import java.util.Optional;
import org.alliance.stats.provenance.Traceable;

/**
 * What a fitted model of either regression family ({@link LinearRegressionResult}, {@link LogisticRegressionResult})
 * reports alike: its coefficient table, likelihood figures, the rows used and how its standard errors were computed.
 * Each component means what it means in the two results.
 */
public sealed interface RegressionResult extends Traceable.ByMethod
        permits LinearRegressionResult, LogisticRegressionResult {

    List<Coefficient> coefficients();

    double logLikelihood();

    double aic();

    double bic();

    int n();

    int rowsDropped();

    int residualDf();

    CovarianceType covarianceType();

    int clusters();

    List<Integer> clusterCounts();

    Optional<WaldTest> robustWaldTest();

    List<String> warnings();
}
