package org.alliance.app.cli.observe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.observation.Modality;
import org.alliance.core.observation.ObservationEvent;
import org.alliance.core.observation.format.ObservationData;
import org.alliance.stats.sequence.AnnotationStatistics;
import org.alliance.stats.sequence.Participation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code observe stats FILE}: participation per actor and annotation statistics per code. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = {
            "Participation per actor: events, turns, turn share, speaking time (union of the actor's",
            "intervals) and time share; overlap; latency and mean turn length of the client;",
            "and ELAN-style statistics per code."
        })
final class StatsCommand extends ObservationCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "Coded events: .eaf, .boris or .csv.")
    Path file;

    @Mixin
    ReadOptions read = new ReadOptions();

    @Option(
            names = "--client",
            paramLabel = "ACTOR",
            defaultValue = "client",
            description = "The actor who is the client, for latency and turn length (default: ${DEFAULT-VALUE}).")
    String client;

    @Option(
            names = "--modality",
            paramLabel = "verbal|non-verbal|all",
            defaultValue = "all",
            description = "Which events count (default: ${DEFAULT-VALUE}).")
    String modality;

    @Override
    int execute() {
        ObservationData data = read(file, read);
        List<ObservationEvent> events = filter(data.events());
        EventLabels actors = new EventLabels();
        int[] actor = actors.indices(events, EventLabels.By.ACTOR);
        long[] onset = EventLabels.onsets(events);
        long[] offset = EventLabels.offsets(events);
        int clientIndex = actors.labels.indexOf(client);
        Participation.Result participation = Participation.compute(actor, onset, offset, actors.size(), clientIndex);
        EventLabels codes = new EventLabels();
        int[] code = codes.indices(events, EventLabels.By.CODE);
        AnnotationStatistics.Result perCode = AnnotationStatistics.compute(code, onset, offset, codes.size());

        if (format.json()) {
            Map<String, Object> json = object();
            json.put("file", file.getFileName().toString());
            json.put("events", events.size());
            json.put("period_start_ms", participation.periodStartMs());
            json.put("period_end_ms", participation.periodEndMs());
            List<Object> participants = new ArrayList<>();
            for (Participation.ActorFigures f : participation.actors()) {
                Map<String, Object> p = object();
                p.put("actor", actors.labels.get(f.actor()));
                p.put("events", f.events());
                p.put("turns", f.turns());
                p.put("turn_share", number(f.turnShare()));
                p.put("speech_ms", f.speechMs());
                p.put("time_share", number(f.timeShare()));
                participants.add(p);
            }
            json.put("participants", participants);
            json.put("overlap_ms", participation.overlapMs());
            json.put("client", clientIndex < 0 ? null : client);
            json.put(
                    "client_latency_ms",
                    participation.clientLatencyMs().isPresent()
                            ? participation.clientLatencyMs().getAsLong()
                            : null);
            json.put(
                    "client_mean_turn_ms",
                    participation.clientMeanTurnMs().isPresent()
                            ? participation.clientMeanTurnMs().getAsDouble()
                            : null);
            List<Object> codeFigures = new ArrayList<>();
            for (AnnotationStatistics.GroupFigures g : perCode.groups()) {
                Map<String, Object> c = object();
                c.put("code", codes.labels.get(g.group()));
                c.put("occurrences", g.occurrences());
                c.put("relative_frequency", number(g.relativeFrequency()));
                c.put("per_minute", number(g.perMinute()));
                c.put("min_duration_ms", number(g.minDurationMs()));
                c.put("max_duration_ms", number(g.maxDurationMs()));
                c.put("mean_duration_ms", number(g.meanDurationMs()));
                c.put("median_duration_ms", number(g.medianDurationMs()));
                c.put("total_duration_ms", g.totalDurationMs());
                c.put("time_ratio", number(g.timeRatio()));
                c.put("latency_ms", number(g.latencyMs()));
                codeFigures.add(c);
            }
            json.put("codes", codeFigures);
            json.put("notes", notes(data));
            printJson(json);
            return OK;
        }
        var out = out();
        out.printf(
                "%s: %d events, %d turns, period %d-%d ms%n",
                file.getFileName(),
                events.size(),
                participation.totalTurns(),
                participation.periodStartMs(),
                participation.periodEndMs());
        out.printf(
                "%-24s %7s %6s %10s %10s %10s%n", "actor", "events", "turns", "turn_share", "speech_ms", "time_share");
        for (Participation.ActorFigures f : participation.actors()) {
            out.printf(
                    "%-24s %7d %6d %10s %10d %10s%n",
                    actors.labels.get(f.actor()),
                    f.events(),
                    f.turns(),
                    fixed(f.turnShare(), 3),
                    f.speechMs(),
                    fixed(f.timeShare(), 3));
        }
        out.printf("overlap_ms %d%n", participation.overlapMs());
        if (clientIndex >= 0) {
            out.printf(
                    "client '%s': latency_ms %s, mean_turn_ms %s%n",
                    client,
                    participation.clientLatencyMs().isPresent()
                            ? participation.clientLatencyMs().getAsLong()
                            : "NA",
                    participation.clientMeanTurnMs().isPresent()
                            ? fixed(participation.clientMeanTurnMs().getAsDouble(), 1)
                            : "NA");
        }
        out.println();
        out.printf(
                "%-28s %6s %9s %9s %9s %9s %10s %8s%n",
                "code", "count", "per_min", "mean_ms", "median_ms", "total_ms", "time_ratio", "latency");
        for (AnnotationStatistics.GroupFigures g : perCode.groups()) {
            out.printf(
                    "%-28s %6d %9s %9s %9s %9d %10s %8s%n",
                    codes.labels.get(g.group()),
                    g.occurrences(),
                    fixed(g.perMinute(), 2),
                    fixed(g.meanDurationMs(), 0),
                    fixed(g.medianDurationMs(), 0),
                    g.totalDurationMs(),
                    fixed(g.timeRatio(), 3),
                    fixed(g.latencyMs(), 0));
        }
        out.flush();
        return OK;
    }

    private List<ObservationEvent> filter(List<ObservationEvent> events) {
        if (modality.equalsIgnoreCase("all")) {
            return events;
        }
        Modality wanted;
        try {
            wanted = Modality.parse(modality);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--modality '" + modality + "': use verbal, non-verbal or all");
        }
        return events.stream().filter(e -> e.modality() == wanted).toList();
    }
}
