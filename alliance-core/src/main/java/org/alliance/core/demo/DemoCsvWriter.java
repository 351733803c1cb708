package org.alliance.core.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliance.core.demo.DemoData.CheckIn;
import org.alliance.core.demo.DemoData.Meeting;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Item;

/**
 * Writes generated data as CSV files: one per entity, answers in long form ({@code answers.csv}), and one wide
 * file per instrument ({@code responses-ID.csv}: a row per check-in, a column per item, empty = missing) that
 * the {@code score}, {@code reliability} and {@code cfa} commands read directly.
 */
public final class DemoCsvWriter {

    private final InstrumentCatalog catalog;

    public DemoCsvWriter(InstrumentCatalog catalog) {
        this.catalog = catalog;
    }

    /** Writes every file into {@code directory} (created if needed) and returns the files written. */
    public List<Path> write(DemoData data, Path directory) {
        try {
            Files.createDirectories(directory);
            List<Path> written = new ArrayList<>();
            written.add(table(
                    directory.resolve("organisations.csv"),
                    List.of("organisation_id", "name"),
                    data.organisations().stream()
                            .map(o -> List.of(o.id(), o.name()))
                            .toList()));
            written.add(table(
                    directory.resolve("teams.csv"),
                    List.of("team_id", "organisation_id", "name"),
                    data.teams().stream()
                            .map(t -> List.of(t.id(), t.organisationId(), t.name()))
                            .toList()));
            written.add(table(
                    directory.resolve("professionals.csv"),
                    List.of("professional_id", "team_id", "name", "login"),
                    data.professionals().stream()
                            .map(p -> List.of(p.id(), p.teamId(), p.name(), p.login()))
                            .toList()));
            written.add(table(
                    directory.resolve("clients.csv"),
                    List.of("client_id", "professional_id", "alias", "language", "trajectory"),
                    data.clients().stream()
                            .map(c -> List.of(
                                    c.id(),
                                    c.professionalId(),
                                    c.alias(),
                                    c.language().code(),
                                    c.trajectory().name().toLowerCase(Locale.ROOT)))
                            .toList()));
            written.add(table(
                    directory.resolve("meetings.csv"),
                    List.of("meeting_id", "client_id", "professional_id", "date", "number"),
                    data.meetings().stream()
                            .map(m -> List.of(
                                    m.id(),
                                    m.clientId(),
                                    m.professionalId(),
                                    m.date().toString(),
                                    String.valueOf(m.number())))
                            .toList()));
            written.add(answersLong(data, directory.resolve("answers.csv")));
            Map<String, List<CheckIn>> byInstrument = new LinkedHashMap<>();
            data.checkIns().forEach(c -> byInstrument
                    .computeIfAbsent(c.instrumentId(), k -> new ArrayList<>())
                    .add(c));
            Map<String, Meeting> meetings = new HashMap<>();
            data.meetings().forEach(m -> meetings.put(m.id(), m));
            for (Map.Entry<String, List<CheckIn>> entry : byInstrument.entrySet()) {
                written.add(responsesWide(entry.getKey(), entry.getValue(), meetings, directory));
            }
            written.add(truth(data.truth(), directory.resolve("truth.csv")));
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path table(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (CsvWriter csv = CsvWriter.builder().build(file)) {
            csv.writeRecord(header);
            for (List<String> row : rows) {
                csv.writeRecord(row);
            }
        }
        return file;
    }

    private static Path answersLong(DemoData data, Path file) throws IOException {
        try (CsvWriter csv = CsvWriter.builder().build(file)) {
            csv.writeRecord(
                    "check_in_id", "meeting_id", "instrument", "version", "perspective", "release", "item", "answer");
            for (CheckIn checkIn : data.checkIns()) {
                for (Map.Entry<String, Double> answer : checkIn.answers().entrySet()) {
                    csv.writeRecord(
                            checkIn.id(),
                            checkIn.meetingId(),
                            checkIn.instrumentId(),
                            checkIn.instrumentVersion(),
                            checkIn.perspective().code(),
                            checkIn.release().name().toLowerCase(Locale.ROOT),
                            answer.getKey(),
                            number(answer.getValue()));
                }
            }
        }
        return file;
    }

    private Path responsesWide(
            String instrumentId, List<CheckIn> checkIns, Map<String, Meeting> meetings, Path directory)
            throws IOException {
        Instrument instrument = catalog.find(instrumentId).orElseThrow();
        List<String> items = instrument.items().stream().map(Item::id).toList();
        Path file = directory.resolve("responses-" + instrumentId + ".csv");
        try (CsvWriter csv = CsvWriter.builder().build(file)) {
            List<String> header = new ArrayList<>(List.of("respondent", "client_id", "professional_id", "date"));
            header.addAll(items);
            csv.writeRecord(header);
            for (CheckIn checkIn : checkIns) {
                Meeting meeting = meetings.get(checkIn.meetingId());
                List<String> row = new ArrayList<>(List.of(
                        checkIn.id(),
                        meeting.clientId(),
                        meeting.professionalId(),
                        meeting.date().toString()));
                for (String item : items) {
                    Double answer = checkIn.answers().get(item);
                    row.add(answer == null ? "" : number(answer));
                }
                csv.writeRecord(row);
            }
        }
        return file;
    }

    private static Path truth(DemoData.GroundTruth truth, Path file) throws IOException {
        try (CsvWriter csv = CsvWriter.builder().build(file)) {
            csv.writeRecord("parameter", "lhs", "rhs", "value");
            truth.loadings()
                    .forEach((item, loading) ->
                            csv.writeRecord("loading", item.substring(0, item.indexOf('-')), item, number(loading)));
            String[] dimensions = DemoGenerator.DIMENSIONS;
            for (int i = 0; i < dimensions.length; i++) {
                for (int j = 0; j < i; j++) {
                    csv.writeRecord(
                            "correlation", dimensions[i], dimensions[j], number(truth.dimensionCorrelations()[i][j]));
                }
            }
        }
        return file;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
