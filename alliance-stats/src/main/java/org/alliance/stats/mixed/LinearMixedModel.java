package org.alliance.stats.mixed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alliance.stats.linalg.HouseholderQr;
import org.alliance.stats.linalg.SymmetricMatrices;
import org.alliance.stats.regression.Columns;
import org.alliance.stats.regression.DesignMatrix;
import org.alliance.stats.regression.LevelOrder;

/**
 * Linear mixed models y = Xβ + Zb + ε, b ~ N(0, σ²ΛΛᵀ), ε ~ N(0, σ²I), fitted as lme4's {@code lmer} does (Bates,
 * Mächler, Bolker &amp; Walker 2015, "Fitting linear mixed-effects models using lme4", JSS 67(1), section 3):
 *
 * <ul>
 *   <li>Λ_θ is block diagonal, one lower-triangular m×m template T_k per random-effects term (m = 1 + number of random
 *       slopes), repeated for each level of its grouping factor; θ holds the lower triangles column by column, terms in
 *       order of decreasing number of levels (lme4's order); diagonal elements of θ are bounded below by 0.
 *   <li>For given θ the penalised least squares problem min ‖y − Xβ − ZΛu‖² + ‖u‖² is solved through the Cholesky
 *       factor of [[ΛᵀZᵀZΛ + I, ΛᵀZᵀX], [XᵀZΛ, XᵀX]] (block-diagonal for the first term; after it the Schur
 *       complement of the other terms and X, whose pattern is analysed once per fit — minimum-degree order, X last —
 *       by {@link org.alliance.stats.linalg.Cholesky#analyse}, as lme4 lets CHOLMOD do, section 3.2): its first
 *       block is L_θ, its last is R_Xᵀ; r²_θ is the penalised residual sum of squares (eq. 14–18).
 *   <li>Profiled criteria (eq. 34 and 41): ML −2ℓ = log|L_θ|² + n(1 + log(2πr²/n)); REML = log|L_θ|² + log|R_X|² +
 *       (n − p)(1 + log(2πr²/(n − p))); σ² = r²/n (ML) or r²/(n − p) (REML).
 *   <li>θ is found by {@link BoundedQuadraticTrustRegion}, a derivative-free quadratic-model trust-region method
 *       with the same bounds as lme4's BOBYQA, started, like lme4, from T_k = I.
 *   <li>Fixed-effect covariance σ²(R_XᵀR_X)⁻¹ = σ²(XᵀV⁻¹X)⁻¹ with V = ZΛΛᵀZᵀ + I, as {@code vcov}; random-effect
 *       covariance σ²T_kT_kᵀ, as {@code VarCorr}; AIC/BIC count p + dim θ + 1 parameters, as {@code logLik.merMod}.
 *   <li>A fit is singular when a diagonal element of θ is below 1e-4 ({@code isSingular}'s default tolerance).
 *   <li>A fit has converged when the optimiser met its tolerance within the evaluation limit and, unless the fit is
 *       singular (which lme4 does not check further), lme4's {@code checkConv} holds ({@link GradientCheck}: the
 *       smaller of the scaled and the plain central-difference gradient below 0.002 for every θ, a coordinate on its
 *       bound counting only when the criterion decreases into the box; no negative or zero Hessian eigenvalue).
 * </ul>
 *
 * Rows with a missing value in any variable used are left out (listwise deletion, lme4's {@code na.omit}). Stateless.
 */
public final class LinearMixedModel {

    static final String METHOD = "linear mixed model as lme4::lmer (Bates et al. 2015): profiled %s criterion over"
            + " the relative covariance factor theta by penalised least squares (block Cholesky: first term"
            + " block-diagonal, sparse Cholesky of the Schur complement in minimum-degree order), bounded"
            + " quadratic-model trust region (finite-difference models, step tolerance 1e-8 on theta), converged"
            + " when also max|grad| < 0.002; fixed-effect SE from sigma^2 (X'V^-1 X)^-1; singular when a diagonal"
            + " theta < 1e-4 (isSingular); listwise deletion";

    /** lme4's {@code isSingular} tolerance. */
    static final double SINGULAR_TOLERANCE = 1e-4;

    private LinearMixedModel() {}

    /**
     * Fits {@code formula} to {@code columns}.
     *
     * @throws IllegalArgumentException naming what to fix (unknown or non-numeric variable, too many levels, aliased
     *     fixed effects, too few rows)
     */
    public static MixedModelResult fit(MixedFormula formula, Columns columns, MixedOptions options) {
        Problem problem = Problem.build(formula, columns, options.levelOrder());
        double[] start = problem.startTheta();
        double[] lower = problem.lowerBounds();
        BoundedQuadraticTrustRegion.Settings settings =
                new BoundedQuadraticTrustRegion.Settings(0.25, 1e-5, 1e-8, options.maxEvaluations());
        BoundedNelderMead.Minimum minimum = BoundedQuadraticTrustRegion.minimise(
                theta -> problem.evaluate(theta, options.reml()).criterion, start, lower, settings);
        return problem.result(onTheBound(problem, minimum, lower, options.reml()), options);
    }

    /**
     * A search can approach a bound without reaching it (θ of 1e-9 instead of 0). Diagonal elements below the
     * singularity tolerance are set to their bound when that does not raise the criterion (beyond 1e-14 relative),
     * so that a variance lme4 reports as exactly 0 is 0 here too.
     */
    private static BoundedNelderMead.Minimum onTheBound(
            Problem problem, BoundedNelderMead.Minimum minimum, double[] lower, boolean reml) {
        double[] theta = minimum.point();
        double value = minimum.value();
        for (int k = 0; k < theta.length; k++) {
            if (lower[k] == 0.0 && theta[k] > 0.0 && theta[k] < SINGULAR_TOLERANCE) {
                double[] trial = theta.clone();
                trial[k] = 0.0;
                double trialValue = problem.evaluate(trial, reml).criterion();
                // Where the criterion is flat at the bound, rounding alone (1e-16) can favour the interior point.
                if (trialValue <= value + 1e-14 * (1 + Math.abs(value))) {
                    theta = trial;
                    value = trialValue;
                }
            }
        }
        return new BoundedNelderMead.Minimum(theta, value, minimum.evaluations(), minimum.converged());
    }

    /** A random-effects term prepared for the rows used. */
    private record Term(RandomTerm spec, int[] level, double[][] z, int levels, int size) {
        int thetaLength() {
            return size * (size + 1) / 2;
        }
    }

    /** What one θ gives. */
    private record Evaluation(double criterion, double[] beta, double[][] schurCholesky, double sigma2) {}

    private static final class Problem {
        final MixedFormula formula;
        final double[][] x;
        final double[] y;
        final List<String> fixedNames;
        final List<Term> terms;
        final int[] offsets;
        final int q;
        final int rowsDropped;
        final double[][] xtx;
        final double[] xty;
        /**
         * Per level of the first term, the rows of the rest (other terms' columns, then X) that can share an
         * observation with it, ascending: a structural pattern, fixed for the problem, so an evaluation does not
         * scan every row of the rest for every level (on InstEval, 2 972 × 1 130 strided reads per evaluation).
         */
        final int[][] touching;
        /**
         * Per observation and per term after the first, where that term's columns start in the observation's
         * {@link #touching} row list (X's rows are always its last p).
         */
        final int[][] touchingIndex;
        /**
         * The symbolic factorisation of the Schur complement (the union of the cliques {@link #touching}), done once:
         * minimum-degree order of the other terms' columns, X last.
         */
        final org.alliance.stats.linalg.SparseCholesky schurPattern;
        /** Per level of the first term, the positions of its {@link #touching} rows in {@link #schurPattern}. */
        final int[][] touchingPosition;
        /** The Schur complement, reused by every evaluation (one fit evaluates one θ at a time). */
        final double[][] schurWork;

        private Problem(
                MixedFormula formula,
                double[][] x,
                double[] y,
                List<String> fixedNames,
                List<Term> terms,
                int rowsDropped) {
            this.formula = formula;
            this.x = x;
            this.y = y;
            this.fixedNames = fixedNames;
            this.terms = terms;
            this.rowsDropped = rowsDropped;
            offsets = new int[terms.size()];
            int offset = 0;
            for (int k = 0; k < terms.size(); k++) {
                offsets[k] = offset;
                offset += terms.get(k).levels() * terms.get(k).size();
            }
            q = offset;
            int p = fixedNames.size();
            xtx = new double[p][p];
            xty = new double[p];
            for (int i = 0; i < y.length; i++) {
                for (int a = 0; a < p; a++) {
                    xty[a] += x[i][a] * y[i];
                    for (int b = 0; b < p; b++) {
                        xtx[a][b] += x[i][a] * x[i][b];
                    }
                }
            }
            touching = touchingPattern();
            Term first = terms.get(0);
            int q2 = q - first.levels() * first.size();
            int restSize = q2 + p;
            touchingIndex = new int[y.length][terms.size() - 1];
            for (int i = 0; i < y.length; i++) {
                int[] rows = touching[first.level()[i]];
                for (int k = 1; k < terms.size(); k++) {
                    Term term = terms.get(k);
                    int base = offsets[k] + term.level()[i] * term.size() - first.levels() * first.size();
                    touchingIndex[i][k - 1] = java.util.Arrays.binarySearch(rows, base);
                }
            }
            schurPattern = org.alliance.stats.linalg.Cholesky.analyse(restSize, java.util.Arrays.asList(touching), q2);
            touchingPosition = new int[touching.length][];
            for (int level = 0; level < touching.length; level++) {
                touchingPosition[level] = java.util.Arrays.stream(touching[level])
                        .map(schurPattern::position)
                        .toArray();
            }
            schurWork = new double[restSize][restSize];
        }

        private int[][] touchingPattern() {
            Term first = terms.get(0);
            int q1 = first.levels() * first.size();
            int restSize = q - q1 + fixedNames.size();
            java.util.BitSet[] rows = new java.util.BitSet[first.levels()];
            for (int i = 0; i < y.length; i++) {
                int level = first.level()[i];
                if (rows[level] == null) {
                    rows[level] = new java.util.BitSet(restSize);
                    rows[level].set(q - q1, restSize); // X is dense: every level touches every fixed effect
                }
                for (int k = 1; k < terms.size(); k++) {
                    Term term = terms.get(k);
                    int base = offsets[k] + term.level()[i] * term.size() - q1;
                    rows[level].set(base, base + term.size());
                }
            }
            int[][] pattern = new int[rows.length][];
            for (int level = 0; level < rows.length; level++) {
                pattern[level] =
                        rows[level] == null ? new int[0] : rows[level].stream().toArray();
            }
            return pattern;
        }

        static Problem build(MixedFormula formula, Columns columns, LevelOrder levelOrder) {
            for (String name : formula.variables()) {
                if (!columns.has(name)) {
                    throw new IllegalArgumentException(
                            "there is no column '" + name + "'; the columns are " + String.join(", ", columns.names()));
                }
            }
            for (String column : formula.fixedEffects().responseColumns()) {
                if (!columns.numeric().containsKey(column)) {
                    throw new IllegalArgumentException(
                            "the response '" + formula.response() + "' must be a numeric column");
                }
            }
            for (RandomTerm term : formula.random()) {
                for (String slope : term.slopes()) {
                    if (!columns.numeric().containsKey(slope)) {
                        throw new IllegalArgumentException("the random slope '" + slope + "' in " + term
                                + " must be a numeric column (random slopes of categorical variables are not"
                                + " supported)");
                    }
                }
            }
            List<String> others = new ArrayList<>(formula.variables());
            others.removeAll(formula.fixedEffects().responseColumns());
            others.removeAll(formula.fixed());
            double[][] x;
            double[] y;
            int[] used;
            List<String> fixedNames;
            if (!formula.fixedEffects().terms().isEmpty()) {
                DesignMatrix design = DesignMatrix.build(
                        formula.fixedEffects(), columns, Map.of(), others, levelOrder, java.util.Optional.empty());
                x = design.x();
                y = design.y();
                used = design.rowsUsed();
                fixedNames = design.terms();
            } else {
                used = completeRows(columns, formula.variables());
                x = new double[used.length][];
                y = DesignMatrix.responseValues(formula.fixedEffects(), columns, used);
                for (int i = 0; i < used.length; i++) {
                    x[i] = new double[] {1.0};
                }
                fixedNames = List.of(DesignMatrix.INTERCEPT);
                if (used.length < 2) {
                    throw new IllegalArgumentException("only " + used.length + " complete rows; the model needs more");
                }
            }
            HouseholderQr qr = HouseholderQr.decompose(x);
            if (!qr.isFullRank()) {
                throw new IllegalArgumentException("the fixed effects "
                        + qr.dependentColumns().stream().map(fixedNames::get).toList()
                        + " are linear combinations of the terms before them"
                        + " (aliased); remove them from the formula");
            }
            int n = y.length;
            List<Term> terms = new ArrayList<>();
            for (RandomTerm spec : formula.random()) {
                Map<String, Integer> index = new HashMap<>();
                int[] level = new int[n];
                int size = 1 + spec.slopes().size();
                double[][] z = new double[n][size];
                for (int i = 0; i < n; i++) {
                    StringBuilder label = new StringBuilder();
                    for (String g : spec.grouping()) {
                        label.append(label(columns, g, used[i])).append('\u0000');
                    }
                    level[i] = index.computeIfAbsent(label.toString(), key -> index.size());
                    z[i][0] = 1.0;
                    for (int s = 0; s < spec.slopes().size(); s++) {
                        z[i][s + 1] = columns.numeric().get(spec.slopes().get(s))[used[i]];
                    }
                }
                int levels = index.size();
                if (levels < 2) {
                    throw new IllegalArgumentException("the grouping factor " + spec.groupName() + " has only "
                            + levels + " level among the rows used; a random effect needs at least two (lme4 refuses"
                            + " this too)");
                }
                if (levels >= n) {
                    throw new IllegalArgumentException("the grouping factor " + spec.groupName() + " has " + levels
                            + " levels for " + n + " observations; lme4 requires fewer levels than observations");
                }
                if (levels * size >= n) {
                    throw new IllegalArgumentException("the term " + spec + " has " + levels * size
                            + " random effects for " + n + " observations; the random-effects parameters and the"
                            + " residual variance would be unidentifiable (lme4 refuses this too)");
                }
                terms.add(new Term(spec, level, z, levels, size));
            }
            // lme4 orders the terms (stably) by decreasing number of levels; θ and VarCorr follow that order.
            terms.sort(Comparator.comparingInt(Term::levels).reversed());
            return new Problem(formula, x, y, fixedNames, terms, columns.rows() - n);
        }

        private static int[] completeRows(Columns columns, List<String> variables) {
            List<Integer> rows = new ArrayList<>();
            for (int row = 0; row < columns.rows(); row++) {
                boolean complete = true;
                for (String v : variables) {
                    double[] numeric = columns.numeric().get(v);
                    complete &= numeric != null
                            ? !Double.isNaN(numeric[row])
                            : columns.text().get(v)[row] != null;
                }
                if (complete) {
                    rows.add(row);
                }
            }
            return rows.stream().mapToInt(Integer::intValue).toArray();
        }

        private static String label(Columns columns, String name, int row) {
            double[] numeric = columns.numeric().get(name);
            return numeric != null
                    ? Double.toString(numeric[row])
                    : columns.text().get(name)[row];
        }

        int thetaLength() {
            return terms.stream().mapToInt(Term::thetaLength).sum();
        }

        double[] startTheta() {
            double[] theta = new double[thetaLength()];
            int t = 0;
            for (Term term : terms) {
                for (int c = 0; c < term.size(); c++) {
                    for (int r = c; r < term.size(); r++) {
                        theta[t++] = r == c ? 1.0 : 0.0;
                    }
                }
            }
            return theta;
        }

        double[] lowerBounds() {
            double[] lower = new double[thetaLength()];
            int t = 0;
            for (Term term : terms) {
                for (int c = 0; c < term.size(); c++) {
                    for (int r = c; r < term.size(); r++) {
                        lower[t++] = r == c ? 0.0 : Double.NEGATIVE_INFINITY;
                    }
                }
            }
            return lower;
        }

        /** The templates T_k filled from θ (lower triangles, column by column). */
        double[][][] templates(double[] theta) {
            double[][][] templates = new double[terms.size()][][];
            int t = 0;
            for (int k = 0; k < terms.size(); k++) {
                int m = terms.get(k).size();
                double[][] tk = new double[m][m];
                for (int c = 0; c < m; c++) {
                    for (int r = c; r < m; r++) {
                        tk[r][c] = theta[t++];
                    }
                }
                templates[k] = tk;
            }
            return templates;
        }

        /** Non-zero columns and values of row i of ZΛ. */
        private void row(int i, double[][][] templates, int[] columns, double[] values) {
            int s = 0;
            for (int k = 0; k < terms.size(); k++) {
                Term term = terms.get(k);
                int m = term.size();
                int base = offsets[k] + term.level()[i] * m;
                double[] z = term.z()[i];
                double[][] tk = templates[k];
                for (int c = 0; c < m; c++) {
                    double v = 0;
                    for (int r = c; r < m; r++) {
                        v += z[r] * tk[r][c];
                    }
                    columns[s] = base + c;
                    values[s++] = v;
                }
            }
        }

        /**
         * The profiled criterion at θ. The system is factorised in two parts: the first term (the one with most
         * levels) gives a block-diagonal upper-left block D (one m×m block per level), which is factorised block by
         * block; the rest (other terms and X) is the Schur complement S = A_rest − B D⁻¹ Bᵀ, B touching only the
         * rows that share an observation with a level, factorised by {@link #schurPattern}. For nested and single-term models this is linear in the
         * number of first-term levels instead of cubic.
         */
        Evaluation evaluate(double[] theta, boolean reml) {
            int n = y.length;
            int p = fixedNames.size();
            double[][][] templates = templates(theta);
            Term first = terms.get(0);
            int m1 = first.size();
            int levels1 = first.levels();
            int q1 = levels1 * m1;
            int width = terms.stream().mapToInt(Term::size).sum();
            int[] cols = new int[width];
            double[] vals = new double[width];
            double[][][] blocks = new double[levels1][m1][m1];
            // B (the rest's rows against the first term), level by level on the rows that touch the level: row ia of
            // touching[level] holds its m1 entries at ia·m1.
            double[][] b = new double[levels1][];
            for (int level = 0; level < levels1; level++) {
                b[level] = new double[touching[level].length * m1];
            }
            double[][] rest = schurWork;
            for (double[] row : rest) {
                java.util.Arrays.fill(row, 0.0);
            }
            double[] rhs = new double[q + p];
            int[] slot = new int[width];
            for (int i = 0; i < n; i++) {
                row(i, templates, cols, vals);
                // The first m1 entries belong to the first term (one level per row), the others to the rest.
                int level = first.level()[i];
                double[] bl = b[level];
                int xSlot = touching[level].length - p;
                for (int s = m1, k = 1; k < terms.size(); k++) {
                    for (int c = 0; c < terms.get(k).size(); c++) {
                        slot[s++] = touchingIndex[i][k - 1] + c;
                    }
                }
                for (int s = 0; s < width; s++) {
                    double v = vals[s];
                    rhs[cols[s]] += v * y[i];
                    for (int t = 0; t <= s; t++) {
                        double product = v * vals[t];
                        if (s < m1) {
                            blocks[level][s][t] += product;
                        } else if (t < m1) {
                            bl[slot[s] * m1 + t] += product;
                        } else {
                            int a = schurPattern.position(cols[s] - q1);
                            int c = schurPattern.position(cols[t] - q1);
                            rest[Math.max(a, c)][Math.min(a, c)] += product;
                        }
                    }
                    int offset = q - q1;
                    for (int j = 0; j < p; j++) {
                        double product = x[i][j] * v;
                        if (s < m1) {
                            bl[(xSlot + j) * m1 + s] += product;
                        } else {
                            rest[offset + j][schurPattern.position(cols[s] - q1)] += product;
                        }
                    }
                }
            }
            // X stays last in the pattern's order, so its rows and columns keep their places.
            for (int j = 0; j < p; j++) {
                rhs[q + j] = xty[j];
                for (int l = 0; l <= j; l++) {
                    rest[q - q1 + j][q - q1 + l] = xtx[j][l];
                }
            }
            for (int k = 0; k < q - q1; k++) {
                int at = schurPattern.position(k);
                rest[at][at] += 1.0;
            }
            double logDetL = 0;
            double[][][] blockFactors = new double[levels1][][];
            for (int level = 0; level < levels1; level++) {
                for (int c = 0; c < m1; c++) {
                    blocks[level][c][c] += 1.0;
                }
                Optional<double[][]> factor = SymmetricMatrices.cholesky(blocks[level]);
                if (factor.isEmpty()) {
                    return failed(p);
                }
                blockFactors[level] = factor.get();
                for (int c = 0; c < m1; c++) {
                    logDetL += 2 * Math.log(blockFactors[level][c][c]);
                }
            }
            // W = B L_D⁻ᵀ, level by level, on the rows of the rest that touch the level (a row whose entries are
            // all zero at this θ gives a zero column of W, so taking it along changes no result).
            double[] column = new double[m1];
            for (int level = 0; level < levels1; level++) {
                double[] w = b[level];
                int[] at = touchingPosition[level];
                for (int ia = 0; ia < at.length; ia++) {
                    System.arraycopy(w, ia * m1, column, 0, m1);
                    forward(blockFactors[level], column);
                    System.arraycopy(column, 0, w, ia * m1, m1);
                }
                for (int ia = 0; ia < at.length; ia++) {
                    for (int ib = 0; ib <= ia; ib++) {
                        double s = 0;
                        for (int c = 0; c < m1; c++) {
                            s += w[ia * m1 + c] * w[ib * m1 + c];
                        }
                        rest[Math.max(at[ia], at[ib])][Math.min(at[ia], at[ib])] -= s;
                    }
                }
            }
            if (schurPattern.factorise(rest) >= 0) {
                return failed(p);
            }
            double[][] ls = rest;
            int q2 = q - q1;
            for (int k = 0; k < q2; k++) {
                int at = schurPattern.position(k);
                logDetL += 2 * Math.log(ls[at][at]);
            }
            double logDetRx = 0;
            double[][] schur = new double[p][p];
            for (int j = 0; j < p; j++) {
                logDetRx += 2 * Math.log(ls[q2 + j][q2 + j]);
                for (int c = 0; c <= j; c++) {
                    schur[j][c] = ls[q2 + j][q2 + c];
                }
            }
            // Forward: y1 = L_D⁻¹ c1, c2 − W y1; the rest by its Cholesky factor; back: x1 = L_D⁻ᵀ (y1 − Wᵀ x2).
            double[] y1 = java.util.Arrays.copyOfRange(rhs, 0, q1);
            double[] c2 = java.util.Arrays.copyOfRange(rhs, q1, q + p);
            for (int level = 0; level < levels1; level++) {
                int base = level * m1;
                System.arraycopy(y1, base, column, 0, m1);
                forward(blockFactors[level], column);
                System.arraycopy(column, 0, y1, base, m1);
                int[] rows = touching[level];
                for (int ia = 0; ia < rows.length; ia++) {
                    for (int c = 0; c < m1; c++) {
                        c2[rows[ia]] -= b[level][ia * m1 + c] * y1[base + c];
                    }
                }
            }
            double[] x2 = schurPattern.solve(ls, c2);
            double[] solution = new double[q + p];
            for (int level = 0; level < levels1; level++) {
                int base = level * m1;
                System.arraycopy(y1, base, column, 0, m1);
                int[] rows = touching[level];
                for (int ia = 0; ia < rows.length; ia++) {
                    for (int c = 0; c < m1; c++) {
                        column[c] -= b[level][ia * m1 + c] * x2[rows[ia]];
                    }
                }
                backward(blockFactors[level], column);
                System.arraycopy(column, 0, solution, base, m1);
            }
            System.arraycopy(x2, 0, solution, q1, q2 + p);
            double[] beta = java.util.Arrays.copyOfRange(solution, q, q + p);
            double pwrss = 0;
            for (int j = 0; j < q; j++) {
                pwrss += solution[j] * solution[j];
            }
            for (int i = 0; i < n; i++) {
                row(i, templates, cols, vals);
                double r = y[i];
                for (int j = 0; j < p; j++) {
                    r -= x[i][j] * beta[j];
                }
                for (int s = 0; s < width; s++) {
                    r -= vals[s] * solution[cols[s]];
                }
                pwrss += r * r;
            }
            double dof = reml ? n - p : n;
            double criterion = logDetL + (reml ? logDetRx : 0) + dof * (1 + Math.log(2 * Math.PI * pwrss / dof));
            return new Evaluation(criterion, beta, schur, pwrss / dof);
        }

        private static Evaluation failed(int p) {
            return new Evaluation(Double.POSITIVE_INFINITY, new double[p], new double[p][p], Double.NaN);
        }

        /** v ← L⁻¹ v for a small lower-triangular L. */
        private static void forward(double[][] l, double[] v) {
            for (int i = 0; i < v.length; i++) {
                double s = v[i];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * v[k];
                }
                v[i] = s / l[i][i];
            }
        }

        /** v ← L⁻ᵀ v for a small lower-triangular L. */
        private static void backward(double[][] l, double[] v) {
            for (int i = v.length - 1; i >= 0; i--) {
                double s = v[i];
                for (int k = i + 1; k < v.length; k++) {
                    s -= l[k][i] * v[k];
                }
                v[i] = s / l[i][i];
            }
        }

        MixedModelResult result(BoundedNelderMead.Minimum minimum, MixedOptions options) {
            double[] theta = minimum.point();
            Evaluation e = evaluate(theta, options.reml());
            int n = y.length;
            int p = fixedNames.size();
            double sigma2 = e.sigma2();
            double[][] covariance = org.alliance.stats.linalg.DenseMatrix.scale(
                    SymmetricMatrices.inverseFromCholesky(e.schurCholesky()), sigma2);
            List<FixedEffect> fixed = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                double se = Math.sqrt(covariance[j][j]);
                fixed.add(new FixedEffect(fixedNames.get(j), e.beta()[j], se, e.beta()[j] / se));
            }
            double[][][] templates = templates(theta);
            List<VarianceComponent> components = new ArrayList<>();
            Map<String, Integer> levels = new LinkedHashMap<>();
            Set<String> zeroVariance = new LinkedHashSet<>();
            boolean singular = false;
            int t = 0;
            for (int k = 0; k < terms.size(); k++) {
                Term term = terms.get(k);
                int m = term.size();
                levels.put(term.spec().groupName(), term.levels());
                for (int c = 0; c < m; c++) {
                    for (int r = c; r < m; r++) {
                        if (r == c && theta[t] < SINGULAR_TOLERANCE) {
                            singular = true;
                            zeroVariance.add(term.spec().toString());
                        }
                        t++;
                    }
                }
                double[][] tk = templates[k];
                double[][] cov = new double[m][m];
                for (int a = 0; a < m; a++) {
                    for (int b = 0; b < m; b++) {
                        double s = 0;
                        for (int c = 0; c < m; c++) {
                            s += tk[a][c] * tk[b][c];
                        }
                        cov[a][b] = sigma2 * s;
                    }
                }
                List<String> names = term.spec().coefficientNames();
                String group = term.spec().groupName();
                for (int a = 0; a < m; a++) {
                    components.add(new VarianceComponent(group, names.get(a), "", cov[a][a], Math.sqrt(cov[a][a])));
                }
                for (int a = 0; a < m; a++) {
                    for (int b = a + 1; b < m; b++) {
                        double sd = Math.sqrt(cov[a][a] * cov[b][b]);
                        components.add(new VarianceComponent(
                                group, names.get(a), names.get(b), cov[a][b], sd > 0 ? cov[a][b] / sd : Double.NaN));
                    }
                }
            }
            components.add(new VarianceComponent("Residual", "", "", sigma2, Math.sqrt(sigma2)));
            Optional<Double> icc = Optional.empty();
            if (terms.size() == 1 && terms.get(0).size() == 1) {
                double tau2 = components.get(0).variance();
                icc = Optional.of(tau2 / (tau2 + sigma2));
            }
            int parameters = p + theta.length + 1;
            double logLik = -0.5 * e.criterion();
            List<String> warnings = new ArrayList<>();
            double gradient = Double.NaN;
            boolean converged = minimum.converged();
            if (converged) {
                GradientCheck.Verdict verdict = GradientCheck.judge(
                        t2 -> evaluate(t2, options.reml()).criterion(),
                        theta,
                        lowerBounds(),
                        1e-5,
                        theta.length,
                        singular);
                gradient = verdict.maxGradient();
                converged = verdict.converged();
                warnings.addAll(verdict.messages());
            }
            if (!minimum.converged()) {
                warnings.add("the optimiser did not converge within " + minimum.evaluations() + " evaluations of the"
                        + " profiled criterion: the estimates are not a result");
            }
            if (singular) {
                warnings.add("boundary (singular) fit: a random-effect variance is estimated as (nearly) zero in "
                        + String.join(", ", zeroVariance)
                        + " (lme4's isSingular; theta below 1e-4); the random-effects structure is too"
                        + " complex for the data, consider simplifying it");
            }
            return new MixedModelResult(
                    formula,
                    options.reml(),
                    fixed,
                    covariance,
                    components,
                    Math.sqrt(sigma2),
                    theta,
                    e.criterion(),
                    logLik,
                    parameters,
                    -2 * logLik + 2 * parameters,
                    -2 * logLik + Math.log(n) * parameters,
                    n,
                    rowsDropped,
                    levels,
                    icc,
                    singular,
                    converged,
                    minimum.evaluations(),
                    gradient,
                    warnings,
                    String.format(java.util.Locale.ROOT, METHOD, options.reml() ? "REML" : "ML"));
        }
    }
}
