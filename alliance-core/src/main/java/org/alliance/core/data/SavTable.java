package org.alliance.core.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An SPSS system file as a {@link DataTable}, with notes that say what the reading decided. */
final class SavTable {

    /** How many variables a note names before "and n more". */
    private static final int NAMED = 6;

    private SavTable() {}

    static DataTable of(String source, SavFile.Contents contents, Set<String> missingCodes) {
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SavFile.Variable variable : contents.variables()) {
            if (!seen.add(variable.name())) {
                throw new DataFormatException(source + ": the variable name '" + variable.name() + "' appears twice");
            }
            columns.add(variable.name());
        }
        List<List<String>> rows = new ArrayList<>(contents.rows().size());
        List<Long> cases = new ArrayList<>(contents.rows().size());
        for (List<String> row : contents.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (String cell : row) {
                cells.add(cell == null || missingCodes.contains(cell.strip()) ? null : cell);
            }
            rows.add(cells);
            cases.add((long) rows.size());
        }
        return new DataTable(source, columns, rows, cases, notes(source, contents), DataTable.Rows.CASES);
    }

    private static List<String> notes(String source, SavFile.Contents contents) {
        List<String> notes = new ArrayList<>();
        notes.add(source + " is an SPSS system file"
                + (contents.product().isEmpty() ? "" : " (" + contents.product() + ")") + ": "
                + contents.rows().size() + " cases, " + contents.variables().size()
                + " variables, texts in " + contents.encoding().name());
        List<String> missing = new ArrayList<>();
        List<String> labelled = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        for (SavFile.Variable variable : contents.variables()) {
            if (!variable.missing().isEmpty()) {
                missing.add(variable.name() + " (" + variable.missing() + ")");
            }
            if (!variable.valueLabels().isEmpty() && variable.kind() == SavFile.Kind.NUMBER) {
                labelled.add(variable.name());
            }
            if (variable.kind() == SavFile.Kind.DATE || variable.kind() == SavFile.Kind.DATE_TIME) {
                dates.add(variable.name());
            }
        }
        if (!missing.isEmpty()) {
            notes.add("user-missing values are read as missing, as haven::read_sav does: " + named(missing));
        }
        if (!labelled.isEmpty()) {
            Map<String, String> example = contents.variables().stream()
                    .filter(v -> v.name().equals(labelled.get(0)))
                    .findFirst()
                    .orElseThrow()
                    .valueLabels();
            String first = example.entrySet().iterator().next().toString().replace("=", " = ");
            notes.add("value labels are kept out of the numbers (" + first + " …), as in R: " + named(labelled)
                    + "; use factor(x) in a formula to treat one as categories");
        }
        if (!dates.isEmpty()) {
            notes.add("SPSS dates are read as YYYY-MM-DD (date-times as YYYY-MM-DD HH:MM:SS, UTC): " + named(dates));
        }
        if (!contents.weight().isEmpty()) {
            notes.add("the file names " + contents.weight() + " as its weight variable; it is not applied here"
                    + " (regress has --weights " + contents.weight() + ")");
        }
        return notes;
    }

    private static String named(List<String> names) {
        if (names.size() <= NAMED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, NAMED)) + " and " + (names.size() - NAMED) + " more";
    }
}
