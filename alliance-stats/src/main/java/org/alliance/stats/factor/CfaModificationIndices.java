package org.alliance.stats.factor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliance.stats.factor.CfaResult.ModificationIndex;
import org.alliance.stats.factor.CfaSpecification.Kind;
import org.alliance.stats.factor.CfaSpecification.Row;
import org.alliance.stats.linalg.SymmetricMatrices;

/**
 * Modification indices with expected parameter changes, as {@code lavaan::modindices(fit)} with its defaults
 * (Sörbom 1989; Saris, Satorra &amp; Sörbom 1987): for every parameter that the model fixes (a marker loading, a
 * parameter written as {@code 0*x}) or leaves out — the loadings of every latent on every observed variable, the
 * residual covariances of every pair of observed variables, the covariances of every pair of latents and, in a
 * structural model, the regressions of every latent on every other — the score test of freeing it alone.
 *
 * <p>The model is augmented with those parameters as free ones at their fixed values (zero for the omitted ones);
 * with s = ∂(F/2)/∂θ of the augmented model at the estimates and I its expected information (of F/2, per case, the
 * information lavaan's {@code modindices} uses by default, also after an MLR fit), a parameter j gets the
 * conditional information V_j = I_jj − I_j1 I₁₁⁻¹ I_1j (1: the model's free parameters), mi = N·s_j²/V_j and the
 * expected change epc = −s_j/V_j. A parameter whose V_j vanishes (relative to I_jj) is not identified when freed
 * (the marker loadings, a regression that duplicates a free covariance) and gets no row, as lavaan's
 * {@code na.remove = TRUE}. sepc.all standardises epc as std.all does (residual covariances by the residual
 * variances: lavaan's {@code cov.std = TRUE}); sepc.lv standardises only the latent variables.
 */
final class CfaModificationIndices {

    /** V_j at or below this share of I_jj counts as zero: freeing the parameter does not identify it. */
    private static final double SINGULAR = 1e-8;

    private CfaModificationIndices() {}

    static List<ModificationIndex> compute(
            CfaSpecification spec, List<GroupSample> samples, double[] theta, List<CfaObjective.GroupState> states) {
        int q = spec.freeCount;
        List<Row> rows = new ArrayList<>(spec.rows);
        List<Row> candidates = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        // lavaan's order: the fixed rows of the parameter table first, then the omitted parameters group by group.
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.free() < 0 && candidateKind(row.kind()) && !involvesCovariate(spec, row)) {
                Row freed = row.withFree(q + candidates.size());
                rows.set(r, freed);
                candidates.add(freed);
                values.add(row.value());
            }
        }
        for (int g = 0; g < spec.groups; g++) {
            for (Row row : omitted(spec, rows, g)) {
                if (involvesCovariate(spec, row)) {
                    continue;
                }
                Row freed = row.withFree(q + candidates.size());
                rows.add(freed);
                candidates.add(freed);
                values.add(0.0);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        CfaObjective augmented = new CfaObjective(spec.withRows(rows), samples);
        double[] t = Arrays.copyOf(theta, q + candidates.size());
        for (int c = 0; c < candidates.size(); c++) {
            t[q + c] = values.get(c);
        }
        double[] gradient = augmented.gradient(t);
        double[][] info = augmented.expectedInformation(t);
        double[][] free = new double[q][q];
        for (int k = 0; k < q; k++) {
            System.arraycopy(info[k], 0, free[k], 0, q);
        }
        double[][] freeInverse = SymmetricMatrices.inverse(free, 1e-12)
                .orElseThrow(() -> new IllegalArgumentException(
                        "the information matrix is singular (the model is probably not identified):"
                                + " modification indices are not available"));
        List<ModificationIndex> out = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            int j = q + c;
            double[] cross = new double[q];
            for (int k = 0; k < q; k++) {
                cross[k] = info[j][k];
            }
            double[] solved = SymmetricMatrices.multiply(freeInverse, cross);
            double v = info[j][j];
            for (int k = 0; k < q; k++) {
                v -= cross[k] * solved[k];
            }
            if (!(v > SINGULAR * Math.abs(info[j][j]))) {
                continue;
            }
            double score = gradient[j] / 2;
            double mi = augmented.total * score * score / v;
            double epc = -score / v;
            Row row = candidates.get(c);
            CfaObjective.GroupState st = states.get(row.group());
            double sepcAll = CfaEstimator.standardized(row, epc, st);
            double sepcLv =
                    switch (row.kind()) {
                        case LOADING -> epc * Math.sqrt(CfaEstimator.latentCovariance(st)[row.j()][row.j()]);
                        case THETA -> epc;
                        default -> sepcAll;
                    };
            out.add(new ModificationIndex(row.lhs(), row.op(), row.rhs(), row.group() + 1, mi, epc, sepcLv, sepcAll));
        }
        return out;
    }

    /**
     * Whether a row names an observed predictor under fixed.x (or its phantom): lavaan's {@code modindices} has no row
     * for them, their moments being fixed at the sample values.
     */
    private static boolean involvesCovariate(CfaSpecification spec, Row row) {
        return spec.covariates.contains(row.lhs()) || spec.covariates.contains(row.rhs());
    }

    private static boolean candidateKind(Kind kind) {
        return kind == Kind.LOADING || kind == Kind.THETA || kind == Kind.PSI || kind == Kind.BETA;
    }

    /**
     * The parameters group g's table leaves out, in lavaan's order: loadings (latent by latent, each on every
     * observed variable), residual covariances of observed pairs, latent covariances, then (structural models
     * only) regressions among the latents, the dependent ones' first.
     */
    private static List<Row> omitted(CfaSpecification spec, List<Row> rows, int g) {
        List<Row> out = new ArrayList<>();
        List<String> observed = spec.observed;
        List<String> latent = spec.latent;
        for (int f = 0; f < latent.size(); f++) {
            for (int x = 0; x < observed.size(); x++) {
                if (!has(rows, g, Kind.LOADING, x, f, false)) {
                    out.add(row(latent.get(f), "=~", observed.get(x), g, Kind.LOADING, x, f));
                }
            }
        }
        for (int a = 0; a < observed.size(); a++) {
            for (int b = a + 1; b < observed.size(); b++) {
                if (!has(rows, g, Kind.THETA, a, b, true)) {
                    out.add(row(observed.get(a), "~~", observed.get(b), g, Kind.THETA, a, b));
                }
            }
        }
        for (int f = 0; f < latent.size(); f++) {
            for (int h = f + 1; h < latent.size(); h++) {
                if (!has(rows, g, Kind.PSI, f, h, true)) {
                    out.add(row(latent.get(f), "~~", latent.get(h), g, Kind.PSI, f, h));
                }
            }
        }
        if (spec.structural) {
            boolean[] dependent = new boolean[latent.size()];
            for (Row r : rows) {
                if (r.kind() == Kind.BETA) {
                    dependent[r.i()] = true;
                }
            }
            for (boolean first : new boolean[] {true, false}) {
                for (int f = 0; f < latent.size(); f++) {
                    if (dependent[f] != first) {
                        continue;
                    }
                    for (int h = 0; h < latent.size(); h++) {
                        if (h != f && !has(rows, g, Kind.BETA, f, h, false)) {
                            out.add(row(latent.get(f), "~", latent.get(h), g, Kind.BETA, f, h));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Row row(String lhs, String op, String rhs, int g, Kind kind, int i, int j) {
        return new Row(lhs, op, rhs, g, kind, i, j, -1, 0, "", false);
    }

    private static boolean has(List<Row> rows, int g, Kind kind, int i, int j, boolean symmetric) {
        for (Row r : rows) {
            if (r.group() == g
                    && r.kind() == kind
                    && ((r.i() == i && r.j() == j) || (symmetric && r.i() == j && r.j() == i))) {
                return true;
            }
        }
        return false;
    }
}
