package org.alliance.app.research;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One client's summary in the outcome report: the sum and number of their alliance totals (client perspective) over
 * the first three months or within the wave, and the professional of the earliest of those check-ins.
 */
final class OutcomeSummary {
    double sum;
    int count;
    String professional = "";
    String firstDate = "";

    /** The mean of the client's totals. */
    double alliance() {
        return sum / count;
    }

    /** Each client's summary by study pseudonym; adds "instrument version" of every row used to {@code versions}. */
    static Map<String, OutcomeSummary> of(
            StudyData.Table table, String total, Optional<String> chosenWave, Set<String> versions) {
        int client = table.index("client");
        int professional = table.index("professional");
        int wave = table.index("wave");
        int days = table.index("days_since_first");
        int date = table.index("meeting_date");
        int instrument = table.index("instrument");
        int version = table.index("instrument_version");
        int perspective = table.index("perspective");
        int score = table.index(total);
        Map<String, OutcomeSummary> summaries = new LinkedHashMap<>();
        for (String[] row : table.rows()) {
            if (!row[instrument].equals(OutcomeAnalysis.INSTRUMENT)
                    || !row[perspective].equals("client")
                    || row[score].isEmpty()
                    || row[score].equals(StudyExport.TOO_FEW)) {
                continue;
            }
            boolean inSummary = chosenWave.isPresent()
                    ? row[wave].equals(chosenWave.get())
                    : Integer.parseInt(row[days]) <= OutcomeAnalysis.FIRST_MONTHS_DAYS;
            if (!inSummary) {
                continue;
            }
            OutcomeSummary summary = summaries.computeIfAbsent(row[client], c -> new OutcomeSummary());
            summary.sum += Double.parseDouble(row[score]);
            summary.count++;
            if (summary.firstDate.isEmpty() || row[date].compareTo(summary.firstDate) < 0) {
                summary.firstDate = row[date];
                summary.professional = row[professional];
            }
            versions.add(OutcomeAnalysis.INSTRUMENT + " " + row[version]);
        }
        return summaries;
    }
}
