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
 * "delta": stages 1–2 ({@link WlsmvSample}) give thresholds, polychoric correlations and their Γ; stage 3 fits the
 * model to them by diagonally weighted least squares, W = diag(Γ)⁻¹.
 *
 * <p>Model: latent responses with unit variance, Σ* = ΛΨΛ′ + Θ with diag(Θ) = 1 − diag(ΛΨΛ′) (residual variances
 * are not parameters; they are reported, fixed, as lavaan does) and free thresholds. With W diagonal the thresholds
 * reproduce the sample thresholds exactly, so the loadings, factor (co)variances and residual covariances minimise
 * F = Σ_{i>j} w_ij (r_ij − σ*_ij)², found by Gauss–Newton with Levenberg–Marquardt damping.
 *
 * <p>Standard errors: the sandwich (Δ′WΔ)⁻¹ Δ′WΓWΔ (Δ′WΔ)⁻¹ / (N − 1) (lavaan's {@code se = "robust.sem"}, whose
 * divisor is N − 1 with ordered items, as for the thresholds' SEs √(Γ_kk / (N − 1))). Test: T = (N − 1)·F
 * (lavaan's {@code chisq}) with df = p(p−1)/2 − free parameters, and the mean-and-variance adjusted statistic
 * (Asparouhov and Muthén 2010; lavaan's "scaled.shifted"): with U = W − WΔ(Δ′WΔ)⁻¹Δ′W, a = √(df / tr((UΓ)²)),
 * T_ss = a·T + df − a·tr(UΓ); {@code chisq.scaling.factor} is 1/a. The baseline model frees the thresholds only
 * (all polychorics zero). CFI/TLI and RMSEA follow lavaan's formulas on the naive and on the scaled-shifted
 * statistics ({@code .scaled}), with NNFI, RFI, NFI, PNFI, IFI and RNI from {@link CfaFitMeasures}; RMSEA uses N − 1 here, as lavaan does for estimators other than ML. lavaan's
 * {@code .robust} variants (Savalei's for categorical data), its RMSEA intervals and WRMR are not given.
 */
final class WlsmvEstimator {

    private static final double Z_975 = 1.959963984540054;
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    private WlsmvEstimator() {}

    static CfaResult fit(CfaData data, CfaModel model, CfaOptions options) {
        List<String> observed = model.observedVariables();
        refuse(data, model, options, observed);
        int[] columns = new int[observed.size()];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = data.indexOf(observed.get(j));
            if (columns[j] < 0) {
                throw new IllegalArgumentException("unknown variable '" + observed.get(j)
                        + "' in the model: it is neither a column of the data nor a latent variable");
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (double[] r : data.rows()) {
            double[] v = new double[columns.length];
            boolean complete = true;
            for (int j = 0; j < v.length; j++) {
                v[j] = r[columns[j]];
                complete &= !Double.isNaN(v[j]);
            }
            if (complete) {
                rows.add(v);
            }
        }
        int p = observed.size();
        if (rows.size() <= p) {
            throw new IllegalArgumentException("only " + rows.size() + " complete cases for " + p
                    + " ordered items; WLSMV needs many more cases than items");
        }
        WlsmvSample sample = WlsmvSample.of(observed, rows);
        CfaSpecification spec = CfaSpecification.build(model, 1, false, options);
        if (spec.structural || spec.m() != model.latentVariables().size()) {
            throw new IllegalArgumentException(
                    "WLSMV is implemented for measurement models (CFA) only: no regressions ('~') and no"
                            + " higher-order factors with ordered items");
        }
        Model m = new Model(spec);
        List<String> warnings = new ArrayList<>();
        int pairs = p * (p - 1) / 2;
        int df = pairs - m.q;
        if (df < 0) {
            throw new IllegalArgumentException("the model is not identified: it has " + m.q + " free parameters"
                    + " besides the thresholds but only " + pairs + " polychoric correlations (df = " + df + ")");
        }
        double[] r = new double[pairs];
        double[] w = new double[pairs];
        double[][] gammaC = new double[pairs][pairs];
        int t0 = sample.thresholdCount;
        for (int k = 0; k < pairs; k++) {
            r[k] = sample.statistics[t0 + k];
            w[k] = 1 / sample.gamma[t0 + k][t0 + k];
            for (int l = 0; l < pairs; l++) {
                gammaC[k][l] = sample.gamma[t0 + k][t0 + l];
            }
        }
        double[] theta = m.start(options.standardizeLatent(), sample);
        int maxIterations = options.maxIterations();
        Fit fit = leastSquares(m, sample, r, w, theta, maxIterations);
        theta = fit.theta;
        if (!fit.converged) {
            warnings.add("the optimiser did not converge in " + fit.iterations + " iterations (limit " + maxIterations
                    + "); estimates are not trustworthy");
        }
        int n = sample.n;
        double[][] jac = m.jacobian(theta, sample);
        double[][] h = weightedCross(jac, w);
        var hInverse = SymmetricMatrices.inverse(h, 1e-12);
        double[] se = new double[m.q];
        double[][] vcov = null;
        double[] trace = {Double.NaN, Double.NaN};
        if (hInverse.isEmpty()) {
            warnings.add("the model is not identified (the information matrix is singular); no standard errors"
                    + " and no scaled test");
            java.util.Arrays.fill(se, Double.NaN);
        } else {
            double[][] hi = hInverse.get();
            // B = J' W Γ W J; vcov = H^-1 B H^-1 / N
            double[][] wj = new double[pairs][m.q];
            for (int k = 0; k < pairs; k++) {
                for (int a = 0; a < m.q; a++) {
                    wj[k][a] = w[k] * jac[k][a];
                }
            }
            double[][] gwj = multiply(gammaC, wj);
            double[][] meat = multiply(transpose(wj), gwj);
            vcov = multiply(multiply(hi, meat), hi);
            for (int a = 0; a < m.q; a++) {
                se[a] = Math.sqrt(vcov[a][a] / (n - 1));
            }
            // U Γ with U = W − WJ H⁻¹ J′W
            double[][] u = new double[pairs][pairs];
            double[][] wjh = multiply(wj, hi);
            for (int k = 0; k < pairs; k++) {
                for (int l = 0; l < pairs; l++) {
                    double sum = k == l ? w[k] : 0;
                    for (int a = 0; a < m.q; a++) {
                        sum -= wjh[k][a] * wj[l][a];
                    }
                    u[k][l] = sum;
                }
            }
            trace = traces(multiply(u, gammaC));
        }
        // the baseline: U = W
        double[][] ugBase = new double[pairs][pairs];
        for (int k = 0; k < pairs; k++) {
            for (int l = 0; l < pairs; l++) {
                ugBase[k][l] = w[k] * gammaC[k][l];
            }
        }
        double[] traceBase = traces(ugBase);
        double[] sigma = m.correlations(theta, sample);
        double f = 0;
        double fBase = 0;
        double squares = 0;
        for (int k = 0; k < pairs; k++) {
            double e = r[k] - sigma[k];
            f += w[k] * e * e;
            fBase += w[k] * r[k] * r[k];
            squares += e * e;
        }
        Map<String, Double> measures = new LinkedHashMap<>();
        measures.put("npar", (double) (m.q + t0));
        measures.put("ntotal", (double) n);
        // lavaan's test statistic is (N − 1)·F for the DWLS estimators (and its fmin is χ²/(2N))
        double chisq = (n - 1) * f;
        double baseline = (n - 1) * fBase;
        measures.put("fmin", chisq / (2.0 * n));
        test(measures, "", chisq, df, trace);
        test(measures, "baseline.", baseline, pairs, traceBase);
        double chisqScaled = measures.get("chisq.scaled");
        double baselineScaled = measures.get("baseline.chisq.scaled");
        CfaFitMeasures.incremental(measures, "", chisq, baseline, df, pairs);
        CfaFitMeasures.incremental(measures, ".scaled", chisqScaled, baselineScaled, df, pairs);
        // RMSEA with N − 1 as lavaan's DWLS; its 90 % interval and close-fit p-value from the unscaled statistic, and
        // (".scaled") the same from the scaled-shifted one with df, as lavaan 0.6.14 computes them for WLSMV
        if (df > 0) {
            CfaFitMeasures.rmsea(measures, "", chisq, df, n - 1, 1);
            CfaFitMeasures.rmsea(measures, ".scaled", chisqScaled, df, n - 1, 1);
        } else {
            measures.put("rmsea", 0.0); // a saturated model, as lavaan
            measures.put("rmsea.scaled", 0.0);
        }
        // lavaan's srmr for ordinal items: residual correlations over the p(p+1)/2 elements, the diagonal being 0
        measures.put("srmr", Math.sqrt(squares / (p * (p + 1) / 2.0)));
        List<String> empty = sample.emptyCellPairs;
        if (!empty.isEmpty()) {
            warnings.add(empty.size() + " pairs of items have empty cells in their table ("
                    + String.join(", ", empty.subList(0, Math.min(5, empty.size())))
                    + (empty.size() > 5 ? ", ..." : "") + "); as lavaan (tables larger than 2 x 2), nothing is"
                    + " added to them");
        }
        List<ParameterEstimate> table = parameters(spec, m, theta, se, sample, observed);
        double[][] implied = m.implied(theta, sample);
        List<CfaResult.ImpliedMoments> moments =
                List.of(new CfaResult.ImpliedMoments(1, "", observed, implied, new double[0], n));
        if (data.rowCount() > n) {
            warnings.add((data.rowCount() - n) + " cases with a missing value were left out (listwise)");
        }
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
                        "estimator=WLSMV, ordered=" + String.join(",", options.ordered()) + ", missing=listwise"
                                + (options.standardizeLatent() ? ", std.lv=TRUE" : ""),
                        CfaEstimator.REFERENCE));
    }

    private static void refuse(CfaData data, CfaModel model, CfaOptions options, List<String> observed) {
        if (!data.groupLabels().isEmpty()) {
            throw new IllegalArgumentException(
                    "WLSMV with several groups (multigroup ordinal models) is not implemented; fit one group at a"
                            + " time");
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
    private static Fit leastSquares(Model m, WlsmvSample s, double[] r, double[] w, double[] start, int maxIterations) {
        double[] theta = start.clone();
        double lambda = 1e-3;
        double f = objective(m, s, r, w, theta);
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            double[] sigma = m.correlations(theta, s);
            double[][] jac = m.jacobian(theta, s);
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
                double fNext = objective(m, s, r, w, next);
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

    private static double objective(Model m, WlsmvSample s, double[] r, double[] w, double[] theta) {
        double[] sigma = m.correlations(theta, s);
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

    /**
     * The parameter table in lavaan's order: the user's statements, the thresholds, residual variances (not
     * parameters: 1 − the common part), latent (co)variances, then the fixed scale factors ({@code ~*~}, 1) and
     * intercepts and latent means ({@code ~1}, 0).
     */
    private static List<ParameterEstimate> parameters(
            CfaSpecification spec, Model m, double[] theta, double[] se, WlsmvSample s, List<String> observed) {
        double[][] lambda = m.lambda(theta);
        double[][] psi = m.psi(theta);
        double[][] common = m.common(lambda, psi);
        List<ParameterEstimate> out = new ArrayList<>();
        boolean thresholdsDone = false;
        for (Row row : spec.rows) {
            if (!row.user() && !thresholdsDone) {
                thresholdsDone = true;
                addThresholds(out, s, observed);
            }
            int free = m.index(row);
            double est = m.value(row, theta, common);
            double stdAll =
                    switch (row.kind()) {
                        case LOADING -> est * Math.sqrt(psi[row.j()][row.j()]);
                        case PSI -> est / Math.sqrt(psi[row.i()][row.i()] * psi[row.j()][row.j()]);
                        default -> est;
                    };
            out.add(estimate(
                    row.lhs(), row.op(), row.rhs(), row.label(), free >= 0, est, free >= 0 ? se[free] : 0, stdAll));
        }
        if (!thresholdsDone) {
            addThresholds(out, s, observed);
        }
        for (String v : observed) {
            out.add(estimate(v, "~*~", v, "", false, 1, 0, 1));
        }
        for (String v : observed) {
            out.add(estimate(v, "~1", "", "", false, 0, 0, 0));
        }
        for (String f : spec.latent) {
            out.add(estimate(f, "~1", "", "", false, 0, 0, 0));
        }
        return out;
    }

    private static void addThresholds(List<ParameterEstimate> out, WlsmvSample s, List<String> observed) {
        for (int v = 0; v < observed.size(); v++) {
            for (int t = 1; t < s.cuts[v].length - 1; t++) {
                int index = s.thresholdStart[v] + t - 1;
                double est = s.cuts[v][t];
                out.add(estimate(
                        observed.get(v),
                        "|",
                        "t" + t,
                        "",
                        true,
                        est,
                        Math.sqrt(s.gamma[index][index] / (s.n - 1)),
                        est));
            }
        }
    }

    private static ParameterEstimate estimate(
            String lhs, String op, String rhs, String label, boolean free, double est, double se, double stdAll) {
        double z = free && se > 0 ? est / se : Double.NaN;
        double pvalue = Double.isNaN(z) ? Double.NaN : 2 * NORMAL.survivalProbability(Math.abs(z));
        return new ParameterEstimate(
                lhs, op, rhs, 1, label, free, est, se, z, pvalue, est - Z_975 * se, est + Z_975 * se, stdAll);
    }

    /** Λ, Ψ and the residual covariances from the specification, with the residual variances left out. */
    private static final class Model {
        final CfaSpecification spec;
        final int p;
        final int factors;
        /** Per row of the specification: its index in θ, or -1 (fixed, or a residual variance). */
        final int[] index;

        final int q;

        Model(CfaSpecification spec) {
            this.spec = spec;
            this.p = spec.p();
            this.factors = spec.m();
            index = new int[spec.rows.size()];
            Map<Integer, Integer> renumber = new LinkedHashMap<>();
            for (int k = 0; k < spec.rows.size(); k++) {
                Row row = spec.rows.get(k);
                boolean residualVariance = row.kind() == Kind.THETA && row.i() == row.j();
                if (row.free() < 0 || residualVariance) {
                    index[k] = -1;
                } else {
                    index[k] = renumber.computeIfAbsent(row.free(), x -> renumber.size());
                }
            }
            q = renumber.size();
        }

        int index(Row row) {
            return index[spec.rows.indexOf(row)];
        }

        /**
         * Starting values from the polychorics: per factor, the first principal component of its indicators'
         * correlations gives loadings λ̃ (first indicator positive); with a marker its variance starts at λ̃²_marker and
         * the loadings at λ̃/λ̃_marker (so a reversed item starts negative), under std.lv at λ̃. Covariances start at 0.
         */
        double[] start(boolean stdLv, WlsmvSample sample) {
            double[][] tilde = new double[p][factors];
            for (int f = 0; f < factors; f++) {
                List<Integer> items = new ArrayList<>();
                for (Row row : spec.rows) {
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
            for (Row row : spec.rows) {
                if (row.kind() == Kind.LOADING && index(row) < 0 && row.value() != 0 && marker[row.j()] == 0) {
                    marker[row.j()] = tilde[row.i()][row.j()] / row.value();
                }
            }
            double[] theta = new double[q];
            for (int k = 0; k < spec.rows.size(); k++) {
                Row row = spec.rows.get(k);
                if (index[k] < 0) {
                    continue;
                }
                double scale = marker[row.kind() == Kind.LOADING ? row.j() : Math.max(row.i(), 0)];
                boolean scaled = !stdLv && scale != 0;
                theta[index[k]] = switch (row.kind()) {
                    case LOADING -> scaled ? tilde[row.i()][row.j()] / scale : tilde[row.i()][row.j()];
                    case PSI -> row.i() == row.j() ? (scaled ? scale * scale : 1.0) : 0.0;
                    default -> 0.0;
                };
            }
            return theta;
        }

        double value(Row row, double[] theta, double[][] common) {
            if (row.kind() == Kind.THETA && row.i() == row.j()) {
                return 1 - common[row.i()][row.i()];
            }
            int k = index(row);
            return k >= 0 ? theta[k] : row.value();
        }

        double[][] lambda(double[] theta) {
            double[][] l = new double[p][factors];
            for (int k = 0; k < spec.rows.size(); k++) {
                Row row = spec.rows.get(k);
                if (row.kind() == Kind.LOADING) {
                    l[row.i()][row.j()] = index[k] >= 0 ? theta[index[k]] : row.value();
                }
            }
            return l;
        }

        double[][] psi(double[] theta) {
            double[][] s = new double[factors][factors];
            for (int k = 0; k < spec.rows.size(); k++) {
                Row row = spec.rows.get(k);
                if (row.kind() == Kind.PSI) {
                    double v = index[k] >= 0 ? theta[index[k]] : row.value();
                    s[row.i()][row.j()] = v;
                    s[row.j()][row.i()] = v;
                }
            }
            return s;
        }

        double[][] common(double[][] l, double[][] s) {
            double[][] ls = multiply(l, s);
            return multiply(ls, transpose(l));
        }

        /** Σ* with unit diagonal. */
        double[][] implied(double[] theta, WlsmvSample sample) {
            double[][] c = common(lambda(theta), psi(theta));
            for (int k = 0; k < spec.rows.size(); k++) {
                Row row = spec.rows.get(k);
                if (row.kind() == Kind.THETA && row.i() != row.j()) {
                    double v = index[k] >= 0 ? theta[index[k]] : row.value();
                    c[row.i()][row.j()] += v;
                    c[row.j()][row.i()] += v;
                }
            }
            for (int i = 0; i < p; i++) {
                c[i][i] = 1;
            }
            return c;
        }

        /** The implied correlations in the order of the sample's statistics. */
        double[] correlations(double[] theta, WlsmvSample sample) {
            double[][] c = implied(theta, sample);
            double[] out = new double[p * (p - 1) / 2];
            for (int j = 0; j < p - 1; j++) {
                for (int i = j + 1; i < p; i++) {
                    out[sample.correlationIndex(i, j) - sample.thresholdCount] = c[i][j];
                }
            }
            return out;
        }

        /** ∂σ*_ij / ∂θ, rows in the order of the correlations. */
        double[][] jacobian(double[] theta, WlsmvSample sample) {
            double[][] l = lambda(theta);
            double[][] s = psi(theta);
            double[][] ls = multiply(l, s);
            double[][] jac = new double[p * (p - 1) / 2][q];
            for (int j = 0; j < p - 1; j++) {
                for (int i = j + 1; i < p; i++) {
                    int k = sample.correlationIndex(i, j) - sample.thresholdCount;
                    for (int r = 0; r < spec.rows.size(); r++) {
                        int a = index[r];
                        if (a < 0) {
                            continue;
                        }
                        Row row = spec.rows.get(r);
                        int x = row.i();
                        int y = row.j();
                        double d =
                                switch (row.kind()) {
                                    case LOADING -> (i == x ? ls[j][y] : 0) + (j == x ? ls[i][y] : 0);
                                    case PSI -> x == y ? l[i][x] * l[j][x] : l[i][x] * l[j][y] + l[i][y] * l[j][x];
                                    case THETA -> (i == x && j == y) || (i == y && j == x) ? 1 : 0;
                                    default -> 0;
                                };
                        jac[k][a] += d;
                    }
                }
            }
            return jac;
        }
    }
}
