package org.alliance.app.research;

import java.util.List;
import org.alliance.stats.factor.CfaOptions.Estimator;

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
        StringBuilder r = RScripts.started(" (reliability and factor structure)", study);
        boolean robust = options.estimator() == Estimator.MLR;
        r.append("# Run in a folder holding data.csv of the study's export (sha256 ")
                .append(dataSha256)
                .append(").\n");
        r.append("# Needs the R packages psych and lavaan.\n");
        r.append("suppressPackageStartupMessages({ library(psych); library(lavaan) })\n");
        r.append("data <- ").append(RScripts.readCsv("\"data.csv\"")).append('\n');
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
        r.append("# Every factor model with estimator ")
                .append(options.estimator().name())
                .append(" (listwise). A model's fit measures; with std, its standardised loadings and correlations.\n");
        r.append("estimator <- \"").append(options.estimator().name()).append("\"\n");
        r.append("structure <- function(key, model, x, std = TRUE) {\n");
        r.append("  f <- cfa(model, data = x, estimator = estimator)\n");
        r.append("  print(summary(f, fit.measures = TRUE, standardized = TRUE))\n");
        r.append("  fm <- fitMeasures(f)\n");
        r.append("  for (m in ")
                .append(vector(StructureModels.measures(options.estimator())))
                .append(") out(paste0(key, \".\", m), fm[[m]])\n");
        r.append("  if (std) {\n");
        r.append("    s <- standardizedSolution(f)\n");
        r.append("    s <- s[s$op == \"=~\" | (s$op == \"~~\" & s$lhs != s$rhs), ]\n");
        r.append("    for (i in seq_len(nrow(s)))"
                + " out(paste0(key, \".std.\", s$lhs[i], \".\", s$rhs[i]), s$est.std[i])\n");
        r.append("  }\n  invisible(f)\n}\n");
        r.append("# The difference test of two nested fits (lavTestLRT sorts them by df)")
                .append(
                        robust
                                ? ": Satorra-Bentler (2001) scaled, as for MLR fits.\n"
                                : ": the chi-square difference.\n");
        r.append("difference <- function(key, free, restricted) {\n");
        r.append("  a <- lavTestLRT(free, restricted")
                .append(robust ? ", method = \"satorra.bentler.2001\"" : "")
                .append(")\n");
        r.append("  print(a)\n");
        r.append("  # A negative scaling correction of the difference leaves no test (lavaan warns and gives NA).\n");
        r.append("  if (!is.finite(a[[\"Chisq diff\"]][2])) return(invisible(NULL))\n");
        r.append("  out(paste0(key, \".chisq.diff\"), a[[\"Chisq diff\"]][2])\n");
        r.append("  out(paste0(key, \".df.diff\"), a[[\"Df diff\"]][2])\n");
        r.append("  out(paste0(key, \".pvalue\"), a[[\"Pr(>Chisq)\"]][2])\n}\n");
        r.append(
                        "# Measurement invariance across the check-ins' language: clients who answered every item, languages with")
                .append(" at least ")
                .append(OutcomeAnalysis.MINIMUM)
                .append(" of them.\n");
        r.append("invariance <- function(key, model, x, language) {\n");
        r.append("  keep <- complete.cases(x)\n");
        r.append("  x <- x[keep, , drop = FALSE]\n  x$language <- language[keep]\n");
        r.append("  n <- table(x$language)\n  print(n)\n");
        r.append("  languages <- names(n)[n >= ")
                .append(OutcomeAnalysis.MINIMUM)
                .append("]\n");
        r.append("  if (length(languages) < 2) return(invisible(NULL))\n");
        r.append("  x <- x[x$language %in% languages, , drop = FALSE]\n");
        r.append(
                "  equal <- list(configural = \"\", metric = \"loadings\", scalar = c(\"loadings\", \"intercepts\"))\n");
        r.append("  fits <- list()\n");
        r.append("  for (step in names(equal)) {\n");
        r.append("    f <- cfa(model, data = x, group = \"language\", group.equal = equal[[step]],"
                + " estimator = estimator)\n");
        r.append("    print(summary(f, fit.measures = TRUE))\n");
        r.append("    fm <- fitMeasures(f)\n");
        List<String> mi = new java.util.ArrayList<>(StructureInvariance.MEASURES);
        if (robust) {
            mi.addAll(StructureInvariance.ROBUST_MEASURES);
        }
        r.append("    for (m in ").append(vector(mi)).append(") out(paste0(key, \".\", step, \".\", m), fm[[m]])\n");
        r.append("    fits[[step]] <- f\n  }\n");
        r.append("  difference(paste0(key, \".metric\"), fits$configural, fits$metric)\n");
        r.append("  difference(paste0(key, \".scalar\"), fits$metric, fits$scalar)\n");
        r.append("  invisible(list(x = x, fits = fits))\n}\n");
        r.append(
                        "# Partial invariance (group.partial): frees the candidates one at a time, each round the one whose model")
                .append(" has the smallest difference statistic\n# against base (the first of equal ones), until p >= ")
                .append(StructurePartial.ALPHA)
                .append("; every factor keeps two of its items held equal.\n");
        r.append("partial <- function(key, model, x, equal, base, fixed, candidates, factors, sizes) {\n");
        r.append("  fitWith <- function(p) {\n");
        r.append("    f <- tryCatch(suppressWarnings(cfa(model, data = x, group = \"language\", group.equal = equal,"
                + " group.partial = p, estimator = estimator)), error = function(e) NULL)\n");
        r.append("    if (is.null(f) || !lavInspect(f, \"converged\")) NULL else f\n  }\n");
        r.append("  stat <- function(f) {\n");
        r.append("    a <- suppressWarnings(lavTestLRT(base, f")
                .append(robust ? ", method = \"satorra.bentler.2001\"" : "")
                .append("))\n");
        r.append("    c(a[[\"Chisq diff\"]][2], a[[\"Df diff\"]][2], a[[\"Pr(>Chisq)\"]][2])\n  }\n");
        r.append("  rejected <- function(s) is.finite(s[3]) && s[3] < ")
                .append(StructurePartial.ALPHA)
                .append("\n");
        r.append("  freed <- character(0)\n  reached <- FALSE\n");
        r.append("  f <- fitWith(fixed)\n  s <- if (is.null(f)) NULL else stat(f)\n");
        r.append("  if (!is.null(s) && !rejected(s)) {\n    reached <- is.finite(s[3])\n  } else repeat {\n");
        r.append("    best <- NULL\n");
        r.append("    for (k in seq_along(candidates)) {\n");
        r.append("      if (candidates[k] %in% freed"
                + " || sum(factors[candidates %in% freed] == factors[k]) >= sizes[[factors[k]]] - 2) next\n");
        r.append("      g <- fitWith(c(fixed, freed, candidates[k]))\n");
        r.append("      if (is.null(g)) next\n");
        r.append("      t <- stat(g)\n");
        r.append("      if (is.finite(t[1]) && (is.null(best) || t[1] < bestStat[1])) {"
                + " best <- candidates[k]; bestFit <- g; bestStat <- t }\n");
        r.append("    }\n");
        r.append("    if (is.null(best)) break\n");
        r.append("    freed <- c(freed, best); f <- bestFit; s <- bestStat\n");
        r.append("    if (!rejected(s)) { reached <- TRUE; break }\n  }\n");
        r.append("  if (is.null(f)) return(invisible(NULL))\n");
        r.append("  cat(key, \"frees:\", if (length(freed)) freed else \"nothing\", \"\\n\")\n");
        r.append("  fm <- fitMeasures(f)\n");
        r.append("  for (m in ").append(vector(mi)).append(") out(paste0(key, \".\", m), fm[[m]])\n");
        r.append("  out(paste0(key, \".freed\"), length(freed))\n");
        r.append("  out(paste0(key, \".reached\"), as.numeric(reached))\n");
        r.append("  if (is.finite(s[1])) {\n");
        r.append("    out(paste0(key, \".chisq.diff\"), s[1])\n");
        r.append("    out(paste0(key, \".df.diff\"), s[2])\n");
        r.append("    out(paste0(key, \".pvalue\"), s[3])\n  }\n");
        r.append("  invisible(list(fit = f, freed = c(fixed, freed), reached = reached))\n}\n");
        return r;
    }
}
