package org.alliance.stats.agreement;

import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.provenance.Traceable;

/**
 * Time-unit kappa (Bakeman, Quera &amp; Gnisci 2009): time is cut into units of Δ ms from the period start;
 * each coder gets one code per unit and Cohen's κ is computed over the units, with an extra category
 * "none" (index K) for units without a code.
 *
 * <p>Convention (stated because tools differ): a unit [t, t+Δ) takes the state event that covers its
 * midpoint t + Δ/2 (onset ≤ midpoint &lt; offset); if several do, the one with the latest onset. When no state
 * covers the midpoint, a point event (offset = onset) with its onset inside the unit, i.e. within Δ/2 of
 * the midpoint, is taken. So Δ is both the step and the tolerance — the same as BORIS's sampling variant.
 * A final partial unit counts when its midpoint lies before the period end. Units in which more than one
 * code applied are counted in {@code unitsWithSeveralCodes}: with a mutually exclusive and exhaustive code
 * set that number is 0.
 */
public final class TimeUnitKappa {

    /** The method in words, for the provenance of a result. */
    static final String METHOD =
            "time-unit kappa (Bakeman, Quera and Gnisci 2009): Cohen's kappa over units, each taking the code covering its midpoint, units of ";

    private TimeUnitKappa() {}

    /** One coder's events: code indices 0..K-1 with onsets and offsets in ms. */
    public record Coding(int[] code, long[] onset, long[] offset) {
        public Coding {
            if (code.length != onset.length || code.length != offset.length) {
                throw new IllegalArgumentException("code, onset and offset differ in length: " + code.length + ", "
                        + onset.length + ", " + offset.length);
            }
        }
    }

    /**
     * @param kappa Cohen's κ over the units, categories 0..K-1 plus "none" = K
     * @param unitMs Δ
     * @param units number of units
     * @param unitsWithSeveralCodes units (of either coder) where more than one code applied
     */
    public record Result(CohensKappa.Result kappa, long unitMs, int units, int unitsWithSeveralCodes)
            implements Traceable {
        /** How this result was made, for its provenance. */
        @Override
        public Provenance provenance() {
            return Provenance.method(METHOD + unitMs + " ms");
        }
    }

    public static Result fit(Coding first, Coding second, int codeCount, long startMs, long endMs, long unitMs) {
        if (unitMs <= 0) {
            throw new IllegalArgumentException("unitMs must be > 0, got " + unitMs);
        }
        if (endMs <= startMs) {
            throw new IllegalArgumentException("the period must have a positive length: " + startMs + ".." + endMs);
        }
        long span = endMs - startMs;
        long full = span / unitMs;
        int units = (int) (full + ((span % unitMs) * 2 > unitMs ? 1 : 0));
        if (units == 0) {
            throw new IllegalArgumentException(
                    "the period (" + span + " ms) is shorter than half a unit (" + unitMs + " ms)");
        }
        int[] severalA = new int[1];
        int[] severalB = new int[1];
        int[] a = units(first, codeCount, startMs, unitMs, units, severalA);
        int[] b = units(second, codeCount, startMs, unitMs, units, severalB);
        int several = 0;
        for (int u = 0; u < units; u++) {
            several += (a[u] < 0 ? 1 : 0) | (b[u] < 0 ? 1 : 0);
        }
        for (int u = 0; u < units; u++) {
            a[u] = a[u] < 0 ? -a[u] - 1 : a[u];
            b[u] = b[u] < 0 ? -b[u] - 1 : b[u];
        }
        return new Result(CohensKappa.fit(a, b, codeCount + 1), unitMs, units, several);
    }

    /** Code per unit; a negative value −(c+1) marks a unit where several codes applied (c was chosen). */
    private static int[] units(Coding coding, int codeCount, long startMs, long unitMs, int units, int[] several) {
        int[] chosen = new int[units];
        long[] chosenOnset = new long[units];
        boolean[] fromState = new boolean[units];
        int[] applied = new int[units];
        java.util.Arrays.fill(chosen, codeCount);
        for (int e = 0; e < coding.code().length; e++) {
            int c = coding.code()[e];
            if (c < 0 || c >= codeCount) {
                throw new IllegalArgumentException("event " + e + " has code " + c + ", outside 0.." + (codeCount - 1));
            }
            long on = coding.onset()[e];
            long off = coding.offset()[e];
            if (off < on) {
                throw new IllegalArgumentException("event " + e + " ends before it starts: " + on + ".." + off);
            }
            if (off > on) {
                // units whose midpoint start + u·Δ + Δ/2 lies in [on, off): midpoints compared in doubled units
                long firstUnit = ceilDiv(2 * (on - startMs) - unitMs, 2 * unitMs);
                long lastUnit = ceilDiv(2 * (off - startMs) - unitMs, 2 * unitMs) - 1;
                for (long u = Math.max(0, firstUnit); u <= Math.min(units - 1, lastUnit); u++) {
                    int unit = (int) u;
                    applied[unit]++;
                    if (!fromState[unit] || on >= chosenOnset[unit]) {
                        chosen[unit] = c;
                        chosenOnset[unit] = on;
                        fromState[unit] = true;
                    }
                }
            } else {
                long u = Math.floorDiv(on - startMs, unitMs);
                if (u >= 0 && u < units) {
                    int unit = (int) u;
                    applied[unit]++;
                    if (!fromState[unit] && chosen[unit] == codeCount) {
                        chosen[unit] = c;
                    }
                }
            }
        }
        for (int u = 0; u < units; u++) {
            if (applied[u] > 1) {
                several[0]++;
                chosen[u] = -chosen[u] - 1;
            }
        }
        return chosen;
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }
}
