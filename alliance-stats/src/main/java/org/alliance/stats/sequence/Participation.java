package org.alliance.stats.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.provenance.Traceable;

/**
 * Participation of each actor in a coded meeting: events, turns, turn share, speaking time, time share,
 * and for one chosen actor (the client) the latency and mean length of its turns, plus overlap time.
 *
 * <p>Definitions (the project's reference page on observation, following the conventions of conversation
 * analysis tools such as ELAN): a <em>turn</em> is a maximal run of consecutive events, ordered by onset
 * (ties keep input order), of the same actor; the turn share is the actor's turns divided by all turns.
 * Speaking time is the length of the union of the actor's intervals, so overlapping events of one actor
 * count once; the time share is the actor's speaking time divided by the sum over actors. A turn lasts from
 * the onset of its first event to the latest offset of its events. Latency is the onset of the client's
 * first turn minus the start of the period (the earliest onset). Overlap time is the length of the time in
 * which at least two actors speak at once. Point events (offset = onset) add events and turns but no time.
 * Cost: O(n log n).
 */
public final class Participation {

    /** The method in words, for the provenance of a result. */
    static final String METHOD =
            "participation: turns as maximal runs of one actor's events in onset order, speaking time as the union of the actor's intervals, client latency and overlap time";

    private Participation() {}

    /** Figures for one actor. */
    public record ActorFigures(int actor, int events, int turns, double turnShare, long speechMs, double timeShare) {}

    /**
     * @param actors one entry per actor index 0..actorCount-1
     * @param totalTurns number of turns of all actors
     * @param periodStartMs earliest onset (0 when there are no events)
     * @param periodEndMs latest offset
     * @param overlapMs time in which two or more actors are active at once
     * @param clientLatencyMs onset of the client's first turn minus the period start, if the client has a turn
     * @param clientMeanTurnMs mean length of the client's turns, if any
     */
    public record Result(
            List<ActorFigures> actors,
            int totalTurns,
            long periodStartMs,
            long periodEndMs,
            long overlapMs,
            OptionalLong clientLatencyMs,
            OptionalDouble clientMeanTurnMs)
            implements Traceable {
        public Result {
            actors = List.copyOf(actors);
        }

        /** How this result was made, for its provenance. */
        @Override
        public Provenance provenance() {
            return Provenance.method(METHOD);
        }
    }

    /**
     * @param actor actor index of each event, in 0..actorCount-1
     * @param onset onset in ms of each event
     * @param offset offset in ms (equal to onset for a point event)
     * @param actorCount number of actors
     * @param clientActor index of the client for latency and turn length, or -1 for none
     */
    public static Result compute(int[] actor, long[] onset, long[] offset, int actorCount, int clientActor) {
        int n = actor.length;
        Intervals.checkSameLength("onset", n, onset.length);
        Intervals.checkTimes(onset, offset);
        if (actorCount < 0) {
            throw new IllegalArgumentException("actorCount must be >= 0, got " + actorCount);
        }
        if (clientActor < -1 || clientActor >= actorCount) {
            throw new IllegalArgumentException(
                    "clientActor must be -1 or in 0.." + (actorCount - 1) + ", got " + clientActor);
        }
        for (int i = 0; i < n; i++) {
            if (actor[i] < 0 || actor[i] >= actorCount) {
                throw new IllegalArgumentException(
                        "event " + i + " has actor " + actor[i] + ", outside 0.." + (actorCount - 1));
            }
        }
        Integer[] order = Intervals.byOnset(onset);
        int[] events = new int[actorCount];
        int[] turns = new int[actorCount];
        int totalTurns = 0;
        long clientTurnTotal = 0;
        int clientTurns = 0;
        long clientFirstTurn = Long.MIN_VALUE;
        int current = -1;
        long turnStart = 0;
        long turnEnd = 0;
        for (Integer boxed : order) {
            int i = boxed;
            events[actor[i]]++;
            if (actor[i] != current) {
                if (current == clientActor && current >= 0) {
                    clientTurnTotal += turnEnd - turnStart;
                }
                current = actor[i];
                turns[current]++;
                totalTurns++;
                turnStart = onset[i];
                turnEnd = offset[i];
                if (current == clientActor && clientFirstTurn == Long.MIN_VALUE) {
                    clientFirstTurn = onset[i];
                }
                if (current == clientActor) {
                    clientTurns++;
                }
            } else {
                turnEnd = Math.max(turnEnd, offset[i]);
            }
        }
        if (current == clientActor && current >= 0) {
            clientTurnTotal += turnEnd - turnStart;
        }

        // Per-actor unions, built from the onset order so each actor's list is already sorted.
        int[][] byActor = new int[actorCount][];
        int[] filled = new int[actorCount];
        for (int a = 0; a < actorCount; a++) {
            byActor[a] = new int[events[a]];
        }
        for (Integer boxed : order) {
            int a = actor[boxed];
            byActor[a][filled[a]++] = boxed;
        }
        long[] speech = new long[actorCount];
        long totalSpeech = 0;
        List<long[][]> unions = new ArrayList<>(actorCount);
        int boundaries = 0;
        for (int a = 0; a < actorCount; a++) {
            long[][] union = Intervals.union(byActor[a], byActor[a].length, onset, offset);
            unions.add(union);
            speech[a] = Intervals.length(union);
            totalSpeech += speech[a];
            boundaries += 2 * union[0].length;
        }
        long overlap = overlap(unions, boundaries);

        long periodStart = n == 0 ? 0 : Long.MAX_VALUE;
        long periodEnd = 0;
        for (int i = 0; i < n; i++) {
            periodStart = Math.min(periodStart, onset[i]);
            periodEnd = Math.max(periodEnd, offset[i]);
        }
        List<ActorFigures> figures = new ArrayList<>(actorCount);
        for (int a = 0; a < actorCount; a++) {
            double turnShare = totalTurns == 0 ? Double.NaN : (double) turns[a] / totalTurns;
            double timeShare = totalSpeech == 0 ? Double.NaN : (double) speech[a] / totalSpeech;
            figures.add(new ActorFigures(a, events[a], turns[a], turnShare, speech[a], timeShare));
        }
        OptionalLong latency = clientFirstTurn == Long.MIN_VALUE
                ? OptionalLong.empty()
                : OptionalLong.of(clientFirstTurn - periodStart);
        OptionalDouble meanTurn =
                clientTurns == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) clientTurnTotal / clientTurns);
        return new Result(figures, totalTurns, periodStart, periodEnd, overlap, latency, meanTurn);
    }

    /** Time covered by at least two of the (per actor disjoint) unions: a sweep over sorted boundaries. */
    private static long overlap(List<long[][]> unions, int boundaries) {
        long[] points = new long[boundaries];
        int k = 0;
        for (long[][] union : unions) {
            for (int i = 0; i < union[0].length; i++) {
                // Encode the time with the kind in the lowest bit: ends (0) sort before starts (1) at equal times,
                // so touching intervals do not count as overlap.
                points[k++] = union[0][i] * 2 + 1;
                points[k++] = union[1][i] * 2;
            }
        }
        java.util.Arrays.sort(points);
        long overlap = 0;
        int active = 0;
        long previous = 0;
        for (long point : points) {
            long time = point >> 1;
            if (active >= 2) {
                overlap += time - previous;
            }
            active += (point & 1) == 1 ? 1 : -1;
            previous = time;
        }
        return overlap;
    }
}
