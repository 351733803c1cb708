package org.alliance.app.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Scale;
import org.alliance.stats.reliability.AlphaResult;
import org.alliance.stats.reliability.CronbachsAlpha;
import org.alliance.stats.reliability.ItemResponses;

/**
 * The structure report's reliability table of one questionnaire: per scale made of items (at least two), Cronbach's α
 * as {@code psych::alpha} gives it (raw and standardised, Feldt's 95 % interval, Duhachek's asymptotic standard error
 * and interval) and McDonald's ω total from a one-factor ML model on the same pairwise covariance
 * ({@link CronbachsAlpha}).
 */
final class StructureReliability {

    private StructureReliability() {}

    static void add(
            StructureContext report,
            Instrument instrument,
            Map<String, String> columns,
            StudyData.Table table,
            StructureSample sample) {
        Study study = report.study;
        StringBuilder r = report.script;
        List<List<String>> rows = new ArrayList<>();
        for (Scale scale : instrument.scales()) {
            List<String> names = scale.items().stream()
                    .map(columns::get)
                    .filter(Objects::nonNull)
                    .toList();
            if (names.size() < 2 || names.size() != scale.items().size()) {
                continue;
            }
            List<double[]> values = new ArrayList<>();
            for (String name : names) {
                int index = table.index(name);
                values.add(sample.rows().stream()
                        .mapToDouble(row -> StructureSample.answer(row[index]))
                        .toArray());
            }
            String label = scale.name().get(study.language());
            AlphaResult alpha;
            try {
                alpha = CronbachsAlpha.fit(new ItemResponses(names, values), Set.of());
            } catch (IllegalArgumentException e) {
                report.notes.add(report.text("report.structure.alphaFailed", label, e.getMessage()));
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
            report.figures.put(key + ".raw", alpha.rawAlpha());
            report.figures.put(key + ".std", alpha.standardizedAlpha());
            report.figures.put(key + ".feldt.lower", alpha.feldt().lower());
            report.figures.put(key + ".feldt.upper", alpha.feldt().upper());
            report.figures.put(key + ".ase", alpha.alphaStandardError());
            r.append("x <- items(d, ").append(StructureScript.vector(names)).append(")\n");
            r.append("a <- psych::alpha(x, warnings = FALSE)\n");
            r.append("alphas(\"").append(key).append("\", a)\n");
            if (alpha.omegaTotal().isPresent()) {
                report.figures.put(
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
            report.tables.add(new StudyReport.Table(
                    report.text(
                            "report.structure.reliability", instrument.title().get(study.language())),
                    List.of(
                            report.text("report.structure.scale"),
                            report.text("report.structure.items"),
                            report.text("report.outcome.clients"),
                            "α",
                            report.text("report.structure.feldt"),
                            report.text("report.structure.duhachek"),
                            report.text("report.structure.standardised"),
                            "ω"),
                    rows));
        }
    }
}
