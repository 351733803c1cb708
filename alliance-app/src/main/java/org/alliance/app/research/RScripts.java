package org.alliance.app.research;

import org.alliance.stats.provenance.Provenance;

/** What the reports' R scripts share: their first line, and how they read the export's CSV files. */
final class RScripts {

    private RScripts() {}

    /**
     * A script begun with its first line: which report ({@code report}, e.g. {@code " (professionals)"}, or empty) of
     * which study, and the Alliance version that wrote it.
     */
    static StringBuilder started(String report, Study study) {
        return new StringBuilder()
                .append("# Reproduces an Alliance report")
                .append(report)
                .append(" of study ")
                .append(study.id())
                .append(" (Alliance ")
                .append(Provenance.Software.ALLIANCE.version())
                .append(").\n");
    }

    /** R reading the CSV file that {@code file} names (an R expression) as text, every cell as it stands. */
    static String readCsv(String file) {
        return "read.csv(" + file + ", colClasses = \"character\", na.strings = character(0),"
                + " encoding = \"UTF-8\", check.names = FALSE)";
    }
}
