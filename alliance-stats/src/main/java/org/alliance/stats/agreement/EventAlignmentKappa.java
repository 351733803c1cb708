package org.alliance.stats.agreement;

import java.util.ArrayList;
import java.util.List;
import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.provenance.Traceable;

/**
 * Event-based agreement after aligning the two coders' event sequences (Quera, Bakeman &amp; Gnisci 2007,
 * "Observer agreement for event sequences", <em>Behavior Research Methods</em> 39, 39–49).
 *
 * <p>The two code sequences (each in onset order) are aligned by Needleman–Wunsch with cost 0 for a match,
 * 1 for a mismatch and 1 for a gap, minimising total cost. With an onset tolerance two events may only be
 * paired (as match or mismatch) when their onsets differ by at most the tolerance; otherwise each must go
 * against a gap. Ties in the traceback prefer a pairing, then a gap in the second sequence. The aligned
 * pairs fill a (K+1)×(K+1) table whose last row and column are "nil" (an event the other coder did not
 * code); κ is Cohen's kappa computed on that table as it is, with the nil–nil cell a structural zero.
 */
public final class EventAlignmentKappa {

    /** The method in words, for the provenance of a result. */
    static final String METHOD =
            "event-alignment kappa (Quera, Bakeman and Gnisci 2007): Needleman-Wunsch alignment (match 0, mismatch 1, gap 1) within the onset tolerance, Cohen's kappa on the aligned pairs with nil-nil a structural zero";

    private EventAlignmentKappa() {}

    /** No onset tolerance: any two events may be paired. */
    public static final long NO_TOLERANCE = -1;

    /** One aligned pair; an index is -1 where that coder has a gap. */
    public record Pair(int first, int second) {}

    /**
     * @param kappa κ over the table with nil category K
     * @param alignment aligned pairs in sequence order
     * @param agreements pairs with equal codes
     * @param disagreements pairs with different codes
     * @param onlyFirst events of the first coder aligned to a gap
     * @param onlySecond events of the second coder aligned to a gap
     * @param cost total alignment cost (disagreements + gaps)
     */
    public record Result(
            CohensKappa.Result kappa,
            List<Pair> alignment,
            int agreements,
            int disagreements,
            int onlyFirst,
            int onlySecond,
            int cost)
            implements Traceable {
        public Result {
            alignment = List.copyOf(alignment);
        }

        /** How this result was made, for its provenance. */
        @Override
        public Provenance provenance() {
            return Provenance.method(METHOD);
        }
    }

    /**
     * @param first codes of the first coder (onset order), 0..codeCount-1
     * @param firstOnset their onsets in ms (used only with a tolerance)
     * @param second codes of the second coder
     * @param secondOnset their onsets in ms
     * @param toleranceMs maximum onset difference of a pair, or {@link #NO_TOLERANCE}
     */
    public static Result fit(
            int[] first, long[] firstOnset, int[] second, long[] secondOnset, int codeCount, long toleranceMs) {
        int n = first.length;
        int m = second.length;
        if (firstOnset.length != n || secondOnset.length != m) {
            throw new IllegalArgumentException("codes and onsets differ in length");
        }
        check(first, codeCount, "first");
        check(second, codeCount, "second");
        if (n + m == 0) {
            throw new IllegalArgumentException("event alignment needs at least one event");
        }
        int[][] cost = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            cost[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            cost[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int best = Math.min(cost[i - 1][j], cost[i][j - 1]) + 1;
                if (pairable(firstOnset[i - 1], secondOnset[j - 1], toleranceMs)) {
                    best = Math.min(best, cost[i - 1][j - 1] + (first[i - 1] == second[j - 1] ? 0 : 1));
                }
                cost[i][j] = best;
            }
        }
        List<Pair> reversed = new ArrayList<>();
        long[][] table = new long[codeCount + 1][codeCount + 1];
        int agreements = 0;
        int disagreements = 0;
        int onlyFirst = 0;
        int onlySecond = 0;
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            if (i > 0
                    && j > 0
                    && pairable(firstOnset[i - 1], secondOnset[j - 1], toleranceMs)
                    && cost[i][j] == cost[i - 1][j - 1] + (first[i - 1] == second[j - 1] ? 0 : 1)) {
                reversed.add(new Pair(i - 1, j - 1));
                table[first[i - 1]][second[j - 1]]++;
                if (first[i - 1] == second[j - 1]) {
                    agreements++;
                } else {
                    disagreements++;
                }
                i--;
                j--;
            } else if (i > 0 && cost[i][j] == cost[i - 1][j] + 1) {
                reversed.add(new Pair(i - 1, -1));
                table[first[i - 1]][codeCount]++;
                onlyFirst++;
                i--;
            } else {
                reversed.add(new Pair(-1, j - 1));
                table[codeCount][second[j - 1]]++;
                onlySecond++;
                j--;
            }
        }
        List<Pair> alignment = new ArrayList<>(reversed.size());
        for (int k = reversed.size() - 1; k >= 0; k--) {
            alignment.add(reversed.get(k));
        }
        return new Result(
                CohensKappa.fromTable(table), alignment, agreements, disagreements, onlyFirst, onlySecond, cost[n][m]);
    }

    private static boolean pairable(long a, long b, long toleranceMs) {
        return toleranceMs < 0 || Math.abs(a - b) <= toleranceMs;
    }

    private static void check(int[] codes, int codeCount, String coder) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] < 0 || codes[i] >= codeCount) {
                throw new IllegalArgumentException(
                        coder + " coder, event " + i + ": code " + codes[i] + " outside 0.." + (codeCount - 1));
            }
        }
    }
}
