package org.alliance.stats.factor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.alliance.stats.factor.CfaOptions.GroupEqual;
import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.provenance.Traceable;

/**
 * The measurement-invariance steps of a multiple-group CFA, as a researcher runs them in lavaan: the configural model
 * (same structure in every group), metric ({@code group.equal = "loadings"}) and scalar ({@code c("loadings",
 * "intercepts")}), each compared with the step before by {@code lavTestLRT} ({@link CfaModelComparison}: the χ²
 * difference, or the Satorra–Bentler 2001 scaled difference under MLR) and by the change in CFI and RMSEA (Cheung and
 * Rensvold 2002; Chen 2007: a drop in CFI of more than .01 is the usual sign of non-invariance). {@code group.partial}
 * of the options applies to the metric and scalar steps.
 */
public final class CfaInvariance {

    /** The method in words, for the provenance of a result. */
    static final String METHOD = "measurement invariance steps; ";

    /** One step: its name ("configural", "metric", "scalar"), what it holds equal, and its fit. */
    public record Step(String name, Set<GroupEqual> groupEqual, CfaResult fit) {
        public Step {
            groupEqual = groupEqual.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(groupEqual));
        }
    }

    /**
     * A step against the one before it.
     *
     * @param free the less restricted step
     * @param restricted the more restricted step
     * @param test the likelihood-ratio test of the two
     * @param deltaCfi CFI of the restricted step minus that of the free step (negative: it fits worse)
     * @param deltaRmsea RMSEA of the restricted step minus that of the free step
     * @param deltaCfiRobust the same with the robust CFI (MLR), else NaN
     * @param deltaRmseaRobust the same with the robust RMSEA (MLR), else NaN
     */
    public record Comparison(
            String free,
            String restricted,
            CfaModelComparison.Result test,
            double deltaCfi,
            double deltaRmsea,
            double deltaCfiRobust,
            double deltaRmseaRobust) {}

    /** All steps and their comparisons; valid only when every step converged. */
    public record Result(List<Step> steps, List<Comparison> comparisons) implements Traceable {
        public Result {
            steps = List.copyOf(steps);
            comparisons = List.copyOf(comparisons);
        }

        /** True when every step's fit converged (otherwise no difference is a result). */
        public boolean converged() {
            return steps.stream().allMatch(s -> s.fit().converged());
        }

        /** How this result was made, for its provenance. */
        @Override
        public Provenance provenance() {
            return steps.get(0)
                    .fit()
                    .provenance()
                    .withMethod(METHOD + steps.get(0).fit().provenance().method())
                    .withReference(CfaEstimator.REFERENCE + "; lavTestLRT");
        }
    }

    private CfaInvariance() {}

    /**
     * Fits the three steps.
     *
     * @param options estimator, missing data, std.lv, group.partial; its group.equal must be empty (the steps set it)
     * @throws IllegalArgumentException for one group, or options that already hold parameters equal
     */
    public static Result fit(CfaData data, CfaModel model, CfaOptions options) {
        return fit(data, model, options, false);
    }

    /**
     * Fits the three steps, each with lavaan's {@code modindices(fit)} when {@code modificationIndices} (see {@link
     * CfaEstimator#fitWithModificationIndices}): the omitted parameters of each step (cross-loadings, residual
     * covariances), per group. Released equality constraints are not among them (lavaan's {@code lavTestScore}).
     */
    public static Result fit(CfaData data, CfaModel model, CfaOptions options, boolean modificationIndices) {
        return fit(data, model, options, modificationIndices, false);
    }

    /**
     * Fits the three steps, with modification indices and with lavaan's {@code lavTestScore(fit)} for the metric and
     * scalar steps' equality constraints ({@link CfaEstimator#fitWithScoreTests}) as asked.
     */
    public static Result fit(
            CfaData data, CfaModel model, CfaOptions options, boolean modificationIndices, boolean scoreTests) {
        if (!options.groupEqual().isEmpty()) {
            throw new IllegalArgumentException("the invariance steps set group.equal themselves; leave it out");
        }
        List<Step> steps = new ArrayList<>();
        steps.add(step(
                "configural", Set.of(), data, model, options.withGroupPartial(Set.of()), modificationIndices, false));
        if (steps.get(0).fit().implied().size() < 2) {
            throw new IllegalArgumentException("the invariance steps need at least two groups");
        }
        steps.add(step(
                "metric",
                Set.of(GroupEqual.LOADINGS),
                data,
                model,
                partialFor(options, false),
                modificationIndices,
                scoreTests));
        steps.add(step(
                "scalar",
                Set.of(GroupEqual.LOADINGS, GroupEqual.INTERCEPTS),
                data,
                model,
                partialFor(options, true),
                modificationIndices,
                scoreTests));
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 1; i < steps.size(); i++) {
            CfaResult free = steps.get(i - 1).fit();
            CfaResult restricted = steps.get(i).fit();
            comparisons.add(new Comparison(
                    steps.get(i - 1).name(),
                    steps.get(i).name(),
                    CfaModelComparison.compare(free, restricted),
                    restricted.fit("cfi") - free.fit("cfi"),
                    restricted.fit("rmsea") - free.fit("rmsea"),
                    robust(restricted, "cfi.robust") - robust(free, "cfi.robust"),
                    robust(restricted, "rmsea.robust") - robust(free, "rmsea.robust")));
        }
        return new Result(steps, comparisons);
    }

    /** The metric step frees only partial loadings (its intercepts are free anyway); the scalar step frees both. */
    private static CfaOptions partialFor(CfaOptions options, boolean intercepts) {
        Set<String> partial = new java.util.LinkedHashSet<>();
        for (String entry : options.groupPartial()) {
            if (intercepts || !entry.endsWith("~1")) {
                partial.add(entry);
            }
        }
        return options.withGroupPartial(partial);
    }

    private static Step step(
            String name,
            Set<GroupEqual> equal,
            CfaData data,
            CfaModel model,
            CfaOptions options,
            boolean modificationIndices,
            boolean scoreTests) {
        CfaOptions stepOptions = options.withGroupEqual(equal);
        return new Step(name, equal, CfaEstimator.fit(data, model, stepOptions, modificationIndices, scoreTests));
    }

    private static double robust(CfaResult fit, String measure) {
        Double value = fit.fitMeasures().get(measure);
        return value == null ? Double.NaN : value;
    }
}
