package org.alliance.stats.factor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.provenance.Traceable;

/**
 * The result of {@link CfaEstimator#fit}: lavaan's {@code parameterEstimates(fit, standardized = TRUE)}
 * (with {@code std.all} only), {@code fitMeasures(fit)} under lavaan's names, the model-implied moments
 * per group, the problems found, and provenance.
 *
 * @param parameters the parameter table, in lavaan's order
 * @param fitMeasures fit measures keyed by lavaan's names (e.g. {@code chisq}, {@code cfi}, {@code rmsea})
 * @param implied model-implied covariance (and means, with a mean structure) per group
 * @param warnings problems found (non-convergence, Heywood cases, identification, ...); empty when none
 * @param converged whether the optimiser reached a stationary point
 * @param iterations optimiser iterations (Fisher scoring plus Newton)
 * @param provenance how the numbers were made
 * @param modificationIndices lavaan's {@code modindices(fit)} in lavaan's order when asked for
 *     ({@link CfaEstimator#fitWithModificationIndices}), empty otherwise
 * @param scoreTests lavaan's {@code lavTestScore(fit)} when asked for ({@link CfaEstimator#fitWithScoreTests}) and
 *     the model has equality constraints, else null
 */
public record CfaResult(
        List<ParameterEstimate> parameters,
        Map<String, Double> fitMeasures,
        List<ImpliedMoments> implied,
        List<String> warnings,
        boolean converged,
        int iterations,
        Provenance provenance,
        List<ModificationIndex> modificationIndices,
        ScoreTests scoreTests)
        implements Traceable {

    public CfaResult {
        modificationIndices = List.copyOf(modificationIndices);
        parameters = List.copyOf(parameters);
        fitMeasures = Collections.unmodifiableMap(new LinkedHashMap<>(fitMeasures));
        implied = List.copyOf(implied);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(provenance, "provenance");
    }

    /** A result without modification indices. */
    public CfaResult(
            List<ParameterEstimate> parameters,
            Map<String, Double> fitMeasures,
            List<ImpliedMoments> implied,
            List<String> warnings,
            boolean converged,
            int iterations,
            Provenance provenance) {
        this(parameters, fitMeasures, implied, warnings, converged, iterations, provenance, List.of(), null);
    }

    /** The score tests when asked for ({@link CfaEstimator#fitWithScoreTests}) and the model has equalities. */
    public Optional<ScoreTests> scoreTestsIfAny() {
        return Optional.ofNullable(scoreTests);
    }

    /** A fit measure by lavaan's name, e.g. {@code fit("cfi")}; NaN when not computed. */
    public double fit(String name) {
        return fitMeasures.getOrDefault(name, Double.NaN);
    }

    /** The parameter {@code lhs op rhs} in a group (1-based), if present. */
    public Optional<ParameterEstimate> parameter(String lhs, String op, String rhs, int group) {
        return parameters.stream()
                .filter(p -> p.lhs().equals(lhs) && p.op().equals(op) && p.rhs().equals(rhs) && p.group() == group)
                .findFirst();
    }

    /**
     * One row of the parameter table. Fixed parameters have {@code se = 0} and NaN {@code z} and
     * {@code pvalue}, as in lavaan.
     *
     * @param lhs left-hand side
     * @param op operator: {@code =~}, {@code ~~} or {@code ~1}
     * @param rhs right-hand side (empty for {@code ~1})
     * @param group 1-based group number
     * @param label the equality label (user label, or {@code .pN.} for a {@code group.equal} constraint)
     * @param free whether the parameter was estimated
     * @param est estimate
     * @param se standard error
     * @param z est / se
     * @param pvalue two-sided, computed as 2(1 − Φ(|z|)) like lavaan
     * @param ciLower lower 95 % Wald bound
     * @param ciUpper upper 95 % Wald bound
     * @param stdAll completely standardised estimate (model-implied SDs)
     */
    public record ParameterEstimate(
            String lhs,
            String op,
            String rhs,
            int group,
            String label,
            boolean free,
            double est,
            double se,
            double z,
            double pvalue,
            double ciLower,
            double ciUpper,
            double stdAll) {
        public ParameterEstimate {
            Objects.requireNonNull(lhs, "lhs");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(rhs, "rhs");
            Objects.requireNonNull(label, "label");
            if (group < 1) {
                throw new IllegalArgumentException("group must be >= 1: " + group);
            }
        }
    }

    /**
     * One row of lavaan's {@code modindices(fit)}: the score test (1 df) of freeing one fixed or omitted parameter.
     * lavaan's {@code sepc.nox} equals {@code sepc.all} here (no observed exogenous covariates) and is not repeated.
     *
     * @param lhs left-hand side
     * @param op {@code =~}, {@code ~~} or {@code ~}
     * @param rhs right-hand side
     * @param group 1-based group number
     * @param mi the modification index: the expected drop in χ² when the parameter is freed
     * @param epc the expected parameter change (from its fixed value, mostly zero)
     * @param sepcLv epc with the latent variables standardised
     * @param sepcAll epc standardised as std.all (residual covariances by the residual variances)
     */
    public record ModificationIndex(
            String lhs, String op, String rhs, int group, double mi, double epc, double sepcLv, double sepcAll) {
        public ModificationIndex {
            Objects.requireNonNull(lhs, "lhs");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(rhs, "rhs");
        }
    }

    /**
     * lavaan's {@code lavTestScore(fit)}: the score tests of the model's equality constraints ({@code group.equal},
     * shared labels), all released at once and one at a time.
     *
     * @param chisq the total test's statistic
     * @param df the number of equality constraints
     * @param pvalue the total test's p-value
     * @param univariate one test per constraint, in lavaan's order
     */
    public record ScoreTests(double chisq, int df, double pvalue, List<ScoreTest> univariate) {
        public ScoreTests {
            univariate = List.copyOf(univariate);
        }
    }

    /**
     * The score test (1 df) of releasing one equality constraint {@code lhs == rhs}.
     *
     * @param lhs lavaan's label of the first parameter ({@code .pN.}: row N of the parameter table)
     * @param op {@code ==}
     * @param rhs lavaan's label of the second parameter
     * @param parameter the first parameter, e.g. {@code visual=~x2}
     * @param group its 1-based group
     * @param otherParameter the second parameter (the same one in another group, for {@code group.equal})
     * @param otherGroup its 1-based group
     * @param chisq the statistic: the expected drop in χ² when the constraint is released
     * @param df 1
     * @param pvalue its p-value
     */
    public record ScoreTest(
            String lhs,
            String op,
            String rhs,
            String parameter,
            int group,
            String otherParameter,
            int otherGroup,
            double chisq,
            int df,
            double pvalue) {}

    /**
     * Model-implied moments of one group.
     *
     * @param group 1-based group number
     * @param groupLabel the group's label in the data (empty for a single group)
     * @param variables observed variables, in model order
     * @param covariance implied covariance matrix
     * @param mean implied means, empty without a mean structure
     * @param observations cases used in this group
     */
    public record ImpliedMoments(
            int group,
            String groupLabel,
            List<String> variables,
            double[][] covariance,
            double[] mean,
            int observations) {
        public ImpliedMoments {
            variables = List.copyOf(variables);
            if (covariance.length != variables.size()) {
                throw new IllegalArgumentException(
                        "covariance has " + covariance.length + " rows for " + variables.size() + " variables");
            }
        }
    }
}
