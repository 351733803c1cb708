package org.alliance.app.coding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliance.core.observation.DefaultCodingScheme;
import org.alliance.core.observation.ObservationEvent;
import org.alliance.core.observation.format.ObservationData;
import org.alliance.stats.sequence.LagSequentialAnalysis;
import org.alliance.stats.sequence.OrderedPattern;
import org.alliance.stats.sequence.Participation;

/**
 * What a meeting's coding shows beside its check-in results: participation per actor (with the client's share),
 * whether the facilitating order of the joint-meetings study occurred, and the lag-1 transitions between codes
 * whose adjusted residual lies beyond ±1.96. All figures come from {@code alliance-stats}.
 *
 * @param actors participation per actor, in order of first appearance
 * @param clientTurnShare the client's share of turns, or NaN when the client has no events
 * @param clientTimeShare the client's share of speaking time, or NaN
 * @param orderOccurred whether introduce → open communication → support → vision → shared decision occurred
 * @param failedStep the code of the first step that was not reached, or empty when the order occurred
 * @param transitions lag-1 transitions with |adjusted residual| > 1.96
 */
public record ObservationSummary(
        int events,
        List<ActorRow> actors,
        double clientTurnShare,
        double clientTimeShare,
        boolean orderOccurred,
        String failedStep,
        List<Transition> transitions) {

    /** The actor that is the client. */
    public static final String CLIENT = "client";

    /** The critical value of the adjusted residual (two-sided 5 %). */
    public static final double CRITICAL_RESIDUAL = 1.96;

    public record ActorRow(String actor, int events, int turns, double turnShare, long speechMs, double timeShare) {}

    public record Transition(String from, String to, long count, double expected, double adjustedResidual) {}

    /** The summary of some events; an empty list gives an empty summary. */
    public static ObservationSummary of(List<ObservationEvent> unordered) {
        List<ObservationEvent> events =
                unordered.stream().sorted(ObservationData.ORDER).toList();
        int n = events.size();
        Map<String, Integer> actorIndex = new LinkedHashMap<>();
        int[] actor = new int[n];
        long[] onset = new long[n];
        long[] offset = new long[n];
        for (int i = 0; i < n; i++) {
            ObservationEvent e = events.get(i);
            actor[i] = actorIndex.computeIfAbsent(e.actor(), a -> actorIndex.size());
            onset[i] = e.onsetMs();
            offset[i] = e.offsetMs();
        }
        List<String> actorNames = new ArrayList<>(actorIndex.keySet());
        int client = actorNames.indexOf(CLIENT);
        List<ActorRow> rows = new ArrayList<>();
        double clientTurns = Double.NaN;
        double clientTime = Double.NaN;
        if (n > 0) {
            Participation.Result participation = Participation.compute(actor, onset, offset, actorNames.size(), client);
            for (Participation.ActorFigures f : participation.actors()) {
                rows.add(new ActorRow(
                        actorNames.get(f.actor()), f.events(), f.turns(), f.turnShare(), f.speechMs(), f.timeShare()));
                if (f.actor() == client) {
                    clientTurns = f.turnShare();
                    clientTime = f.timeShare();
                }
            }
        }

        // Codes: the facilitating order first, so every step has an index even when it never occurs.
        Map<String, Integer> codeIndex = new LinkedHashMap<>();
        DefaultCodingScheme.FACILITATING_ORDER.forEach(c -> codeIndex.computeIfAbsent(c, x -> codeIndex.size()));
        int[] code = new int[n];
        for (int i = 0; i < n; i++) {
            code[i] = codeIndex.computeIfAbsent(events.get(i).code(), x -> codeIndex.size());
        }
        List<String> codeNames = new ArrayList<>(codeIndex.keySet());
        int[] pattern = DefaultCodingScheme.FACILITATING_ORDER.stream()
                .mapToInt(codeIndex::get)
                .toArray();
        OrderedPattern.Result order = OrderedPattern.find(code, onset, offset, pattern, OrderedPattern.NO_MAX_GAP);
        String failed = order.matched() ? "" : DefaultCodingScheme.FACILITATING_ORDER.get(order.firstFailedStep());

        List<Transition> transitions = new ArrayList<>();
        if (n > 1) {
            LagSequentialAnalysis.Result lag = LagSequentialAnalysis.fit(
                    new int[][] {code}, codeNames.size(), LagSequentialAnalysis.Options.lag(1));
            for (int a = 0; a < codeNames.size(); a++) {
                for (int b = 0; b < codeNames.size(); b++) {
                    double z = lag.adjustedResidual()[a][b];
                    if (!Double.isNaN(z) && Math.abs(z) > CRITICAL_RESIDUAL) {
                        transitions.add(new Transition(
                                codeNames.get(a), codeNames.get(b), lag.counts()[a][b], lag.expected()[a][b], z));
                    }
                }
            }
        }
        return new ObservationSummary(n, rows, clientTurns, clientTime, order.matched(), failed, transitions);
    }

    public boolean empty() {
        return events == 0;
    }
}
