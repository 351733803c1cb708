package org.alliance.app.cli.observe;

import java.util.ArrayList;
import java.util.List;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.observation.format.ObservationData;
import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.sequence.LagSequentialAnalysis;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code observe transitions FILE}: lag-sequential transition table. */
@Command(
        name = "transitions",
        mixinStandardHelpOptions = true,
        description = {
            "Lag-k transitions between events in onset order: count, expected count, P(to|from),",
            "adjusted residual and Yule's Q (Bakeman & Quera). With --merge-repeats, runs of the same",
            "label become one event and the diagonal is a structural zero (expected counts by",
            "iterative proportional fitting)."
        })
final class TransitionsCommand extends ObservationCommand {

    @Mixin
    EventsFile input = new EventsFile();

    @Option(names = "--lag", defaultValue = "1", description = "Lag (default: ${DEFAULT-VALUE}).")
    int lag;

    @Mixin
    EventLabels.ByOption by = new EventLabels.ByOption();

    @Option(names = "--merge-repeats", description = "Merge consecutive events with the same label.")
    boolean mergeRepeats;

    @Override
    int execute() {
        if (lag < 1) {
            throw new UserInputException("--lag must be 1 or more, got " + lag);
        }
        ObservationData data = read(input);
        EventLabels.By mode = by.mode();
        EventLabels labels = new EventLabels();
        int[] sequence = labels.indices(data.events(), mode);
        if (mergeRepeats) {
            int n = 0;
            for (int i = 0; i < sequence.length; i++) {
                if (n == 0 || sequence[n - 1] != sequence[i]) {
                    sequence[n++] = sequence[i];
                }
            }
            sequence = java.util.Arrays.copyOf(sequence, n);
        }
        int k = labels.size();
        var options = mergeRepeats && lag == 1
                ? LagSequentialAnalysis.Options.lagWithoutRepeats(1, k)
                : LagSequentialAnalysis.Options.lag(lag);
        var result = LagSequentialAnalysis.fit(new int[][] {sequence}, k, options);
        boolean[][] zeros = options.structuralZeros();

        if (format.json()) {
            List<Transition> transitions = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    if (zeros != null && zeros[i][j]) {
                        continue;
                    }
                    transitions.add(new Transition(
                            labels.labels.get(i),
                            labels.labels.get(j),
                            result.counts()[i][j],
                            finite(result.expected()[i][j]),
                            finite(result.probability()[i][j]),
                            finite(result.adjustedResidual()[i][j]),
                            finite(result.yulesQ()[i][j])));
                }
            }
            printJson(new TransitionsJson(
                    input.path.getFileName().toString(),
                    lag,
                    by.text(),
                    result.pairs(),
                    result.method(),
                    transitions,
                    notes(data),
                    provenance()));
            return OK;
        }
        var out = out();
        out.printf(
                "%s: lag %d, %d pairs, expected counts under %s%n",
                input.path.getFileName(), lag, result.pairs(), result.method());
        out.printf("%-24s %-24s %6s %9s %7s %9s %7s%n", "from", "to", "count", "expected", "P", "adj_res", "Q");
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if ((zeros != null && zeros[i][j]) || (result.counts()[i][j] == 0 && !(result.expected()[i][j] > 0))) {
                    continue;
                }
                out.printf(
                        "%-24s %-24s %6d %9s %7s %9s %7s%n",
                        labels.labels.get(i),
                        labels.labels.get(j),
                        result.counts()[i][j],
                        fixed(result.expected()[i][j], 3),
                        fixed(result.probability()[i][j], 3),
                        fixed(result.adjustedResidual()[i][j], 3),
                        fixed(result.yulesQ()[i][j], 3));
            }
        }
        out.println(
                "|adjusted residual| > 1.96: the transition occurs more (or less) often than chance at the 5% level.");
        out.flush();
        return OK;
    }

    /** The JSON of {@code observe transitions}. */
    record TransitionsJson(
            String file,
            int lag,
            String by,
            long pairs,
            String method,
            List<Transition> transitions,
            List<String> notes,
            Provenance provenance) {}

    /** One cell of the transition table (structural zeros are left out). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Transition(
            String from,
            String to,
            long count,
            @Nullable Double expected,
            @Nullable Double probability,
            @Nullable Double adjustedResidual,
            @Nullable Double yulesQ) {}
}
