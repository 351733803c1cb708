package org.alliance.app.research;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows of one questionnaire that the structure report uses, and who they come from: each client's first check-in
 * of the instrument (earliest meeting date; of two on one date the first in {@code data.csv}), or their first within
 * the chosen wave, in the order of the client pseudonyms.
 */
record StructureSample(List<String[]> rows, Set<String> clients, Set<String> professionals) {

    StructureSample {
        rows = List.copyOf(rows);
        clients = Set.copyOf(clients);
        professionals = Set.copyOf(professionals);
    }

    /** The sample of one instrument; adds "instrument version" of every row used to {@code versions}. */
    static StructureSample of(
            StudyData.Table table, String instrumentId, Optional<String> chosenWave, Set<String> versions) {
        int client = table.index("client");
        int professional = table.index("professional");
        int wave = table.index("wave");
        int date = table.index("meeting_date");
        int instrument = table.index("instrument");
        int version = table.index("instrument_version");
        Map<String, String[]> first = new LinkedHashMap<>();
        for (String[] row : table.rows()) {
            if (!row[instrument].equals(instrumentId)
                    || chosenWave.filter(w -> !w.equals(row[wave])).isPresent()) {
                continue;
            }
            String[] earlier = first.get(row[client]);
            // Strictly earlier only: of two on one date the first in the file stays, as R's stable order keeps it.
            if (earlier == null || row[date].compareTo(earlier[date]) < 0) {
                first.put(row[client], row);
            }
        }
        List<String[]> rows = first.values().stream()
                .sorted(Comparator.comparing((String[] row) -> row[client]))
                .toList();
        Set<String> professionals = new TreeSet<>();
        rows.forEach(row -> {
            professionals.add(row[professional]);
            versions.add(instrumentId + " " + row[version]);
        });
        return new StructureSample(rows, new TreeSet<>(first.keySet()), professionals);
    }

    /** An answer as a number; not given ({@code -9}) or empty is missing (NaN). */
    static double answer(String value) {
        if (value.isEmpty() || value.equals(StudyExport.NOT_ANSWERED)) {
            return Double.NaN;
        }
        return Double.parseDouble(value);
    }
}
