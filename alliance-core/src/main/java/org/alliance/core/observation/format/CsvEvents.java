package org.alliance.core.observation.format;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliance.core.observation.CodingScheme;
import org.alliance.core.observation.Modality;
import org.alliance.core.observation.ObservationEvent;

/**
 * The project's own event CSV: UTF-8, comma-separated, a header row, one event per row with the columns
 * {@code actor, modality, code, onset_ms, offset_ms, coder, comment}. Required: {@code actor}, {@code code},
 * {@code onset_ms}; an empty or missing {@code modality} is verbal, an empty or missing {@code offset_ms}
 * makes a point event. Errors name the line and column.
 */
public final class CsvEvents {

    public static final List<String> COLUMNS =
            List.of("actor", "modality", "code", "onset_ms", "offset_ms", "coder", "comment");

    private CsvEvents() {}

    public static ObservationData read(Path file) {
        return read(
                new java.io.StringReader(ObservationFiles.utf8Text(file)),
                file.getFileName().toString());
    }

    public static ObservationData read(Reader reader, String source) {
        CsvReader<CsvRecord> csv = CsvReader.builder()
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .ofCsvRecord(reader);
        Map<String, Integer> columns = null;
        List<ObservationEvent> events = new ArrayList<>();
        List<ImportNote> notes = new ArrayList<>();
        try {
            for (CsvRecord record : csv) {
                long line = record.getStartingLineNumber();
                if (columns == null) {
                    columns = header(record, source, notes);
                    continue;
                }
                String actor = cell(record, columns, "actor");
                String code = cell(record, columns, "code");
                if (actor.isEmpty()) {
                    throw error(source, line, "actor", "empty; every event needs an actor");
                }
                if (code.isEmpty()) {
                    throw error(source, line, "code", "empty; every event needs a code");
                }
                Modality modality = Modality.VERBAL;
                String modalityText = cell(record, columns, "modality");
                if (!modalityText.isEmpty()) {
                    try {
                        modality = Modality.parse(modalityText);
                    } catch (IllegalArgumentException e) {
                        throw error(source, line, "modality", "'" + modalityText + "' is not verbal or non-verbal");
                    }
                }
                long onset = milliseconds(record, columns, "onset_ms", source, line);
                String offsetText = cell(record, columns, "offset_ms");
                long offset = offsetText.isEmpty() ? onset : milliseconds(record, columns, "offset_ms", source, line);
                if (offset < onset) {
                    throw error(source, line, "offset_ms", offset + " lies before onset_ms " + onset);
                }
                events.add(new ObservationEvent(
                        actor,
                        modality,
                        code,
                        onset,
                        offset,
                        cell(record, columns, "coder"),
                        cell(record, columns, "comment")));
            }
        } catch (UncheckedIOException | de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new ObservationFormatException(source + ": " + e.getMessage(), e);
        }
        if (columns == null) {
            throw new ObservationFormatException(
                    source + ": the file is empty; expected the header " + String.join(",", COLUMNS));
        }
        CodingScheme scheme = CodingScheme.fromKeys(
                source, events.stream().map(ObservationEvent::code).toList());
        return new ObservationData(events, scheme, notes);
    }

    private static Map<String, Integer> header(CsvRecord record, String source, List<ImportNote> notes) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < record.getFieldCount(); i++) {
            String name = record.getField(i).strip().toLowerCase(Locale.ROOT);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (!COLUMNS.contains(name)) {
                notes.add(new ImportNote("line 1, column " + (i + 1), "unknown column '" + name + "' ignored"));
                continue;
            }
            if (columns.putIfAbsent(name, i) != null) {
                throw new ObservationFormatException(source + ", line 1: the column '" + name + "' appears twice");
            }
        }
        for (String required : List.of("actor", "code", "onset_ms")) {
            if (!columns.containsKey(required)) {
                throw new ObservationFormatException(source + ", line 1: the header has no column '" + required
                        + "'; expected " + String.join(",", COLUMNS));
            }
        }
        return columns;
    }

    private static long milliseconds(
            CsvRecord record, Map<String, Integer> columns, String column, String source, long line) {
        String text = cell(record, columns, column);
        if (text.isEmpty()) {
            throw error(source, line, column, "empty; expected a whole number of milliseconds");
        }
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw error(source, line, column, value + " is negative");
            }
            if (!ObservationTime.isPlausibleMillis(value)) {
                throw error(
                        source,
                        line,
                        column,
                        value + " ms is later than 100 hours; expected the time within the recording");
            }
            return value;
        } catch (NumberFormatException e) {
            throw error(source, line, column, "'" + text + "' is not a whole number of milliseconds");
        }
    }

    private static ObservationFormatException error(String source, long line, String column, String message) {
        return new ObservationFormatException(source + ", line " + line + ", column " + column + ": " + message);
    }

    private static String cell(CsvRecord record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null || index >= record.getFieldCount()) {
            return "";
        }
        return record.getField(index).strip();
    }

    public static void write(Path file, List<ObservationEvent> events) {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(writer, events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the events in {@link ObservationData#ORDER}. */
    public static void write(Writer writer, List<ObservationEvent> events) {
        CsvWriter csv = CsvWriter.builder()
                .lineDelimiter(de.siegmar.fastcsv.writer.LineDelimiter.LF)
                .build(writer);
        csv.writeRecord(COLUMNS);
        for (ObservationEvent e : events.stream().sorted(ObservationData.ORDER).toList()) {
            csv.writeRecord(
                    e.actor(),
                    e.modality().label(),
                    e.code(),
                    Long.toString(e.onsetMs()),
                    Long.toString(e.offsetMs()),
                    e.coder(),
                    e.comment());
        }
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
