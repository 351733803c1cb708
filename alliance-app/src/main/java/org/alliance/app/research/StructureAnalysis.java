package org.alliance.app.research;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import org.alliance.core.AllianceVersion;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Scale;
import org.alliance.stats.factor.CfaData;
import org.alliance.stats.factor.CfaEstimator;
import org.alliance.stats.factor.CfaModelSyntax;
import org.alliance.stats.factor.CfaOptions;
import org.alliance.stats.factor.CfaResult;
import org.alliance.stats.reliability.AlphaResult;
import org.alliance.stats.reliability.CronbachsAlpha;
import org.alliance.stats.reliability.ItemResponses;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Reliability and factor structure on a study's own data. Per questionnaire of the study, one check-in per client:
 * the client's first (earliest meeting date; of two on one date the first in {@code data.csv}), or their first
 * within a chosen wave. On those rows:
 *
 * <ul>
 *   <li>per scale made of items (at least two): Cronbach's α as {@code psych::alpha} gives it (raw and standardised,
 *       Feldt's 95 % interval, Duhachek's asymptotic standard error and interval) and McDonald's ω total from a
 *       one-factor ML model on the same pairwise covariance ({@link CronbachsAlpha});
 *   <li>per scale made of subscales of at least three items each (the alliance questionnaires' total: bond, tasks,
 *       goals): a CFA with one correlated factor per subscale, as {@code lavaan::cfa(model, data)} fits it (ML,
 *       listwise, first loading fixed to 1), with lavaan's fit measures and the standardised loadings and factor
 *       correlations ({@link CfaEstimator}).
 * </ul>
 *
 * <p>An answer not given ({@code -9}) is missing. Small numbers are protected as in every report (docs/rules.md): a
 * scale's figures are shown only when they rest on at least {@value OutcomeAnalysis#MINIMUM} clients and
 * {@value OutcomeAnalysis#MINIMUM} professionals. The figures come from {@code data.csv} of the export, so the
 * report's R script (psych and lavaan) gives the same numbers on it.
 */
@Component
class StructureAnalysis {

    static final int MINIMUM = OutcomeAnalysis.MINIMUM;

    /** A factor needs at least this many items to be part of the CFA. */
    static final int FACTOR_ITEMS = 3;

    /** The fit measures the report shows and the R script prints, under lavaan's names. */
    static final List<String> FIT_MEASURES =
            List.of("chisq", "df", "pvalue", "cfi", "tli", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper", "srmr");

    /**
     * What the researcher chose.
     *
     * @param wave empty: each client's first check-in; otherwise their first within the wave
     */
    record Options(Optional<String> wave) {

        /** As stored with the report, {@code key=value} lines; the first line names the report in the list. */
        String describe() {
            return "reliability and factor structure\nsummary="
                    + wave.map(w -> "first check-in in wave " + w).orElse("first check-in");
        }
    }

    private final StudyData data;
    private final StudyExport export;
    private final InstrumentCatalog catalog;
    private final MessageSource messages;

    StructureAnalysis(StudyData data, StudyExport export, InstrumentCatalog catalog, MessageSource messages) {
        this.data = data;
        this.export = export;
        this.catalog = catalog;
        this.messages = messages;
    }

    private String text(Study study, String key, Object... args) {
        return messages.getMessage(key, args, study.language().locale());
    }

    /** The rows of one questionnaire that the report uses, and who they come from. */
    private record Sample(List<String[]> rows, Set<String> clients, Set<String> professionals) {}

    StudyReport run(Study study, Options options, IntConsumer progress) throws IOException {
        Map<String, Map<String, String>> itemColumns = export.itemColumns(study);
        Set<String> wanted = new HashSet<>(
                List.of("client", "professional", "wave", "meeting_date", "instrument", "instrument_version"));
        itemColumns.values().forEach(m -> wanted.addAll(m.values()));
        StudyData.Table table = data.data(study, wanted);
        progress.accept(40);
        List<StudyReport.Table> tables = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Double> figures = new LinkedHashMap<>();
        Set<String> versions = new TreeSet<>();
        StringBuilder r = scriptStart(study, options, table.sha256());
        notes.add(text(
                study,
                "report.structure.sample",
                options.wave()
                        .map(w -> text(study, "report.structure.sampleWave", w))
                        .orElse(text(study, "report.structure.sampleFirst"))));
        for (String instrumentId : study.instruments()) {
            Optional<Instrument> found = catalog.find(instrumentId);
            Map<String, String> columns = itemColumns.get(instrumentId);
            if (found.isEmpty() || columns == null) {
                continue;
            }
            Instrument instrument = found.get();
            Sample sample = sample(table, instrumentId, options, versions);
            String title = instrument.title().get(study.language());
            r.append("\n# ").append(ascii(instrumentId)).append('\n');
            r.append("d <- first(\"").append(instrumentId).append("\")\n");
            if (sample.clients().size() < MINIMUM || sample.professionals().size() < MINIMUM) {
                notes.add(text(
                        study,
                        "report.structure.tooFew",
                        title,
                        MINIMUM,
                        sample.clients().size(),
                        sample.professionals().size()));
                continue;
            }
            reliability(study, instrument, columns, table, sample, tables, notes, figures, r);
            for (Scale scale : instrument.scales()) {
                List<Scale> factors = scale.subscales().stream()
                        .map(instrument::findScale)
                        .flatMap(Optional::stream)
                        .toList();
                if (factors.size() >= 2
                        && factors.size() == scale.subscales().size()
                        && factors.stream().allMatch(f -> f.items().size() >= FACTOR_ITEMS)) {
                    cfa(study, instrument, scale, factors, columns, table, sample, tables, notes, figures, r);
                }
            }
        }
        progress.accept(90);
        List<StudyReport.Provenance> provenance = List.of(
                new StudyReport.Provenance(
                        "data.csv", text(study, "report.snapshot", table.rowCount(), table.sha256())),
                new StudyReport.Provenance(text(study, "report.instruments"), String.join(", ", versions)),
                new StudyReport.Provenance(
                        text(study, "report.method"),
                        "psych::alpha(x); lavaan::cfa(model, data = x) (ML, listwise); " + CfaEstimator.REFERENCE),
                new StudyReport.Provenance(
                        text(study, "report.options"), options.describe().replace('\n', ';')),
                new StudyReport.Provenance(text(study, "report.software"), "Alliance " + AllianceVersion.get()));
        return new StudyReport(text(study, "report.structure.title"), tables, notes, provenance, figures, r.toString());
    }

    /** Each client's first check-in of the instrument (within the wave, when one is chosen), in the file's order. */
    private static Sample sample(StudyData.Table table, String instrumentId, Options options, Set<String> versions) {
        int client = table.index("client");
        int professional = table.index("professional");
        int wave = table.index("wave");
        int date = table.index("meeting_date");
        int instrument = table.index("instrument");
        int version = table.index("instrument_version");
        Map<String, String[]> first = new LinkedHashMap<>();
        for (String[] row : table.rows()) {
            if (!row[instrument].equals(instrumentId)
                    || options.wave().filter(w -> !w.equals(row[wave])).isPresent()) {
                continue;
            }
            String[] earlier = first.get(row[client]);
            // Strictly earlier only: of two on one date the first in the file stays, as R's stable order keeps it.
            if (earlier == null || row[date].compareTo(earlier[date]) < 0) {
                first.put(row[client], row);
            }
        }
        List<String[]> rows = first.values().stream()
                .sorted(java.util.Comparator.comparing((String[] row) -> row[client]))
                .toList();
        Set<String> professionals = new TreeSet<>();
        rows.forEach(row -> {
            professionals.add(row[professional]);
            versions.add(instrumentId + " " + row[version]);
        });
        return new Sample(rows, new TreeSet<>(first.keySet()), professionals);
    }

    private static double answer(String value) {
        if (value.isEmpty() || value.equals(StudyExport.NOT_ANSWERED)) {
            return Double.NaN;
        }
        return Double.parseDouble(value);
    }

    private void reliability(
            Study study,
            Instrument instrument,
            Map<String, String> columns,
            StudyData.Table table,
            Sample sample,
            List<StudyReport.Table> tables,
            List<String> notes,
            Map<String, Double> figures,
            StringBuilder r) {
        List<List<String>> rows = new ArrayList<>();
        for (Scale scale : instrument.scales()) {
            List<String> names = scale.items().stream()
                    .map(columns::get)
                    .filter(java.util.Objects::nonNull)
                    .toList();
            if (names.size() < 2 || names.size() != scale.items().size()) {
                continue;
            }
            List<double[]> values = new ArrayList<>();
            for (String name : names) {
                int index = table.index(name);
                values.add(sample.rows().stream()
                        .mapToDouble(row -> answer(row[index]))
                        .toArray());
            }
            String label = scale.name().get(study.language());
            AlphaResult alpha;
            try {
                alpha = CronbachsAlpha.fit(new ItemResponses(names, values), Set.of());
            } catch (IllegalArgumentException e) {
                notes.add(text(study, "report.structure.alphaFailed", label, e.getMessage()));
                continue;
            }
            String key = "alpha." + instrument.id() + "." + scale.id();
            rows.add(List.of(
                    label,
                    String.valueOf(names.size()),
                    String.valueOf(sample.rows().size()),
                    OutcomeAnalysis.number(alpha.rawAlpha()),
                    "[" + OutcomeAnalysis.number(alpha.feldt().lower()) + ", "
                            + OutcomeAnalysis.number(alpha.feldt().upper()) + "]",
                    "[" + OutcomeAnalysis.number(alpha.duhachek().lower()) + ", "
                            + OutcomeAnalysis.number(alpha.duhachek().upper()) + "]",
                    OutcomeAnalysis.number(alpha.standardizedAlpha()),
                    alpha.omegaTotal().isPresent()
                            ? OutcomeAnalysis.number(alpha.omegaTotal().getAsDouble())
                            : "–"));
            figures.put(key + ".raw", alpha.rawAlpha());
            figures.put(key + ".std", alpha.standardizedAlpha());
            figures.put(key + ".feldt.lower", alpha.feldt().lower());
            figures.put(key + ".feldt.upper", alpha.feldt().upper());
            figures.put(key + ".ase", alpha.alphaStandardError());
            r.append("x <- items(d, ").append(vector(names)).append(")\n");
            r.append("a <- psych::alpha(x, warnings = FALSE)\n");
            r.append("alphas(\"").append(key).append("\", a)\n");
            if (alpha.omegaTotal().isPresent()) {
                figures.put(
                        "omega." + instrument.id() + "." + scale.id(),
                        alpha.omegaTotal().getAsDouble());
                r.append("omega(\"omega.")
                        .append(instrument.id())
                        .append('.')
                        .append(scale.id())
                        .append("\", x)\n");
            }
        }
        if (!rows.isEmpty()) {
            tables.add(new StudyReport.Table(
                    text(
                            study,
                            "report.structure.reliability",
                            instrument.title().get(study.language())),
                    List.of(
                            text(study, "report.structure.scale"),
                            text(study, "report.structure.items"),
                            text(study, "report.outcome.clients"),
                            "α",
                            text(study, "report.structure.feldt"),
                            text(study, "report.structure.duhachek"),
                            text(study, "report.structure.standardised"),
                            "ω"),
                    rows));
        }
    }

    private void cfa(
            Study study,
            Instrument instrument,
            Scale scale,
            List<Scale> factors,
            Map<String, String> columns,
            StudyData.Table table,
            Sample sample,
            List<StudyReport.Table> tables,
            List<String> notes,
            Map<String, Double> figures,
            StringBuilder r) {
        List<String> names = new ArrayList<>();
        StringBuilder model = new StringBuilder();
        for (Scale factor : factors) {
            List<String> items = factor.items().stream().map(columns::get).toList();
            if (items.contains(null)) {
                return;
            }
            names.addAll(items);
            model.append(factor.id().replace('-', '_'))
                    .append(" =~ ")
                    .append(String.join(" + ", items))
                    .append('\n');
        }
        int[] indexes = names.stream().mapToInt(table::index).toArray();
        List<double[]> rows = new ArrayList<>();
        Set<String> professionals = new HashSet<>();
        int professional = table.index("professional");
        for (String[] row : sample.rows()) {
            double[] values = new double[indexes.length];
            boolean complete = true;
            for (int j = 0; j < indexes.length; j++) {
                values[j] = answer(row[indexes[j]]);
                complete &= !Double.isNaN(values[j]);
            }
            rows.add(values);
            if (complete) {
                professionals.add(row[professional]);
            }
        }
        String title = instrument.title().get(study.language());
        String caption = text(
                study,
                "report.structure.cfa",
                title,
                String.join(
                        ", ",
                        factors.stream()
                                .map(f -> f.name().get(study.language()))
                                .toList()));
        long complete = rows.stream()
                .filter(v -> java.util.Arrays.stream(v).noneMatch(Double::isNaN))
                .count();
        if (complete < MINIMUM || professionals.size() < MINIMUM) {
            notes.add(text(study, "report.structure.cfaTooFew", caption, MINIMUM, complete, professionals.size()));
            return;
        }
        CfaResult fit;
        try {
            fit = CfaEstimator.fit(
                    CfaData.of(names, rows), CfaModelSyntax.parse(model.toString()), CfaOptions.defaults());
        } catch (IllegalArgumentException e) {
            notes.add(text(study, "report.structure.cfaFailed", caption, e.getMessage()));
            return;
        }
        if (!fit.converged()) {
            notes.add(text(study, "report.structure.cfaFailed", caption, String.join("; ", fit.warnings())));
            return;
        }
        fit.warnings().forEach(w -> notes.add(caption + ": " + w));
        String key = "cfa." + instrument.id() + "." + scale.id();
        List<List<String>> measures = new ArrayList<>();
        measures.add(List.of(text(study, "report.outcome.clients"), String.valueOf(complete)));
        for (String measure : FIT_MEASURES) {
            double value = fit.fit(measure);
            measures.add(List.of(
                    measure,
                    measure.equals("df")
                            ? String.valueOf((long) value)
                            : measure.startsWith("pvalue")
                                    ? OutcomeAnalysis.pValue(value)
                                    : OutcomeAnalysis.number(value)));
            figures.put(key + "." + measure, value);
        }
        tables.add(new StudyReport.Table(
                caption, List.of(text(study, "report.figure"), text(study, "report.value")), measures));
        List<List<String>> loadings = new ArrayList<>();
        for (CfaResult.ParameterEstimate p : fit.parameters()) {
            boolean loading = p.op().equals("=~");
            boolean correlation = p.op().equals("~~")
                    && !p.lhs().equals(p.rhs())
                    && factors.stream().anyMatch(f -> f.id().replace('-', '_').equals(p.lhs()));
            if (loading || correlation) {
                loadings.add(List.of(
                        p.lhs() + " " + p.op() + " " + p.rhs(),
                        OutcomeAnalysis.number(p.est()),
                        p.free() ? OutcomeAnalysis.number(p.se()) : "–",
                        OutcomeAnalysis.number(p.stdAll())));
                figures.put(key + ".std." + p.lhs() + "." + p.rhs(), p.stdAll());
            }
        }
        tables.add(new StudyReport.Table(
                text(study, "report.structure.loadings", title),
                List.of(
                        text(study, "report.term"),
                        text(study, "report.estimate"),
                        text(study, "report.se"),
                        text(study, "report.structure.stdAll")),
                loadings));
        r.append("x <- items(d, ").append(vector(names)).append(")\n");
        r.append("model <- \"").append(model.toString().replace("\n", "\\n")).append("\"\n");
        r.append("structure(\"").append(key).append("\", model, x)\n");
    }

    private static String vector(List<String> names) {
        return "c(" + String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList()) + ")";
    }

    private static String ascii(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** The script's helpers: read data.csv, take each client's first check-in, print figures as name=value. */
    private static StringBuilder scriptStart(Study study, Options options, String dataSha256) {
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
                        ", ", FIT_MEASURES.stream().map(m -> "\"" + m + "\"").toList()))
                .append(")) out(paste0(key, \".\", m), fm[[m]])\n");
        r.append("  s <- standardizedSolution(f)\n");
        r.append("  s <- s[s$op == \"=~\" | (s$op == \"~~\" & s$lhs != s$rhs), ]\n");
        r.append(
                "  for (i in seq_len(nrow(s))) out(paste0(key, \".std.\", s$lhs[i], \".\", s$rhs[i]), s$est.std[i])\n");
        r.append("}\n");
        return r;
    }
}
