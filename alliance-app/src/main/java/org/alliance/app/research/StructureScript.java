package org.alliance.app.research;

import java.util.List;
import org.alliance.core.AllianceVersion;

/**
 * The structure report's R script (psych and lavaan): its helpers, which read {@code data.csv}, take each client's
 * first check-in and print every figure as {@code name=value}, so the report's figures can be checked line by line.
 */
final class StructureScript {

    private StructureScript() {}

    static String vector(List<String> names) {
        return "c(" + String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList()) + ")";
    }

    static String ascii(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** The script's helpers: read data.csv, take each client's first check-in, print figures as name=value. */
    static StringBuilder start(Study study, StructureAnalysis.Options options, String dataSha256) {
        StringBuilder r = new StringBuilder();
        r.append("# Reproduces an Alliance report (reliability and factor structure) of study ")
                .append(study.id())
                .append(" (Alliance ")
                .append(AllianceVersion.get())
                .append(").\n");
        r.append("# Run in a folder holding data.csv of the study's export (sha256 ")
                .append(dataSha256)
                .append(").\n");
        r.append("# Needs the R packages psych and lavaan.\n");
        r.append("suppressPackageStartupMessages({ library(psych); library(lavaan) })\n");
        r.append("data <- read.csv(\"data.csv\", colClasses = \"character\", na.strings = character(0),"
                + " encoding = \"UTF-8\", check.names = FALSE)\n");
        r.append("# Each client's first check-in of a questionnaire");
        if (options.wave().isPresent()) {
            r.append(" within wave ").append(ascii(options.wave().get()));
        }
        r.append(" (of two on one date the first in the file).\n");
        r.append("first <- function(instrument) {\n");
        r.append("  d <- data[data$instrument == instrument");
        options.wave().ifPresent(w -> r.append(" & data$wave == \"")
                .append(w.replace("\"", "\\\""))
                .append('"'));
        r.append(", ]\n");
        r.append("  d <- d[order(d$client, d$meeting_date, method = \"radix\"), ]\n");
        r.append("  d[!duplicated(d$client), ]\n}\n");
        r.append("# Answers as numbers; ").append(StudyExport.NOT_ANSWERED).append(" (not answered) is missing.\n");
        r.append("items <- function(d, columns) {\n");
        r.append("  x <- as.data.frame(lapply(d[columns], function(v) {" + " v <- as.numeric(v); v[v == "
                + StudyExport.NOT_ANSWERED + "] <- NA; v }))\n");
        r.append("  names(x) <- columns\n  x\n}\n");
        r.append("out <- function(name, value) cat(sprintf(\"%s=%.15g\\n\", name, value))\n");
        r.append("alphas <- function(key, a) {\n");
        r.append("  print(a$total)\n  print(a$feldt)\n");
        r.append("  out(paste0(key, \".raw\"), a$total$raw_alpha)\n");
        r.append("  out(paste0(key, \".std\"), a$total$std.alpha)\n");
        r.append("  out(paste0(key, \".feldt.lower\"), a$feldt$lower.ci$raw_alpha)\n");
        r.append("  out(paste0(key, \".feldt.upper\"), a$feldt$upper.ci$raw_alpha)\n");
        r.append("  out(paste0(key, \".ase\"), a$total$ase)\n}\n");
        r.append("# omega total from a one-factor ML model on the pairwise covariance (not psych::omega).\n");
        r.append("omega <- function(key, x) {\n");
        r.append("  f <- cfa(paste(\"f =~\", paste(names(x), collapse = \" + \")),"
                + " sample.cov = cov(x, use = \"pairwise\"), sample.nobs = nrow(x), std.lv = TRUE)\n");
        r.append("  pe <- parameterEstimates(f)\n");
        r.append("  l <- sum(pe$est[pe$op == \"=~\"])\n");
        r.append("  theta <- sum(pe$est[pe$op == \"~~\" & pe$lhs == pe$rhs & pe$lhs != \"f\"])\n");
        r.append("  out(key, l^2 / (l^2 + theta))\n}\n");
        r.append("structure <- function(key, model, x) {\n");
        r.append("  f <- cfa(model, data = x)\n");
        r.append("  print(summary(f, fit.measures = TRUE, standardized = TRUE))\n");
        r.append("  fm <- fitMeasures(f)\n");
        r.append("  for (m in c(")
                .append(String.join(
                        ", ",
                        StructureAnalysis.FIT_MEASURES.stream()
                                .map(m -> "\"" + m + "\"")
                                .toList()))
                .append(")) out(paste0(key, \".\", m), fm[[m]])\n");
        r.append("  s <- standardizedSolution(f)\n");
        r.append("  s <- s[s$op == \"=~\" | (s$op == \"~~\" & s$lhs != s$rhs), ]\n");
        r.append(
                "  for (i in seq_len(nrow(s))) out(paste0(key, \".std.\", s$lhs[i], \".\", s$rhs[i]), s$est.std[i])\n");
        r.append("}\n");
        return r;
    }
}
