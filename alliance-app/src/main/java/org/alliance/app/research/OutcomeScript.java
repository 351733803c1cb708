package org.alliance.app.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliance.core.research.OutcomeFile;

/**
 * The outcome report's R script (sandwich, lmtest and lme4): from {@code data.csv} and {@code outcomes.csv} it builds the
 * same client table as {@link OutcomeAnalysis} and prints every figure as {@code name=value}.
 */
final class OutcomeScript {

    private OutcomeScript() {}

    /** The R script that gives the report's figures from {@code data.csv} and {@code outcomes.csv}. */
    static String write(
            Study study,
            OutcomeAnalysis.Options options,
            Map<String, StudyOutcomes.Variable> variables,
            String total,
            boolean logistic,
            String dataSha256,
            String outcomesSha256) {
        StringBuilder r = RScripts.started("", study);
        r.append("# Run in a folder holding data.csv of the study's export (sha256 ")
                .append(dataSha256)
                .append(")\n# and outcomes.csv from the outcomes page (sha256 ")
                .append(outcomesSha256)
                .append(").\n");
        r.append("# Needs the R packages sandwich, lmtest and lme4.\n");
        r.append("suppressPackageStartupMessages({ library(sandwich); library(lmtest); library(lme4) })\n");
        r.append("read <- function(f) ").append(RScripts.readCsv("f")).append('\n');
        r.append("data <- read(\"data.csv\")\noutcomes <- read(\"outcomes.csv\")\n");
        r.append("score <- suppressWarnings(as.numeric(data[[\"").append(total).append("\"]]))\n");
        r.append("keep <- data$instrument == \"")
                .append(OutcomeAnalysis.INSTRUMENT)
                .append("\" & data$perspective == \"client\" & !is.na(score) & score != ")
                .append(StudyExport.TOO_FEW)
                .append("\n");
        if (options.wave().isPresent()) {
            r.append("keep <- keep & data$wave == \"")
                    .append(options.wave().get())
                    .append("\"\n");
        } else {
            r.append("keep <- keep & as.numeric(data$days_since_first) <= ")
                    .append(OutcomeAnalysis.FIRST_MONTHS_DAYS)
                    .append("\n");
        }
        r.append("d <- data[keep, ]\nd$score <- score[keep]\n");
        r.append("d <- d[order(d$client, d$meeting_date, method = \"radix\"), ]\n");
        r.append("alliance <- tapply(d$score, d$client, mean)\n");
        r.append("professional <- tapply(d$professional, d$client, function(p) p[1])\n");
        r.append("o <- outcomes[outcomes$outcome == \"")
                .append(options.outcome())
                .append("\" & outcomes$value != \"\", ]\n");
        r.append("o <- o[order(o$study_pseudonym, o$date, method = \"radix\"), ]\n");
        r.append("o <- o[!duplicated(o$study_pseudonym), ]\n");
        r.append("m <- data.frame(client = names(alliance), alliance = as.numeric(alliance),"
                + " professional = as.character(professional[names(alliance)]), stringsAsFactors = FALSE)\n");
        r.append("m <- merge(m, o, by.x = \"client\", by.y = \"study_pseudonym\")\n");
        r.append("m$y <- as.numeric(m$value)\n");
        for (String covariate : options.covariates()) {
            String column = "m[[\"" + covariate + "\"]]";
            if (variables.get(covariate).type() == OutcomeFile.Type.CATEGORY) {
                r.append(column)
                        .append(" <- ifelse(")
                        .append(column)
                        .append(" == \"\", NA, ")
                        .append(column)
                        .append(")\n");
                r.append(column)
                        .append(" <- factor(")
                        .append(column)
                        .append(", levels = sort(unique(na.omit(")
                        .append(column)
                        .append(")), method = \"radix\"))\n");
            } else {
                r.append(column)
                        .append(" <- as.numeric(ifelse(")
                        .append(column)
                        .append(" == \"\", NA, ")
                        .append(column)
                        .append("))\n");
            }
        }
        List<String> terms = new ArrayList<>();
        terms.add("alliance");
        terms.addAll(options.covariates());
        String right = String.join(" + ", terms);
        if (logistic) {
            r.append("fit <- glm(y ~ ").append(right).append(", family = binomial, data = m)\n");
            r.append("v <- vcovCL(fit, cluster = ~ professional, type = \"HC1\")\n");
        } else {
            r.append("fit <- lm(y ~ ").append(right).append(", data = m)\n");
            r.append("v <- vcovCL(fit, cluster = ~ professional)\n");
        }
        r.append("ct <- coeftest(fit, vcov = v)\n");
        r.append("print(ct)\n");
        r.append("print(coefci(fit, vcov = v))\n");
        r.append("cat(sprintf(\"n=%d\\n\", nobs(fit)))\n");
        r.append("for (term in rownames(ct)) cat(sprintf(\"coef.%s.estimate=%.15g\\ncoef.%s.se=%.15g\\n\","
                + " term, ct[term, 1], term, ct[term, 2]))\n");
        // The same model with a random intercept per professional (clients nested in professionals).
        String mixed = OutcomeMixed.formula(terms);
        if (logistic) {
            r.append("mm <- glmer(").append(mixed).append(", family = binomial, data = m)\n");
        } else {
            r.append("mm <- lmer(").append(mixed).append(", data = m, REML = TRUE)\n");
        }
        r.append("print(summary(mm))\n");
        r.append("fe <- coef(summary(mm))\n");
        r.append("for (term in rownames(fe)) cat(sprintf(\"mixed.coef.%s.estimate=%.15g\\nmixed.coef.%s.se=%.15g\\n\","
                + " term, fe[term, 1], term, fe[term, 2]))\n");
        r.append("vc <- as.data.frame(VarCorr(mm))\n");
        r.append("cat(sprintf(\"mixed.variance.professional=%.15g\\n\", vc$vcov[vc$grp == \"professional\"]))\n");
        if (!logistic) {
            r.append("cat(sprintf(\"mixed.variance.residual=%.15g\\n\", vc$vcov[vc$grp == \"Residual\"]))\n");
        }
        return r.toString();
    }
}
