package org.alliance.app.research;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Scale;
import org.alliance.stats.factor.CfaEstimator;
import org.alliance.stats.factor.CfaOptions.Estimator;
import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.reliability.CronbachsAlpha;
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
 *       goals): a CFA with one correlated factor per subscale next to one factor for all items, as
 *       {@code lavaan::cfa(model, data, estimator)} fits them (ML or MLR, listwise, first loading fixed to 1), with
 *       lavaan's fit measures, the difference test of the two and measurement invariance across the check-ins'
 *       languages ({@link StructureModels}).
 * </ul>
 *
 * <p>An answer not given ({@code -9}) is missing. Small numbers are protected as in every report (docs/rules.md): a
 * scale's figures are shown only when they rest on at least {@value OutcomeAnalysis#MINIMUM} clients and
 * {@value OutcomeAnalysis#MINIMUM} professionals. The figures come from {@code data.csv} of the export, so the
 * report's R script (psych and lavaan) gives the same numbers on it.
 *
 * <p>The parts: the rows ({@link StructureSample}), α and ω ({@link StructureReliability}), the factor models
 * ({@link StructureModels}) and the R script's helpers ({@link StructureScript}).
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
     * @param estimator of every factor model: ML, or MLR (robust standard errors, scaled χ² and the scaled difference
     *     tests)
     */
    record Options(Optional<String> wave, Estimator estimator) {

        Options {
            Objects.requireNonNull(estimator, "estimator");
        }

        /** As stored with the report, {@code key=value} lines; the first line names the report in the list. */
        String describe() {
            return "reliability and factor structure\nsummary="
                    + wave.map(w -> "first check-in in wave " + w).orElse("first check-in")
                    + "\nestimator=" + estimator.name();
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

    StudyReport run(Study study, Options options, IntConsumer progress) throws IOException {
        Map<String, Map<String, String>> itemColumns = export.itemColumns(study);
        Set<String> wanted = new HashSet<>(List.of(
                "client", "professional", "wave", "meeting_date", "language", "instrument", "instrument_version"));
        itemColumns.values().forEach(m -> wanted.addAll(m.values()));
        // Making the export is most of the wait on a large study: it moves the progress to 35 %, reading it to 40.
        StudyData.Table table =
                data.data(study, wanted, share -> progress.accept((int) (StudyAnalysisRunner.EXPORT_SHARE * share)));
        Set<String> versions = new TreeSet<>();
        StructureContext report =
                new StructureContext(study, messages, StructureScript.start(study, options, table.sha256()));
        report.progressTo(progress);
        report.span(40, 40);
        int done = 0;
        StringBuilder r = report.script;
        report.notes.add(report.text(
                "report.structure.sample",
                options.wave()
                        .map(w -> report.text("report.structure.sampleWave", w))
                        .orElse(report.text("report.structure.sampleFirst"))));
        for (String instrumentId : study.instruments()) {
            Optional<Instrument> found = catalog.find(instrumentId);
            Map<String, String> columns = itemColumns.get(instrumentId);
            if (found.isEmpty() || columns == null) {
                continue;
            }
            Instrument instrument = found.get();
            int share = 50 / study.instruments().size();
            report.span(40 + done * share, 40 + (done + 1) * share);
            done++;
            StructureSample sample = StructureSample.of(table, instrumentId, options.wave(), versions);
            String title = instrument.title().get(study.language());
            r.append("\n# ").append(StructureScript.ascii(instrumentId)).append('\n');
            r.append("d <- first(\"").append(instrumentId).append("\")\n");
            if (sample.clients().size() < MINIMUM || sample.professionals().size() < MINIMUM) {
                report.notes.add(report.text(
                        "report.structure.tooFew",
                        title,
                        MINIMUM,
                        sample.clients().size(),
                        sample.professionals().size()));
                continue;
            }
            StructureReliability.add(report, instrument, columns, table, sample);
            for (Scale scale : instrument.scales()) {
                List<Scale> factors = scale.subscales().stream()
                        .map(instrument::findScale)
                        .flatMap(Optional::stream)
                        .toList();
                if (factors.size() >= 2
                        && factors.size() == scale.subscales().size()
                        && factors.stream().allMatch(f -> f.items().size() >= FACTOR_ITEMS)) {
                    StructureModels.add(
                            report, instrument, scale, factors, columns, table, sample, options.estimator());
                }
            }
        }
        progress.accept(90);
        Provenance provenance = Provenance.method(
                        "psych::alpha(x); lavaan::cfa(model, data = x, estimator = \""
                                + options.estimator().name()
                                + "\") (listwise), with group = \"language\" and group.equal for the invariance"
                                + " steps; lavTestLRT"
                                + (options.estimator() == Estimator.MLR ? "(method = \"satorra.bentler.2001\")" : ""),
                        CfaEstimator.REFERENCE,
                        options.describe().replace('\n', ';'))
                .withData(new Provenance.Data("data.csv", table.sha256(), Math.toIntExact(table.rowCount()), List.of()))
                .withInstruments(StudyReport.instruments(versions));
        return new StudyReport(
                report.text("report.structure.title"),
                report.tables,
                report.notes,
                provenance,
                report.figures,
                r.toString());
    }
}
