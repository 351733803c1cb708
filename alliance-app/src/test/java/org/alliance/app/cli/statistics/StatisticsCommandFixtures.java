package org.alliance.app.cli.statistics;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.alliance.app.cli.AllianceCommand;
import picocli.CommandLine;

/** Runs commands in process and reads the R reference outputs of alliance-stats (written by its R script). */
final class StatisticsCommandFixtures {

    static final Path STATS_RESOURCES = Path.of("..", "alliance-stats", "src", "test", "resources");

    private StatisticsCommandFixtures() {}

    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        CommandLine commandLine = AllianceCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    static String data(String name) {
        return STATS_RESOURCES.resolve("data").resolve(name).toString();
    }

    /** The value in {@code column} of the row whose first field is {@code key}, from an R reference CSV. */
    static double reference(String resource, String key, String column) {
        try {
            List<String> lines = Files.readAllLines(STATS_RESOURCES.resolve(resource));
            List<String> header = fields(lines.get(0));
            int index = header.indexOf(column);
            for (String line : lines.subList(1, lines.size())) {
                List<String> fields = fields(line);
                if (fields.get(0).equals(key)) {
                    return Double.parseDouble(fields.get(index));
                }
            }
            throw new IllegalArgumentException("no row " + key + " in " + resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fields(String line) {
        return Arrays.stream(line.split(",", -1)).map(f -> f.replace("\"", "")).toList();
    }
}
