package org.alliance.app.research;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.alliance.core.research.ExportCsv;
import org.springframework.stereotype.Component;

/**
 * The data an analysis reads, exactly as the researcher gets them: {@code data.csv} of the study's export (made the
 * same way, so the release rule and the pseudonyms are the export's) and {@code outcomes.csv}, the stored outcomes in
 * normal form. Each comes with its row count and SHA-256, the report's data snapshot: the "reproduce in R" script run
 * on files with these fingerprints gives the report's numbers.
 */
@Component
class StudyData {

    /** The columns of {@code data.csv} an analysis asked for, one array per row, and the file's fingerprint. */
    record Table(List<String> columns, List<String[]> rows, long rowCount, String sha256) {
        int index(String column) {
            return columns.indexOf(column);
        }
    }

    /** The stored outcomes as the researcher downloads them. */
    record Outcomes(byte[] csv, int rowCount, String sha256) {}

    private final StudyExport export;
    private final StudyOutcomes outcomes;
    private final StudyClients clients;

    StudyData(StudyExport export, StudyOutcomes outcomes, StudyClients clients) {
        this.export = export;
        this.outcomes = outcomes;
        this.clients = clients;
    }

    /**
     * Reads the export's {@code data.csv}, keeping only {@code wanted} columns (those the file lacks are left out).
     * The export is written to a temporary file first, so a large study needs disk, not memory, for the zip.
     */
    Table data(Study study, Set<String> wanted) throws IOException {
        return data(study, wanted, null);
    }

    /** The same, telling {@code exported} which share of the study's clients the export has written so far. */
    Table data(Study study, Set<String> wanted, DoubleConsumer exported) throws IOException {
        Table table = tables(study, Map.of("data.csv", wanted), exported).get("data.csv");
        if (table == null) {
            throw new IOException("the export of study " + study.id() + " has no data.csv");
        }
        return table;
    }

    /**
     * Reads several files of one export (e.g. {@code data.csv} and {@code professionals.csv}), each keeping its
     * {@code wanted} columns; a file the export does not hold is not in the answer. {@code exported} (may be null)
     * is told which share of the study's clients the export has written so far.
     */
    Map<String, Table> tables(Study study, Map<String, Set<String>> wanted, DoubleConsumer exported)
            throws IOException {
        Path zip = Files.createTempFile("alliance-study-" + study.id() + "-", ".zip");
        try {
            try (OutputStream out = Files.newOutputStream(zip)) {
                export.write(study, out, exported);
            }
            Map<String, Table> tables = new java.util.HashMap<>();
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    Set<String> columns = wanted.get(entry.getName());
                    if (columns != null) {
                        MessageDigest sha256 = Fingerprints.sha256();
                        BufferedReader reader = new BufferedReader(
                                new InputStreamReader(new DigestInputStream(in, sha256), StandardCharsets.UTF_8));
                        tables.put(entry.getName(), table(reader, columns, sha256));
                    }
                }
            }
            return tables;
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    private static Table table(BufferedReader reader, Set<String> wanted, MessageDigest sha256) throws IOException {
        List<Integer> keep = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        List<Canonical> values = new ArrayList<>();
        long count = 0;
        boolean header = true;
        for (CsvRecord record : csv(reader)) {
            List<String> fields = record.getFields();
            if (header) {
                for (int i = 0; i < fields.size(); i++) {
                    if (wanted.contains(fields.get(i))) {
                        keep.add(i);
                        columns.add(fields.get(i));
                    }
                }
                header = false;
                for (int k = 0; k < keep.size(); k++) {
                    values.add(new Canonical());
                }
                continue;
            }
            count++;
            String[] row = new String[keep.size()];
            for (int k = 0; k < keep.size(); k++) {
                row[k] = values.get(k).of(keep.get(k) < fields.size() ? fields.get(keep.get(k)) : "");
            }
            rows.add(row);
        }
        // Read to the end, so the fingerprint covers the whole file.
        char[] rest = new char[8192];
        while (reader.read(rest) >= 0) {
            // nothing left but the digest's input
        }
        return new Table(columns, rows, count, Fingerprints.hex(sha256.digest()));
    }

    /**
     * One String object per distinct value of a column: a study's answers repeat a few values (1 to 5, the waves, the
     * languages) and each client's pseudonym stands on every row of the client, so a million rows hold a few thousand
     * strings instead of millions (the rows' arrays then are most of the table). A column with more distinct values
     * than {@link #LIMIT} keeps the later new ones as they come, so the map stays bounded.
     */
    private static final class Canonical {
        private static final int LIMIT = 1 << 18;
        private final Map<String, String> seen = new java.util.HashMap<>();

        String of(String value) {
            String known = seen.get(value);
            if (known != null) {
                return known;
            }
            if (seen.size() < LIMIT) {
                seen.put(value, value);
            }
            return value;
        }
    }

    /** The records of a file this application wrote ({@code data.csv}, {@code outcomes.csv}: RFC 4180, commas). */
    static CsvReader<CsvRecord> csv(Reader reader) {
        return CsvReader.builder().ignoreDifferentFieldCount(true).ofCsvRecord(reader);
    }

    /**
     * The stored outcomes as CSV (UTF-8, comma, dot decimals, CRLF): {@code study_pseudonym, outcome, date, value} and
     * one column per covariate, repeated on each of the client's rows; sorted by pseudonym, outcome and date, so the
     * same outcomes always give the same file and fingerprint.
     */
    Outcomes outcomes(Study study) {
        List<StudyOutcomes.Variable> variables = outcomes.variables(study.id());
        List<String> covariates = variables.stream()
                .filter(v -> !v.outcome())
                .map(StudyOutcomes.Variable::name)
                .toList();
        Map<Long, String> pseudonyms = new java.util.HashMap<>();
        clients.of(study).forEach(m -> pseudonyms.put(m.client(), m.pseudonym()));
        Map<Long, Map<String, String>> covariateValues = outcomes.covariates(study.id());
        TreeMap<String, List<String>> rows = new TreeMap<>();
        for (StudyOutcomes.Variable variable : variables) {
            if (!variable.outcome()) {
                continue;
            }
            for (StudyOutcomes.Row row : outcomes.rows(study.id(), variable.name())) {
                String pseudonym = pseudonyms.get(row.client());
                if (pseudonym == null) {
                    continue; // the client left the study's teams since the import
                }
                List<String> fields = new ArrayList<>(List.of(pseudonym, variable.name(), row.date(), row.value()));
                Map<String, String> values = covariateValues.getOrDefault(row.client(), Map.of());
                covariates.forEach(c -> fields.add(values.getOrDefault(c, "")));
                rows.put(pseudonym + "\u0000" + variable.name() + "\u0000" + row.date(), fields);
            }
        }
        StringWriter text = new StringWriter();
        ExportCsv csv = new ExportCsv(text);
        List<String> header = new ArrayList<>(List.of("study_pseudonym", "outcome", "date", "value"));
        header.addAll(covariates);
        csv.row(header);
        rows.values().forEach(csv::row);
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        return new Outcomes(bytes, rows.size(), Fingerprints.sha256(bytes));
    }
}
