package org.alliance.stats.factor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliance.stats.factor.CfaOptions.MissingData;
import org.alliance.stats.factor.CfaResult.ParameterEstimate;
import org.alliance.stats.factor.CfaSpecification.Kind;
import org.alliance.stats.factor.CfaSpecification.Row;
import org.alliance.stats.linalg.SymmetricMatrices;
import org.alliance.stats.provenance.Provenance;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A CFA of ordinal items by WLSMV, lavaan's default for {@code cfa(..., ordered = ...)} with parameterization
 * "delta", in one group or several: stages 1–2 ({@link WlsmvSample}, per group) give thresholds, polychoric
 * correlations and their Γ_g; stage 3 fits the model to them by diagonally weighted least squares, W_g = diag(Γ_g)⁻¹.
 *
 * <p>Model ({@link Model}): latent responses with Σ*_g = ΛΨ_gΛ′ + Θ_g, whose diagonal is fixed by the scale factors
 * ({@code ~*~}; residual variances are not parameters and are reported, fixed, as lavaan does); each group's implied
 * thresholds and correlations are fitted together, minimising Σ_g (N_g − 1)/N · F_g with F_g = Σ_k w_gk (s_gk −
 * σ_gk(θ))² (lavaan's group weights for DWLS), by Gauss–Newton with Levenberg–Marquardt damping. Several groups:
 * configural (thresholds, loadings and latent (co)variances free per group, scale factors 1 and latent means 0 in
 * every group) or group.equal thresholds,loadings (scale factors and latent means then free in groups 2 and up, as
 * lavaan); other group.equal sets are refused.
 *
 * <p>Standard errors: the sandwich E⁻¹ B E⁻¹ / (N − G) with E = Σ_g (N_g/N) Δ_g′W_gΔ_g and B = Σ_g (N_g/N)
 * Δ_g′W_gΓ_gW_gΔ_g (lavaan's {@code se = "robust.sem"}; its divisor with ordered items is N − G, N − 1 for one group,
 * as for the thresholds' SEs √(Γ_kk / (N − 1))). Test: T = Σ_g (N_g − 1)·F_g (lavaan's {@code chisq}) with df = the
 * number of thresholds and polychorics of all groups − free parameters, and the mean-and-variance adjusted statistic
 * (Asparouhov and Muthén 2010; lavaan's "scaled.shifted"): with the groups stacked, W̃ = diag(N_g/N · W_g), Γ̃ =
 * diag(Γ_g · N/N_g) and U = W̃ − W̃Δ E⁻¹ Δ′W̃, a = √(df / tr((UΓ̃)²)), T_ss = a·T + df − a·tr(UΓ̃); {@code
 * chisq.scaling.factor} is 1/a. The baseline model frees the thresholds only (all polychorics zero), per group,
 * whatever group.equal holds. CFI/TLI and RMSEA follow lavaan's formulas on the naive and on the scaled-shifted
 * statistics ({@code .scaled}), with NNFI, RFI, NFI, PNFI, IFI and RNI from {@link CfaFitMeasures} (NFI and RFI
 * undefined when df exceeds the baseline's, as lavaan); RMSEA uses N − G and × √G here, as lavaan does for
 * estimators other than ML; SRMR is the N_g/N-weighted mean of the groups' SRMR. lavaan's {@code .robust} variants
 * (Savalei's for categorical data) and WRMR are not given.
 */
final class WlsmvEstimator {

    private static final double Z_975 = 1.959963984540054;
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    private WlsmvEstimator() {}

    static CfaResult fit(CfaData data, CfaModel model, CfaOptions options) {
        List<String> observed = model.observedVariables();
        refuse(model, options, observed);
        int[] columns = new int[observed.size()];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = data.indexOf(observed.get(j));
            if (columns[j] < 0) {
                throw new IllegalArgumentException("unknown variable '" + observed.get(j)
                        + "' in the model: it is neither a column of the data nor a latent variable");
            }
        }
        // complete cases per group, groups numbered in order of their first appearance in the data (lavaan's
        // group.label, before listwise deletion); a case without a group label is left out, as lavaan does
        boolean grouped = !data.groupLabels().isEmpty();
        Map<String, List<double[]>> byGroup = new LinkedHashMap<>();
        int withoutGroup = 0;
        List<double[]> all = data.rows();
        for (int c = 0; c < all.size(); c++) {
            double[] r = all.get(c);
            double[] v = new double[columns.length];
            boolean complete = true;
            for (int j = 0; j < v.length; j++) {
                v[j] = r[columns[j]];
                complete &= !Double.isNaN(v[j]);
            }
            String label = grouped ? data.groupLabels().get(c) : "";
            if (grouped && label.isEmpty()) {
                withoutGroup++;
                continue;
            }
            List<double[]> group = byGroup.computeIfAbsent(label, k -> new ArrayList<>());
            if (complete) {
                group.add(v);
            }
        }
        int p = observed.size();
        int groups = byGroup.size();
        if (grouped && groups < 2) {
            throw new IllegalArgumentException("the group column has " + groups + " group with complete cases; a"
                    + " multiple-group model needs at least 2");
        }
        if (!grouped && options.groupEqual().contains(CfaOptions.GroupEqual.THRESHOLDS)) {
            throw new IllegalArgumentException("group.equal thresholds needs several groups");
        }
        List<String> labels = new ArrayList<>(byGroup.keySet());
        List<WlsmvSample> samples = new ArrayList<>();
        for (String label : labels) {
            List<double[]> rows = byGroup.get(label);
            if (rows.size() <= p) {
                throw new IllegalArgumentException("only " + rows.size() + " complete cases"
                        + (grouped ? " in group '" + label + "'" : "") + " for " + p
                        + " ordered items; WLSMV needs many more cases than items");
            }
            try {
                samples.add(WlsmvSample.of(observed, rows));
            } catch (IllegalArgumentException e) {
                throw grouped ? new IllegalArgumentException(e.getMessage() + " (group '" + label + "')", e) : e;
            }
        }
        for (int g = 1; g < groups; g++) {
            for (int v = 0; v < p; v++) {
                if (!java.util.Arrays.equals(samples.get(g).levels[v], samples.get(0).levels[v])) {
                    throw new IllegalArgumentException("the ordered item '" + observed.get(v) + "' has the categories "
                            + levels(samples.get(0).levels[v]) + " in group '" + labels.get(0) + "' but "
                            + levels(samples.get(g).levels[v]) + " in group '" + labels.get(g) + "'; WLSMV with"
                            + " several groups needs the same categories in every group");
                }
            }
        }
        CfaSpecification spec = CfaSpecification.build(model, groups, false, options);
        if (spec.structural || spec.m() != model.latentVariables().size()) {
            throw new IllegalArgumentException(
                    "WLSMV is implemented for measurement models (CFA) only: no regressions ('~') and no"
                            + " higher-order factors with ordered items");
        }
        Model m = new Model(spec, samples, options.groupEqual().contains(CfaOptions.GroupEqual.THRESHOLDS));
        List<String> warnings = new ArrayList<>();
        int statistics = 0;
        int pairs = p * (p - 1) / 2;
        int n = 0;
        for (WlsmvSample s : samples) {
            statistics += s.statistics.length;
            n += s.n;
        }
        int df = statistics - m.q;
        if (df < 0) {
            throw new IllegalArgumentException("the model is not identified: it has " + m.q + " free parameters"
                    + " but only " + statistics + " thresholds and polychoric correlations (df = " + df + ")");
        }
        // lavaan's DWLS objective Σ_g (N_g − 1)/N · F_g, F_g = Σ_k w_gk (s_gk − σ_gk)², w_g = 1 / diag(Γ_g)
        double[] r = new double[statistics];
        double[] w = new double[statistics];
        double[] fraction = new double[groups];
        for (int g = 0, at = 0; g < groups; g++) {
            WlsmvSample s = samples.get(g);
            fraction[g] = (double) s.n / n;
            for (int k = 0; k < s.statistics.length; k++, at++) {
                r[at] = s.statistics[k];
                w[at] = (s.n - 1.0) / n / s.gamma[k][k];
            }
        }
        double[] theta = m.start(options.standardizeLatent());
        int maxIterations = options.maxIterations();
        Fit fit = leastSquares(m, r, w, theta, maxIterations);
        theta = fit.theta;
        if (!fit.converged) {
            warnings.add("the optimiser did not converge in " + fit.iterations + " iterations (limit " + maxIterations
                    + "); estimates are not trustworthy");
        }
        // per group: J_g and W_g J_g with W_g = diag(Γ_g)⁻¹ (without the group weight)
        double[][] jac = m.jacobian(theta);
        double[][][] wj = new double[groups][][];
        for (int g = 0, at = 0; g < groups; g++) {
            WlsmvSample s = samples.get(g);
            wj[g] = new double[s.statistics.length][];
            for (int k = 0; k < s.statistics.length; k++, at++) {
                wj[g][k] = new double[m.q];
                for (int a = 0; a < m.q; a++) {
                    wj[g][k][a] = jac[at][a] / s.gamma[k][k];
                }
            }
        }
        // E = Σ_g (N_g/N) J_g′ W_g J_g, lavaan's expected information of DWLS
        double[][] e = new double[m.q][m.q];
        for (int g = 0, at = 0; g < groups; g++) {
            for (int k = 0; k < wj[g].length; k++, at++) {
                for (int a = 0; a < m.q; a++) {
                    double x = fraction[g] * wj[g][k][a];
                    if (x != 0) {
                        for (int b = 0; b < m.q; b++) {
                            e[a][b] += x * jac[at][b];
                        }
                    }
                }
            }
        }
        var eInverse = SymmetricMatrices.inverse(e, 1e-12);
        double[] se = new double[m.q];
        double[] trace = {Double.NaN, Double.NaN};
        if (eInverse.isEmpty()) {
            warnings.add("the model is not identified (the information matrix is singular); no standard errors"
                    + " and no scaled test");
            java.util.Arrays.fill(se, Double.NaN);
        } else {
            double[][] ei = eInverse.get();
            // B = Σ_g (N_g/N) (W_g J_g)′ Γ_g (W_g J_g); vcov = E⁻¹ B E⁻¹ / (N − G) (lavaan's divisor with ordered
            // items)
            double[][] meat = new double[m.q][m.q];
            double[][][] gwj = new double[groups][][];
            for (int g = 0; g < groups; g++) {
                gwj[g] = multiply(samples.get(g).gamma, wj[g]);
                double[][] bg = multiply(transpose(wj[g]), gwj[g]);
                for (int a = 0; a < m.q; a++) {
                    for (int b = 0; b < m.q; b++) {
                        meat[a][b] += fraction[g] * bg[a][b];
                    }
                }
            }
            double[][] vcov = multiply(multiply(ei, meat), ei);
            for (int a = 0; a < m.q; a++) {
                se[a] = Math.sqrt(vcov[a][a] / (n - groups));
            }
            // U Γ̃ with the groups stacked, W̃ = diag(N_g/N · W_g), Γ̃ = diag(Γ_g / (N_g/N)) and
            // U = W̃ − W̃ J E⁻¹ J′ W̃: block (g, h) is δ_gh W_g Γ_g − (N_g/N) W_g J_g E⁻¹ (W_h J_h)′ Γ_h
            double[][] ug = new double[statistics][statistics];
            for (int g = 0, at = 0; g < groups; g++) {
                double[][] left = multiply(wj[g], ei);
                WlsmvSample sg = samples.get(g);
                for (int k = 0; k < wj[g].length; k++, at++) {
                    for (int h = 0, bt = 0; h < groups; h++) {
                        for (int l = 0; l < wj[h].length; l++, bt++) {
                            double sum = g == h ? sg.gamma[k][l] / sg.gamma[k][k] : 0;
                            double[] gl = gwj[h][l];
                            double dot = 0;
                            for (int a = 0; a < m.q; a++) {
                                dot += left[k][a] * gl[a];
                            }
                            ug[at][bt] = sum - fraction[g] * dot;
                        }
                    }
                }
            }
            trace = traces(ug);
        }
        // the baseline: thresholds free and the correlations zero in every group, whatever group.equal says (as
        // lavaan); its U Γ is block-diagonal with blocks W_g Γ_g over the correlations
        double[] traceBase = new double[2];
        double baseline = 0;
        double chisq = 0;
        double srmr = 0;
        double[] sigma = m.predict(theta);
        for (int g = 0, at = 0; g < groups; g++) {
            WlsmvSample s = samples.get(g);
            int t0 = s.thresholdCount;
            double[][] block = new double[pairs][pairs];
            for (int k = 0; k < pairs; k++) {
                for (int l = 0; l < pairs; l++) {
                    block[k][l] = s.gamma[t0 + k][t0 + l] / s.gamma[t0 + k][t0 + k];
                }
            }
            double[] tb = traces(block);
            traceBase[0] += tb[0];
            traceBase[1] += tb[1];
            double fg = 0;
            double fBase = 0;
            double squares = 0;
            for (int k = 0; k < s.statistics.length; k++, at++) {
                double d = r[at] - sigma[at];
                fg += d * d / s.gamma[k][k];
                if (k >= t0) {
                    fBase += r[at] * r[at] / s.gamma[k][k];
                    squares += d * d;
                }
            }
            // lavaan's test statistic is Σ_g (N_g − 1)·F_g for the DWLS estimators (and its fmin is χ²/(2N))
            chisq += (s.n - 1) * fg;
            baseline += (s.n - 1) * fBase;
            // lavaan's srmr for ordinal items: residual correlations over the p(p+1)/2 elements, the diagonal being
            // 0; with groups the mean over the groups weighted by N_g/N
            srmr += fraction[g] * Math.sqrt(squares / (p * (p + 1) / 2.0));
        }
        Map<String, Double> measures = new LinkedHashMap<>();
        measures.put("npar", (double) m.q);
        measures.put("ntotal", (double) n);
        measures.put("fmin", chisq / (2.0 * n));
        test(measures, "", chisq, df, trace);
        int baselineDf = groups * pairs;
        test(measures, "baseline.", baseline, baselineDf, traceBase);
        double chisqScaled = measures.get("chisq.scaled");
        double baselineScaled = measures.get("baseline.chisq.scaled");
        CfaFitMeasures.incremental(measures, "", chisq, baseline, df, baselineDf);
        CfaFitMeasures.incremental(measures, ".scaled", chisqScaled, baselineScaled, df, baselineDf);
        if (df > baselineDf) {
            // equal thresholds add statistics the baseline does not fit: lavaan leaves NFI and RFI undefined then
            for (String name : List.of("nfi", "rfi", "nfi.scaled", "rfi.scaled")) {
                measures.put(name, Double.NaN);
            }
        }
        // RMSEA with N − G (N − 1 for one group) as lavaan's DWLS, × √G; its 90 % interval and close-fit p-value
        // from the unscaled statistic, and (".scaled") the same from the scaled-shifted one with df, as lavaan 0.6.14
        // computes them for WLSMV
        if (df > 0) {
            CfaFitMeasures.rmsea(measures, "", chisq, df, n - groups, groups);
            CfaFitMeasures.rmsea(measures, ".scaled", chisqScaled, df, n - groups, groups);
        } else {
            measures.put("rmsea", 0.0); // a saturated model, as lavaan
            measures.put("rmsea.scaled", 0.0);
        }
        measures.put("srmr", srmr);
        for (int g = 0; g < groups; g++) {
            List<String> empty = samples.get(g).emptyCellPairs;
            if (!empty.isEmpty()) {
                warnings.add(empty.size() + " pairs of items have empty cells in their table"
                        + (grouped ? " in group '" + labels.get(g) + "'" : "") + " ("
                        + String.join(", ", empty.subList(0, Math.min(5, empty.size())))
                        + (empty.size() > 5 ? ", ..." : "") + "); as lavaan (tables larger than 2 x 2), nothing is"
                        + " added to them");
            }
        }
        List<ParameterEstimate> table = m.parameters(theta, se);
        List<CfaResult.ImpliedMoments> moments = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            moments.add(new CfaResult.ImpliedMoments(
                    g + 1, labels.get(g), observed, m.implied(theta, g), new double[0], samples.get(g).n));
        }
        int left = data.rowCount() - n - withoutGroup;
        if (left > 0) {
            warnings.add(left + " cases with a missing value were left out (listwise)");
        }
        if (withoutGroup > 0) {
            warnings.add(withoutGroup + " cases without a group were left out");
        }
        String equal = options.groupEqual().isEmpty()
                ? ""
                : ", group.equal="
                        + String.join(
                                ",",
                                options.groupEqual().stream()
                                        .map(x -> x.name().toLowerCase(java.util.Locale.ROOT))
                                        .sorted(java.util.Comparator.reverseOrder())
                                        .toList());
        return new CfaResult(
                table,
                measures,
                moments,
                warnings,
                fit.converged,
                fit.iterations,
                Provenance.method(
                        "CFA of ordered items, WLSMV (DWLS on thresholds and polychoric correlations, weight"
                                + " diag(Gamma)^-1, parameterization delta; robust SEs; scaled-shifted test)",
                        CfaEstimator.REFERENCE,
                        "estimator=WLSMV, ordered=" + String.join(",", options.ordered()) + ", missing=listwise"
                                + (options.standardizeLatent() ? ", std.lv=TRUE" : "")
                                + (grouped ? ", groups=" + groups + equal : "")));
    }

    private static String levels(double[] levels) {
        List<String> out = new ArrayList<>();
        for (double x : levels) {
            out.add(x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x));
        }
        return String.join(", ", out);
    }

    private static void refuse(CfaModel model, CfaOptions options, List<String> observed) {
        java.util.Set<CfaOptions.GroupEqual> equal = options.groupEqual();
        if (!equal.isEmpty()
                && !equal.equals(
                        java.util.EnumSet.of(CfaOptions.GroupEqual.THRESHOLDS, CfaOptions.GroupEqual.LOADINGS))) {
            throw new IllegalArgumentException("WLSMV with several groups supports group.equal none (configural) or"
                    + " thresholds,loadings (scale factors and latent means then free in groups 2 and up, as"
                    + " lavaan); group.equal "
                    + String.join(
                            ",",
                            equal.stream()
                                    .map(x -> x.name().toLowerCase(java.util.Locale.ROOT))
                                    .sorted(java.util.Comparator.reverseOrder())
                                    .toList())
                    + " is not implemented");
        }
        if (!options.groupPartial().isEmpty()) {
            throw new IllegalArgumentException("group.partial with WLSMV (ordered items) is not implemented");
        }
        if (options.missing() == MissingData.ML) {
            throw new IllegalArgumentException("missing = ml (FIML) does not apply to WLSMV; ordered items are fitted"
                    + " to complete cases (listwise, lavaan's default for WLSMV)");
        }
        if (!model.definitions().isEmpty()) {
            throw new IllegalArgumentException("defined parameters (':=') with WLSMV are not implemented");
        }
        List<String> continuous =
                observed.stream().filter(v -> !options.ordered().contains(v)).toList();
        if (!continuous.isEmpty()) {
            throw new IllegalArgumentException("WLSMV is implemented with every indicator ordered; not ordered: "
                    + String.join(", ", continuous) + " (mixing continuous and ordinal items is not implemented)");
        }
        List<String> unused =
                options.ordered().stream().filter(v -> !observed.contains(v)).toList();
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException(
                    "ordered names items that are not in the model: " + String.join(", ", unused));
        }
        for (CfaModel.Statement s : model.statements()) {
            if (s.operator() == CfaModel.Operator.COVARIANCE && s.lhs().equals(s.rhs()) && observed.contains(s.lhs())) {
                throw new IllegalArgumentException("line " + s.line() + ": '" + s.lhs() + " ~~ " + s.rhs()
                        + "': with ordered items (parameterization delta) residual variances are not parameters");
            }
        }
    }

    /** chisq, df, pvalue and the scaled-shifted statistic of a model ({@code prefix} "" or "baseline."). */
    private static void test(Map<String, Double> out, String prefix, double chisq, int df, double[] trace) {
        double a = Math.sqrt(df / trace[1]);
        double shift = df - a * trace[0];
        double scaled = a * chisq + shift;
        out.put(prefix + "chisq", chisq);
        out.put(prefix + "df", (double) df);
        out.put(prefix + "pvalue", CfaFitMeasures.upperTail(chisq, df));
        out.put(prefix + "chisq.scaled", scaled);
        out.put(prefix + "df.scaled", (double) df);
        out.put(prefix + "pvalue.scaled", CfaFitMeasures.upperTail(scaled, df));
        out.put(prefix + "chisq.scaling.factor", 1 / a);
        out.put(prefix + "chisq.shift.parameter", shift);
    }

    /** tr(M) and tr(M²). */
    private static double[] traces(double[][] m) {
        double t1 = 0;
        double t2 = 0;
        for (int k = 0; k < m.length; k++) {
            t1 += m[k][k];
            for (int l = 0; l < m.length; l++) {
                t2 += m[k][l] * m[l][k];
            }
        }
        return new double[] {t1, t2};
    }

    private record Fit(double[] theta, boolean converged, int iterations) {}

    /** Gauss–Newton with Levenberg–Marquardt damping on Σ w (r − σ(θ))². */
    private static Fit leastSquares(Model m, double[] r, double[] w, double[] start, int maxIterations) {
        double[] theta = start.clone();
        double lambda = 1e-3;
        double f = objective(m, r, w, theta);
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            double[] sigma = m.predict(theta);
            double[][] jac = m.jacobian(theta);
            double[][] h = weightedCross(jac, w);
            double[] g = new double[m.q];
            for (int k = 0; k < r.length; k++) {
                for (int a = 0; a < m.q; a++) {
                    g[a] += jac[k][a] * w[k] * (r[k] - sigma[k]);
                }
            }
            double gradient = 0;
            for (double x : g) {
                gradient = Math.max(gradient, Math.abs(x));
            }
            if (gradient < 1e-13) {
                return new Fit(theta, true, iteration);
            }
            boolean improved = false;
            for (int attempt = 0; attempt < 60 && !improved; attempt++) {
                double[][] damped = new double[m.q][];
                for (int a = 0; a < m.q; a++) {
                    damped[a] = h[a].clone();
                    damped[a][a] += lambda * Math.max(h[a][a], 1e-12);
                }
                var chol = SymmetricMatrices.cholesky(damped);
                if (chol.isEmpty()) {
                    lambda *= 10;
                    continue;
                }
                double[] step = SymmetricMatrices.solveWithCholesky(chol.get(), g);
                double[] next = theta.clone();
                double largest = 0;
                for (int a = 0; a < m.q; a++) {
                    next[a] += step[a];
                    largest = Math.max(largest, Math.abs(step[a]));
                }
                if (largest < 1e-11) {
                    // the Gauss–Newton step has vanished: a stationary point
                    return new Fit(theta, true, iteration);
                }
                double fNext = objective(m, r, w, next);
                if (fNext <= f) {
                    improved = true;
                    theta = next;
                    boolean small = largest < 1e-12 || f - fNext <= 1e-16 * Math.max(f, 1e-300);
                    f = fNext;
                    lambda = Math.max(lambda / 10, 1e-12);
                    if (small && gradient < 1e-9) {
                        return new Fit(theta, true, iteration);
                    }
                } else {
                    lambda *= 10;
                }
            }
            if (!improved) {
                return new Fit(theta, gradient < 1e-10, iteration);
            }
        }
        return new Fit(theta, false, maxIterations);
    }

    private static double objective(Model m, double[] r, double[] w, double[] theta) {
        double[] sigma = m.predict(theta);
        double f = 0;
        for (int k = 0; k < r.length; k++) {
            double e = r[k] - sigma[k];
            f += w[k] * e * e;
        }
        return f;
    }

    private static double[][] weightedCross(double[][] jac, double[] w) {
        int q = jac.length == 0 ? 0 : jac[0].length;
        double[][] h = new double[q][q];
        for (int k = 0; k < jac.length; k++) {
            for (int a = 0; a < q; a++) {
                double wa = w[k] * jac[k][a];
                for (int b = 0; b < q; b++) {
                    h[a][b] += wa * jac[k][b];
                }
            }
        }
        return h;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        return org.alliance.stats.linalg.DenseMatrix.multiply(a, b);
    }

    private static double[][] transpose(double[][] a) {
        return org.alliance.stats.linalg.DenseMatrix.transpose(a);
    }

    private static ParameterEstimate estimate(
            String lhs,
            String op,
            String rhs,
            int group,
            String label,
            boolean free,
            double est,
            double se,
            double stdAll) {
        double z = free && se > 0 ? est / se : Double.NaN;
        double pvalue = Double.isNaN(z) ? Double.NaN : 2 * NORMAL.survivalProbability(Math.abs(z));
        return new ParameterEstimate(
                lhs, op, rhs, group, label, free, est, se, z, pvalue, est - Z_975 * se, est + Z_975 * se, stdAll);
    }

    /**
     * The model of every group in the delta parameterization. Latent responses y* = Λη + ε with η ~ N(α_g, Ψ_g) and
     * intercepts 0; Σ*_g = ΛΨ_gΛ′ + Θ_g, whose diagonal is 1/Δ²_gj for the scale factors Δ_gj ({@code ~*~}), so that
     * the residual variances are not parameters. A group's statistics are then implied as the thresholds Δ_gj (τ_jk
     * − (Λα_g)_j) and the correlations Δ_gi Δ_gj Σ*_g,ij. Δ is 1 and α is 0 in every group unless the thresholds are
     * equal across groups; then (lavaan's rule) both are free in groups 2 and up.
     *
     * <p>θ holds the free rows of the specification (loadings, latent (co)variances, residual covariances; rows that
     * share a free index, as group.equal loadings makes them, share an element), then the thresholds of every group
     * (shared with the first group's when equal), the free scale factors and the free latent means.
     */
    private static final class Model {
        final CfaSpecification spec;
        final List<WlsmvSample> samples;
        final int p;
        final int factors;
        final int groups;
        /** Per row of the specification: its index in θ, or -1 (fixed, or a residual variance). */
        final int[] index;
        /** Per group, per threshold (in the order of the sample's statistics): its index in θ. */
        final int[][] thresholdIndex;
        /** Per group, per item: the index in θ of its scale factor, or -1 (fixed to 1). */
        final int[][] scaleIndex;
        /** Per group, per factor: the index in θ of its mean, or -1 (fixed to 0). */
        final int[][] meanIndex;
        /** Per group: the rows of the specification of that group. */
        final List<List<Integer>> rowsOf;
        /** Per group: where its statistics start in the stacked vector. */
        final int[] offset;
        /** Per group, per threshold (in the order of the sample's statistics): its item. */
        final int[][] itemOfThreshold;

        final int size;
        final int q;

        Model(CfaSpecification spec, List<WlsmvSample> samples, boolean thresholdsEqual) {
            this.spec = spec;
            this.samples = samples;
            this.p = spec.p();
            this.factors = spec.m();
            this.groups = samples.size();
            index = new int[spec.rows.size()];
            rowsOf = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                rowsOf.add(new ArrayList<>());
            }
            Map<Integer, Integer> renumber = new LinkedHashMap<>();
            for (int k = 0; k < spec.rows.size(); k++) {
                Row row = spec.rows.get(k);
                rowsOf.get(row.group()).add(k);
                boolean residualVariance = row.kind() == Kind.THETA && row.i() == row.j();
                if (row.free() < 0 || residualVariance) {
                    index[k] = -1;
                } else {
                    index[k] = renumber.computeIfAbsent(row.free(), x -> renumber.size());
                }
            }
            int next = renumber.size();
            thresholdIndex = new int[groups][];
            scaleIndex = new int[groups][p];
            meanIndex = new int[groups][factors];
            offset = new int[groups];
            itemOfThreshold = new int[groups][];
            int at = 0;
            for (int g = 0; g < groups; g++) {
                WlsmvSample s = samples.get(g);
                offset[g] = at;
                at += s.statistics.length;
                itemOfThreshold[g] = thresholdItems(s);
                thresholdIndex[g] = new int[s.thresholdCount];
                for (int t = 0; t < s.thresholdCount; t++) {
                    thresholdIndex[g][t] = thresholdsEqual && g > 0 ? thresholdIndex[0][t] : next++;
                }
            }
            for (int g = 0; g < groups; g++) {
                boolean free = thresholdsEqual && g > 0;
                for (int j = 0; j < p; j++) {
                    scaleIndex[g][j] = free ? next++ : -1;
                }
            }
            for (int g = 0; g < groups; g++) {
                boolean free = thresholdsEqual && g > 0;
                for (int f = 0; f < factors; f++) {
                    meanIndex[g][f] = free ? next++ : -1;
                }
            }
            size = at;
            q = next;
        }

        /** One group's matrices at θ. */
        private final class State {
            final double[][] lambda = new double[p][factors];
            final double[][] psi = new double[factors][factors];
            /** ΛΨ. */
            final double[][] ls;
            /** Σ* off the diagonal (ΛΨΛ′ + Θ); on it the common part (ΛΨΛ′)_jj. */
            final double[][] sigma;

            final double[] delta = new double[p];
            final double[] alpha = new double[factors];
            /** Λα. */
            final double[] shift = new double[p];

            State(double[] theta, int g) {
                List<double[]> residual = new ArrayList<>();
                for (int k : rowsOf.get(g)) {
                    Row row = spec.rows.get(k);
                    double v = index[k] >= 0 ? theta[index[k]] : row.value();
                    switch (row.kind()) {
                        case LOADING -> lambda[row.i()][row.j()] = v;
                        case PSI -> {
                            psi[row.i()][row.j()] = v;
                            psi[row.j()][row.i()] = v;
                        }
                        case THETA -> {
                            if (row.i() != row.j()) {
                                residual.add(new double[] {row.i(), row.j(), v});
                            }
                        }
                        default -> {}
                    }
                }
                ls = multiply(lambda, psi);
                sigma = multiply(ls, transpose(lambda));
                for (double[] c : residual) {
                    sigma[(int) c[0]][(int) c[1]] += c[2];
                    sigma[(int) c[1]][(int) c[0]] += c[2];
                }
                for (int j = 0; j < p; j++) {
                    delta[j] = scaleIndex[g][j] >= 0 ? theta[scaleIndex[g][j]] : 1;
                }
                for (int f = 0; f < factors; f++) {
                    alpha[f] = meanIndex[g][f] >= 0 ? theta[meanIndex[g][f]] : 0;
                }
                for (int j = 0; j < p; j++) {
                    for (int f = 0; f < factors; f++) {
                        shift[j] += lambda[j][f] * alpha[f];
                    }
                }
            }
        }

        /** The item of each threshold of a group, in the order of the statistics. */
        private int[] thresholdItems(WlsmvSample s) {
            int[] item = new int[s.thresholdCount];
            for (int v = 0; v < p; v++) {
                for (int t = 0; t < s.cuts[v].length - 2; t++) {
                    item[s.thresholdStart[v] + t] = v;
                }
            }
            return item;
        }

        /** The implied statistics of every group, stacked in the order of the samples' statistics. */
        double[] predict(double[] theta) {
            double[] out = new double[size];
            for (int g = 0; g < groups; g++) {
                WlsmvSample s = samples.get(g);
                State st = new State(theta, g);
                int[] item = itemOfThreshold[g];
                for (int t = 0; t < s.thresholdCount; t++) {
                    int v = item[t];
                    out[offset[g] + t] = st.delta[v] * (theta[thresholdIndex[g][t]] - st.shift[v]);
                }
                for (int j = 0; j < p - 1; j++) {
                    for (int i = j + 1; i < p; i++) {
                        out[offset[g] + s.correlationIndex(i, j)] = st.delta[i] * st.delta[j] * st.sigma[i][j];
                    }
                }
            }
            return out;
        }

        /** ∂(implied statistics)/∂θ′, rows stacked as {@link #predict}. */
        double[][] jacobian(double[] theta) {
            double[][] jac = new double[size][q];
            for (int g = 0; g < groups; g++) {
                WlsmvSample s = samples.get(g);
                State st = new State(theta, g);
                int[] item = itemOfThreshold[g];
                for (int t = 0; t < s.thresholdCount; t++) {
                    int v = item[t];
                    double[] row = jac[offset[g] + t];
                    double tau = theta[thresholdIndex[g][t]];
                    row[thresholdIndex[g][t]] += st.delta[v];
                    if (scaleIndex[g][v] >= 0) {
                        row[scaleIndex[g][v]] += tau - st.shift[v];
                    }
                    for (int f = 0; f < factors; f++) {
                        if (meanIndex[g][f] >= 0) {
                            row[meanIndex[g][f]] -= st.delta[v] * st.lambda[v][f];
                        }
                    }
                    for (int k : rowsOf.get(g)) {
                        Row r = spec.rows.get(k);
                        if (index[k] >= 0 && r.kind() == Kind.LOADING && r.i() == v) {
                            row[index[k]] -= st.delta[v] * st.alpha[r.j()];
                        }
                    }
                }
                for (int j = 0; j < p - 1; j++) {
                    for (int i = j + 1; i < p; i++) {
                        double[] row = jac[offset[g] + s.correlationIndex(i, j)];
                        double scale = st.delta[i] * st.delta[j];
                        for (int k : rowsOf.get(g)) {
                            int a = index[k];
                            if (a < 0) {
                                continue;
                            }
                            Row r = spec.rows.get(k);
                            int x = r.i();
                            int y = r.j();
                            double d =
                                    switch (r.kind()) {
                                        case LOADING -> (i == x ? st.ls[j][y] : 0) + (j == x ? st.ls[i][y] : 0);
                                        case PSI ->
                                            x == y
                                                    ? st.lambda[i][x] * st.lambda[j][x]
                                                    : st.lambda[i][x] * st.lambda[j][y]
                                                            + st.lambda[i][y] * st.lambda[j][x];
                                        case THETA -> (i == x && j == y) || (i == y && j == x) ? 1 : 0;
                                        default -> 0;
                                    };
                            row[a] += scale * d;
                        }
                        if (scaleIndex[g][i] >= 0) {
                            row[scaleIndex[g][i]] += st.delta[j] * st.sigma[i][j];
                        }
                        if (scaleIndex[g][j] >= 0) {
                            row[scaleIndex[g][j]] += st.delta[i] * st.sigma[i][j];
                        }
                    }
                }
            }
            return jac;
        }

        /** The implied correlation matrix of the latent responses of group g (unit diagonal). */
        double[][] implied(double[] theta, int g) {
            State st = new State(theta, g);
            double[][] c = new double[p][p];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    c[i][j] = i == j ? 1 : st.delta[i] * st.delta[j] * st.sigma[i][j];
                }
            }
            return c;
        }

        /**
         * Starting values, group by group from its polychorics (a parameter shared across groups starts at the first
         * group's value): per factor, the first principal component of its indicators' correlations gives loadings λ̃
         * (first indicator positive); with a marker its variance starts at λ̃²_marker and the loadings at
         * λ̃/λ̃_marker (so a reversed item starts negative), under std.lv at λ̃. Covariances start at 0, thresholds at
         * the group's sample thresholds, scale factors at 1 and latent means at 0.
         */
        double[] start(boolean stdLv) {
            double[] theta = new double[q];
            boolean[] set = new boolean[q];
            for (int g = 0; g < groups; g++) {
                WlsmvSample sample = samples.get(g);
                double[][] tilde = new double[p][factors];
                for (int f = 0; f < factors; f++) {
                    List<Integer> items = new ArrayList<>();
                    for (int k : rowsOf.get(g)) {
                        Row row = spec.rows.get(k);
                        if (row.kind() == Kind.LOADING && row.j() == f) {
                            items.add(row.i());
                        }
                    }
                    if (items.isEmpty()) {
                        continue;
                    }
                    double[] v = new double[items.size()];
                    java.util.Arrays.fill(v, 1);
                    double eigen = 1;
                    for (int iteration = 0; iteration < 200; iteration++) {
                        double[] next = new double[v.length];
                        for (int a = 0; a < v.length; a++) {
                            for (int b = 0; b < v.length; b++) {
                                next[a] += sample.correlation[items.get(a)][items.get(b)] * v[b];
                            }
                        }
                        double norm = Math.sqrt(org.alliance.stats.linalg.DenseMatrix.dot(next, next));
                        eigen = norm;
                        for (int a = 0; a < v.length; a++) {
                            v[a] = next[a] / norm;
                        }
                    }
                    double sign = v[0] < 0 ? -1 : 1;
                    for (int a = 0; a < v.length; a++) {
                        double loading = sign * v[a] * Math.sqrt(eigen);
                        tilde[items.get(a)][f] = Math.max(-0.95, Math.min(0.95, loading));
                    }
                }
                double[] marker = new double[factors];
                for (int k : rowsOf.get(g)) {
                    Row row = spec.rows.get(k);
                    if (row.kind() == Kind.LOADING && index[k] < 0 && row.value() != 0 && marker[row.j()] == 0) {
                        marker[row.j()] = tilde[row.i()][row.j()] / row.value();
                    }
                }
                for (int k : rowsOf.get(g)) {
                    Row row = spec.rows.get(k);
                    int a = index[k];
                    if (a < 0 || set[a]) {
                        continue;
                    }
                    set[a] = true;
                    double scale = marker[row.kind() == Kind.LOADING ? row.j() : Math.max(row.i(), 0)];
                    boolean scaled = !stdLv && scale != 0;
                    theta[a] = switch (row.kind()) {
                        case LOADING -> scaled ? tilde[row.i()][row.j()] / scale : tilde[row.i()][row.j()];
                        case PSI -> row.i() == row.j() ? (scaled ? scale * scale : 1.0) : 0.0;
                        default -> 0.0;
                    };
                }
                for (int t = 0; t < sample.thresholdCount; t++) {
                    int a = thresholdIndex[g][t];
                    if (!set[a]) {
                        set[a] = true;
                        theta[a] = sample.statistics[t];
                    }
                }
                for (int j = 0; j < p; j++) {
                    if (scaleIndex[g][j] >= 0) {
                        theta[scaleIndex[g][j]] = 1;
                    }
                }
            }
            return theta;
        }

        /**
         * The parameter table in lavaan's order, group by group: the user's statements, the thresholds, residual
         * variances (not parameters: 1/Δ² − the common part), latent (co)variances, then the scale factors ({@code
         * ~*~}), the intercepts (0) and the latent means ({@code ~1}). Thresholds held equal across groups carry
         * lavaan's label {@code .pN.} of the first group's row.
         */
        List<ParameterEstimate> parameters(double[] theta, double[] se) {
            List<ParameterEstimate> out = new ArrayList<>();
            List<String> observed = spec.observed;
            int userRows = 0;
            for (int k : rowsOf.get(0)) {
                if (spec.rows.get(k).user()) {
                    userRows++;
                }
            }
            for (int g = 0; g < groups; g++) {
                State st = new State(theta, g);
                WlsmvSample s = samples.get(g);
                boolean thresholdsDone = false;
                for (int k : rowsOf.get(g)) {
                    Row row = spec.rows.get(k);
                    if (!row.user() && !thresholdsDone) {
                        thresholdsDone = true;
                        addThresholds(out, g, st, s, theta, se, userRows);
                    }
                    int free = index[k];
                    double est;
                    if (row.kind() == Kind.THETA && row.i() == row.j()) {
                        double common = 0;
                        for (int f = 0; f < factors; f++) {
                            common += st.ls[row.i()][f] * st.lambda[row.i()][f];
                        }
                        est = 1 / (st.delta[row.i()] * st.delta[row.i()]) - common;
                    } else {
                        est = free >= 0 ? theta[free] : row.value();
                    }
                    double stdAll =
                            switch (row.kind()) {
                                case LOADING -> est * Math.sqrt(st.psi[row.j()][row.j()]) * st.delta[row.i()];
                                case PSI -> est / Math.sqrt(st.psi[row.i()][row.i()] * st.psi[row.j()][row.j()]);
                                case THETA -> row.i() == row.j() ? est * st.delta[row.i()] * st.delta[row.i()] : est;
                                default -> est;
                            };
                    out.add(estimate(
                            row.lhs(),
                            row.op(),
                            row.rhs(),
                            g + 1,
                            row.label(),
                            free >= 0,
                            est,
                            free >= 0 ? se[free] : 0,
                            stdAll));
                }
                if (!thresholdsDone) {
                    addThresholds(out, g, st, s, theta, se, userRows);
                }
                for (int j = 0; j < p; j++) {
                    int a = scaleIndex[g][j];
                    String v = observed.get(j);
                    out.add(estimate(v, "~*~", v, g + 1, "", a >= 0, st.delta[j], a >= 0 ? se[a] : 0, 1));
                }
                for (String v : observed) {
                    out.add(estimate(v, "~1", "", g + 1, "", false, 0, 0, 0));
                }
                for (int f = 0; f < factors; f++) {
                    int a = meanIndex[g][f];
                    double est = st.alpha[f];
                    out.add(estimate(
                            spec.latent.get(f),
                            "~1",
                            "",
                            g + 1,
                            "",
                            a >= 0,
                            est,
                            a >= 0 ? se[a] : 0,
                            est / Math.sqrt(st.psi[f][f])));
                }
            }
            return out;
        }

        private void addThresholds(
                List<ParameterEstimate> out,
                int g,
                State st,
                WlsmvSample s,
                double[] theta,
                double[] se,
                int userRows) {
            boolean shared = groups > 1 && thresholdIndex[groups - 1][0] == thresholdIndex[0][0];
            for (int v = 0; v < p; v++) {
                for (int t = 1; t < s.cuts[v].length - 1; t++) {
                    int k = s.thresholdStart[v] + t - 1;
                    int a = thresholdIndex[g][k];
                    double est = theta[a];
                    out.add(estimate(
                            spec.observed.get(v),
                            "|",
                            "t" + t,
                            g + 1,
                            shared ? ".p" + (userRows + k + 1) + "." : "",
                            true,
                            est,
                            se[a],
                            est * st.delta[v]));
                }
            }
        }
    }
}
