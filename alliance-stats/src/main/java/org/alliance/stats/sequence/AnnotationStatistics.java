package org.alliance.stats.sequence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.provenance.Traceable;

/**
 * ELAN-style annotation statistics per group (a tier, an actor or a code): occurrences, minimum, maximum,
 * mean and median duration, total duration, time ratio, latency and frequency.
 *
 * <p>Definitions follow ELAN's annotation statistics (Max Planck Institute for Psycholinguistics, ELAN
 * manual, "Annotation statistics"): the observation period runs from the first onset to the last offset of
 * all events unless the caller gives it (e.g. the media duration); total duration is the plain sum of
 * durations (overlaps count twice, as in ELAN); time ratio = total duration / period length; latency = the
 * group's first onset minus the period start. Frequency is given two ways because tools differ:
 * {@code relativeFrequency} = occurrences / all occurrences, and {@code perMinute} = occurrences per minute
 * of the period.
 */
public final class AnnotationStatistics {

    /** The method in words, for the provenance of a result. */
    static final String METHOD =
            "annotation statistics as ELAN's: occurrences, durations, time ratio, latency and frequency per group";

    private AnnotationStatistics() {}

    /** Figures of one group; durations in ms, {@code NaN} where a group has no occurrences. */
    public record GroupFigures(
            int group,
            int occurrences,
            double relativeFrequency,
            double perMinute,
            double minDurationMs,
            double maxDurationMs,
            double meanDurationMs,
            double medianDurationMs,
            long totalDurationMs,
            double timeRatio,
            double latencyMs) {}

    /** Results with the period that was used. */
    public record Result(List<GroupFigures> groups, long periodStartMs, long periodEndMs) implements Traceable {
        public Result {
            groups = List.copyOf(groups);
        }

        /** How this result was made, for its provenance. */
        @Override
        public Provenance provenance() {
            return Provenance.method(METHOD);
        }
    }

    /** Statistics with the period from the first onset to the last offset. */
    public static Result compute(int[] group, long[] onset, long[] offset, int groupCount) {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (int i = 0; i < onset.length; i++) {
            start = Math.min(start, onset[i]);
            end = Math.max(end, offset[i]);
        }
        if (onset.length == 0) {
            start = 0;
            end = 0;
        }
        return compute(group, onset, offset, groupCount, start, end);
    }

    /** Statistics over a given period [periodStartMs, periodEndMs]. */
    public static Result compute(
            int[] group, long[] onset, long[] offset, int groupCount, long periodStartMs, long periodEndMs) {
        Intervals.checkSameLength("onset", group.length, onset.length);
        Intervals.checkTimes(onset, offset);
        if (periodEndMs < periodStartMs) {
            throw new IllegalArgumentException(
                    "period ends (" + periodEndMs + ") before it starts (" + periodStartMs + ")");
        }
        int[] counts = new int[groupCount];
        for (int i = 0; i < group.length; i++) {
            if (group[i] < 0 || group[i] >= groupCount) {
                throw new IllegalArgumentException(
                        "event " + i + " has group " + group[i] + ", outside 0.." + (groupCount - 1));
            }
            counts[group[i]]++;
        }
        long[][] durations = new long[groupCount][];
        long[] first = new long[groupCount];
        Arrays.fill(first, Long.MAX_VALUE);
        int[] filled = new int[groupCount];
        for (int g = 0; g < groupCount; g++) {
            durations[g] = new long[counts[g]];
        }
        for (int i = 0; i < group.length; i++) {
            int g = group[i];
            durations[g][filled[g]++] = offset[i] - onset[i];
            first[g] = Math.min(first[g], onset[i]);
        }
        double period = periodEndMs - periodStartMs;
        List<GroupFigures> figures = new ArrayList<>(groupCount);
        for (int g = 0; g < groupCount; g++) {
            long[] d = durations[g];
            int n = d.length;
            long total = 0;
            for (long x : d) {
                total += x;
            }
            if (n == 0) {
                figures.add(new GroupFigures(
                        g,
                        0,
                        group.length == 0 ? Double.NaN : 0,
                        period > 0 ? 0 : Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        0,
                        period > 0 ? 0 : Double.NaN,
                        Double.NaN));
                continue;
            }
            Arrays.sort(d);
            double median = n % 2 == 1 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2.0;
            figures.add(new GroupFigures(
                    g,
                    n,
                    (double) n / group.length,
                    period > 0 ? n / (period / 60_000.0) : Double.NaN,
                    d[0],
                    d[n - 1],
                    (double) total / n,
                    median,
                    total,
                    period > 0 ? total / period : Double.NaN,
                    first[g] - periodStartMs));
        }
        return new Result(figures, periodStartMs, periodEndMs);
    }
}
