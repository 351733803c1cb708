package org.alliance.app.research;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Perspective;
import org.alliance.stats.correlation.CorrelationOptions;
import org.alliance.stats.correlation.PearsonCorrelation;
import org.alliance.stats.correlation.PearsonResult;
import org.alliance.stats.provenance.Provenance;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The professionals' side of a study (issue 13, the Norwegian question): per wave, from {@code professionals.csv} of
 * the export, how many professionals answered their own questionnaire ({@value PracticeAnswers#INSTRUMENT}) and the
 * mean of each scale; and, from {@code data.csv}, the alliance their clients report, as the mean of the client
 * questionnaire's total score over the check-ins of the professional's clients in that wave; then per scale
 * Pearson's correlation of the professional's score with that mean, with its 95 % interval and p, as R's
 * {@code cor.test(x, y)} ({@link PearsonCorrelation}). The client questionnaire is the study's first one answered
 * by clients about their own professional with a {@code total} scale.
 *
 * <p>Small numbers are protected (docs/rules.md): a wave's count and means are shown only when at least
 * {@value #MINIMUM} professionals answered, a correlation only when at least {@value #MINIMUM} professionals have both
 * their own score and their clients' mean. The report's R script reads the same two files and prints every figure.
 */
@Component
class PracticeAnalysis {

    static final int MINIMUM = OutcomeAnalysis.MINIMUM;

    /** The scales of the professionals' questionnaire, in the report's order. */
    static final List<String> SCALES = List.of("competence", "belief");

    /** The scale of the client questionnaire that gives the alliance. */
    static final String ALLIANCE_SCALE = "total";

    private final StudyData data;
    private final StudyExport export;
    private final InstrumentCatalog catalog;
    private final MessageSource messages;

    PracticeAnalysis(StudyData data, StudyExport export, InstrumentCatalog catalog, MessageSource messages) {
        this.data = data;
        this.export = export;
        this.catalog = catalog;
        this.messages = messages;
    }

    /** As stored with the report; the first line names the report in the list. */
    static String describe() {
        return "professionals\nsummary=per wave";
    }

    /** The client questionnaire whose total score is the alliance, with that score's column in data.csv. */
    Optional<Map.Entry<Instrument, String>> allianceScore(Study study) {
        Map<String, Map<String, String>> scores = export.scoreColumns(study);
        for (String id : study.instruments()) {
            Optional<Instrument> instrument =
                    catalog.find(id).filter(i -> i.perspective() == Perspective.CLIENT && !i.asksPerProfessional());
            String column = scores.getOrDefault(id, Map.of()).get(ALLIANCE_SCALE);
            if (instrument.isPresent() && column != null) {
                return Optional.of(Map.entry(instrument.get(), column));
            }
        }
        return Optional.empty();
    }

    /** Per wave, the mean alliance score of each professional's clients (by the professional's pseudonym). */
    static Map<String, Map<String, double[]>> allianceMeans(StudyData.Table table, String instrument, String column) {
        int professional = table.index("professional");
        int wave = table.index("wave");
        int instrumentAt = table.index("instrument");
        int perspective = table.index("perspective");
        int score = table.index(column);
        // wave → professional → {sum, count}
        Map<String, Map<String, double[]>> sums = new LinkedHashMap<>();
        for (String[] row : table.rows()) {
            if (!row[instrumentAt].equals(instrument)
                    || !row[perspective].equals(Perspective.CLIENT.code())
                    || row[wave].isEmpty()) {
                continue;
            }
            double value = number(row[score]);
            if (Double.isNaN(value)) {
                continue;
            }
            double[] sum = sums.computeIfAbsent(row[wave], w -> new LinkedHashMap<>())
                    .computeIfAbsent(row[professional], p -> new double[2]);
            sum[0] += value;
            sum[1]++;
        }
        return sums;
    }

    /** Per wave, the mean alliance score of each professional's clients (by pseudonym), as the report computes it. */
    Map<String, Map<String, Double>> allianceMeans(Study study) throws IOException {
        Optional<Map.Entry<Instrument, String>> alliance = allianceScore(study);
        if (alliance.isEmpty()) {
            return Map.of();
        }
        StudyData.Table table = data.data(
                study,
                Set.of(
                        "professional",
                        "wave",
                        "instrument",
                        "perspective",
                        alliance.get().getValue()));
        Map<String, Map<String, Double>> means = new LinkedHashMap<>();
        allianceMeans(table, alliance.get().getKey().id(), alliance.get().getValue())
                .forEach((wave, sums) -> sums.forEach((professional, sum) ->
                        means.computeIfAbsent(wave, w -> new LinkedHashMap<>()).put(professional, sum[0] / sum[1])));
        return means;
    }

    /** A score as read from the export: {@code NaN} for an empty cell or a score that could not be computed. */
    static double number(String cell) {
        if (cell.isEmpty() || cell.equals(StudyExport.TOO_FEW) || cell.equals(StudyExport.NOT_ANSWERED)) {
            return Double.NaN;
        }
        return Double.parseDouble(cell);
    }

    StudyReport run(Study study, IntConsumer progress) throws IOException {
        StructureContext report = new StructureContext(study, messages, new StringBuilder());
        Map<String, String> practiceColumns = export.practiceScoreColumns(study);
        Optional<Map.Entry<Instrument, String>> alliance = allianceScore(study);
        Set<String> dataColumns = new HashSet<>(List.of("professional", "wave", "instrument", "perspective"));
        alliance.ifPresent(a -> dataColumns.add(a.getValue()));
        Set<String> practiceWanted = new HashSet<>(List.of("professional", "wave", "instrument_version"));
        practiceWanted.addAll(practiceColumns.values());
        Map<String, StudyData.Table> tables =
                data.tables(study, Map.of("data.csv", dataColumns, "professionals.csv", practiceWanted), null);
        progress.accept(50);
        StudyData.Table clients = tables.get("data.csv");
        StudyData.Table professionals = tables.getOrDefault(
                "professionals.csv", new StudyData.Table(List.copyOf(practiceWanted), List.of(), 0, "–"));
        Instrument practice = catalog.find(PracticeAnswers.INSTRUMENT).orElseThrow();
        String allianceInstrument = alliance.map(a -> a.getKey().id()).orElse("");
        String allianceColumn = alliance.map(Map.Entry::getValue).orElse("");
        StringBuilder r = PracticeScript.start(
                study, clients.sha256(), professionals.sha256(), allianceInstrument, allianceColumn, practiceColumns);
        report.notes.add(report.text(
                "report.practice.sample",
                alliance.map(a -> a.getKey().title().get(study.language())).orElse("–")));
        if (alliance.isEmpty()) {
            report.notes.add(report.text("report.practice.noAlliance"));
        }
        Map<String, Map<String, double[]>> means =
                alliance.isPresent() ? allianceMeans(clients, allianceInstrument, allianceColumn) : Map.of();
        List<String> answersHeader =
                new ArrayList<>(List.of(report.text("report.practice.wave"), report.text("report.practice.answered")));
        SCALES.forEach(s -> answersHeader.add(report.text(
                "report.practice.mean",
                practice.findScale(s).orElseThrow().name().get(study.language()))));
        List<List<String>> answerRows = new ArrayList<>();
        List<List<String>> associationRows = new ArrayList<>();
        int professionalAt = professionals.index("professional");
        int waveAt = professionals.index("wave");
        Set<String> versions = new java.util.TreeSet<>();
        int versionAt = professionals.index("instrument_version");
        for (int w = 0; w < study.waves().size(); w++) {
            String wave = study.waves().get(w).name();
            String key = "practice.wave" + (w + 1);
            r.append("wave(\"")
                    .append(key)
                    .append("\", \"")
                    .append(rString(wave))
                    .append("\")\n");
            List<String[]> rows = professionals.rows().stream()
                    .filter(row -> row[waveAt].equals(wave))
                    .toList();
            rows.forEach(row -> versions.add(PracticeAnswers.INSTRUMENT + " " + row[versionAt]));
            if (rows.size() < MINIMUM) {
                report.notes.add(report.text("report.practice.tooFew", wave, MINIMUM));
                List<String> shown = new ArrayList<>(List.of(wave, "< " + MINIMUM));
                SCALES.forEach(s -> shown.add("–"));
                answerRows.add(shown);
                continue;
            }
            report.figures.put(key + ".n", (double) rows.size());
            List<String> shown = new ArrayList<>(List.of(wave, String.valueOf(rows.size())));
            Map<String, double[]> waveMeans = means.getOrDefault(wave, Map.of());
            for (String scale : SCALES) {
                int at = professionals.index(practiceColumns.get(scale));
                double[] x = rows.stream().mapToDouble(row -> number(row[at])).toArray();
                double mean = java.util.Arrays.stream(x)
                        .filter(v -> !Double.isNaN(v))
                        .average()
                        .orElse(Double.NaN);
                report.figures.put(key + "." + scale + ".mean", mean);
                shown.add(OutcomeAnalysis.number(mean));
                if (alliance.isEmpty()) {
                    continue;
                }
                double[] y = rows.stream()
                        .mapToDouble(row -> {
                            double[] sum = waveMeans.get(row[professionalAt]);
                            return sum == null ? Double.NaN : sum[0] / sum[1];
                        })
                        .toArray();
                int pairs = 0;
                for (int i = 0; i < x.length; i++) {
                    if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                        pairs++;
                    }
                }
                String scaleName =
                        practice.findScale(scale).orElseThrow().name().get(study.language());
                if (pairs < MINIMUM) {
                    report.notes.add(report.text("report.practice.tooFewPairs", wave, scaleName, MINIMUM));
                    continue;
                }
                PearsonResult result;
                try {
                    result = PearsonCorrelation.fit(x, y, CorrelationOptions.defaults());
                } catch (IllegalArgumentException e) {
                    report.notes.add(report.text("report.practice.failed", wave, scaleName, e.getMessage()));
                    continue;
                }
                report.figures.put(key + "." + scale + ".pairs", (double) result.n());
                report.figures.put(key + "." + scale + ".r", result.estimate());
                report.figures.put(key + "." + scale + ".lower", result.confLow());
                report.figures.put(key + "." + scale + ".upper", result.confHigh());
                report.figures.put(key + "." + scale + ".p", result.pValue());
                associationRows.add(List.of(
                        wave,
                        scaleName,
                        String.valueOf(result.n()),
                        OutcomeAnalysis.number(result.estimate()),
                        OutcomeAnalysis.number(result.confLow()) + " – " + OutcomeAnalysis.number(result.confHigh()),
                        OutcomeAnalysis.pValue(result.pValue())));
            }
            answerRows.add(shown);
        }
        report.tables.add(new StudyReport.Table(report.text("report.practice.answers"), answersHeader, answerRows));
        if (!associationRows.isEmpty()) {
            report.tables.add(new StudyReport.Table(
                    report.text("report.practice.association"),
                    List.of(
                            report.text("report.practice.wave"),
                            report.text("report.practice.scale"),
                            report.text("report.practice.n"),
                            report.text("report.practice.r"),
                            report.text("report.ci"),
                            report.text("report.practice.p")),
                    associationRows));
        }
        progress.accept(90);
        alliance.ifPresent(a -> versions.add(a.getKey().id() + " " + a.getKey().version()));
        Provenance provenance = Provenance.method(
                        "scale means over the professionals who answered; mean client " + ALLIANCE_SCALE
                                + " score per professional and wave; stats::cor.test(x, y) (Pearson, two-sided,"
                                + " Fisher-z 95% interval), complete pairs",
                        null,
                        describe().replace('\n', ';'))
                .withData(new Provenance.Data(
                        "data.csv", clients.sha256(), Math.toIntExact(clients.rowCount()), List.of()))
                .withData(new Provenance.Data(
                        "professionals.csv",
                        professionals.sha256(),
                        Math.toIntExact(professionals.rowCount()),
                        List.of()))
                .withInstruments(StudyReport.instruments(versions));
        return new StudyReport(
                report.text("report.practice.title"),
                report.tables,
                report.notes,
                provenance,
                report.figures,
                r.toString());
    }

    private static String rString(String text) {
        return StructureScript.ascii(text).replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
