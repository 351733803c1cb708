package org.alliance.stats.factor;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Options of a CFA, named after lavaan's arguments.
 *
 * @param estimator {@link Estimator#ML} (lavaan's default) or {@link Estimator#MLR}
 * @param missing how missing values are handled: listwise or FIML
 * @param standardizeLatent lavaan's {@code std.lv}: factor variances fixed to 1, all loadings free; with
 *     loadings equal across groups the variances are fixed in the first group only (lavaan's rule)
 * @param groupEqual lavaan's {@code group.equal} for multiple groups
 * @param maxIterations the most optimiser iterations (Fisher scoring and Newton steps together) before the
 *     fit is reported as not converged; {@link #DEFAULT_MAX_ITERATIONS} unless set
 * @param groupPartial lavaan's {@code group.partial}: loadings ({@code visual=~x2}) and intercepts ({@code x3~1}) left
 *     free across groups although {@code groupEqual} holds their kind equal; written without spaces
 * @param ordered lavaan's {@code ordered}: the items treated as ordinal (every indicator of the model), fitted by
 *     {@link Estimator#WLSMV} ({@link WlsmvEstimator}); empty for continuous indicators
 */
public record CfaOptions(
        Estimator estimator,
        MissingData missing,
        boolean standardizeLatent,
        Set<GroupEqual> groupEqual,
        int maxIterations,
        Set<String> groupPartial,
        Set<String> ordered) {

    /** Far more than any model of the test suite needs (HS by grade, metric: under 30). */
    public static final int DEFAULT_MAX_ITERATIONS = 1000;

    /** Estimators. */
    public enum Estimator {
        /** Maximum likelihood, expected-information standard errors. */
        ML,
        /** ML with robust (Huber–White, observed information) SEs and the Yuan–Bentler scaled test. */
        MLR,
        /**
         * Ordinal items (with {@code ordered}): DWLS on thresholds and polychoric correlations, robust SEs and the
         * mean-and-variance adjusted (scaled-shifted) test, lavaan's default for {@code ordered = ...}.
         */
        WLSMV
    }

    /** Missing data handling. */
    public enum MissingData {
        /** Drop every case with a missing value on a model variable (lavaan's default). */
        LISTWISE,
        /** Full-information ML (lavaan's {@code missing = "ml"}); with {@link Estimator#MLR} robust FIML. */
        ML
    }

    /** Parameter groups held equal across groups. */
    public enum GroupEqual {
        LOADINGS,
        INTERCEPTS,
        /**
         * The thresholds of ordered items (WLSMV only; with {@link #LOADINGS}, lavaan's ordinal invariance step, which
         * frees the scale factors and latent means in groups 2 and up).
         */
        THRESHOLDS
    }

    public CfaOptions {
        Objects.requireNonNull(estimator, "estimator");
        Objects.requireNonNull(missing, "missing");
        groupEqual = groupEqual.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(groupEqual));
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, not " + maxIterations);
        }
        java.util.Set<String> partial = new java.util.LinkedHashSet<>();
        for (String entry : groupPartial) {
            String compact = entry.replaceAll("\\s+", "");
            if (!PARTIAL.matcher(compact).matches()) {
                throw new IllegalArgumentException("group.partial '" + entry.strip() + "': write a loading as"
                        + " factor=~item or an intercept as item~1");
            }
            partial.add(compact);
        }
        groupPartial = java.util.Collections.unmodifiableSet(partial);
        ordered = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(ordered));
        if (groupEqual.contains(GroupEqual.THRESHOLDS) && estimator != Estimator.WLSMV) {
            throw new IllegalArgumentException(
                    "group.equal thresholds applies to ordered (ordinal) items, fitted by WLSMV; continuous items have"
                            + " intercepts");
        }
        if (ordered.isEmpty() == (estimator == Estimator.WLSMV)) {
            throw new IllegalArgumentException(
                    ordered.isEmpty()
                            ? "estimator WLSMV is for ordered (ordinal) items; name them in ordered"
                            : "ordered (ordinal) items are fitted by estimator WLSMV only, not " + estimator);
        }
    }

    public CfaOptions(
            Estimator estimator,
            MissingData missing,
            boolean standardizeLatent,
            Set<GroupEqual> groupEqual,
            int maxIterations,
            Set<String> groupPartial) {
        this(estimator, missing, standardizeLatent, groupEqual, maxIterations, groupPartial, Set.of());
    }

    private static final java.util.regex.Pattern PARTIAL =
            java.util.regex.Pattern.compile("[\\p{L}_.][\\p{L}\\p{N}_.]*(=~[\\p{L}_.][\\p{L}\\p{N}_.]*|~1)");

    public CfaOptions(
            Estimator estimator,
            MissingData missing,
            boolean standardizeLatent,
            Set<GroupEqual> groupEqual,
            int maxIterations) {
        this(estimator, missing, standardizeLatent, groupEqual, maxIterations, Set.of());
    }

    public CfaOptions(Estimator estimator, MissingData missing, boolean standardizeLatent, Set<GroupEqual> groupEqual) {
        this(estimator, missing, standardizeLatent, groupEqual, DEFAULT_MAX_ITERATIONS);
    }

    /** lavaan's defaults: ML, listwise, marker-variable identification, no equality constraints. */
    public static CfaOptions defaults() {
        return new CfaOptions(Estimator.ML, MissingData.LISTWISE, false, Set.of());
    }

    public CfaOptions withMaxIterations(int n) {
        return new CfaOptions(estimator, missing, standardizeLatent, groupEqual, n, groupPartial, ordered);
    }

    public CfaOptions withGroupPartial(Set<String> p) {
        return new CfaOptions(estimator, missing, standardizeLatent, groupEqual, maxIterations, p, ordered);
    }

    public CfaOptions withEstimator(Estimator e) {
        return new CfaOptions(e, missing, standardizeLatent, groupEqual, maxIterations, groupPartial, ordered);
    }

    public CfaOptions withStandardizeLatent(boolean s) {
        return new CfaOptions(estimator, missing, s, groupEqual, maxIterations, groupPartial, ordered);
    }

    public CfaOptions withGroupEqual(Set<GroupEqual> g) {
        return new CfaOptions(estimator, missing, standardizeLatent, g, maxIterations, groupPartial, ordered);
    }

    /**
     * The same options with these items ordered and the estimator WLSMV (lavaan's default for {@code ordered});
     * an empty set goes back to ML.
     */
    public CfaOptions withOrdered(Set<String> items) {
        return new CfaOptions(
                items.isEmpty() ? Estimator.ML : Estimator.WLSMV,
                missing,
                standardizeLatent,
                groupEqual,
                maxIterations,
                groupPartial,
                items);
    }

    public CfaOptions withMissing(MissingData m) {
        return new CfaOptions(estimator, m, standardizeLatent, groupEqual, maxIterations, groupPartial, ordered);
    }
}
