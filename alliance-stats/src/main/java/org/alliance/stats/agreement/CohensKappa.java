package org.alliance.stats.agreement;

import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.provenance.Traceable;

/**
 * Cohen's kappa for two coders on K nominal categories (Cohen 1960): p_o = Σ n_ii / N,
 * p_e = Σ n_i+ n_+i / N², κ = (p_o − p_e) / (1 − p_e). Mirrors R's {@code irr::kappa2(ratings, weight =
 * "unweighted")} and {@code psych::cohen.kappa} (unweighted). The K×K confusion table (rows: first coder,
 * columns: second coder) is part of the result, so disagreements can be settled cell by cell.
 */
public final class CohensKappa {

    /** The method in words, for the provenance of a result. */
    static final String METHOD =
            "Cohen's kappa (Cohen 1960), unweighted, as irr::kappa2(ratings, weight = \"unweighted\")";

    private CohensKappa() {}

    /**
     * @param kappa κ, NaN when p_e = 1 (both coders used one and the same category throughout)
     * @param table confusion table [first][second]
     */
    public record Result(double kappa, double observedAgreement, double expectedAgreement, long n, long[][] table)
            implements Traceable {
        /** How this result was made, for its provenance. */
        @Override
        public Provenance provenance() {
            return Provenance.method(METHOD);
        }
    }

    /** κ from paired codes 0..categoryCount-1 of the same units. */
    public static Result fit(int[] first, int[] second, int categoryCount) {
        if (first.length != second.length) {
            throw new IllegalArgumentException(
                    "both coders need the same number of units: " + first.length + " vs " + second.length);
        }
        long[][] table = new long[categoryCount][categoryCount];
        for (int i = 0; i < first.length; i++) {
            if (first[i] < 0 || first[i] >= categoryCount || second[i] < 0 || second[i] >= categoryCount) {
                throw new IllegalArgumentException("unit " + i + " has a code outside 0.." + (categoryCount - 1) + ": "
                        + first[i] + ", " + second[i]);
            }
            table[first[i]][second[i]]++;
        }
        return fromTable(table);
    }

    /** κ from a square confusion table of counts. */
    public static Result fromTable(long[][] table) {
        int k = table.length;
        long n = 0;
        long diagonal = 0;
        long[] rows = new long[k];
        long[] cols = new long[k];
        for (int i = 0; i < k; i++) {
            if (table[i].length != k) {
                throw new IllegalArgumentException(
                        "the table must be square; row " + i + " has " + table[i].length + " cells");
            }
            for (int j = 0; j < k; j++) {
                if (table[i][j] < 0) {
                    throw new IllegalArgumentException("negative count " + table[i][j] + " in cell " + i + "," + j);
                }
                n += table[i][j];
                rows[i] += table[i][j];
                cols[j] += table[i][j];
            }
            diagonal += table[i][i];
        }
        if (n == 0) {
            throw new IllegalArgumentException("kappa needs at least one coded unit");
        }
        double po = (double) diagonal / n;
        double pe = 0;
        for (int i = 0; i < k; i++) {
            pe += (double) rows[i] * cols[i];
        }
        pe /= (double) n * n;
        double kappa = pe == 1 ? Double.NaN : (po - pe) / (1 - pe);
        long[][] copy = new long[k][];
        for (int i = 0; i < k; i++) {
            copy[i] = table[i].clone();
        }
        return new Result(kappa, po, pe, n, copy);
    }
}
