package org.alliance.app.research;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.stats.provenance.Provenance;
import org.springframework.context.MessageSource;

/**
 * A finished analysis as the report page shows it, kept as JSON in {@code study_report.content}: written in the study's
 * language (as the export's labels), each table with its caption, notes in words (among them what the small-number
 * rule held back), the provenance of every number (the data snapshots with their rows and SHA-256, the questionnaires'
 * versions, method, options and software), the figures the R script reproduces and the script itself.
 *
 * @param figures by name (e.g. {@code alliance.estimate}), the unrounded numbers the R script prints as
 *     {@code name=value}; what the small-number rule holds back is not among them
 */
record StudyReport(
        String title,
        List<Table> tables,
        List<String> notes,
        Provenance provenance,
        Map<String, Double> figures,
        String rScript) {

    StudyReport {
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
        figures = Map.copyOf(figures);
    }

    /** A table of figures formatted for reading. */
    record Table(String caption, List<String> header, List<List<String>> rows) {
        Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /**
     * The provenance as the page and the PDF show it, one line a part, labelled in {@code locale} (the study's
     * language, as the report): each data snapshot, the questionnaires, the method, the options and the software.
     */
    Map<String, String> provenanceLines(MessageSource messages, Locale locale) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (Provenance.Data data : provenance.data()) {
            lines.put(
                    data.source(),
                    messages.getMessage("report.snapshot", new Object[] {data.rows(), data.sha256()}, locale));
        }
        lines.put(
                messages.getMessage("report.instruments", null, locale),
                String.join(
                        ", ",
                        provenance.instruments().stream()
                                .map(i -> i.id() + " " + i.version())
                                .toList()));
        lines.put(
                messages.getMessage("report.method", null, locale),
                provenance.method() + (provenance.reference() == null ? "" : "; " + provenance.reference()));
        lines.put(messages.getMessage("report.options", null, locale), String.valueOf(provenance.options()));
        lines.put(messages.getMessage("report.software", null, locale), "Alliance " + provenance.software());
        return lines;
    }

    /** The questionnaires of the rows used, from their "id version" texts, in that order. */
    static List<Provenance.Instrument> instruments(java.util.Collection<String> versions) {
        return versions.stream()
                .map(v -> v.split(" ", 2))
                .map(v -> new Provenance.Instrument(v[0], v.length > 1 ? v[1] : "", null))
                .toList();
    }

    private static final Pattern SNAPSHOT = Pattern.compile("^([\\d.,\\u00a0\\u202f ]+?) .*SHA-256 ([0-9a-f]{64})$");
    private static final Pattern INSTRUMENT = Pattern.compile("(\\S+) (\\S+)");

    /**
     * The provenance of a report stored before it was one record (issue 12), from its lines as they were written:
     * the snapshots ("data.csv", "outcomes.csv"), then questionnaires, method, options and software, each as
     * {@code name} and {@code value}.
     */
    static Provenance provenanceOfLines(List<Map<String, String>> lines) {
        int parts = lines.size();
        if (parts < 5) {
            throw new IllegalArgumentException("a stored report's provenance has 5 or 6 lines, not " + lines);
        }
        List<Provenance.Data> data = new ArrayList<>();
        for (Map<String, String> line : lines.subList(0, parts - 4)) {
            Matcher m = SNAPSHOT.matcher(line.get("value"));
            if (!m.find()) {
                throw new IllegalArgumentException("not a snapshot (rows and SHA-256): " + line);
            }
            data.add(new Provenance.Data(
                    line.get("name"), m.group(2), Integer.parseInt(m.group(1).replaceAll("\\D", "")), List.of()));
        }
        List<Provenance.Instrument> instruments = new ArrayList<>();
        for (String instrument : lines.get(parts - 4).get("value").split(", ")) {
            Matcher m = INSTRUMENT.matcher(instrument);
            if (m.matches()) {
                instruments.add(new Provenance.Instrument(m.group(1), m.group(2), null));
            }
        }
        String software = lines.get(parts - 1).get("value").replaceFirst("^Alliance alliance ", "");
        return new Provenance(
                null,
                lines.get(parts - 3).get("value"),
                null,
                lines.get(parts - 2).get("value"),
                data,
                instruments,
                new Provenance.Software("alliance", software));
    }
}
