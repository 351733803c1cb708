package org.alliance.app.research;

import java.util.Map;

/**
 * The professionals report's R script: reads {@code data.csv} and {@code professionals.csv} of the export and, per
 * wave, prints every figure of the report as {@code name=value} (base R only: {@code tapply}, {@code cor.test}), so
 * the report's figures can be checked line by line.
 */
final class PracticeScript {

    private PracticeScript() {}

    /** The script's helpers; the caller appends one {@code wave(key, name)} line per wave. */
    static StringBuilder start(
            Study study,
            String dataSha256,
            String professionalsSha256,
            String allianceInstrument,
            String allianceColumn,
            Map<String, String> scaleColumns) {
        StringBuilder r = RScripts.started(" (professionals)", study);
        r.append("# Run in a folder holding data.csv (sha256 ")
                .append(dataSha256)
                .append(") and professionals.csv (sha256 ")
                .append(professionalsSha256)
                .append(") of the study's export. Base R only.\n");
        r.append("data <- ").append(RScripts.readCsv("\"data.csv\"")).append('\n');
        r.append("prof <- if (file.exists(\"professionals.csv\")) ")
                .append(RScripts.readCsv("\"professionals.csv\""))
                .append(" else data.frame(wave = character(0))\n");
        r.append("out <- function(name, value) cat(sprintf(\"%s=%.15g\\n\", name, value))\n");
        r.append("# A score as a number; ")
                .append(StudyExport.TOO_FEW)
                .append(" (too few items answered) and an empty cell are missing.\n");
        r.append("score <- function(v) { v <- suppressWarnings(as.numeric(v)); v[!is.na(v) & v == ")
                .append(StudyExport.TOO_FEW)
                .append("] <- NA; v }\n");
        r.append("# The alliance: the clients' own check-ins of ")
                .append(allianceInstrument.isEmpty() ? "(none)" : allianceInstrument)
                .append(", their total score.\n");
        r.append("clients <- data[data$instrument == \"")
                .append(allianceInstrument)
                .append("\" & data$perspective == \"client\" & data$wave != \"\", ]\n");
        r.append("clients$alliance <- ")
                .append(
                        allianceColumn.isEmpty()
                                ? "numeric(nrow(clients)) * NA"
                                : "score(clients[[\"" + allianceColumn + "\"]])")
                .append("\nclients <- clients[!is.na(clients$alliance), ]\n");
        r.append("scales <- c(");
        r.append(String.join(
                ", ",
                PracticeAnalysis.SCALES.stream()
                        .map(s -> s + " = \"" + scaleColumns.get(s) + "\"")
                        .toList()));
        r.append(")\n");
        r.append("minimum <- ").append(PracticeAnalysis.MINIMUM).append('\n');
        r.append("# Per wave: the count and the scale means (at least `minimum` professionals), and each scale's\n");
        r.append("# correlation with the mean alliance of the professional's clients in the wave (complete pairs).\n");
        r.append("wave <- function(key, w) {\n");
        r.append("  p <- prof[prof$wave == w, ]\n");
        r.append("  if (nrow(p) < minimum) return(invisible())\n");
        r.append("  out(paste0(key, \".n\"), nrow(p))\n");
        r.append("  a <- clients[clients$wave == w, ]\n");
        r.append("  m <- tapply(a$alliance, a$professional, mean)\n");
        r.append("  y <- unname(m[p$professional])\n");
        r.append("  for (s in names(scales)) {\n");
        r.append("    x <- score(p[[scales[[s]]]])\n");
        r.append("    out(paste0(key, \".\", s, \".mean\"), mean(x, na.rm = TRUE))\n");
        r.append("    ok <- !is.na(x) & !is.na(y)\n");
        r.append("    if (nrow(a) == 0 || sum(ok) < minimum) next\n");
        r.append("    t <- cor.test(x, y)\n");
        r.append("    print(t)\n");
        r.append("    out(paste0(key, \".\", s, \".pairs\"), sum(ok))\n");
        r.append("    out(paste0(key, \".\", s, \".r\"), t$estimate)\n");
        r.append("    out(paste0(key, \".\", s, \".lower\"), t$conf.int[1])\n");
        r.append("    out(paste0(key, \".\", s, \".upper\"), t$conf.int[2])\n");
        r.append("    out(paste0(key, \".\", s, \".p\"), t$p.value)\n");
        r.append("  }\n}\n");
        return r;
    }
}
