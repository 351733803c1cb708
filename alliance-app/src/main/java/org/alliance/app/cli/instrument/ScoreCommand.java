package org.alliance.app.cli.instrument;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.alliance.app.cli.ExitCodes;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.data.DataFormatException;
import org.alliance.core.data.DataTable;
import org.alliance.core.instrument.CutOff;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Scale;
import org.alliance.core.scoring.InvalidAnswerException;
import org.alliance.core.scoring.ScaleScore;
import org.alliance.core.scoring.ScoreSheet;
import org.alliance.core.scoring.Scoring;
import org.alliance.stats.provenance.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code alliance score}: scale scores per respondent from a CSV of answers (one row per respondent, one column
 * per item). Every bad cell is reported with its row and column before anything is written.
 */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = {
            "Score answers: one row per respondent, one column per item (empty or NA = not answered).",
            "Scoring rules: docs/rules.md. Bad values are reported with row and column (exit code 2)."
        })
public final class ScoreCommand implements Callable<Integer> {

    private static final int MAX_REPORTED = 25;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--instrument",
            required = true,
            paramLabel = "ID|FILE",
            description = "A built-in instrument id (see 'alliance instrument list') or a definition file.")
    String instrumentName;

    @Parameters(index = "0", paramLabel = "RESPONSES.csv", description = "Answers, with a header row.")
    Path responses;

    @Option(
            names = "--id-column",
            paramLabel = "COLUMN",
            description =
                    "Column that identifies the respondent (default: 'respondent' if present, else the row number).")
    String idColumn;

    @Option(
            names = "--keep",
            split = ",",
            paramLabel = "COLUMN",
            description = "Other non-item columns to copy to the output, e.g. --keep client_id,date.")
    List<String> keep = new ArrayList<>();

    @Option(
            names = "--format",
            defaultValue = "csv",
            paramLabel = "csv|json",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of the screen.")
    Path out;

    @Override
    public Integer call() {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new UserInputException("--format must be csv or json, not '" + format + "'");
        }
        Instrument instrument = InstrumentResolver.resolve(instrumentName);
        DataTable table;
        try {
            table = DataTable.read(responses);
        } catch (DataFormatException e) {
            throw new UserInputException(e.getMessage());
        }
        String id = idColumn != null ? idColumn : table.columns().contains("respondent") ? "respondent" : null;
        List<String> itemColumns = itemColumns(table, instrument, id);
        List<Row> rows = score(table, instrument, id, itemColumns);
        try (Writer writer =
                out == null ? spec.commandLine().getOut() : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            if (format.equals("csv")) {
                writeCsv(writer, instrument, rows);
            } else {
                writeJson(writer, instrument, rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out != null) {
            spec.commandLine()
                    .getErr()
                    .println("Scored " + rows.size() + " respondents with " + instrument.reference() + " into " + out);
        }
        return ExitCodes.OK;
    }

    /** The item columns; any other column must be the id column or kept, or it is reported as an unknown item. */
    private List<String> itemColumns(DataTable table, Instrument instrument, String id) {
        Set<String> items =
                new LinkedHashSet<>(instrument.items().stream().map(Item::id).toList());
        if (id != null) {
            table.columnIndex(id);
        }
        for (String column : keep) {
            if (!table.columns().contains(column)) {
                throw new UserInputException("--keep: there is no column '" + column + "' in " + table.source());
            }
        }
        List<String> itemColumns = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            String column = table.columns().get(c);
            if (items.contains(column)) {
                itemColumns.add(column);
            } else if (!column.equals(id) && !keep.contains(column)) {
                unknown.add("'" + column + "' (column " + (c + 1) + ")");
            }
        }
        if (!unknown.isEmpty()) {
            throw new UserInputException(table.source() + ": " + String.join(", ", unknown) + " "
                    + (unknown.size() == 1 ? "is not an item" : "are not items") + " of " + instrument.reference()
                    + ". Its items are " + String.join(", ", items)
                    + ". Use --keep to copy other columns, --id-column for the respondent id.");
        }
        if (itemColumns.isEmpty()) {
            throw new UserInputException(table.source() + " has no column named after an item of "
                    + instrument.reference() + " (" + String.join(", ", items) + ")");
        }
        return itemColumns;
    }

    private List<Row> score(DataTable table, Instrument instrument, String id, List<String> itemColumns) {
        Map<String, double[]> values = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String column : itemColumns) {
            try {
                values.put(column, table.numeric(column));
            } catch (DataFormatException e) {
                problems.add(e.getMessage());
            }
        }
        List<Row> rows = new ArrayList<>();
        List<String> ids = id == null ? null : table.text(id);
        // Each kept column once: table.text copies a whole column, so calling it per row made --keep quadratic
        // (20 000 rows took 22.6 s).
        Map<String, List<String>> keptColumns = new LinkedHashMap<>();
        for (String column : keep) {
            keptColumns.put(column, table.text(column));
        }
        for (int r = 0; r < table.rowCount() && problems.size() < MAX_REPORTED; r++) {
            Map<String, Double> answers = new LinkedHashMap<>();
            boolean rowOk = true;
            for (String column : itemColumns) {
                double[] columnValues = values.get(column);
                if (columnValues == null || Double.isNaN(columnValues[r])) {
                    continue;
                }
                try {
                    Scoring.recode(instrument, instrument.item(column), columnValues[r]);
                    answers.put(column, columnValues[r]);
                } catch (InvalidAnswerException e) {
                    problems.add(table.source() + ", " + table.where(r) + ", column "
                            + (table.columnIndex(column) + 1) + " (" + column + "): "
                            + e.getMessage().replaceFirst("^item '[^']*': ", ""));
                    rowOk = false;
                }
            }
            if (rowOk) {
                Map<String, String> kept = new LinkedHashMap<>();
                for (String column : keep) {
                    String cell = keptColumns.get(column).get(r);
                    kept.put(column, cell == null ? "" : cell);
                }
                String respondent = ids == null ? String.valueOf(r + 1) : ids.get(r) == null ? "" : ids.get(r);
                rows.add(new Row(respondent, kept, Scoring.score(instrument, answers)));
            }
        }
        if (!problems.isEmpty()) {
            String more = problems.size() >= MAX_REPORTED ? "\n(stopped after " + MAX_REPORTED + " problems)" : "";
            throw new UserInputException(
                    "nothing was scored because of these values:\n" + String.join("\n", problems) + more);
        }
        return rows;
    }

    private void writeCsv(Writer writer, Instrument instrument, List<Row> rows) {
        CsvWriter csv = CsvWriter.builder().build(writer);
        List<String> header = new ArrayList<>();
        header.add("respondent");
        header.addAll(keep);
        for (Scale scale : instrument.scales()) {
            header.add(scale.id());
            header.add(scale.id() + "_answered");
            header.add(scale.id() + "_flag");
        }
        header.add("instrument");
        csv.writeRecord(header);
        for (Row row : rows) {
            List<String> record = new ArrayList<>();
            record.add(row.respondent());
            record.addAll(row.kept().values());
            for (ScaleScore score : row.sheet().scales()) {
                record.add(score.score().isPresent() ? number(score.score().getAsDouble()) : "");
                record.add(score.answered() + "/" + score.items());
                record.add(String.join(
                        "; ", score.flagged().stream().map(CutOff::describe).toList()));
            }
            record.add(instrument.reference());
            csv.writeRecord(record);
        }
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeJson(Writer writer, Instrument instrument, List<Row> rows) {
        List<Map<String, Object>> respondents = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> scales = new LinkedHashMap<>();
            for (ScaleScore score : row.sheet().scales()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("score", score.score().isPresent() ? score.score().getAsDouble() : null);
                entry.put("answered", score.answered());
                entry.put("items", score.items());
                entry.put(
                        "flags", score.flagged().stream().map(CutOff::describe).toList());
                scales.put(score.scale(), entry);
            }
            Map<String, Object> respondent = new LinkedHashMap<>();
            respondent.put("respondent", row.respondent());
            respondent.putAll(row.kept());
            respondent.put("scales", scales);
            respondents.add(respondent);
        }
        Map<String, Object> rules = new LinkedHashMap<>();
        instrument
                .scales()
                .forEach(scale -> rules.put(scale.id(), scale.scoring().describe()));
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("instrument", instrument.id());
        provenance.put("instrument_version", instrument.version());
        provenance.put("rules", rules);
        provenance.put(
                "cut_offs", instrument.cutOffs().stream().map(CutOff::describe).toList());
        provenance.put(
                "licence",
                instrument.licence().name() + " — " + instrument.licence().copyright());
        provenance.put("software", Provenance.Software.ALLIANCE.toString());
        provenance.put("source", responses.getFileName().toString());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("respondents", respondents);
        document.put("provenance", provenance);
        JsonMapper mapper =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        try {
            writer.write(mapper.writeValueAsString(document));
            writer.write(System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(Math.round(value * 1e6) / 1e6);
    }

    private record Row(String respondent, Map<String, String> kept, ScoreSheet sheet) {}
}
