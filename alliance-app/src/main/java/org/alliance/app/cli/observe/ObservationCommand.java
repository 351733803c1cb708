package org.alliance.app.cli.observe;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.observation.format.ElanMapping;
import org.alliance.core.observation.format.ImportNote;
import org.alliance.core.observation.format.ObservationData;
import org.alliance.core.observation.format.ObservationFiles;
import org.alliance.core.observation.format.ObservationFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the observation commands share: reading files, {@code --format}, printing JSON or text, and the exit
 * codes of {@code org.alliance.app.cli.ExitCodes} (0 done, 1 failure, 2 bad input). Bad input is handled
 * here rather than with the cli package's exception so that this feature package does not depend on the
 * package that registers it (the architecture test forbids cycles between feature packages).
 */
abstract class ObservationCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int BAD_INPUT = 2;

    /** Created on first use: text output should not pay for Jackson's start-up. */
    private static final class Json {
        static final JsonMapper MAPPER =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--format",
            defaultValue = "text",
            converter = OutputFormat.Converter.class,
            paramLabel = "json|text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.TEXT;

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (UserInputException | ObservationFormatException | IllegalArgumentException e) {
            err().println("error: " + e.getMessage());
            return BAD_INPUT;
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

    ObservationData read(Path file, ReadOptions options) {
        ObservationData data = ObservationFiles.read(file, options.toCore());
        if (format == OutputFormat.TEXT) {
            for (ImportNote note : data.notes()) {
                err().println("note: " + file.getFileName() + ": " + note);
            }
        }
        return data;
    }

    static List<String> notes(ObservationData data) {
        return data.notes().stream().map(ImportNote::toString).toList();
    }

    /** Prints the tree with its provenance: the command line and the software version. */
    void printJson(Map<String, Object> tree) {
        Map<String, Object> provenance = object();
        provenance.put(
                "command", String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        provenance.put("software", "alliance " + org.alliance.app.cli.AppVersion.get());
        tree.put("provenance", provenance);
        out().println(Json.MAPPER.writeValueAsString(tree));
        out().flush();
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
