package org.alliance.stats.factor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliance.stats.factor.CfaModel.Definition;
import org.alliance.stats.factor.CfaModel.Operator;
import org.alliance.stats.factor.CfaModel.Statement;
import org.alliance.stats.factor.CfaOptions.GroupEqual;

/**
 * The parameter table of a model (lavaan's "partable"): one row per parameter per group, in lavaan's
 * order (user statements, then residual variances, latent variances, latent covariances, intercepts and
 * latent means), with the free-parameter index that equality constraints share.
 *
 * <p>Structural regressions ({@code f2 ~ f1}, kind BETA) are allowed on latent variables only and must be
 * recursive; the dependent variable is a latent or an observed outcome (not an indicator, predicting nothing, in no
 * {@code ~~}), which gets lavaan's phantom latent (loading 1, residual variance 0, mean 0; see {@link #hidden}). lavaan's defaults for {@code sem()}: the latent variances (of endogenous latents: residual
 * variances) are free; covariances are free among the exogenous latents (never left of {@code ~}) and among
 * the endogenous latents that predict nothing (lavaan's {@code auto.cov.y}); other latent covariances are zero
 * unless written.
 *
 * <p>Higher-order factors ({@code g =~ f1 + f2 + f3} with f1..f3 latent) are, as in lavaan, rows of B (f1 = λ g + ζ,
 * B[f1][g] = λ) reported with op {@code =~}: first such loading fixed to 1 unless std.lv or {@code NA*}; the
 * first-order residual variances and g's variance free (1 under std.lv); the first-order residuals do not covary.
 * One group only.
 */
final class CfaSpecification {

    enum Kind {
        LOADING,
        THETA,
        PSI,
        /** B[i][j]: latent i regressed on latent j ({@code i ~ j}), or loading on it ({@code j =~ i}). */
        BETA,
        NU,
        ALPHA
    }

    /**
     * @param i observed index (LOADING, THETA, NU) or latent index (PSI, ALPHA; BETA: the dependent latent)
     * @param j latent index (LOADING), second observed (THETA) or latent (PSI; BETA: the predictor) index; -1
     *     otherwise
     * @param free index into the free-parameter vector, -1 when fixed
     * @param value the fixed value, or the starting value of a free parameter (set later)
     */
    record Row(
            String lhs,
            String op,
            String rhs,
            int group,
            Kind kind,
            int i,
            int j,
            int free,
            double value,
            String label,
            boolean user) {

        Row withFree(int f) {
            return new Row(lhs, op, rhs, group, kind, i, j, f, value, label, user);
        }

        Row withValue(double v) {
            return new Row(lhs, op, rhs, group, kind, i, j, free, v, label, user);
        }

        Row withLabel(String l) {
            return new Row(lhs, op, rhs, group, kind, i, j, free, value, l, user);
        }
    }

    final List<String> observed;
    final List<String> latent;
    final int groups;
    final boolean meanStructure;
    final List<Row> rows;
    final int freeCount;
    final List<Definition> definitions;
    final boolean structural;
    /**
     * The exogenous observed predictors (lavaan's ov.x under fixed.x = TRUE), in observed order: their variances,
     * covariances (and means) are free parameters here, whose ML estimates are the sample moments because the
     * likelihood factorises into the marginal of x and the conditional of the rest given x; they are reported as
     * fixed and not counted in npar, as lavaan does.
     */
    final List<String> covariates;

    private CfaSpecification(
            List<String> observed,
            List<String> latent,
            int groups,
            boolean meanStructure,
            List<Row> rows,
            List<Definition> definitions,
            List<String> covariates) {
        this.covariates = covariates;
        this.observed = observed;
        this.latent = latent;
        this.groups = groups;
        this.meanStructure = meanStructure;
        this.rows = rows;
        this.freeCount = rows.stream().mapToInt(Row::free).max().orElse(-1) + 1;
        this.definitions = definitions;
        this.structural = rows.stream().anyMatch(r -> r.kind() == Kind.BETA);
    }

    /** The same model with another parameter table (e.g. with fixed-to-zero parameters freed, for modification indices). */
    CfaSpecification withRows(List<Row> newRows) {
        return new CfaSpecification(
                observed, latent, groups, meanStructure, List.copyOf(newRows), definitions, covariates);
    }

    /** Whether a row is a variance, covariance or mean of the exogenous observed predictors (fixed.x). */
    boolean fixedX(Row r) {
        return r.kind() == Kind.PSI && covariates.contains(r.lhs()) && covariates.contains(r.rhs())
                || r.kind() == Kind.ALPHA && covariates.contains(r.lhs());
    }

    /** The number of free parameters lavaan counts (npar): without the fixed.x moments of the predictors. */
    int lavaanParameterCount() {
        java.util.Set<Integer> exogenous = new HashSet<>();
        java.util.Set<Integer> other = new HashSet<>();
        for (Row r : rows) {
            if (r.free() >= 0) {
                (fixedX(r) ? exogenous : other).add(r.free());
            }
        }
        exogenous.removeAll(other);
        return freeCount - exogenous.size();
    }

    /**
     * Whether a row is internal to lavaan's representation of an observed outcome (the phantom's loading 1 and mean
     * 0) and absent from lavaan's parameter table.
     */
    boolean hidden(Row r) {
        return (r.kind() == Kind.LOADING || r.kind() == Kind.ALPHA && r.free() < 0) && observed.contains(r.lhs());
    }

    int p() {
        return observed.size();
    }

    int m() {
        return latent.size();
    }

    static CfaSpecification build(CfaModel model, int groups, boolean meanStructure, CfaOptions options) {
        List<String> factors = model.latentVariables();
        List<String> observed = model.observedVariables();
        List<String> outcomes = observedOutcomes(model, factors);
        List<String> covariates = covariates(model);
        List<String> exogenous = exogenousObserved(model, factors, outcomes, covariates);
        // lavaan's representation of an observed outcome y: a phantom latent y with loading 1 on y and residual
        // variance 0, whose (residual) variance is reported as y ~~ y (and its intercept as y ~1). The observed
        // predictors (fixed.x covariates, and those in a '~~' with a latent) are phantoms too.
        List<String> latent = new ArrayList<>(factors);
        latent.addAll(outcomes);
        for (String v : observed) {
            if (exogenous.contains(v) || covariates.contains(v)) {
                latent.add(v);
            }
        }
        List<String> phantoms = new ArrayList<>(latent.subList(factors.size(), latent.size()));
        for (Statement s : model.statements()) {
            if (s.operator() == Operator.LOADING && factors.contains(s.rhs())) {
                if (s.lhs().equals(s.rhs())) {
                    throw new IllegalArgumentException(
                            "line " + s.line() + ": '" + s.lhs() + " =~ " + s.rhs() + "' loads a factor on itself");
                }
                if (groups > 1) {
                    throw new IllegalArgumentException("line " + s.line() + ": higher-order factors ('" + s.lhs()
                            + " =~ " + s.rhs() + "') with several groups are not supported");
                }
            }
            if (s.operator() == Operator.COVARIANCE && latent.contains(s.lhs()) != latent.contains(s.rhs())) {
                throw new IllegalArgumentException("line " + s.line() + ": covariance between latent and observed ('"
                        + s.lhs() + " ~~ " + s.rhs() + "') is supported only for an observed variable that is not an"
                        + " indicator and not regressed on anything");
            }
            if (s.operator() == Operator.REGRESSION) {
                for (String v : new String[] {s.lhs(), s.rhs()}) {
                    boolean predictor = v.equals(s.rhs());
                    boolean allowed = predictor
                            ? factors.contains(v) || covariates.contains(v) || exogenous.contains(v)
                            : latent.contains(v) && !covariates.contains(v) && !exogenous.contains(v);
                    if (!allowed) {
                        throw new IllegalArgumentException("line " + s.line() + ": '" + v + "' in '" + s.lhs() + " ~ "
                                + s.rhs() + "' is an observed variable; supported are regressions of latent"
                                + " variables, or of observed outcomes that are not indicators, predict nothing and are"
                                + " in no '~~', on latent variables and on observed predictors that are not indicators"
                                + " and are regressed on nothing");
                    }
                }
                if (s.lhs().equals(s.rhs())) {
                    throw new IllegalArgumentException("line " + s.line() + ": '" + s.lhs() + " ~ " + s.rhs()
                            + "' regresses a variable on itself");
                }
            }
        }
        checkRecursive(model, latent);
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            rows.addAll(groupRows(
                    model, observed, latent, outcomes, phantoms, covariates, g, meanStructure, options, groups));
        }
        checkGroupPartial(rows, groups, meanStructure, options);
        // Equality: free rows with the same label share one free parameter; label ".pN." for group.equal.
        Map<String, Integer> byLabel = new HashMap<>();
        Map<String, String> autoLabel = new LinkedHashMap<>();
        int next = 0;
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.free() < 0) {
                continue;
            }
            String key = row.label().isEmpty() ? null : "user:" + row.label();
            if (key == null
                    && groups > 1
                    && row.kind() == Kind.LOADING
                    && options.groupEqual().contains(GroupEqual.LOADINGS)
                    && !options.groupPartial().contains(row.lhs() + "=~" + row.rhs())) {
                key = "eq:" + row.lhs() + "=~" + row.rhs();
            }
            if (key == null
                    && groups > 1
                    && row.kind() == Kind.NU
                    && options.groupEqual().contains(GroupEqual.INTERCEPTS)
                    && !covariates.contains(row.lhs())
                    && !options.groupPartial().contains(row.lhs() + "~1")) {
                key = "eq:" + row.lhs() + "~1";
            }
            if (key == null) {
                rows.set(r, row.withFree(next++));
                continue;
            }
            if (key.startsWith("eq:")) {
                int rowNumber = r + 1;
                String label = autoLabel.computeIfAbsent(key, k -> ".p" + rowNumber + ".");
                row = row.withLabel(label);
            }
            Integer index = byLabel.get(key);
            if (index == null) {
                index = next++;
                byLabel.put(key, index);
            }
            rows.set(r, row.withFree(index));
        }
        checkDefinitions(model, rows, observed, latent);
        return new CfaSpecification(
                List.copyOf(observed),
                latent,
                groups,
                meanStructure,
                List.copyOf(rows),
                model.definitions(),
                covariates);
    }

    /**
     * lavaan's exogenous observed covariates under fixed.x: observed variables right of a '~' that are not
     * indicators, never left of a '~' and in no '~~' statement, in observed order.
     */
    static List<String> covariates(CfaModel model) {
        List<String> factors = model.latentVariables();
        Set<String> excluded = new HashSet<>(factors);
        Set<String> predictors = new HashSet<>();
        for (Statement s : model.statements()) {
            switch (s.operator()) {
                case LOADING -> excluded.add(s.rhs());
                case COVARIANCE -> {
                    excluded.add(s.lhs());
                    excluded.add(s.rhs());
                }
                case REGRESSION -> {
                    excluded.add(s.lhs());
                    predictors.add(s.rhs());
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String v : model.observedVariables()) {
            if (predictors.contains(v) && !excluded.contains(v)) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Observed variables that are not indicators, outcomes or fixed.x covariates but are exogenous phantoms with a
     * free variance (as lavaan, which no longer counts them among ov.x): a predictor in a '~~' statement, or a
     * variable in a '~~' with a latent variable; never left of a '~'.
     */
    private static List<String> exogenousObserved(
            CfaModel model, List<String> factors, List<String> outcomes, List<String> covariates) {
        Set<String> excluded = new HashSet<>(factors);
        excluded.addAll(outcomes);
        excluded.addAll(covariates);
        Set<String> predictors = new HashSet<>();
        Set<String> covarying = new HashSet<>();
        for (Statement s : model.statements()) {
            switch (s.operator()) {
                case LOADING -> excluded.add(s.rhs());
                case REGRESSION -> {
                    excluded.add(s.lhs());
                    predictors.add(s.rhs());
                }
                case COVARIANCE -> {
                    covarying.add(s.lhs());
                    covarying.add(s.rhs());
                    if (factors.contains(s.lhs()) || factors.contains(s.rhs())) {
                        predictors.add(s.lhs());
                        predictors.add(s.rhs());
                    }
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String v : model.observedVariables()) {
            if (!excluded.contains(v) && predictors.contains(v) && covarying.contains(v)) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Observed variables regressed on latents that lavaan represents by a phantom latent: left of '~', not an
     * indicator, not right of any '~' and in no '~~' statement (other observed regressions stay refused).
     */
    private static List<String> observedOutcomes(CfaModel model, List<String> factors) {
        Set<String> excluded = new HashSet<>(factors);
        for (Statement s : model.statements()) {
            if (s.operator() != Operator.REGRESSION) {
                excluded.add(s.rhs());
            }
            if (s.operator() == Operator.COVARIANCE) {
                excluded.add(s.lhs());
            }
            if (s.operator() == Operator.REGRESSION) {
                excluded.add(s.rhs());
            }
        }
        Set<String> outcomes = new java.util.LinkedHashSet<>();
        for (Statement s : model.statements()) {
            if (s.operator() == Operator.REGRESSION && !excluded.contains(s.lhs())) {
                outcomes.add(s.lhs());
            }
        }
        return List.copyOf(outcomes);
    }

    /** A feedback loop (f1 ~ f2, f2 ~ f1, or longer) makes the model non-recursive; we refuse it. */
    private static void checkRecursive(CfaModel model, List<String> latent) {
        int m = latent.size();
        boolean[][] reach = new boolean[m][m];
        for (Statement s : model.statements()) {
            if (s.operator() == Operator.REGRESSION) {
                reach[latent.indexOf(s.rhs())][latent.indexOf(s.lhs())] = true;
            } else if (isLatentLoading(s, latent)) {
                // g =~ f: f = λ g + ζ, g predicts f.
                reach[latent.indexOf(s.lhs())][latent.indexOf(s.rhs())] = true;
            }
        }
        for (int k = 0; k < m; k++) {
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    reach[a][b] |= reach[a][k] && reach[k][b];
                }
            }
        }
        for (int f = 0; f < m; f++) {
            if (reach[f][f]) {
                throw new IllegalArgumentException("the regressions (and higher-order loadings) form a feedback loop"
                        + " through '" + latent.get(f) + "' (a non-recursive model); only recursive structural"
                        + " models are supported");
            }
        }
    }

    /** {@code g =~ f} with f a latent variable: a second-order loading, in B (B[f][g] = λ). */
    static boolean isLatentLoading(Statement s, List<String> latent) {
        return s.operator() == Operator.LOADING && latent.contains(s.rhs()) && latent.contains(s.lhs());
    }

    /** Every name in a defined parameter must be a parameter label or an earlier defined parameter. */
    private static void checkDefinitions(CfaModel model, List<Row> rows, List<String> observed, List<String> latent) {
        Set<String> labels = new HashSet<>();
        for (Row r : rows) {
            if (!r.label().isEmpty()) {
                labels.add(r.label());
            }
        }
        Set<String> defined = new HashSet<>();
        for (Definition d : model.definitions()) {
            if (labels.contains(d.name()) || observed.contains(d.name()) || latent.contains(d.name())) {
                throw new IllegalArgumentException("line " + d.line() + ": the defined parameter '" + d.name()
                        + "' has the name of a " + (labels.contains(d.name()) ? "label" : "variable"));
            }
            for (String name : d.expression().names()) {
                if (!labels.contains(name) && !defined.contains(name)) {
                    throw new IllegalArgumentException("line " + d.line() + ": '" + name + "' in '" + d.name()
                            + " := " + d.text() + "' is not a parameter label (label a parameter as in 'f2 ~ "
                            + name + "*f1')");
                }
            }
            defined.add(d.name());
        }
    }

    /** A group.partial entry must name a free loading or an intercept of this model that group.equal ties. */
    private static void checkGroupPartial(List<Row> rows, int groups, boolean meanStructure, CfaOptions options) {
        for (String entry : options.groupPartial()) {
            boolean intercept = entry.endsWith("~1");
            if (groups < 2 || !options.groupEqual().contains(intercept ? GroupEqual.INTERCEPTS : GroupEqual.LOADINGS)) {
                throw new IllegalArgumentException("group.partial '" + entry + "' frees "
                        + (intercept ? "an" + " intercept" : "a loading") + ", but group.equal does not hold "
                        + (intercept ? "intercepts" : "loadings") + " equal across groups");
            }
            boolean found = rows.stream()
                    .anyMatch(r -> r.free() >= 0
                            && (intercept
                                    ? r.kind() == Kind.NU && entry.equals(r.lhs() + "~1")
                                    : r.kind() == Kind.LOADING && entry.equals(r.lhs() + "=~" + r.rhs())));
            if (!found || intercept && !meanStructure) {
                throw new IllegalArgumentException("group.partial '" + entry + "': the model has no free "
                        + (intercept ? "intercept" : "loading") + " " + entry);
            }
        }
    }

    private static List<Row> groupRows(
            CfaModel model,
            List<String> observed,
            List<String> latent,
            List<String> outcomes,
            List<String> phantoms,
            List<String> covariates,
            int g,
            boolean meanStructure,
            CfaOptions options,
            int groups) {
        List<Row> rows = new ArrayList<>();
        Map<String, Boolean> markerDone = new HashMap<>();
        boolean stdLv = options.standardizeLatent();
        for (Statement s : model.statements()) {
            if (s.operator() == Operator.LOADING) {
                int f = latent.indexOf(s.lhs());
                int x = observed.indexOf(s.rhs());
                boolean firstIndicator = markerDone.putIfAbsent(s.lhs(), Boolean.TRUE) == null;
                boolean fixed;
                double value;
                if (s.fixed()) {
                    fixed = true;
                    value = s.fixedValue();
                } else if (s.forceFree() || stdLv || !firstIndicator) {
                    fixed = false;
                    value = Double.NaN;
                } else {
                    fixed = true;
                    value = 1;
                }
                if (isLatentLoading(s, latent)) {
                    // A second-order loading (lavaan: a loading of a latent on a latent, in its BETA matrix):
                    // f = λ g + ζ, reported as g =~ f.
                    rows.add(new Row(
                            s.lhs(),
                            "=~",
                            s.rhs(),
                            g,
                            Kind.BETA,
                            latent.indexOf(s.rhs()),
                            f,
                            fixed ? -1 : 0,
                            value,
                            s.label(),
                            true));
                    continue;
                }
                rows.add(
                        new Row(s.lhs(), "=~", s.rhs(), g, Kind.LOADING, x, f, fixed ? -1 : 0, value, s.label(), true));
            } else if (s.operator() == Operator.REGRESSION) {
                rows.add(new Row(
                        s.lhs(),
                        "~",
                        s.rhs(),
                        g,
                        Kind.BETA,
                        latent.indexOf(s.lhs()),
                        latent.indexOf(s.rhs()),
                        s.fixed() ? -1 : 0,
                        s.fixed() ? s.fixedValue() : Double.NaN,
                        s.label(),
                        true));
            } else {
                boolean lat = latent.contains(s.lhs());
                List<String> names = lat ? latent : observed;
                int a = names.indexOf(s.lhs());
                int b = names.indexOf(s.rhs());
                rows.add(new Row(
                        s.lhs(),
                        "~~",
                        s.rhs(),
                        g,
                        lat ? Kind.PSI : Kind.THETA,
                        a,
                        b,
                        s.fixed() ? -1 : 0,
                        s.fixed() ? s.fixedValue() : Double.NaN,
                        s.label(),
                        true));
            }
        }
        for (String y : phantoms) {
            // The phantom's loading (hidden from the parameter table); its residual variance Θ_yy stays 0.
            int x = observed.indexOf(y);
            rows.add(new Row(y, "=~", y, g, Kind.LOADING, x, latent.indexOf(y), -1, 1, "", false));
        }
        for (int x = 0; x < observed.size(); x++) {
            String v = observed.get(x);
            if (covariates.contains(v)) {
                continue; // after the latent covariances, as lavaan
            }
            if (phantoms.contains(v)) {
                int f = latent.indexOf(v);
                if (!hasCovariance(rows, Kind.PSI, f, f)) {
                    rows.add(new Row(v, "~~", v, g, Kind.PSI, f, f, 0, Double.NaN, "", false));
                }
            } else if (!hasCovariance(rows, Kind.THETA, x, x)) {
                rows.add(new Row(v, "~~", v, g, Kind.THETA, x, x, 0, Double.NaN, "", false));
            }
        }
        // lavaan's rule: std.lv fixes the factor variances to 1, but once the loadings are equal across groups
        // they identify the scale, so the variances are fixed in the first group only and free in the others
        // (HS by grade, metric: df 54 as lavaan, not 57; issue 15).
        boolean varianceFixed = stdLv && (g == 0 || !options.groupEqual().contains(GroupEqual.LOADINGS));
        for (int f = 0; f < latent.size(); f++) {
            if (!hasCovariance(rows, Kind.PSI, f, f) && !covariates.contains(latent.get(f))) {
                String v = latent.get(f);
                rows.add(new Row(
                        v,
                        "~~",
                        v,
                        g,
                        Kind.PSI,
                        f,
                        f,
                        varianceFixed ? -1 : 0,
                        varianceFixed ? 1 : Double.NaN,
                        "",
                        false));
            }
        }
        // lavaan's auto.cov.lv.x and auto.cov.y: exogenous latents covary, and so do endogenous latents that
        // predict nothing; an exogenous and an endogenous latent, or a predicting endogenous one, do not.
        // A first-order factor of a higher-order factor is endogenous, but lavaan does not let the first-order
        // residuals covary (not in auto.cov.y); the higher-order factor predicts.
        Set<String> dependent = new HashSet<>();
        Set<String> predictor = new HashSet<>();
        Set<String> indicatorLatent = new HashSet<>();
        for (Statement s : model.statements()) {
            if (s.operator() == Operator.REGRESSION) {
                dependent.add(s.lhs());
                predictor.add(s.rhs());
            } else if (isLatentLoading(s, latent)) {
                indicatorLatent.add(s.rhs());
                predictor.add(s.lhs());
            }
        }
        for (boolean exogenous : new boolean[] {true, false}) {
            for (int f = 0; f < latent.size(); f++) {
                for (int h = f + 1; h < latent.size(); h++) {
                    String a = latent.get(f);
                    String b = latent.get(h);
                    boolean pair = exogenous
                            ? !dependent.contains(a)
                                    && !dependent.contains(b)
                                    && !indicatorLatent.contains(a)
                                    && !indicatorLatent.contains(b)
                            : dependent.contains(a)
                                    && dependent.contains(b)
                                    && !predictor.contains(a)
                                    && !predictor.contains(b)
                                    && !indicatorLatent.contains(a)
                                    && !indicatorLatent.contains(b);
                    // Observed predictors covary only as written (fixed.x: among themselves, below).
                    boolean predictorPhantom = phantoms.contains(a) && !dependent.contains(a)
                            || phantoms.contains(b) && !dependent.contains(b);
                    if (pair && !predictorPhantom && !hasCovariance(rows, Kind.PSI, f, h)) {
                        rows.add(new Row(a, "~~", b, g, Kind.PSI, f, h, 0, Double.NaN, "", false));
                    }
                }
            }
        }
        // fixed.x: the predictors' variances and covariances (their sample values at the optimum), as lavaan lists
        // them: x1 ~~ x1, x1 ~~ x2, ..., x2 ~~ x2, ...
        for (int a = 0; a < covariates.size(); a++) {
            for (int b = a; b < covariates.size(); b++) {
                int f = latent.indexOf(covariates.get(a));
                int h = latent.indexOf(covariates.get(b));
                rows.add(new Row(
                        covariates.get(a), "~~", covariates.get(b), g, Kind.PSI, f, h, 0, Double.NaN, "", false));
            }
        }
        if (meanStructure) {
            for (int x = 0; x < observed.size(); x++) {
                String v = observed.get(x);
                if (phantoms.contains(v) && !outcomes.contains(v)) {
                    // An observed predictor keeps its mean in its phantom (α, reported as x ~1; ν_x = 0), so that the
                    // intercepts of what it predicts are lavaan's (at x = 0, not at the mean of x).
                    rows.add(new Row(v, "~1", "", g, Kind.ALPHA, latent.indexOf(v), -1, 0, Double.NaN, "", false));
                    continue;
                }
                rows.add(new Row(v, "~1", "", g, Kind.NU, x, -1, 0, Double.NaN, "", false));
            }
            boolean latentMeansFree =
                    g > 0 && groups > 1 && options.groupEqual().contains(GroupEqual.INTERCEPTS);
            for (int f = 0; f < latent.size(); f++) {
                if (phantoms.contains(latent.get(f)) && !outcomes.contains(latent.get(f))) {
                    continue;
                }
                if (outcomes.contains(latent.get(f))) {
                    // The phantom's mean stays 0 (hidden); the outcome's intercept is its NU row.
                    rows.add(new Row(latent.get(f), "~1", "", g, Kind.ALPHA, f, -1, -1, 0, "", false));
                    continue;
                }
                rows.add(new Row(
                        latent.get(f),
                        "~1",
                        "",
                        g,
                        Kind.ALPHA,
                        f,
                        -1,
                        latentMeansFree ? 0 : -1,
                        latentMeansFree ? Double.NaN : 0,
                        "",
                        false));
            }
        }
        return rows;
    }

    private static boolean hasCovariance(List<Row> rows, Kind kind, int a, int b) {
        for (Row r : rows) {
            if (r.kind() == kind && ((r.i() == a && r.j() == b) || (r.i() == b && r.j() == a))) {
                return true;
            }
        }
        return false;
    }
}
