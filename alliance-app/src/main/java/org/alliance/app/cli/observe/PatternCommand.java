package org.alliance.app.cli.observe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.observation.ObservationEvent;
import org.alliance.core.observation.format.ObservationData;
import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.sequence.OrderedPattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code observe pattern FILE --sequence "a>b>c"}: did an ordered pattern occur? */
@Command(
        name = "pattern",
        mixinStandardHelpOptions = true,
        description = {
            "Did the steps occur in this order (other events may come between)? Reports the matched",
            "events, or the first step that was not reached."
        })
final class PatternCommand extends ObservationCommand {

    @Mixin
    EventsFile input = new EventsFile();

    @Option(
            names = "--sequence",
            required = true,
            paramLabel = "A>B>C",
            description = "The steps, separated by '>' (codes, or actor:code with --by actor:code).")
    String sequence;

    @Option(
            names = "--max-gap-ms",
            paramLabel = "N",
            description = "Largest gap between the end of one step and the start of the next (default: no limit).")
    Long maxGapMs;

    @Option(
            names = "--from-ms",
            paramLabel = "MS",
            description = "Only events starting at or after this time (a phase).")
    Long fromMs;

    @Option(names = "--to-ms", paramLabel = "MS", description = "Only events starting before this time (a phase).")
    Long toMs;

    @Mixin
    EventLabels.ByOption by = new EventLabels.ByOption();

    @Override
    int execute() {
        List<String> steps =
                Arrays.stream(sequence.split(">")).map(String::strip).toList();
        if (steps.isEmpty() || steps.stream().anyMatch(String::isEmpty)) {
            throw new UserInputException("--sequence '" + sequence + "': give steps separated by '>', e.g. \"a>b>c\"");
        }
        if (maxGapMs != null && maxGapMs < 0) {
            throw new UserInputException("--max-gap-ms must be 0 or more, got " + maxGapMs);
        }
        ObservationData data = read(input);
        EventLabels.By mode = by.mode();
        EventLabels labels = new EventLabels();
        if (fromMs != null && toMs != null && toMs <= fromMs) {
            throw new UserInputException("--to-ms (" + toMs + ") must be after --from-ms (" + fromMs + ")");
        }
        List<ObservationEvent> events = data.events().stream()
                .filter(e -> (fromMs == null || e.onsetMs() >= fromMs) && (toMs == null || e.onsetMs() < toMs))
                .toList();
        int[] codes = labels.indices(events, mode);
        List<String> missing = steps.stream()
                .filter(s -> !labels.labels.contains(s))
                .distinct()
                .toList();
        int[] pattern = steps.stream().mapToInt(labels::indexOf).toArray();
        var result = OrderedPattern.find(
                codes,
                EventLabels.onsets(events),
                EventLabels.offsets(events),
                pattern,
                maxGapMs == null ? OrderedPattern.NO_MAX_GAP : maxGapMs);
        List<String> notes = new ArrayList<>(notes(data));
        missing.forEach(m -> notes.add("'" + m + "' does not occur in the file"));

        if (format.json()) {
            List<Step> matched = new ArrayList<>();
            for (int j = 0; j < result.events().length; j++) {
                ObservationEvent e = events.get(result.events()[j]);
                matched.add(new Step(j + 1, steps.get(j), e.actor(), e.onsetMs(), e.offsetMs()));
            }
            FailedStep failed = result.matched()
                    ? null
                    : new FailedStep(result.firstFailedStep() + 1, steps.get(result.firstFailedStep()));
            printJson(new PatternJson(
                    input.path.getFileName().toString(),
                    steps,
                    maxGapMs,
                    result.matched(),
                    matched,
                    failed,
                    notes,
                    provenance()));
            return OK;
        }
        var out = out();
        out.println("pattern " + String.join(" > ", steps) + (maxGapMs == null ? "" : " (max gap " + maxGapMs + " ms)")
                + ": " + (result.matched() ? "occurred" : "did not occur"));
        for (int j = 0; j < result.events().length; j++) {
            ObservationEvent e = events.get(result.events()[j]);
            out.printf("  step %d %-24s %-16s %d-%d ms%n", j + 1, steps.get(j), e.actor(), e.onsetMs(), e.offsetMs());
        }
        if (!result.matched()) {
            out.printf(
                    "  first step not reached: %d (%s)%n",
                    result.firstFailedStep() + 1, steps.get(result.firstFailedStep()));
        }
        missing.forEach(m -> err().println("note: '" + m + "' does not occur in the file"));
        out.flush();
        return OK;
    }

    /** The JSON of {@code observe pattern}; {@code first_failed_step} is null when the pattern occurred. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PatternJson(
            String file,
            List<String> pattern,
            @Nullable Long maxGapMs,
            boolean matched,
            List<Step> steps,
            @Nullable FailedStep firstFailedStep,
            List<String> notes,
            Provenance provenance) {}

    /** One matched step of the pattern. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Step(int step, String code, String actor, long onsetMs, long offsetMs) {}

    /** The first step that could not be matched (1-based). */
    record FailedStep(int step, String code) {}
}
