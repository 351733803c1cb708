package org.alliance.stats.sequence;

import java.util.Arrays;
import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.provenance.Traceable;

/**
 * Did a facilitating order occur? Finds an ordered (not necessarily contiguous) subsequence of events whose
 * codes follow a pattern p_1 → p_2 → … → p_m, optionally with a maximum gap between consecutive steps.
 *
 * <p>Events are taken in onset order. The gap between two steps is the onset of the later event minus the
 * offset of the earlier one (negative when they overlap, which is always allowed). Without a maximum gap the
 * earliest greedy match is returned. With a maximum gap the search is exact in O(n·m): for each step it keeps
 * the reachable match with the latest offset seen so far, which dominates every other choice for the next
 * step. The result names the matched events and, when the pattern does not occur, the first step that could
 * not be reached (0-based) together with the events of the longest matched prefix.
 */
public final class OrderedPattern {

    /** The method in words, for the provenance of a result. */
    static final String METHOD =
            "ordered pattern: the earliest ordered, not necessarily contiguous, match of the codes in onset order, within the maximum gap between steps when one is given";

    private OrderedPattern() {}

    /** No limit on the gap between steps. */
    public static final long NO_MAX_GAP = Long.MAX_VALUE;

    /**
     * @param matched whether the whole pattern occurred
     * @param events indices of the matched events (all steps, or the longest matched prefix)
     * @param firstFailedStep 0-based step that could not be reached, or -1 when matched
     */
    public record Result(boolean matched, int[] events, int firstFailedStep) implements Traceable {
        /** How this result was made, for its provenance. */
        @Override
        public Provenance provenance() {
            return Provenance.method(METHOD);
        }
    }

    /**
     * @param code code index of each event
     * @param onset onsets in ms, non-decreasing (events in onset order)
     * @param offset offsets in ms
     * @param pattern code indices of the steps, at least one
     * @param maxGapMs maximum gap between consecutive steps, or {@link #NO_MAX_GAP}
     */
    public static Result find(int[] code, long[] onset, long[] offset, int[] pattern, long maxGapMs) {
        int n = code.length;
        Intervals.checkSameLength("onset", n, onset.length);
        Intervals.checkTimes(onset, offset);
        if (pattern.length == 0) {
            throw new IllegalArgumentException("the pattern needs at least one step");
        }
        if (maxGapMs < 0) {
            throw new IllegalArgumentException("maxGapMs must be >= 0, got " + maxGapMs);
        }
        for (int i = 1; i < n; i++) {
            if (onset[i] < onset[i - 1]) {
                throw new IllegalArgumentException("events must be in onset order; event " + i + " starts at "
                        + onset[i] + " before event " + (i - 1) + " at " + onset[i - 1]);
            }
        }
        int m = pattern.length;
        // best[j]: event matching step j (reachable) with the latest offset so far; predecessor links per event.
        int[] best = new int[m];
        Arrays.fill(best, -1);
        int[][] predecessor = new int[m][n];
        int[] firstReached = new int[m];
        Arrays.fill(firstReached, -1);
        for (int i = 0; i < n; i++) {
            // Descending steps, so one event never serves two consecutive steps.
            for (int j = m - 1; j >= 0; j--) {
                if (code[i] != pattern[j]) {
                    continue;
                }
                int previous = j == 0 ? -1 : best[j - 1];
                if (j > 0 && (previous < 0 || onset[i] - offset[previous] > maxGapMs)) {
                    continue;
                }
                if (maxGapMs == NO_MAX_GAP && best[j] >= 0) {
                    continue; // earliest greedy match is enough without a gap limit
                }
                if (best[j] < 0 || offset[i] > offset[best[j]]) {
                    best[j] = i;
                }
                predecessor[j][i] = previous;
                if (firstReached[j] < 0) {
                    firstReached[j] = i;
                    if (j == m - 1) {
                        return new Result(true, trace(i, predecessor, j), -1);
                    }
                }
            }
        }
        int reached = -1;
        for (int j = 0; j < m; j++) {
            if (firstReached[j] >= 0) {
                reached = j;
            }
        }
        int[] prefix = reached < 0 ? new int[0] : trace(firstReached[reached], predecessor, reached);
        return new Result(false, prefix, reached + 1);
    }

    private static int[] trace(int last, int[][] predecessor, int step) {
        int[] events = new int[step + 1];
        int current = last;
        for (int j = step; j >= 0; j--) {
            events[j] = current;
            current = predecessor[j][current];
        }
        return events;
    }
}
