package org.alliance.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.alliance.stats.RReference;

/** Compares our coefficient tables and model figures with R's, at a stated relative tolerance. */
final class ReferenceAssertions {

    private ReferenceAssertions() {}

    static void assertCoefficients(List<Coefficient> actual, String resource, double relative) {
        RReference expected = RReference.read(resource);
        assertThat(actual).extracting(Coefficient::term).containsExactlyElementsOf(List.of(expected.texts("term")));
        for (int j = 0; j < actual.size(); j++) {
            Coefficient c = actual.get(j);
            Map<String, String> row = expected.rows().get(j);
            assertRelative(c.estimate(), row.get("estimate"), relative, c.term() + " estimate");
            assertRelative(c.standardError(), row.get("std_error"), relative, c.term() + " std_error");
            assertRelative(c.statistic(), row.get("statistic"), relative, c.term() + " statistic");
            assertRelative(c.pValue(), row.get("p_value"), relative, c.term() + " p_value");
            assertRelative(c.confLow(), row.get("conf_low"), relative, c.term() + " conf_low");
            assertRelative(c.confHigh(), row.get("conf_high"), relative, c.term() + " conf_high");
        }
    }

    /**
     * A linear model's fit figures against R's summary.lm/glance row {@code expected}: R², adjusted R², sigma, F and its
     * p value, log-likelihood, AIC and BIC at {@code relative}; n and the degrees of freedom exactly.
     */
    static void assertLinearModel(LinearRegressionResult result, RReference expected, double relative) {
        assertRelative(result.rSquared(), expected.value("r_squared"), relative, "r_squared");
        assertRelative(result.adjustedRSquared(), expected.value("adj_r_squared"), relative, "adj_r_squared");
        assertRelative(result.sigma(), expected.value("sigma"), relative, "sigma");
        assertRelative(result.fStatistic(), expected.value("f_statistic"), relative, "f_statistic");
        assertRelative(result.fPValue(), expected.value("f_p_value"), relative, "f_p_value");
        assertRelative(result.logLikelihood(), expected.value("log_lik"), relative, "log_lik");
        assertRelative(result.aic(), expected.value("aic"), relative, "aic");
        assertRelative(result.bic(), expected.value("bic"), relative, "bic");
        assertThat(result.n()).isEqualTo((int) expected.value("n"));
        assertThat(result.fNumeratorDf()).isEqualTo((int) expected.value("f_df1"));
        assertThat(result.residualDf()).isEqualTo((int) expected.value("df_residual"));
    }

    /**
     * A logistic model's fit figures against R's glm row {@code expected}: deviance, null deviance, AIC, BIC and
     * log-likelihood at {@code relative}; the number of Fisher scoring iterations exactly.
     */
    static void assertLogisticModel(LogisticRegressionResult result, RReference expected, double relative) {
        assertRelative(result.deviance(), expected.value("deviance"), relative, "deviance");
        assertRelative(result.nullDeviance(), expected.value("null_deviance"), relative, "null deviance");
        assertRelative(result.aic(), expected.value("aic"), relative, "aic");
        assertRelative(result.bic(), expected.value("bic"), relative, "bic");
        assertRelative(result.logLikelihood(), expected.value("log_lik"), relative, "log_lik");
        assertThat(result.iterations()).isEqualTo((int) expected.value("iterations"));
    }

    static void assertRelative(double actual, String expected, double relative, String what) {
        assertRelative(actual, RReference.number(expected), relative, what);
    }

    static void assertRelative(double actual, double expected, double relative, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(relative * Math.abs(expected)));
    }
}
