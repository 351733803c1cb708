package org.alliance.app.cli.observe;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliance.app.cli.UserInputException;
import org.alliance.stats.agreement.KrippendorffsAlpha;
import org.alliance.stats.provenance.Provenance;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code agreement alpha DATA.csv --level …}: Krippendorff's alpha. */
@Command(
        name = "alpha",
        mixinStandardHelpOptions = true,
        description = {
            "Krippendorff's alpha for any number of coders, with missing values.",
            "DATA.csv: a header row with the coders' names, then one row per unit; an empty cell or NA is",
            "missing. Nominal data may use words as categories; the other levels need numbers."
        })
final class AlphaCommand extends ObservationCommand {

    @Parameters(index = "0", paramLabel = "DATA.csv", description = "Rows = units, columns = coders.")
    Path file;

    @Option(
            names = "--level",
            required = true,
            paramLabel = "nominal|ordinal|interval|ratio",
            description = "Level of measurement.")
    String level;

    @Override
    int execute() {
        KrippendorffsAlpha.Level metric;
        try {
            metric = KrippendorffsAlpha.Level.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--level '" + level + "': use nominal, ordinal, interval or ratio");
        }
        double[][] data = read(file, metric);
        KrippendorffsAlpha.Result result = KrippendorffsAlpha.fit(data, metric);
        if (format.json()) {
            printJson(new AlphaJson(
                    finite(result.alpha()),
                    metric.name().toLowerCase(Locale.ROOT),
                    data.length,
                    result.units(),
                    result.pairableValues(),
                    finite(result.observedDisagreement()),
                    finite(result.expectedDisagreement()),
                    provenance()));
        } else {
            out().printf(
                            "Krippendorff's alpha (%s) = %s  [%d units, %d pairable values]%n",
                            metric.name().toLowerCase(Locale.ROOT),
                            fixed(result.alpha(), 4),
                            result.units(),
                            result.pairableValues());
            out().flush();
        }
        return OK;
    }

    /** The JSON of {@code agreement alpha}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AlphaJson(
            @Nullable Double alpha,
            String level,
            int units,
            long pairableUnits,
            long pairableValues,
            @Nullable Double observedDisagreement,
            @Nullable Double expectedDisagreement,
            Provenance provenance) {}

    private static double[][] read(Path file, KrippendorffsAlpha.Level level) {
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        int columns = -1;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvReader<CsvRecord> csv = CsvReader.builder()
                    .fieldSeparator(separator(file))
                    .skipEmptyLines(true)
                    .ignoreDifferentFieldCount(true)
                    .ofCsvRecord(reader);
            for (CsvRecord record : csv) {
                if (columns < 0) {
                    columns = record.getFieldCount();
                    continue;
                }
                if (record.getFieldCount() != columns) {
                    throw new UserInputException(file.getFileName() + ", line " + record.getStartingLineNumber() + ": "
                            + record.getFieldCount() + " cells, but the header has " + columns + " coders");
                }
                rows.add(record.getFields().toArray(String[]::new));
                lines.add(record.getStartingLineNumber());
            }
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": file not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new UserInputException(file.getFileName() + ": " + e.getMessage());
        }
        if (columns < 2) {
            throw new UserInputException(file.getFileName() + ": expected a header row with at least two coders");
        }
        double[][] data = new double[rows.size()][columns];
        Map<String, Integer> categories = new LinkedHashMap<>();
        boolean words = level == KrippendorffsAlpha.Level.NOMINAL
                && rows.stream()
                        .flatMap(java.util.Arrays::stream)
                        .map(String::strip)
                        .anyMatch(c -> !c.isEmpty() && !c.equalsIgnoreCase("NA") && !isNumber(c));
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                String cell = rows.get(r)[c].strip();
                if (cell.isEmpty() || cell.equalsIgnoreCase("NA")) {
                    data[r][c] = Double.NaN;
                } else if (words) {
                    data[r][c] = categories.computeIfAbsent(cell, k -> categories.size());
                } else if (isNumber(cell)) {
                    data[r][c] = Double.parseDouble(cell);
                } else {
                    throw new UserInputException(file.getFileName() + ", line " + lines.get(r) + ", column " + (c + 1)
                            + ": '" + cell + "' is not a number (only nominal data may use words)");
                }
            }
        }
        return data;
    }

    private static boolean isNumber(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static char separator(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            String header = lines.findFirst().orElse("");
            long commas = header.chars().filter(ch -> ch == ',').count();
            long semicolons = header.chars().filter(ch -> ch == ';').count();
            long tabs = header.chars().filter(ch -> ch == '\t').count();
            if (tabs > commas && tabs > semicolons) {
                return '\t';
            }
            return semicolons > commas ? ';' : ',';
        }
    }
}
