package org.alliance.app.research;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.alliance.app.research.ExportColumns.Column;
import org.alliance.app.research.ExportColumns.Fixed;
import org.alliance.app.research.ExportColumns.ItemColumn;
import org.alliance.app.research.ExportColumns.ScoreColumn;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.research.ExportCsv;
import org.alliance.core.scoring.ScaleScore;
import org.alliance.core.scoring.ScoreSheet;
import org.alliance.core.scoring.Scoring;

/**
 * The rows of {@code professionals.csv}: one per answer set of the professionals' own questionnaire (one per
 * professional and wave), in the study's order of waves and then by pseudonym, so the order gives nothing of the
 * internal ids away. A study has a few answer sets per professional, so they are read at once, not streamed.
 */
final class PracticeRows {

    private PracticeRows() {}

    /** Writes the rows; returns how many. */
    static long write(
            Study study,
            List<Column> columns,
            ExportCsv csv,
            ExportPseudonyms pseudonyms,
            Instrument instrument,
            List<PracticeAnswers.Answer> answers) {
        List<String> waves = study.waves().stream().map(Study.Wave::name).toList();
        List<PracticeAnswers.Answer> sorted = answers.stream()
                .sorted(Comparator.<PracticeAnswers.Answer>comparingInt(a -> waves.indexOf(a.wave()))
                        .thenComparing(a -> pseudonyms.professional(a.professional())))
                .toList();
        for (PracticeAnswers.Answer answer : sorted) {
            Optional<ScoreSheet> scores;
            try {
                scores = Optional.of(Scoring.score(instrument, answer.answers()));
            } catch (IllegalArgumentException e) {
                scores = Optional.empty(); // an answer the current version does not know: the scores stay empty
            }
            List<String> fields = new ArrayList<>(columns.size());
            for (Column column : columns) {
                fields.add(value(column, answer, pseudonyms, scores));
            }
            csv.row(fields);
        }
        return sorted.size();
    }

    private static String value(
            Column column, PracticeAnswers.Answer answer, ExportPseudonyms pseudonyms, Optional<ScoreSheet> scores) {
        if (column instanceof Fixed fixed) {
            return switch (fixed.field()) {
                case PROFESSIONAL -> pseudonyms.professional(answer.professional());
                case WAVE -> answer.wave();
                case LANGUAGE -> answer.language();
                case INSTRUMENT -> answer.instrumentId();
                case INSTRUMENT_VERSION -> answer.instrumentVersion();
                default -> throw new IllegalArgumentException("no " + fixed.field() + " in professionals.csv");
            };
        }
        if (column instanceof ItemColumn item) {
            Double value = answer.answers().get(item.item());
            return value == null ? StudyExport.NOT_ANSWERED : ExportCsv.number(value);
        }
        if (column instanceof ScoreColumn score) {
            return scores.flatMap(sheet -> sheet.scale(score.scale()))
                    .map(ScaleScore::score)
                    .map(value -> value.isPresent() ? ExportCsv.number(value.getAsDouble()) : StudyExport.TOO_FEW)
                    .orElse("");
        }
        throw new IllegalArgumentException("no column " + column + " in professionals.csv");
    }
}
