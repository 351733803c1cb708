package org.alliance.app.cli.demo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliance.app.cli.ExitCodes;
import org.alliance.app.cli.UserInputException;
import org.alliance.app.time.Clocks;
import org.alliance.core.demo.DemoCsvWriter;
import org.alliance.core.demo.DemoData;
import org.alliance.core.demo.DemoGenerator;
import org.alliance.core.demo.DemoOptions;
import org.alliance.core.instrument.InstrumentCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alliance generate}: synthetic data for demos, statistics and benchmarks, as CSV files. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Generate synthetic organisations, professionals, clients, meetings and check-ins as CSV files.",
            "The same seed and options always give the same data. The answers follow a known three-factor",
            "structure (bond, tasks, goals; see truth.csv)."
        })
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--clients", defaultValue = "60", description = "Number of clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--start",
            paramLabel = "YYYY-MM-DD",
            description = "First day of the window (default: --months × 30 days before today).")
    String start;

    @Option(
            names = "--months",
            defaultValue = "9",
            description = "Months of meetings, 30 days each (default: ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the CSV files into.")
    Path out;

    @Override
    public Integer call() {
        LocalDate startDate;
        try {
            startDate = start == null ? null : LocalDate.parse(start);
        } catch (DateTimeParseException e) {
            throw new UserInputException("--start must be a date like 2026-01-31, not '" + start + "'");
        }
        DemoOptions options;
        try {
            options = startDate == null
                    ? DemoOptions.endingOn(seed, clients, LocalDate.now(Clocks.wallClock()), months)
                    : new DemoOptions(seed, clients, startDate, months);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage().replaceFirst("^(clients|months)", "--$1"));
        }
        InstrumentCatalog catalog = InstrumentCatalog.builtIn();
        DemoData data = new DemoGenerator(catalog).run(options);
        List<Path> files = new DemoCsvWriter(catalog).write(data, out);
        spec.commandLine()
                .getOut()
                .printf(
                        "Generated %d clients, %d meetings and %d check-ins (seed %d) into %s:%n",
                        data.clients().size(),
                        data.meetings().size(),
                        data.checkIns().size(),
                        seed,
                        out);
        files.forEach(file -> spec.commandLine().getOut().println("  " + file.getFileName()));
        return ExitCodes.OK;
    }
}
