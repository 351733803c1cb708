package org.alliance.app.cli.instrument;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.alliance.app.cli.ExitCodes;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.InstrumentReader;
import org.alliance.core.instrument.InstrumentTextsReader;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliance instrument validate|list}: work with questionnaire definitions. */
@Command(
        name = "instrument",
        mixinStandardHelpOptions = true,
        description = "Validate and list questionnaire definitions (instruments).",
        subcommands = {InstrumentCommand.Validate.class, InstrumentCommand.ListInstruments.class})
public final class InstrumentCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description = {
                "Check instrument definition files and report every problem with its line and path.",
                "Exit code 0 when all are valid (warnings allowed), 2 when any has an error."
            })
    static final class Validate implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Instrument definition (.yaml or .json).")
        List<Path> files = new ArrayList<>();

        @Option(
                names = "--texts",
                paramLabel = "TEXTS",
                description = "Local item texts for a skeleton instrument (checked against the single FILE given).")
        List<Path> texts = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!texts.isEmpty() && files.size() != 1) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "--texts checks texts against one instrument: give exactly one FILE");
            }
            boolean failed = false;
            for (Path file : files) {
                InstrumentReader.Result result = InstrumentReader.read(file);
                result.problems().forEach(problem -> err.println(problem.format(result.source())));
                if (!result.ok()) {
                    failed = true;
                    out.println(
                            result.source() + ": INVALID (" + result.errors().size() + " error"
                                    + (result.errors().size() == 1 ? "" : "s") + ")");
                    continue;
                }
                Instrument instrument = result.instrument().orElseThrow();
                for (Path textFile : texts) {
                    InstrumentTextsReader.Result textResult = InstrumentTextsReader.read(textFile, instrument);
                    textResult.problems().forEach(problem -> err.println(problem.format(textResult.source())));
                    if (textResult.ok()) {
                        instrument = instrument.withTexts(textResult.texts().orElseThrow());
                        out.println(textResult.source() + ": valid texts for " + instrument.reference());
                    } else {
                        failed = true;
                        out.println(textResult.source() + ": INVALID");
                    }
                }
                out.println(result.source() + ": valid " + describe(instrument));
            }
            return failed ? ExitCodes.BAD_INPUT : ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the built-in instruments.")
    static final class ListInstruments implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (Instrument instrument : InstrumentCatalog.builtIn().all()) {
                out.println(instrument.reference() + "  " + describe(instrument));
                out.println("    " + instrument.title().get(Language.EN) + " — licence "
                        + instrument.licence().name());
            }
            return ExitCodes.OK;
        }
    }

    static String describe(Instrument instrument) {
        String languages = instrument.usableLanguages().isEmpty()
                ? "texts not loaded (skeleton)"
                : "usable in "
                        + instrument.usableLanguages().stream()
                                .map(Language::code)
                                .collect(Collectors.joining(", "));
        return "(" + instrument.perspective().code() + ", " + instrument.items().size() + " items, "
                + instrument.scales().size() + " scales, " + languages + ")";
    }

    /** Problems as the command line prints them. */
    static List<String> format(String source, List<Problem> problems) {
        return problems.stream().map(problem -> problem.format(source)).toList();
    }
}
