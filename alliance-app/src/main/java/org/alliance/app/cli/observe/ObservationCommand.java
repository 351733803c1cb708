package org.alliance.app.cli.observe;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alliance.app.cli.CommandJson;
import org.alliance.app.cli.ExitCodes;
import org.alliance.app.cli.FormatOption;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.observation.format.ElanMapping;
import org.alliance.core.observation.format.ImportNote;
import org.alliance.core.observation.format.ObservationData;
import org.alliance.core.observation.format.ObservationFiles;
import org.alliance.core.observation.format.ObservationFormatException;
import org.alliance.stats.provenance.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What the observation commands share: reading files, {@code --format} (the shared {@link FormatOption}),
 * printing JSON or text. A file or option the readers refuse becomes a {@link UserInputException}, so that
 * {@link ExitCodes} maps it like every other command's bad input (exit 2, one {@code error:} line).
 */
abstract class ObservationCommand implements Callable<Integer> {

    static final int OK = ExitCodes.OK;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    FormatOption format = new FormatOption();

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (UserInputException e) {
            throw e;
        } catch (ObservationFormatException | IllegalArgumentException e) {
            // A file or option we cannot use: bad input, reported by ExitCodes like every other command's.
            throw new UserInputException(e.getMessage());
        }
    }

    abstract int execute();

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Options for reading events: the tier mapping and the BORIS choices. */
    static final class ReadOptions {
        @Option(
                names = "--map",
                paramLabel = "TIER=ACTOR:MODALITY",
                description = "ELAN tier to actor and modality (verbal|non-verbal); repeatable."
                        + " Without it, tiers map to actors by their PARTICIPANT.")
        List<String> map = new ArrayList<>();

        @Option(
                names = "--observation",
                paramLabel = "ID",
                description = "BORIS observation to read (default: the first).")
        String observation = "";

        @Option(
                names = "--drop-unpaired",
                description = "Drop unpaired BORIS state events instead of closing them at the end.")
        boolean dropUnpaired;

        ObservationFiles.ReadOptions toCore() {
            ElanMapping mapping;
            try {
                mapping = ElanMapping.parse(map);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--map: " + e.getMessage());
            }
            return new ObservationFiles.ReadOptions(mapping, observation, !dropUnpaired);
        }
    }

    /**
     * The coded-events file of a command that reads one (the first positional parameter, FILE) with its
     * {@link ReadOptions}: one picocli mixin, so stats, pattern and transitions declare it once.
     */
    static final class EventsFile {
        @CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "Coded events: .eaf, .boris or .csv.")
        Path path;

        @CommandLine.Mixin
        ReadOptions read = new ReadOptions();
    }

    ObservationData read(EventsFile events) {
        return read(events.path, events.read);
    }

    ObservationData read(Path file, ReadOptions options) {
        ObservationData data = ObservationFiles.read(file, options.toCore());
        if (format.text()) {
            for (ImportNote note : data.notes()) {
                err().println("note: " + file.getFileName() + ": " + note);
            }
        }
        return data;
    }

    static List<String> notes(ObservationData data) {
        return data.notes().stream().map(ImportNote::toString).toList();
    }

    /** Where a result came from: the command line as typed and the software version. */
    Provenance provenance() {
        return Provenance.command(
                String.join(" ", spec.commandLine().getParseResult().originalArgs()));
    }

    /** Prints the tree with its provenance: the command line and the software version. */
    void printJson(Map<String, Object> tree) {
        tree.put("provenance", provenance());
        printJson((Object) tree);
    }

    /** Prints a result record (snake_case keys in component order, its provenance last). */
    void printJson(Object result) {
        out().println(CommandJson.MAPPER.writeValueAsString(result));
        out().flush();
    }

    /** A JSON number, or null for NaN and infinities (JSON has no NaN). */
    static @org.jspecify.annotations.Nullable Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** A JSON number, or null for NaN and infinities (JSON has no NaN). */
    static Object number(double value) {
        return Double.isFinite(value) ? value : null;
    }

    static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(java.util.Locale.ROOT, "%." + decimals + "f", value) : "NA";
    }
}
