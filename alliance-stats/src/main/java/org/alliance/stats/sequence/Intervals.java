package org.alliance.stats.sequence;

import java.util.Arrays;

/** Shared helpers for interval arithmetic on millisecond times. */
final class Intervals {

    private Intervals() {}

    static void checkSameLength(String what, int expected, int actual) {
        if (expected != actual) {
            throw new IllegalArgumentException(what + " has " + actual + " values, expected " + expected);
        }
    }

    static void checkTimes(long[] onset, long[] offset) {
        checkSameLength("offset", onset.length, offset.length);
        for (int i = 0; i < onset.length; i++) {
            if (offset[i] < onset[i]) {
                throw new IllegalArgumentException(
                        "event " + i + " ends before it starts: onset " + onset[i] + ", offset " + offset[i]);
            }
        }
    }

    /** Indices 0..n-1 sorted by onset, then by input order (stable). */
    static Integer[] byOnset(long[] onset) {
        Integer[] order = new Integer[onset.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(onset[a], onset[b]));
        return order;
    }

    /**
     * Merges the intervals whose indices are given (already sorted by onset) into disjoint intervals; returns
     * {starts, ends} with as many used entries as the returned count in {@code out[2][0]}.
     */
    static long[][] union(int[] indices, int count, long[] onset, long[] offset) {
        long[] starts = new long[count];
        long[] ends = new long[count];
        int n = 0;
        for (int k = 0; k < count; k++) {
            int i = indices[k];
            if (n > 0 && onset[i] <= ends[n - 1]) {
                ends[n - 1] = Math.max(ends[n - 1], offset[i]);
            } else {
                starts[n] = onset[i];
                ends[n] = offset[i];
                n++;
            }
        }
        return new long[][] {Arrays.copyOf(starts, n), Arrays.copyOf(ends, n)};
    }

    static long length(long[][] union) {
        long total = 0;
        for (int i = 0; i < union[0].length; i++) {
            total += union[1][i] - union[0][i];
        }
        return total;
    }
}
