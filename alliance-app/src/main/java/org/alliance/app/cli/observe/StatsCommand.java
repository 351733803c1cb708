package org.alliance.app.cli.observe;

import java.util.ArrayList;
import java.util.List;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.observation.Modality;
import org.alliance.core.observation.ObservationEvent;
import org.alliance.core.observation.format.ObservationData;
import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.sequence.AnnotationStatistics;
import org.alliance.stats.sequence.Participation;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

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

    @Mixin
    EventsFile input = new EventsFile();

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
        ObservationData data = read(input);
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
            List<Participant> participants = new ArrayList<>();
            for (Participation.ActorFigures f : participation.actors()) {
                participants.add(new Participant(
                        actors.labels.get(f.actor()),
                        f.events(),
                        f.turns(),
                        finite(f.turnShare()),
                        f.speechMs(),
                        finite(f.timeShare())));
            }
            List<CodeFigures> codeFigures = new ArrayList<>();
            for (AnnotationStatistics.GroupFigures g : perCode.groups()) {
                codeFigures.add(new CodeFigures(
                        codes.labels.get(g.group()),
                        g.occurrences(),
                        finite(g.relativeFrequency()),
                        finite(g.perMinute()),
                        finite(g.minDurationMs()),
                        finite(g.maxDurationMs()),
                        finite(g.meanDurationMs()),
                        finite(g.medianDurationMs()),
                        g.totalDurationMs(),
                        finite(g.timeRatio()),
                        finite(g.latencyMs())));
            }
            printJson(new StatsJson(
                    input.path.getFileName().toString(),
                    events.size(),
                    participation.periodStartMs(),
                    participation.periodEndMs(),
                    participants,
                    participation.overlapMs(),
                    clientIndex < 0 ? null : client,
                    participation.clientLatencyMs().isPresent()
                            ? participation.clientLatencyMs().getAsLong()
                            : null,
                    participation.clientMeanTurnMs().isPresent()
                            ? participation.clientMeanTurnMs().getAsDouble()
                            : null,
                    codeFigures,
                    notes(data),
                    provenance()));
            return OK;
        }
        var out = out();
        out.printf(
                "%s: %d events, %d turns, period %d-%d ms%n",
                input.path.getFileName(),
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

    /** The JSON of {@code observe stats}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StatsJson(
            String file,
            int events,
            long periodStartMs,
            long periodEndMs,
            List<Participant> participants,
            long overlapMs,
            @Nullable String client,
            @Nullable Long clientLatencyMs,
            @Nullable Double clientMeanTurnMs,
            List<CodeFigures> codes,
            List<String> notes,
            Provenance provenance) {}

    /** Participation of one actor. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Participant(
            String actor,
            int events,
            int turns,
            @Nullable Double turnShare,
            long speechMs,
            @Nullable Double timeShare) {}

    /** ELAN-style statistics of one code. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CodeFigures(
            String code,
            int occurrences,
            @Nullable Double relativeFrequency,
            @Nullable Double perMinute,
            @Nullable Double minDurationMs,
            @Nullable Double maxDurationMs,
            @Nullable Double meanDurationMs,
            @Nullable Double medianDurationMs,
            long totalDurationMs,
            @Nullable Double timeRatio,
            @Nullable Double latencyMs) {}
}
