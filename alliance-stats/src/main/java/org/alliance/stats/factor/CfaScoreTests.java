package org.alliance.stats.factor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliance.stats.factor.CfaResult.ScoreTest;
import org.alliance.stats.factor.CfaResult.ScoreTests;
import org.alliance.stats.factor.CfaSpecification.Row;
import org.alliance.stats.linalg.DenseMatrix;
import org.alliance.stats.linalg.SymmetricMatrices;

/**
 * Score (Lagrange multiplier) tests of the model's equality constraints, as {@code lavaan::lavTestScore(fit)} with
 * its defaults (Bentler 1990; Satorra 1989): the constraints that {@code group.equal} and shared labels impose,
 * released all at once (the total test) and one at a time (the univariate tests) — the usual guide to which
 * loading or intercept to free in a partially invariant model.
 *
 * <p>The model is written without its equalities: every parameter-table row that shares an estimated parameter gets
 * its own, at the common estimate, and each equality becomes a constraint θ_a − θ_b = 0 (a row of R), a: the first
 * row with that parameter, b: each later one, in table order. With s = ∂(logL/N)/∂θ of that model at the estimates
 * (non-zero only across the constraints) and I its expected information per case (summed over missingness patterns
 * with FIML, as lavaan's expected information), the total test is N·s′I⁻¹s on as many df as constraints; releasing
 * constraint r alone gives N·s′J_r s with J_r = I⁻¹ − I⁻¹R₋ᵣ′(R₋ᵣI⁻¹R₋ᵣ′)⁻¹R₋ᵣI⁻¹ (R₋ᵣ: the other constraints; the
 * top-left block of lavaan's generalised inverse of [[I, R₋ᵣ′], [R₋ᵣ, 0]]), on 1 df. lavaan's labels name the
 * parameters by their row in the parameter table ({@code .p2.} is row 2).
 */
final class CfaScoreTests {

    /** Pivots of I at or below this share of its largest diagonal element count as zero (not identified). */
    private static final double SINGULAR = 1e-10;

    private CfaScoreTests() {}

    /** The tests, or null when the model has no equality constraint. */
    static ScoreTests compute(CfaSpecification spec, List<GroupSample> samples, double[] theta) {
        List<Row> rows = spec.rows;
        // Each estimated row gets its own parameter (slot), numbered in table order.
        List<Row> expanded = new ArrayList<>();
        int[] slotOfRow = new int[rows.size()];
        Map<Integer, List<Integer>> rowsOfFree = new TreeMap<>();
        int slots = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.free() >= 0) {
                slotOfRow[i] = slots;
                expanded.add(r.withFree(slots++));
                rowsOfFree.computeIfAbsent(r.free(), k -> new ArrayList<>()).add(i);
            } else {
                slotOfRow[i] = -1;
                expanded.add(r);
            }
        }
        // The constraints, ordered by their first row, then their second.
        List<int[]> constraints = new ArrayList<>();
        for (List<Integer> same : rowsOfFree.values()) {
            for (int x = 1; x < same.size(); x++) {
                constraints.add(new int[] {same.get(0), same.get(x)});
            }
        }
        if (constraints.isEmpty()) {
            return null;
        }
        constraints.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        double[] thetaExpanded = new double[slots];
        for (int i = 0; i < rows.size(); i++) {
            if (slotOfRow[i] >= 0) {
                thetaExpanded[slotOfRow[i]] = theta[rows.get(i).free()];
            }
        }
        CfaObjective objective = new CfaObjective(spec.withRows(expanded), samples);
        double[] gradient = objective.gradient(thetaExpanded);
        double[] score = new double[slots];
        for (int k = 0; k < slots; k++) {
            // logL/N = −F/2 + const
            score[k] = -0.5 * gradient[k];
        }
        double[][] information = objective.expectedInformation(thetaExpanded);
        int c = constraints.size();
        double[][] r = new double[c][slots];
        for (int x = 0; x < c; x++) {
            r[x][slotOfRow[constraints.get(x)[0]]] = 1;
            r[x][slotOfRow[constraints.get(x)[1]]] = -1;
        }
        double n = objective.total;
        // Without its constraints the model may not be identified (latent means once intercepts are free): I is then
        // singular, s lies in its range, and s′x is the same for every solution x of I x = s (lavaan: ginv).
        double total = n * DenseMatrix.dot(score, SymmetricMatrices.solveSemidefinite(information, score, SINGULAR));
        List<String> labels = lavaanLabels(spec);
        List<ScoreTest> univariate = new ArrayList<>();
        for (int drop = 0; drop < c; drop++) {
            double[][] others = new double[c - 1][];
            for (int x = 0, a = 0; x < c; x++) {
                if (x != drop) {
                    others[a++] = r[x];
                }
            }
            double x2 = n * DenseMatrix.dot(score, constrainedSolution(information, others, score));
            Row first = rows.get(constraints.get(drop)[0]);
            Row second = rows.get(constraints.get(drop)[1]);
            univariate.add(new ScoreTest(
                    labels.get(constraints.get(drop)[0]),
                    "==",
                    labels.get(constraints.get(drop)[1]),
                    name(first),
                    first.group() + 1,
                    name(second),
                    second.group() + 1,
                    x2,
                    1,
                    CfaFitMeasures.upperTail(x2, 1)));
        }
        return new ScoreTests(total, c, CfaFitMeasures.upperTail(total, c), univariate);
    }

    /**
     * x = J s with J the top-left block of the inverse of [[I, R′], [R, 0]]: the solution of I x + R′λ = s, R x = 0.
     * I is replaced by A = I + R′R, which gives the same x (R x = 0) and is positive definite wherever the remaining
     * constraints identify the model: x = A⁻¹s − A⁻¹R′(R A⁻¹R′)⁻¹R A⁻¹s.
     */
    private static double[] constrainedSolution(double[][] information, double[][] r, double[] s) {
        int q = s.length;
        double[][] a = new double[q][];
        for (int i = 0; i < q; i++) {
            a[i] = information[i].clone();
        }
        for (double[] row : r) {
            for (int i = 0; i < q; i++) {
                if (row[i] != 0) {
                    for (int j = 0; j < q; j++) {
                        a[i][j] += row[i] * row[j];
                    }
                }
            }
        }
        double[][] l = SymmetricMatrices.cholesky(a)
                .orElseThrow(() -> new IllegalArgumentException("score tests: the model is not identified when one"
                        + " of its equality constraints is released"));
        double[] y = SymmetricMatrices.solveWithCholesky(l, s);
        if (r.length == 0) {
            return y;
        }
        double[][] ar = new double[r.length][];
        for (int x = 0; x < r.length; x++) {
            ar[x] = SymmetricMatrices.solveWithCholesky(l, r[x]);
        }
        double[][] m = new double[r.length][r.length];
        double[] ry = new double[r.length];
        for (int x = 0; x < r.length; x++) {
            ry[x] = DenseMatrix.dot(r[x], y);
            for (int z = 0; z < r.length; z++) {
                m[x][z] = DenseMatrix.dot(r[x], ar[z]);
            }
        }
        double[] lambda = SymmetricMatrices.solveWithCholesky(
                SymmetricMatrices.cholesky(m)
                        .orElseThrow(() -> new IllegalArgumentException("score tests: the constraints are redundant")),
                ry);
        double[] x = y.clone();
        for (int z = 0; z < r.length; z++) {
            for (int i = 0; i < q; i++) {
                x[i] -= ar[z][i] * lambda[z];
            }
        }
        return x;
    }

    /** lavaan's name of each row: {@code .pN.} with N its position in lavaan's parameter table. */
    private static List<String> lavaanLabels(CfaSpecification spec) {
        List<String> labels = new ArrayList<>();
        int position = 0;
        for (Row r : spec.rows) {
            if (!spec.hidden(r)) {
                position++;
            }
            labels.add(".p" + position + ".");
        }
        return labels;
    }

    private static String name(Row r) {
        return r.lhs() + r.op() + r.rhs();
    }
}
