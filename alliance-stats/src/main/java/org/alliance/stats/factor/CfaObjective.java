package org.alliance.stats.factor;

import java.util.List;
import org.alliance.stats.factor.CfaSpecification.Row;
import org.alliance.stats.linalg.SymmetricMatrices;

/**
 * The ML discrepancy F = Σ_g (N_g/N)·F_g with F_g = log|Σ| + tr(S Σ⁻¹) − log|S| − p + (ȳ − μ)′Σ⁻¹(ȳ − μ)
 * (Jöreskog 1969; Bollen 1989, ch. 4), its analytic gradient, the expected information of F/2
 * (Δ′WΔ), a numerical observed information (central differences of the analytic gradient), and the
 * casewise scores for robust standard errors. χ² = N·F.
 *
 * <p>Model: Σ = ΛAΨA′Λ′ + Θ, μ = ν + ΛAα with A = (I − B)⁻¹ and B the structural regressions among the latent
 * variables (Bollen 1989, ch. 8; A = I in a CFA). With Λ* = ΛA the model is Σ = Λ*ΨΛ*′ + Θ, and the derivatives
 * are rank-two terms in Λ* and W = Λ*ΨA′ (below). Derivatives ∂Σ/∂θ_k and ∂μ/∂θ_k are formed per free parameter
 * (summed over the rows an equality constraint ties together), so one formula serves the gradient,
 * the information and the scores: ∂F_g/∂θ_k = tr(M ∂Σ/∂θ_k) − 2 v′∂μ/∂θ_k with
 * M = Σ⁻¹(Σ − S − dd′)Σ⁻¹, d = ȳ − μ, v = Σ⁻¹d.
 */
final class CfaObjective {

    final CfaSpecification spec;
    final List<GroupSample> samples;
    final double[] weights;
    final int total;
    private final double[] constant;
    private final FimlSaturatedModel.Information[] saturated;
    private double[] cachedTheta;
    private final GroupState[] cachedStates;

    /**
     * ∂Σ/∂θ_k of group g as a sum of symmetric rank-two terms Σ_t c_t (V_u V_v′ + V_v V_u′) over the columns of
     * V = [e_1 … e_p, W_1 … W_m, Λ*_1 … Λ*_m] with Λ* = ΛA and W = Λ*ΨA′ (= ΛΨ in a CFA): a loading λ_xf gives
     * e_x W_f′ + W_f e_x′, a residual (co)variance θ_ab gives e_a e_b′ + e_b e_a′ (half of it on the diagonal), a
     * factor (co)variance ψ_fh gives Λ*_f Λ*_h′ + Λ*_h Λ*_f′ (half on the diagonal), a regression β_fh (f on h)
     * gives Λ*_f W_h′ + W_h Λ*_f′ (from ∂A/∂β_fh = A e_f e_h′ A). The traces in the gradient and the information then reduce to
     * entries of V′AV (A = M or Σ⁻¹), so no p×p derivative matrix is ever formed; null when θ_k does not enter Σ_g.
     */
    private final SigmaTerms[][] sigmaTerms;

    /**
     * The same terms flattened for the information's inner loop: where ∂Σ_g/∂θ_k is a single term c(uv′ + vu′)
     * (a parameter without equality constraints, nearly all of them), singleC[g][k] = c, singleU[g][k] = u and
     * singleV[g][k] = v; singleC is NaN where θ_k has no term in g or several.
     */
    private final double[][] singleC;

    private final int[][] singleU;
    private final int[][] singleV;

    /** Coefficients and V-column indices of the rank-two terms of one ∂Σ/∂θ_k. */
    private static final class SigmaTerms {
        double[] c = new double[0];
        int[] u = new int[0];
        int[] v = new int[0];

        void add(double coefficient, int first, int second) {
            int n = c.length;
            c = java.util.Arrays.copyOf(c, n + 1);
            u = java.util.Arrays.copyOf(u, n + 1);
            v = java.util.Arrays.copyOf(v, n + 1);
            c[n] = coefficient;
            u[n] = first;
            v[n] = second;
        }
    }

    /** Model matrices and moments of one group at a parameter vector. */
    static final class GroupState {
        double[][] lambda;
        double[][] theta;
        double[][] psi;
        double[][] beta;
        /** A = (I − B)⁻¹. */
        double[][] a;
        /** Λ* = ΛA. */
        double[][] lambdaStar;
        /** Aα, the latent means (μ = ν + Λ·Aα). */
        double[] latentMean;

        double[] nu;
        double[] alpha;
        double[][] sigma;
        double[] mu;
        double[][] sigmaInv;
        double logDet;
    }

    CfaObjective(CfaSpecification spec, List<GroupSample> samples) {
        this.spec = spec;
        this.samples = samples;
        this.constant = new double[samples.size()];
        this.saturated = new FimlSaturatedModel.Information[samples.size()];
        this.cachedStates = new GroupState[samples.size()];
        for (int g = 0; g < samples.size(); g++) {
            GroupSample s = samples.get(g);
            // F_g = −2(logL_H0 − logL_H1)/N_g; for complete data the constant is log|S| + p.
            constant[g] = s.incomplete()
                    ? 0
                    : SymmetricMatrices.logDeterminant(
                                    SymmetricMatrices.cholesky(s.covariance()).orElseThrow())
                            + spec.p();
        }
        int n = 0;
        for (GroupSample s : samples) {
            n += s.n();
        }
        this.total = n;
        this.weights = new double[samples.size()];
        for (int g = 0; g < samples.size(); g++) {
            weights[g] = samples.get(g).n() / (double) n;
        }
        int p = spec.p();
        int m = spec.m();
        this.sigmaTerms = new SigmaTerms[samples.size()][spec.freeCount];
        for (Row r : spec.rows) {
            if (r.free() < 0) {
                continue;
            }
            SigmaTerms[] group = sigmaTerms[r.group()];
            switch (r.kind()) {
                case LOADING -> terms(group, r.free()).add(1, r.i(), p + r.j());
                case THETA -> terms(group, r.free()).add(r.i() == r.j() ? 0.5 : 1, r.i(), r.j());
                case PSI -> terms(group, r.free()).add(r.i() == r.j() ? 0.5 : 1, p + m + r.i(), p + m + r.j());
                case BETA -> terms(group, r.free()).add(1, p + m + r.i(), p + r.j());
                default -> {
                    // means: no covariance derivative
                }
            }
        }
        this.singleC = new double[samples.size()][spec.freeCount];
        this.singleU = new int[samples.size()][spec.freeCount];
        this.singleV = new int[samples.size()][spec.freeCount];
        for (int g = 0; g < samples.size(); g++) {
            for (int k = 0; k < spec.freeCount; k++) {
                SigmaTerms t = sigmaTerms[g][k];
                boolean single = t != null && t.c.length == 1;
                singleC[g][k] = single ? t.c[0] : Double.NaN;
                singleU[g][k] = single ? t.u[0] : -1;
                singleV[g][k] = single ? t.v[0] : -1;
            }
        }
    }

    private static SigmaTerms terms(SigmaTerms[] group, int free) {
        if (group[free] == null) {
            group[free] = new SigmaTerms();
        }
        return group[free];
    }

    /** The columns of V beyond the unit vectors: W_1 … W_m (W = Λ*ΨA′), then Λ*_1 … Λ*_m (each of length p). */
    private double[][] loadingColumns(GroupState st) {
        int p = spec.p();
        int m = spec.m();
        double[][] lp = spec.structural
                ? SymmetricMatrices.multiply(SymmetricMatrices.multiply(st.lambdaStar, st.psi), transpose(st.a))
                : SymmetricMatrices.multiply(st.lambda, st.psi);
        double[][] w = new double[2 * m][p];
        for (int a = 0; a < p; a++) {
            for (int f = 0; f < m; f++) {
                w[f][a] = lp[a][f];
                w[m + f][a] = st.lambdaStar[a][f];
            }
        }
        return w;
    }

    private static double[][] transpose(double[][] x) {
        int rows = x.length;
        int cols = rows == 0 ? 0 : x[0].length;
        double[][] t = new double[cols][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j][i] = x[i][j];
            }
        }
        return t;
    }

    /** (I − B)⁻¹ = I + B + B² + … for a recursive model (B nilpotent: B^m = 0). */
    private static double[][] inverseOfIMinus(double[][] b) {
        int m = b.length;
        double[][] a = new double[m][m];
        double[][] power = new double[m][m];
        for (int f = 0; f < m; f++) {
            a[f][f] = 1;
            power[f][f] = 1;
        }
        for (int k = 1; k < m; k++) {
            power = SymmetricMatrices.multiply(power, b);
            boolean zero = true;
            for (int f = 0; f < m; f++) {
                for (int h = 0; h < m; h++) {
                    a[f][h] += power[f][h];
                    zero &= power[f][h] == 0;
                }
            }
            if (zero) {
                break;
            }
        }
        return a;
    }

    /** V′AV for a symmetric p×p matrix A ((p + 2m) square; the unit-vector block is A itself). */
    private static double[][] gram(double[][] a, double[][] w) {
        int p = a.length;
        int r = p + w.length;
        double[][] aw = new double[w.length][];
        for (int j = 0; j < w.length; j++) {
            aw[j] = SymmetricMatrices.multiply(a, w[j]);
        }
        double[][] g = new double[r][r];
        for (int i = 0; i < p; i++) {
            System.arraycopy(a[i], 0, g[i], 0, p);
            for (int j = 0; j < w.length; j++) {
                g[i][p + j] = aw[j][i];
                g[p + j][i] = aw[j][i];
            }
        }
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j <= i; j++) {
                double d = 0;
                for (int x = 0; x < p; x++) {
                    d += w[i][x] * aw[j][x];
                }
                g[p + i][p + j] = d;
                g[p + j][p + i] = d;
            }
        }
        return g;
    }

    double valueOf(Row row, double[] theta) {
        return row.free() >= 0 ? theta[row.free()] : row.value();
    }

    /** Model matrices and implied moments; Σ⁻¹ is null when Σ is not positive definite. */
    /**
     * The model matrices and moments of group g at θ. The states of the last θ asked for are kept (the optimiser asks
     * for the value, the gradient and the information at one θ in turn); callers must not change them.
     */
    GroupState state(int g, double[] theta) {
        if (cachedTheta == null || !java.util.Arrays.equals(theta, cachedTheta)) {
            cachedTheta = theta.clone();
            java.util.Arrays.fill(cachedStates, null);
        }
        if (cachedStates[g] == null) {
            cachedStates[g] = computeState(g, theta);
        }
        return cachedStates[g];
    }

    private GroupState computeState(int g, double[] theta) {
        int p = spec.p();
        int m = spec.m();
        GroupState st = new GroupState();
        st.lambda = new double[p][m];
        st.theta = new double[p][p];
        st.psi = new double[m][m];
        st.beta = new double[m][m];
        st.nu = new double[p];
        st.alpha = new double[m];
        for (Row r : spec.rows) {
            if (r.group() != g) {
                continue;
            }
            double v = valueOf(r, theta);
            switch (r.kind()) {
                case LOADING -> st.lambda[r.i()][r.j()] = v;
                case THETA -> {
                    st.theta[r.i()][r.j()] = v;
                    st.theta[r.j()][r.i()] = v;
                }
                case PSI -> {
                    st.psi[r.i()][r.j()] = v;
                    st.psi[r.j()][r.i()] = v;
                }
                case BETA -> st.beta[r.i()][r.j()] = v;
                case NU -> st.nu[r.i()] = v;
                case ALPHA -> st.alpha[r.i()] = v;
            }
        }
        if (spec.structural) {
            st.a = inverseOfIMinus(st.beta);
            st.lambdaStar = m == 0 ? new double[p][0] : SymmetricMatrices.multiply(st.lambda, st.a);
            st.latentMean = SymmetricMatrices.multiply(st.a, st.alpha);
        } else {
            st.a = new double[m][m];
            for (int f = 0; f < m; f++) {
                st.a[f][f] = 1;
            }
            st.lambdaStar = st.lambda;
            st.latentMean = st.alpha;
        }
        double[][] lp = SymmetricMatrices.multiply(st.lambdaStar, st.psi);
        st.sigma = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b <= a; b++) {
                double s = st.theta[a][b];
                for (int f = 0; f < m; f++) {
                    s += lp[a][f] * st.lambdaStar[b][f];
                }
                st.sigma[a][b] = s;
                st.sigma[b][a] = s;
            }
        }
        st.mu = new double[p];
        for (int a = 0; a < p; a++) {
            double s = st.nu[a];
            // μ = ν + Λ(Aα): the latent means Aα already carry A.
            for (int f = 0; f < m; f++) {
                s += st.lambda[a][f] * st.latentMean[f];
            }
            st.mu[a] = s;
        }
        var chol = SymmetricMatrices.cholesky(st.sigma);
        if (chol.isPresent()) {
            st.sigmaInv = SymmetricMatrices.inverseFromCholesky(chol.get());
            st.logDet = SymmetricMatrices.logDeterminant(chol.get());
        }
        return st;
    }

    /** F_g at a state (Σ positive definite). */
    double discrepancy(int g, GroupState st) {
        GroupSample s = samples.get(g);
        int p = spec.p();
        if (s.incomplete()) {
            double logL = 0;
            for (MissingPattern pattern : s.patterns()) {
                logL += pattern.logLikelihood(st.mu, st.sigma);
            }
            return Double.isNaN(logL) ? Double.POSITIVE_INFINITY : -2 * (logL - s.h1LogLikelihood()) / s.n();
        }
        double f = st.logDet + SymmetricMatrices.traceOfProduct(s.covariance(), st.sigmaInv) - constant[g];
        if (spec.meanStructure) {
            double[] d = meanResidual(g, st);
            double[] v = SymmetricMatrices.multiply(st.sigmaInv, d);
            for (int a = 0; a < p; a++) {
                f += d[a] * v[a];
            }
        }
        return f;
    }

    double[] meanResidual(int g, GroupState st) {
        double[] d = new double[spec.p()];
        if (spec.meanStructure) {
            for (int a = 0; a < d.length; a++) {
                d[a] = samples.get(g).mean()[a] - st.mu[a];
            }
        }
        return d;
    }

    /** F = Σ w_g F_g, or +∞ when an implied covariance matrix is not positive definite. */
    double value(double[] theta) {
        double f = 0;
        for (int g = 0; g < samples.size(); g++) {
            GroupState st = state(g, theta);
            if (st.sigmaInv == null) {
                return Double.POSITIVE_INFINITY;
            }
            f += weights[g] * discrepancy(g, st);
        }
        return f;
    }

    /** ∂Σ/∂θ_k (p×p) for every free k in group g, formed from its rank-two terms; null for parameters not in g. */
    double[][][] sigmaDerivatives(int g, GroupState st) {
        int p = spec.p();
        double[][] w = loadingColumns(st);
        double[][][] d = new double[spec.freeCount][][];
        SigmaTerms[] terms = sigmaTerms[g];
        for (int k = 0; k < d.length; k++) {
            SigmaTerms t = terms[k];
            if (t == null) {
                continue;
            }
            double[][] ds = new double[p][p];
            for (int x = 0; x < t.c.length; x++) {
                double[] u = column(w, t.u[x], p);
                double[] v = column(w, t.v[x], p);
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        ds[a][b] += t.c[x] * (u[a] * v[b] + v[a] * u[b]);
                    }
                }
            }
            d[k] = ds;
        }
        return d;
    }

    /** Column c of V = [e_1 … e_p, W, Λ*]. */
    private static double[] column(double[][] w, int c, int p) {
        if (c >= p) {
            return w[c - p];
        }
        double[] e = new double[p];
        e[c] = 1;
        return e;
    }

    /** ∂μ/∂θ_k for every free k in group g (null when zero). */
    double[][] meanDerivatives(int g, GroupState st) {
        int p = spec.p();
        double[][] d = new double[spec.freeCount][];
        if (!spec.meanStructure) {
            return d;
        }
        for (Row r : spec.rows) {
            if (r.group() != g || r.free() < 0) {
                continue;
            }
            double[] dm = d[r.free()] == null ? new double[p] : d[r.free()];
            switch (r.kind()) {
                case LOADING -> dm[r.i()] += st.latentMean[r.j()];
                case NU -> dm[r.i()] += 1;
                case ALPHA -> {
                    // ∂(ΛAα)/∂α_f = Λ*_f
                    for (int a = 0; a < p; a++) {
                        dm[a] += st.lambdaStar[a][r.i()];
                    }
                }
                case BETA -> {
                    // ∂(ΛAα)/∂β_fh = ΛA e_f e_h′ Aα = Λ*_f (Aα)_h
                    for (int a = 0; a < p; a++) {
                        dm[a] += st.lambdaStar[a][r.i()] * st.latentMean[r.j()];
                    }
                }
                default -> {
                    continue;
                }
            }
            d[r.free()] = dm;
        }
        return d;
    }

    /** ∂F/∂θ (analytic); NaN entries when an implied covariance is not positive definite. */
    double[] gradient(double[] theta) {
        int p = spec.p();
        double[][][] m = new double[samples.size()][][];
        double[][] v = new double[samples.size()][];
        if (!residualTerms(theta, m, v)) {
            double[] grad = new double[spec.freeCount];
            java.util.Arrays.fill(grad, Double.NaN);
            return grad;
        }
        return gradientWith(theta, m, v);
    }

    /**
     * The data's part of the gradient of each group at θ: M (p×p) and v (p) with ∂F_g/∂θ_k = tr(M ∂Σ/∂θ_k) −
     * 2v′∂μ/∂θ_k; with missing values summed over the patterns. False when an implied covariance is not positive
     * definite.
     */
    private boolean residualTerms(double[] theta, double[][][] m, double[][] v) {
        int p = spec.p();
        for (int g = 0; g < samples.size(); g++) {
            GroupState st = state(g, theta);
            if (st.sigmaInv == null) {
                return false;
            }
            if (samples.get(g).incomplete()) {
                m[g] = new double[p][p];
                v[g] = new double[p];
                if (!patternTerms(samples.get(g), st, m[g], v[g])) {
                    return false;
                }
            } else {
                double[] d = meanResidual(g, st);
                v[g] = SymmetricMatrices.multiply(st.sigmaInv, d);
                m[g] = matrixM(st.sigmaInv, st.sigma, samples.get(g).covariance(), d);
            }
        }
        return true;
    }

    /** Σ_g w_g [tr(M_g ∂Σ_g/∂θ_k) − 2v_g′∂μ_g/∂θ_k] at θ for given M_g and v_g. */
    private double[] gradientWith(double[] theta, double[][][] m, double[][] v) {
        double[] grad = new double[spec.freeCount];
        int p = spec.p();
        for (int g = 0; g < samples.size(); g++) {
            GroupState st = state(g, theta);
            // tr(M ∂Σ/∂θ_k) = Σ_t c_t (V_u′MV_v + V_v′MV_u)
            double[][] h = gram(m[g], loadingColumns(st));
            double[][] dm = meanDerivatives(g, st);
            SigmaTerms[] terms = sigmaTerms[g];
            for (int k = 0; k < grad.length; k++) {
                double gk = 0;
                SigmaTerms t = terms[k];
                if (t != null) {
                    for (int x = 0; x < t.c.length; x++) {
                        gk += t.c[x] * (h[t.u[x]][t.v[x]] + h[t.v[x]][t.u[x]]);
                    }
                }
                if (dm[k] != null) {
                    for (int a = 0; a < p; a++) {
                        gk -= 2 * v[g][a] * dm[k][a];
                    }
                }
                grad[k] += weights[g] * gk;
            }
        }
        return grad;
    }

    /** M = Σ⁻¹(Σ − S − dd′)Σ⁻¹. */
    private static double[][] matrixM(double[][] sigmaInv, double[][] sigma, double[][] s, double[] d) {
        int p = sigma.length;
        double[][] inner = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                inner[a][b] = sigma[a][b] - s[a][b] - d[a] * d[b];
            }
        }
        double[][] left = SymmetricMatrices.multiply(sigmaInv, inner);
        // The product is symmetric: compute the lower triangle and mirror it.
        double[][] m = new double[p][p];
        for (int a = 0; a < p; a++) {
            double[] row = left[a];
            for (int b = 0; b <= a; b++) {
                double[] column = sigmaInv[b];
                double sum = 0;
                for (int c = 0; c < p; c++) {
                    sum += row[c] * column[c];
                }
                m[a][b] = sum;
                m[b][a] = sum;
            }
        }
        return m;
    }

    /**
     * FIML: the gradient terms summed over missingness patterns, each pattern's M and v (computed on its
     * observed variables) weighted by n_P/N_g and embedded in the full p×p matrix and p-vector.
     */
    private static boolean patternTerms(GroupSample s, GroupState st, double[][] mFull, double[] vFull) {
        for (MissingPattern pattern : s.patterns()) {
            double[][] sub = pattern.sub(st.sigma);
            var chol = SymmetricMatrices.cholesky(sub);
            if (chol.isEmpty()) {
                return false;
            }
            double[][] inv = SymmetricMatrices.inverseFromCholesky(chol.get());
            double[] d = pattern.sub(st.mu);
            for (int a = 0; a < d.length; a++) {
                d[a] = pattern.mean()[a] - d[a];
            }
            double[] v = SymmetricMatrices.multiply(inv, d);
            double[][] m;
            if (pattern.n() == 1) {
                // A single case: its covariance about the pattern mean is zero, so M = Σ⁻¹ − vv′.
                m = new double[v.length][v.length];
                for (int a = 0; a < v.length; a++) {
                    for (int b = 0; b < v.length; b++) {
                        m[a][b] = inv[a][b] - v[a] * v[b];
                    }
                }
            } else {
                m = matrixM(inv, sub, pattern.covariance(), d);
            }
            double w = pattern.n() / (double) s.n();
            int[] o = pattern.observed();
            for (int a = 0; a < o.length; a++) {
                vFull[o[a]] += w * v[a];
                for (int b = 0; b < o.length; b++) {
                    mFull[o[a]][o[b]] += w * m[a][b];
                }
            }
        }
        return true;
    }

    /**
     * Expected information of F/2: Σ_g w_g [½ tr(Σ⁻¹Σ_kΣ⁻¹Σ_l) + μ_k′Σ⁻¹μ_l], the trace from the rank-two terms:
     * tr(Σ⁻¹(uv′ + vu′)Σ⁻¹(wz′ + zw′)) = G_vw G_zu + G_vz G_wu + G_uw G_zv + G_uz G_wv with G = V′Σ⁻¹V. With
     * missing values (FIML) the sum runs over the missingness patterns too (lavaan's structured expected
     * information for {@code missing = "ml"}: each pattern's observed variables at the model-implied moments).
     */
    double[][] expectedInformation(double[] theta) {
        return expectedInformation(theta, true);
    }

    /**
     * The metric of the optimiser's Fisher-scoring steps: the expected information as if no value were missing (the
     * complete-data formula at the model-implied moments). Any positive definite metric leads to the same optimum;
     * this one costs one term per group instead of one per missingness pattern. Equal to {@link
     * #expectedInformation} for complete data.
     */
    double[][] scoringInformation(double[] theta) {
        return expectedInformation(theta, false);
    }

    private double[][] expectedInformation(double[] theta, boolean byPattern) {
        int q = spec.freeCount;
        double[][] info = new double[q][q];
        for (int g = 0; g < samples.size(); g++) {
            GroupState st = state(g, theta);
            GroupSample sample = samples.get(g);
            if (!sample.incomplete() || !byPattern) {
                addExpectedInformation(info, g, st, st.sigmaInv, weights[g]);
                continue;
            }
            // FIML: lavaan's structured expected information, summed over the missingness patterns, each with the
            // information of its observed variables at the model-implied moments. With P = E′Σ_O⁻¹E (Σ_O⁻¹ set into
            // the observed rows and columns, zeros elsewhere), tr(PΣ_kPΣ_l) = tr(Σ_O⁻¹Σ_k,OΣ_O⁻¹Σ_l,O) and
            // μ_k′Pμ_l = μ_k,O′Σ_O⁻¹μ_l,O, so the complete-data formula serves with P in place of Σ⁻¹.
            int p = spec.p();
            for (MissingPattern pattern : sample.patterns()) {
                int[] o = pattern.observed();
                double[][] sub = pattern.sub(st.sigma);
                double[][] subInverse = SymmetricMatrices.inverse(sub, 1e-12)
                        .orElseThrow(() -> new IllegalArgumentException("the model-implied covariance of a"
                                + " missingness pattern is singular: the expected information is not available"));
                double[][] padded = new double[p][p];
                for (int a = 0; a < o.length; a++) {
                    for (int b = 0; b < o.length; b++) {
                        padded[o[a]][o[b]] = subInverse[a][b];
                    }
                }
                addExpectedInformation(info, g, st, padded, weights[g] * pattern.n() / sample.n());
            }
        }
        return info;
    }

    /** Adds weight × the expected information of group g with {@code inverse} as Σ⁻¹ to info. */
    private void addExpectedInformation(double[][] info, int g, GroupState st, double[][] inverse, double weight) {
        int q = spec.freeCount;
        double[][] gm = gram(inverse, loadingColumns(st));
        double[][] dm = meanDerivatives(g, st);
        SigmaTerms[] terms = sigmaTerms[g];
        double[][] vm = new double[q][];
        for (int k = 0; k < q; k++) {
            if (dm[k] != null) {
                vm[k] = SymmetricMatrices.multiply(inverse, dm[k]);
            }
        }
        double[] c = singleC[g];
        int[] su = singleU[g];
        int[] sv = singleV[g];
        int r = gm.length;
        double[] columnU = new double[r];
        double[] columnV = new double[r];
        for (int k = 0; k < q; k++) {
            SigmaTerms tk = terms[k];
            // For a single term, the rows and columns of G it needs are taken once for the whole row k of the
            // information, and the trace against another single term is the four products of traceOfTerms in the
            // same order (the same bits).
            boolean single = !Double.isNaN(c[k]);
            double[] rowU = null;
            double[] rowV = null;
            if (single) {
                rowU = gm[su[k]];
                rowV = gm[sv[k]];
                for (int x = 0; x < r; x++) {
                    columnU[x] = gm[x][su[k]];
                    columnV[x] = gm[x][sv[k]];
                }
            }
            for (int l = 0; l <= k; l++) {
                SigmaTerms tl = terms[l];
                double s = 0;
                if (single && !Double.isNaN(c[l])) {
                    int w = su[l];
                    int z = sv[l];
                    s += 0.5
                            * (c[k]
                                    * c[l]
                                    * (rowV[w] * columnU[z]
                                            + rowV[z] * columnU[w]
                                            + rowU[w] * columnV[z]
                                            + rowU[z] * columnV[w]));
                } else if (tk != null && tl != null) {
                    s += 0.5 * traceOfTerms(gm, gm, tk, tl);
                }
                if (vm[k] != null && dm[l] != null) {
                    for (int x = 0; x < vm[k].length; x++) {
                        s += vm[k][x] * dm[l][x];
                    }
                }
                info[k][l] += weight * s;
                if (l != k) {
                    info[l][k] += weight * s;
                }
            }
        }
    }

    /**
     * Whether {@link #analyticObservedInformation} applies (else only central differences of the gradient, 2q
     * gradients): with structural regressions the second derivatives of Σ have more terms, and means, groups and
     * missingness patterns are not in the closed form.
     */
    boolean hasAnalyticObservedInformation() {
        return !spec.structural
                && !spec.meanStructure
                && samples.size() == 1
                && !samples.get(0).incomplete();
    }

    /**
     * The observed information of F/2 in closed form, for one group with complete data, no mean structure and no
     * structural regressions (null otherwise, or when Σ is not positive definite). With M = Σ⁻¹ − P, P = Σ⁻¹SΣ⁻¹:
     * ∂²F/∂θ_k∂θ_l = tr(Σ⁻¹Σ_kPΣ_l) + tr(Σ⁻¹Σ_lPΣ_k) − tr(Σ⁻¹Σ_kΣ⁻¹Σ_l) + tr(M ∂²Σ/∂θ_k∂θ_l), where the second
     * derivative of Σ = ΛΨΛ′ + Θ is ψ_fh(e_x e_y′ + e_y e_x′) for loadings λ_xf, λ_yh and e_x w′ + w e_x′ for a
     * loading λ_xf and a factor (co)variance ψ_gh (w = ∂(Λψ_f)/∂ψ_gh, ψ_f row f of Ψ). The traces come from the
     * rank-two terms of ∂Σ/∂θ, so this costs a few products of p×p matrices instead of 2q gradients.
     */
    double[][] analyticObservedInformation(double[] theta) {
        if (!hasAnalyticObservedInformation()) {
            return null;
        }
        GroupState st = state(0, theta);
        if (st.sigmaInv == null) {
            return null;
        }
        int p = spec.p();
        int q = spec.freeCount;
        double[][] sigmaInv = st.sigmaInv;
        double[][] pm = SymmetricMatrices.multiply(
                SymmetricMatrices.multiply(sigmaInv, samples.get(0).covariance()), sigmaInv);
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                double v = 0.5 * (pm[a][b] + pm[b][a]);
                pm[a][b] = v;
                pm[b][a] = v;
            }
        }
        double[][] w = loadingColumns(st);
        double[][] gs = gram(sigmaInv, w);
        double[][] gp = gram(pm, w);
        double[][] m = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                m[a][b] = sigmaInv[a][b] - pm[a][b];
            }
        }
        SigmaTerms[] terms = sigmaTerms[0];
        List<List<Row>> rowsOf = new java.util.ArrayList<>();
        for (int k = 0; k < q; k++) {
            rowsOf.add(new java.util.ArrayList<>());
        }
        for (Row r : spec.rows) {
            if (r.free() >= 0 && (r.kind() == CfaSpecification.Kind.LOADING || r.kind() == CfaSpecification.Kind.PSI)) {
                rowsOf.get(r.free()).add(r);
            }
        }
        double[][] h = new double[q][q];
        double[] c = singleC[0];
        int[] su = singleU[0];
        int[] sv = singleV[0];
        for (int k = 0; k < q; k++) {
            // As in addExpectedInformation: a single term's rows of G_Σ⁻¹ and G_P are taken once per row k. Both
            // matrices are exactly symmetric (mirrored), so G[z][u] = G[u][z] and the products below are the ones
            // traceOfTerms forms, summed in its order (the same bits).
            boolean single = !Double.isNaN(c[k]);
            double[] sU = single ? gs[su[k]] : null;
            double[] sV = single ? gs[sv[k]] : null;
            double[] pU = single ? gp[su[k]] : null;
            double[] pV = single ? gp[sv[k]] : null;
            for (int l = 0; l <= k; l++) {
                double d = 0;
                if (single && !Double.isNaN(c[l])) {
                    int x = su[l];
                    int z = sv[l];
                    double cc = c[k] * c[l];
                    d = cc * (pV[x] * sU[z] + pV[z] * sU[x] + pU[x] * sV[z] + pU[z] * sV[x])
                            + cc * (pU[z] * sV[x] + pV[z] * sU[x] + pU[x] * sV[z] + pV[x] * sU[z])
                            - cc * (sV[x] * sU[z] + sV[z] * sU[x] + sU[x] * sV[z] + sU[z] * sV[x]);
                } else if (terms[k] != null && terms[l] != null) {
                    d = traceOfTerms(0, gs, gp, k, l) + traceOfTerms(0, gs, gp, l, k) - traceOfTerms(0, gs, gs, k, l);
                }
                for (Row r : rowsOf.get(k)) {
                    for (Row o : rowsOf.get(l)) {
                        d += secondDerivativeTrace(m, st, r, o);
                    }
                }
                h[k][l] = 0.5 * d;
                h[l][k] = 0.5 * d;
            }
        }
        return h;
    }

    /** tr(A Σ_k B Σ_l) in group g from G_A = V′AV and G_B = V′BV (both θ_k and θ_l enter Σ_g). */
    private double traceOfTerms(int g, double[][] ga, double[][] gb, int k, int l) {
        double ck = singleC[g][k];
        double cl = singleC[g][l];
        if (Double.isNaN(ck) || Double.isNaN(cl)) {
            return traceOfTerms(ga, gb, sigmaTerms[g][k], sigmaTerms[g][l]);
        }
        int u = singleU[g][k];
        int v = singleV[g][k];
        int w = singleU[g][l];
        int z = singleV[g][l];
        return ck * cl * (gb[v][w] * ga[z][u] + gb[v][z] * ga[w][u] + gb[u][w] * ga[z][v] + gb[u][z] * ga[w][v]);
    }

    /** tr(A Σ_k B Σ_l) from G_A = V′AV and G_B = V′BV. */
    private static double traceOfTerms(double[][] ga, double[][] gb, SigmaTerms tk, SigmaTerms tl) {
        double trace = 0;
        for (int a = 0; a < tk.c.length; a++) {
            int u = tk.u[a];
            int v = tk.v[a];
            for (int b = 0; b < tl.c.length; b++) {
                int w = tl.u[b];
                int z = tl.v[b];
                trace += tk.c[a]
                        * tl.c[b]
                        * (gb[v][w] * ga[z][u] + gb[v][z] * ga[w][u] + gb[u][w] * ga[z][v] + gb[u][z] * ga[w][v]);
            }
        }
        return trace;
    }

    /** tr(M ∂²Σ/∂r∂o) for two parameter-table rows (loadings and factor (co)variances; zero otherwise). */
    private static double secondDerivativeTrace(double[][] m, GroupState st, Row r, Row o) {
        if (r.kind() == CfaSpecification.Kind.LOADING && o.kind() == CfaSpecification.Kind.LOADING) {
            return 2 * st.psi[r.j()][o.j()] * m[r.i()][o.i()];
        }
        if (r.kind() == CfaSpecification.Kind.PSI && o.kind() == CfaSpecification.Kind.LOADING) {
            return secondDerivativeTrace(m, st, o, r);
        }
        if (r.kind() != CfaSpecification.Kind.LOADING || o.kind() != CfaSpecification.Kind.PSI) {
            return 0;
        }
        int x = r.i();
        int f = r.j();
        int g = o.i();
        int h = o.j();
        double t = 0;
        if (f == g) {
            for (int a = 0; a < m.length; a++) {
                t += m[x][a] * st.lambda[a][h];
            }
        }
        if (f == h && g != h) {
            for (int a = 0; a < m.length; a++) {
                t += m[x][a] * st.lambda[a][g];
            }
        }
        return 2 * t;
    }

    /**
     * Observed information of F/2 = −(logL − logL_H1)/N: (1/N) Σ_g [Δ_g′A_gΔ_g + Σ_j G_gj ∂²m_gj/∂θ∂θ′] with m = (μ,
     * vech Σ) the implied moments, Δ = ∂m/∂θ, A the observed information of the normal likelihood in the moments
     * at the implied moments (summed over the cases, by missingness pattern with FIML: {@link
     * FimlSaturatedModel#observedInformation}) and G = ∂(−logL)/∂m. The second term is taken by central differences
     * of the gradient with the data's part (M, v) held at θ, which needs no pass over the data; the first is
     * analytic. Exact for any model this class fits (structural ones included) where the old way took central
     * differences of the whole gradient: 2q passes over every missingness pattern ({@link
     * #observedInformationByDifferences}, kept for the tests). NaN entries where an implied covariance is not
     * positive definite.
     */
    double[][] observedInformation(double[] theta) {
        int q = spec.freeCount;
        int p = spec.p();
        int groups = samples.size();
        double[][][] m = new double[groups][][];
        double[][] v = new double[groups][];
        double[][] h = new double[q][q];
        if (!residualTerms(theta, m, v)) {
            for (double[] row : h) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            return h;
        }
        for (int g = 0; g < groups; g++) {
            GroupState st = state(g, theta);
            GroupSample s = samples.get(g);
            // Without a mean structure the means are the sample means (saturated), so they add nothing.
            double[] mu = spec.meanStructure ? st.mu : s.mean();
            double[][] a = FimlSaturatedModel.observedInformation(s, mu, st.sigma);
            double[][] delta = momentJacobian(g, st);
            double[][] ad = SymmetricMatrices.multiply(a, delta);
            for (int k = 0; k < q; k++) {
                for (int l = 0; l <= k; l++) {
                    double sum = 0;
                    for (int i = 0; i < delta.length; i++) {
                        sum += delta[i][k] * ad[i][l];
                    }
                    h[k][l] += sum / total;
                }
            }
        }
        for (int l = 0; l < q; l++) {
            double step = 1e-5 * Math.max(1, Math.abs(theta[l]));
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[l] += step;
            down[l] -= step;
            double[] gu = gradientWith(up, m, v);
            double[] gd = gradientWith(down, m, v);
            for (int k = 0; k < q; k++) {
                double second = (gu[k] - gd[k]) / (2 * step) / 2;
                // symmetrised: half of each of the two central differences (the diagonal has one)
                if (k == l) {
                    h[k][l] += second;
                } else if (k > l) {
                    h[k][l] += 0.5 * second;
                } else {
                    h[l][k] += 0.5 * second;
                }
            }
        }
        for (int k = 0; k < q; k++) {
            for (int l = 0; l < k; l++) {
                h[l][k] = h[k][l];
            }
        }
        return h;
    }

    /**
     * Δ = ∂(μ, vech Σ)/∂θ of group g, rows in {@link FimlSaturatedModel}'s order (the p means, then σ_ab for a ≥ b
     * once each).
     */
    double[][] momentJacobian(int g, GroupState st) {
        int p = spec.p();
        int q = spec.freeCount;
        double[][] delta = new double[FimlSaturatedModel.dimension(p)][q];
        double[][][] ds = sigmaDerivatives(g, st);
        double[][] dm = meanDerivatives(g, st);
        for (int k = 0; k < q; k++) {
            for (int x = 0; x < p; x++) {
                if (dm[k] != null) {
                    delta[x][k] = dm[k][x];
                }
                if (ds[k] != null) {
                    for (int y = 0; y <= x; y++) {
                        delta[FimlSaturatedModel.sigmaIndex(p, x, y)][k] = ds[k][x][y];
                    }
                }
            }
        }
        return delta;
    }

    /** Observed information of F/2 by central differences of the analytic gradient (symmetrised). */
    double[][] observedInformationByDifferences(double[] theta) {
        int q = spec.freeCount;
        double[][] h = new double[q][q];
        for (int k = 0; k < q; k++) {
            double step = 1e-5 * Math.max(1, Math.abs(theta[k]));
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[k] += step;
            down[k] -= step;
            double[] gu = gradient(up);
            double[] gd = gradient(down);
            for (int l = 0; l < q; l++) {
                h[l][k] = (gu[l] - gd[l]) / (2 * step) / 2;
            }
        }
        for (int k = 0; k < q; k++) {
            for (int l = 0; l < k; l++) {
                double s = 0.5 * (h[k][l] + h[l][k]);
                h[k][l] = s;
                h[l][k] = s;
            }
        }
        return h;
    }

    /**
     * B = (1/N) Σ_i s_i s_i′ with s_i the casewise score of the log-likelihood,
     * s_ik = −½[tr(Σ⁻¹Σ_k) − u′Σ_k u − 2u′μ_k], u = Σ⁻¹(y_i − μ); without a mean structure μ = ȳ. With missing
     * values (FIML) Σ, Σ_k and μ_k are taken over the case's observed variables (Σ_oo⁻¹ of its missingness pattern),
     * as lavaan's first-order information for {@code missing = "ml"}. The traces come from G = V′Σ⁻¹V and the
     * quadratic forms from z = V′u by the rank-two terms of Σ_k, so no p×p product is formed per case.
     */
    double[][] scoreCrossProducts(double[] theta) {
        int q = spec.freeCount;
        int p = spec.p();
        double[][] b = new double[q][q];
        for (int g = 0; g < samples.size(); g++) {
            GroupState st = state(g, theta);
            double[][] w = loadingColumns(st);
            double[][] dm = meanDerivatives(g, st);
            SigmaTerms[] terms = sigmaTerms[g];
            // Only the parameters of this group (its own and those shared by equality) have a score here; the
            // others' are zero, so the cross products skip them (with several groups most of q).
            int[] active = java.util.stream.IntStream.range(0, q)
                    .filter(k -> terms[k] != null || dm[k] != null)
                    .toArray();
            GroupSample s = samples.get(g);
            if (s.incomplete()) {
                for (MissingPattern pattern : s.patterns()) {
                    int[] o = pattern.observed();
                    double[][] inv = SymmetricMatrices.inverseFromCholesky(SymmetricMatrices.cholesky(
                                    pattern.sub(st.sigma))
                            .orElseThrow(() -> new IllegalStateException("implied covariance not positive definite")));
                    double[][] residuals = new double[pattern.n()][o.length];
                    for (int i = 0; i < residuals.length; i++) {
                        for (int a = 0; a < o.length; a++) {
                            residuals[i][a] = pattern.cases()[i][a] - st.mu[o[a]];
                        }
                    }
                    addScores(b, active, terms, dm, w, o, inv, residuals);
                }
            } else {
                double[] d = meanResidual(g, st);
                double[][] residuals = new double[s.n()][p];
                for (int i = 0; i < residuals.length; i++) {
                    for (int a = 0; a < p; a++) {
                        residuals[i][a] = s.centredColumns()[a][i] + d[a];
                    }
                }
                addScores(
                        b,
                        active,
                        terms,
                        dm,
                        w,
                        java.util.stream.IntStream.range(0, p).toArray(),
                        st.sigmaInv,
                        residuals);
            }
        }
        for (int k = 0; k < q; k++) {
            for (int l = 0; l <= k; l++) {
                b[k][l] /= total;
                b[l][k] = b[k][l];
            }
        }
        return b;
    }

    /**
     * Adds s_i s_i′ (lower triangle, active parameters) for cases observed on the variables o, with the inverse
     * covariance of those variables and each case's residuals y_o − μ_o.
     */
    private void addScores(
            double[][] b,
            int[] active,
            SigmaTerms[] terms,
            double[][] dm,
            double[][] w,
            int[] o,
            double[][] inverse,
            double[][] residuals) {
        int p = spec.p();
        double[][] padded = new double[p][p];
        for (int a = 0; a < o.length; a++) {
            for (int c = 0; c < o.length; c++) {
                padded[o[a]][o[c]] = inverse[a][c];
            }
        }
        double[][] gramMatrix = gram(padded, w);
        double[] traces = new double[terms.length];
        for (int k : active) {
            SigmaTerms t = terms[k];
            if (t != null) {
                for (int x = 0; x < t.c.length; x++) {
                    traces[k] += t.c[x] * (gramMatrix[t.u[x]][t.v[x]] + gramMatrix[t.v[x]][t.u[x]]);
                }
            }
        }
        double[] u = new double[p];
        double[] z = new double[p + w.length];
        double[] score = new double[terms.length];
        for (double[] r : residuals) {
            for (int a = 0; a < o.length; a++) {
                double sum = 0;
                for (int c = 0; c < o.length; c++) {
                    sum += inverse[a][c] * r[c];
                }
                u[o[a]] = sum;
            }
            System.arraycopy(u, 0, z, 0, p);
            for (int j = 0; j < w.length; j++) {
                double sum = 0;
                for (int a : o) {
                    sum += w[j][a] * u[a];
                }
                z[p + j] = sum;
            }
            for (int k : active) {
                double sk = traces[k];
                SigmaTerms t = terms[k];
                if (t != null) {
                    for (int x = 0; x < t.c.length; x++) {
                        sk -= 2 * t.c[x] * z[t.u[x]] * z[t.v[x]];
                    }
                }
                if (dm[k] != null) {
                    for (int a : o) {
                        sk -= 2 * u[a] * dm[k][a];
                    }
                }
                score[k] = -0.5 * sk;
            }
            for (int x = 0; x < active.length; x++) {
                int k = active[x];
                double[] row = b[k];
                double sk = score[k];
                for (int y = 0; y <= x; y++) {
                    row[active[y]] += sk * score[active[y]];
                }
            }
        }
    }

    /** A₁ and B₁ of group g's saturated model at its EM estimates (computed once: MLR's test and FIML-C need them). */
    FimlSaturatedModel.Information saturatedInformation(int g) {
        if (saturated[g] == null) {
            saturated[g] = FimlSaturatedModel.information(samples.get(g));
        }
        return saturated[g];
    }

    /**
     * tr(A₁⁻¹B₁) = tr(Γ A₁) of the saturated (h1) model, Σ_g tr(Γ_g A₁,g) (the group weights N_g/N of A₁
     * and B₁ cancel), with A₁ evaluated at the sample moments:
     * for the covariances ½((1/N_g) Σ_i m_i² − p) with m_i = (y_i − ȳ)′S⁻¹(y_i − ȳ) (Mardia's multivariate
     * kurtosis minus its normal value), plus p for the means when the model has a mean structure. A group with
     * missing values (FIML) takes A₁ and B₁ of the saturated model at its EM estimates ({@link
     * FimlSaturatedModel}), as lavaan's Yuan–Bentler–Mplus test ({@code h1.information = "unstructured"}).
     */
    double saturatedTrace(List<double[][]> sampleInverses) {
        int p = spec.p();
        double t = 0;
        for (int g = 0; g < samples.size(); g++) {
            if (samples.get(g).incomplete()) {
                t += FimlSaturatedModel.sandwichTrace(saturatedInformation(g));
                continue;
            }
            double[][] sInv = sampleInverses.get(g);
            double sum = 0;
            double[][] columns = samples.get(g).centredColumns();
            double[] c = new double[p];
            for (int i = 0; i < samples.get(g).n(); i++) {
                for (int a = 0; a < p; a++) {
                    c[a] = columns[a][i];
                }
                double[] u = SymmetricMatrices.multiply(sInv, c);
                double mi = 0;
                for (int a = 0; a < p; a++) {
                    mi += c[a] * u[a];
                }
                sum += mi * mi;
            }
            double tg = 0.5 * (sum / samples.get(g).n() - p);
            if (spec.meanStructure) {
                tg += p;
            }
            t += tg;
        }
        return t;
    }
}
