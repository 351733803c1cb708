package org.alliance.core.observation.format;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.alliance.core.observation.CodingScheme;
import org.alliance.core.observation.Modality;
import org.alliance.core.observation.ObservationEvent;

/**
 * Reads BORIS's tabular event export (CSV or TSV; format only, BORIS is GPL software).
 *
 * <p>Lines before the header row (older BORIS versions write observation metadata there) are skipped; the
 * header is the first row with both a {@code Behavior} and a {@code Time} column. Used columns: {@code
 * Observation id} (optional; rows are grouped by it), {@code Subject}, {@code Behavior}, {@code Behavioral
 * category} (non-verbal when it contains "non-verbal"), {@code Modifiers}, {@code Behavior type} or (older)
 * {@code Status} with START / STOP / POINT, {@code Time} in seconds, {@code Comment}. START and STOP rows are
 * paired per (subject, behaviour, modifiers); unpaired starts are reported and closed at the last time of
 * the observation when asked.
 */
public final class BorisTabularReader {

    private BorisTabularReader() {}

    public static List<BorisObservation> read(Path file, boolean closeUnpaired) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return read(text, file.getFileName().toString(), closeUnpaired);
        } catch (NoSuchFileException e) {
            throw new ObservationFormatException(file + ": file not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the first lines hold a BORIS header (a Behavior and a Time column). */
    public static boolean looksLikeBoris(String text) {
        char separator = separator(text);
        for (String line : text.lines().limit(40).toList()) {
            List<String> cells = List.of(line.split(separator == '\t' ? "\t" : ",", -1)).stream()
                    .map(c -> c.replace("\"", "").strip())
                    .toList();
            if (cells.contains("Behavior") && cells.contains("Time")) {
                return true;
            }
        }
        return false;
    }

    static char separator(String text) {
        long tabs = 0;
        long commas = 0;
        for (String line : text.lines().limit(40).toList()) {
            tabs += line.chars().filter(c -> c == '\t').count();
            commas += line.chars().filter(c -> c == ',').count();
        }
        return tabs > commas ? '\t' : ',';
    }

    public static List<BorisObservation> read(String text, String source, boolean closeUnpaired) {
        char separator = separator(text);
        CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .ofCsvRecord(new StringReader(text));
        Map<String, Integer> columns = null;
        Map<String, List<CsvRecord>> byObservation = new LinkedHashMap<>();
        try {
            for (CsvRecord record : csv) {
                if (columns == null) {
                    Map<String, Integer> candidate = new HashMap<>();
                    for (int i = 0; i < record.getFieldCount(); i++) {
                        String name = record.getField(i).strip();
                        if (i == 0 && name.startsWith("\uFEFF")) {
                            name = name.substring(1);
                        }
                        candidate.putIfAbsent(name, i);
                    }
                    if (candidate.containsKey("Behavior") && candidate.containsKey("Time")) {
                        columns = candidate;
                    }
                    continue;
                }
                String observation = cell(record, columns, "Observation id");
                byObservation
                        .computeIfAbsent(observation, o -> new ArrayList<>())
                        .add(record);
            }
        } catch (UncheckedIOException | de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new ObservationFormatException(source + ": " + e.getMessage(), e);
        }
        if (columns == null) {
            throw new ObservationFormatException(source + ": no header row with the BORIS columns Behavior and Time"
                    + " (export the events from BORIS as a tabular event file)");
        }
        String typeColumn = columns.containsKey("Behavior type") ? "Behavior type" : "Status";
        if (!columns.containsKey(typeColumn)) {
            throw new ObservationFormatException(
                    source + ": the header has neither a 'Behavior type' nor a 'Status' column");
        }
        List<BorisObservation> observations = new ArrayList<>();
        for (Map.Entry<String, List<CsvRecord>> entry : byObservation.entrySet()) {
            List<ImportNote> notes = new ArrayList<>();
            BorisStates states = new BorisStates(notes);
            long end = 0;
            for (CsvRecord record : entry.getValue()) {
                String where = "line " + record.getStartingLineNumber();
                String timeText = cell(record, columns, "Time");
                double seconds;
                try {
                    seconds = Double.parseDouble(timeText);
                } catch (NumberFormatException e) {
                    seconds = Double.NaN;
                }
                OptionalLong time = ObservationTime.millisOfSeconds(seconds);
                if (time.isEmpty()) {
                    throw new ObservationFormatException(source + ", " + where + ", column Time: '" + timeText + "' "
                            + ObservationTime.problem(seconds));
                }
                long ms = time.getAsLong();
                end = Math.max(end, ms);
                String subject = cell(record, columns, "Subject");
                String actor = subject.isEmpty() ? BorisProjectReader.NO_SUBJECT : subject;
                String code = cell(record, columns, "Behavior");
                if (code.isEmpty()) {
                    throw new ObservationFormatException(source + ", " + where + ", column Behavior: empty");
                }
                String category = cell(record, columns, "Behavioral category").toLowerCase(Locale.ROOT);
                Modality modality = category.contains("non-verbal") || category.contains("nonverbal")
                        ? Modality.NON_VERBAL
                        : Modality.VERBAL;
                String modifier = cell(record, columns, "Modifiers");
                String comment = BorisProjectReader.withModifier(modifier, cell(record, columns, "Comment"));
                String type = cell(record, columns, typeColumn).toUpperCase(Locale.ROOT);
                switch (type) {
                    case "POINT" -> states.point(actor, modality, code, ms, comment);
                    case "START" -> states.startOrStop(true, actor, modality, code, modifier, ms, comment, where);
                    case "STOP" -> states.startOrStop(false, actor, modality, code, modifier, ms, comment, where);
                    default ->
                        throw new ObservationFormatException(source + ", " + where + ", column " + typeColumn + ": '"
                                + type + "' is not START, STOP or POINT");
                }
            }
            List<ObservationEvent> events = states.finish(end, closeUnpaired);
            CodingScheme scheme = CodingScheme.fromKeys(
                    "boris", events.stream().map(ObservationEvent::code).toList());
            observations.add(new BorisObservation(entry.getKey(), "", "", new ObservationData(events, scheme, notes)));
        }
        return observations;
    }

    private static String cell(CsvRecord record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null || index >= record.getFieldCount()) {
            return "";
        }
        return record.getField(index).strip();
    }
}
