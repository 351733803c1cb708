package org.alliance.app.cli.observe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.observation.ObservationEvent;
import org.alliance.core.observation.format.ObservationData;
import org.alliance.stats.agreement.CohensKappa;
import org.alliance.stats.agreement.EventAlignmentKappa;
import org.alliance.stats.agreement.TimeUnitKappa;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code observe agreement CODER1 CODER2}: agreement of two coders of the same meeting. */
@Command(
        name = "agreement",
        mixinStandardHelpOptions = true,
        description = {
            "Agreement of two coders of the same meeting, with the confusion table (rows: first coder).",
            "  time-unit  Cohen's kappa over units of --unit-ms; a unit takes the state covering its",
            "             midpoint, else a point event inside it, else 'none' (the unit is step and tolerance).",
            "  alignment  Cohen's kappa after aligning the event sequences (Needleman-Wunsch, mismatch 1,",
            "             gap 1; with --tolerance-ms only events with onsets that close are paired).",
            "  cohen      Cohen's kappa pairing the i-th events of both coders (needs equal counts)."
        })
final class ObserverAgreementCommand extends ObservationCommand {

    @Parameters(index = "0", paramLabel = "CODER1", description = "Events of the first coder.")
    Path first;

    @Parameters(index = "1", paramLabel = "CODER2", description = "Events of the second coder.")
    Path second;

    @Mixin
    ReadOptions read = new ReadOptions();

    @Option(
            names = "--method",
            defaultValue = "time-unit",
            paramLabel = "cohen|time-unit|alignment",
            description = "Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(
            names = "--unit-ms",
            defaultValue = "1000",
            paramLabel = "MS",
            description = "Time unit for time-unit kappa (default: ${DEFAULT-VALUE}).")
    long unitMs;

    @Option(
            names = "--tolerance-ms",
            paramLabel = "MS",
            description = "Alignment only: largest onset difference of two paired events (default: none).")
    Long toleranceMs;

    @Mixin
    EventLabels.ByOption by = new EventLabels.ByOption();

    @Override
    int execute() {
        String m = method.toLowerCase(Locale.ROOT);
        if (!List.of("cohen", "time-unit", "alignment").contains(m)) {
            throw new UserInputException("--method '" + method + "': use cohen, time-unit or alignment");
        }
        if (unitMs <= 0) {
            throw new UserInputException("--unit-ms must be more than 0, got " + unitMs);
        }
        if (toleranceMs != null && toleranceMs < 0) {
            throw new UserInputException("--tolerance-ms must be 0 or more, got " + toleranceMs);
        }
        ObservationData a = read(first, read);
        ObservationData b = read(second, read);
        EventLabels.By mode = by.mode();
        EventLabels labels = new EventLabels();
        List<ObservationEvent> ea = a.events();
        List<ObservationEvent> eb = b.events();
        int[] codesA = labels.indices(ea, mode);
        int[] codesB = labels.indices(eb, mode);
        int k = labels.size();
        if (ea.isEmpty() && eb.isEmpty()) {
            throw new UserInputException("both files hold no events");
        }
        Map<String, Object> json = object();
        json.put("method", m);
        json.put("first", first.getFileName().toString());
        json.put("second", second.getFileName().toString());
        CohensKappa.Result kappa;
        List<String> categories = new ArrayList<>(labels.labels);
        switch (m) {
            case "cohen" -> {
                if (ea.size() != eb.size()) {
                    throw new UserInputException("cohen pairs the i-th events of both coders, but they coded "
                            + ea.size() + " and " + eb.size() + " events; use --method alignment or time-unit");
                }
                kappa = CohensKappa.fit(codesA, codesB, k);
            }
            case "time-unit" -> {
                long start = Math.min(min(ea), min(eb));
                long end = Math.max(max(ea), max(eb));
                if (end <= start) {
                    throw new UserInputException(
                            "the events span no time; time-unit kappa needs events with a duration");
                }
                var result = TimeUnitKappa.fit(
                        new TimeUnitKappa.Coding(codesA, EventLabels.onsets(ea), EventLabels.offsets(ea)),
                        new TimeUnitKappa.Coding(codesB, EventLabels.onsets(eb), EventLabels.offsets(eb)),
                        k,
                        start,
                        end,
                        unitMs);
                kappa = result.kappa();
                categories.add("none");
                json.put("unit_ms", unitMs);
                json.put("tolerance_ms", unitMs / 2.0);
                json.put("units", result.units());
                json.put("units_with_several_codes", result.unitsWithSeveralCodes());
            }
            default -> {
                var result = EventAlignmentKappa.fit(
                        codesA,
                        EventLabels.onsets(ea),
                        codesB,
                        EventLabels.onsets(eb),
                        k,
                        toleranceMs == null ? EventAlignmentKappa.NO_TOLERANCE : toleranceMs);
                kappa = result.kappa();
                categories.add("nil");
                json.put("tolerance_ms", toleranceMs);
                json.put("agreements", result.agreements());
                json.put("disagreements", result.disagreements());
                json.put("only_first", result.onlyFirst());
                json.put("only_second", result.onlySecond());
            }
        }
        json.put("kappa", number(kappa.kappa()));
        json.put("observed_agreement", number(kappa.observedAgreement()));
        json.put("expected_agreement", number(kappa.expectedAgreement()));
        json.put("n", kappa.n());
        json.put("categories", categories);
        json.put(
                "confusion",
                Arrays.stream(kappa.table())
                        .map(row -> Arrays.stream(row).boxed().toList())
                        .toList());
        if (format.json()) {
            List<String> notes = new ArrayList<>();
            notes(a).forEach(n -> notes.add(first.getFileName() + ": " + n));
            notes(b).forEach(n -> notes.add(second.getFileName() + ": " + n));
            json.put("notes", notes);
            printJson(json);
            return OK;
        }
        var out = out();
        out.printf(
                "%s kappa = %s (observed agreement %s, chance %s, n = %d)%n",
                m,
                fixed(kappa.kappa(), 4),
                fixed(kappa.observedAgreement(), 4),
                fixed(kappa.expectedAgreement(), 4),
                kappa.n());
        json.forEach((key, value) -> {
            if (List.of(
                            "unit_ms",
                            "units",
                            "units_with_several_codes",
                            "agreements",
                            "disagreements",
                            "only_first",
                            "only_second")
                    .contains(key)) {
                out.println(key + " " + value);
            }
        });
        out.println("confusion table (rows: " + first.getFileName() + ", columns: " + second.getFileName() + ")");
        int width =
                Math.max(8, categories.stream().mapToInt(String::length).max().orElse(8) + 1);
        out.print(" ".repeat(width));
        categories.forEach(c -> out.printf("%" + width + "s", c));
        out.println();
        for (int i = 0; i < categories.size(); i++) {
            out.printf("%-" + width + "s", categories.get(i));
            for (long count : kappa.table()[i]) {
                out.printf("%" + width + "d", count);
            }
            out.println();
        }
        out.flush();
        return OK;
    }

    private static long min(List<ObservationEvent> events) {
        return events.stream().mapToLong(ObservationEvent::onsetMs).min().orElse(Long.MAX_VALUE);
    }

    private static long max(List<ObservationEvent> events) {
        return events.stream().mapToLong(ObservationEvent::offsetMs).max().orElse(Long.MIN_VALUE);
    }
}
