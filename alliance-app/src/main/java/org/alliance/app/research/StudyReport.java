package org.alliance.app.research;

import java.util.List;
import java.util.Map;

/**
 * A finished analysis as the report page shows it, kept as JSON in {@code study_report.content}: written in the study's
 * language (as the export's labels), each table with its caption, notes in words (among them what the small-number
 * rule held back), the provenance of every number, the figures the R script reproduces and the script itself.
 *
 * @param figures by name (e.g. {@code alliance.estimate}), the unrounded numbers the R script prints as
 *     {@code name=value}; what the small-number rule holds back is not among them
 */
record StudyReport(
        String title,
        List<Table> tables,
        List<String> notes,
        List<Provenance> provenance,
        Map<String, Double> figures,
        String rScript) {

    StudyReport {
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
        provenance = List.copyOf(provenance);
        figures = Map.copyOf(figures);
    }

    /** A table of figures formatted for reading. */
    record Table(String caption, List<String> header, List<List<String>> rows) {
        Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** One line of provenance: what (data snapshot, instrument versions, method, options, software) and its value. */
    record Provenance(String name, String value) {}
}
