package org.alliance.app.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.ResponseFormat;
import org.alliance.core.instrument.Scale;
import org.alliance.core.research.ExportVariable;
import org.alliance.core.research.ExportVariable.Level;
import org.alliance.core.research.ExportVariable.ValueLabel;
import org.alliance.core.research.VariableNames;
import org.springframework.context.MessageSource;

/**
 * The columns of a study's data files, in order, each with its name, label, value labels and missing codes
 * in the study's language: {@code data.csv} (one row per check-in; the items asked once per professional of a
 * joint meeting left out), {@code joint.csv} (one row per check-in and professional rated, plus one for the
 * team, of the questionnaires that ask about each professional), {@code observations.csv} (one row per coded
 * meeting and actor; {@link ObservationRows}) and {@code professionals.csv} (the professionals' own questionnaire, one
 * row per professional and wave; {@link PracticeRows}).
 */
final class ExportColumns {

    /** How one exported column is filled. */
    sealed interface Column permits Fixed, ItemColumn, ScoreColumn, MeasureColumn, TransitionColumn {
        ExportVariable variable();
    }

    /** The study's own columns, before the questionnaires' items and scores. */
    enum Field {
        CLIENT,
        PROFESSIONAL,
        RATER_NUMBER,
        RATED,
        RATED_PROFESSIONAL,
        WAVE,
        MEETING_NUMBER,
        DAYS_SINCE_FIRST,
        MEETING_DATE,
        LANGUAGE,
        PERSPECTIVE,
        INSTRUMENT,
        INSTRUMENT_VERSION,
        RELEASE_STATE
    }

    /** A column of the study's own (pseudonyms, wave, meeting, ...). */
    record Fixed(ExportVariable variable, Field field) implements Column {}

    /**
     * An item's answer.
     *
     * @param perProfessional asked once per professional of a joint meeting (only in {@code joint.csv})
     */
    record ItemColumn(ExportVariable variable, String instrument, String item, boolean text, boolean perProfessional)
            implements Column {}

    /**
     * A scale's score.
     *
     * @param perProfessional scored once per professional of a joint meeting (only in {@code joint.csv})
     */
    record ScoreColumn(ExportVariable variable, String instrument, String scale, boolean perProfessional)
            implements Column {}

    /** What the coding of a meeting shows of one actor, in {@code observations.csv}. */
    enum Measure {
        BASIS,
        ACTOR,
        EVENTS,
        TURNS,
        TURN_SHARE,
        SPEECH_SECONDS,
        TIME_SHARE
    }

    /** A column of {@code observations.csv} filled from the meeting's observation summary. */
    record MeasureColumn(ExportVariable variable, Measure measure) implements Column {}

    /** What a lag-1 transition between two codes of a coded meeting shows, in {@code transitions.csv}. */
    enum TransitionMeasure {
        BASIS,
        FROM_CODE,
        TO_CODE,
        COUNT,
        EXPECTED,
        ADJUSTED_RESIDUAL
    }

    /** A column of {@code transitions.csv} filled from the meeting's lag-1 table. */
    record TransitionColumn(ExportVariable variable, TransitionMeasure measure) implements Column {}

    /** Decimals of the expected counts and adjusted residuals in {@code transitions.csv}. */
    static final int TRANSITION_DECIMALS = 4;

    /** The value of {@link Measure#BASIS} when the figures come from the newest settled version. */
    static final String BASIS_SETTLED = "settled";

    /** The value of {@link Measure#BASIS} when the meeting has no settled version: the first coder's coding. */
    static final String BASIS_FIRST_CODER = "first_coder";

    /** Decimals of the shares in {@code observations.csv}. */
    static final int SHARE_DECIMALS = 4;

    /** Decimals of the speaking time in seconds (the coding is in milliseconds). */
    static final int SECONDS_DECIMALS = 3;

    /** The value of {@link Field#RATED} on the row of the ratings of one professional. */
    static final String RATED_PROFESSIONAL = "professional";

    /** The value of {@link Field#RATED} on the row of the ratings of the professionals as a team. */
    static final String RATED_TEAM = "team";

    private static final List<Field> DATA_FIELDS = List.of(
            Field.CLIENT,
            Field.PROFESSIONAL,
            Field.WAVE,
            Field.MEETING_NUMBER,
            Field.DAYS_SINCE_FIRST,
            Field.MEETING_DATE,
            Field.LANGUAGE,
            Field.PERSPECTIVE,
            Field.INSTRUMENT,
            Field.INSTRUMENT_VERSION,
            Field.RELEASE_STATE);

    private static final List<Field> JOINT_FIELDS = List.of(
            Field.CLIENT,
            Field.PERSPECTIVE,
            Field.RATER_NUMBER,
            Field.RATED,
            Field.RATED_PROFESSIONAL,
            Field.WAVE,
            Field.MEETING_NUMBER,
            Field.DAYS_SINCE_FIRST,
            Field.MEETING_DATE,
            Field.LANGUAGE,
            Field.INSTRUMENT,
            Field.INSTRUMENT_VERSION,
            Field.RELEASE_STATE);

    private static final List<Field> OBSERVATION_FIELDS = List.of(
            Field.CLIENT,
            Field.PROFESSIONAL,
            Field.WAVE,
            Field.MEETING_NUMBER,
            Field.DAYS_SINCE_FIRST,
            Field.MEETING_DATE);

    private static final List<Field> PRACTICE_FIELDS =
            List.of(Field.PROFESSIONAL, Field.WAVE, Field.LANGUAGE, Field.INSTRUMENT, Field.INSTRUMENT_VERSION);

    private final InstrumentCatalog catalog;
    private final MessageSource messages;
    private final FixedColumns fixedColumns;

    ExportColumns(InstrumentCatalog catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
        this.fixedColumns = new FixedColumns(messages);
    }

    /** The study's questionnaires that the catalogue knows. */
    List<Instrument> instruments(Study study) {
        return study.instruments().stream()
                .map(catalog::find)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The study's questionnaires that ask about each professional of a joint meeting: those of joint.csv. */
    List<Instrument> jointInstruments(Study study) {
        return instruments(study).stream()
                .filter(Instrument::asksPerProfessional)
                .toList();
    }

    /** The columns of {@code data.csv}. */
    List<Column> data(Study study) {
        return columns(study, DATA_FIELDS, instruments(study), false);
    }

    /** The columns of {@code joint.csv}; only the fixed ones when the study has no joint questionnaire. */
    List<Column> joint(Study study) {
        return columns(study, JOINT_FIELDS, jointInstruments(study), true);
    }

    /**
     * The columns of {@code professionals.csv} (one row per professional and wave; {@link PracticeRows}): the
     * professional's study pseudonym, the wave, the language and version of the professionals' own questionnaire, its
     * answers and its scale scores (the scoring rule in each score's source, as in {@code data.csv}).
     */
    List<Column> professionals(Study study) {
        return columns(
                study,
                PRACTICE_FIELDS,
                catalog.find(PracticeAnswers.INSTRUMENT).stream().toList(),
                false);
    }

    /**
     * The columns of {@code observations.csv}: the study's own columns of the meeting, then the basis, the actor
     * (a role as coded, never a name) and the actor's participation. A share that cannot be computed is empty.
     */
    List<Column> observations(Study study) {
        VariableNames names = new VariableNames();
        List<Column> columns = new ArrayList<>();
        for (Field field : OBSERVATION_FIELDS) {
            columns.add(new Fixed(fixedColumns.variable(field, study, names, List.of()), field));
        }
        Locale locale = study.language().locale();
        for (Measure measure : Measure.values()) {
            String key = measure.name().toLowerCase(Locale.ROOT);
            String name = names.of(key);
            String label = text("export.observations." + key, locale);
            ExportVariable variable =
                    switch (measure) {
                        case BASIS -> basis(name, locale);
                        case ACTOR -> ExportVariable.text(name, label, 100, List.of(), "");
                        case EVENTS, TURNS -> count(name, label);
                        case TURN_SHARE, TIME_SHARE ->
                            ExportVariable.number(name, label, SHARE_DECIMALS, Level.SCALE, List.of(), List.of(), "");
                        case SPEECH_SECONDS ->
                            ExportVariable.number(name, label, SECONDS_DECIMALS, Level.SCALE, List.of(), List.of(), "");
                    };
            columns.add(new MeasureColumn(variable, measure));
        }
        return columns;
    }

    /**
     * The columns of {@code transitions.csv}: the study's own columns of the meeting, then the basis, the two codes
     * of a lag-1 transition, its count, the count expected under independence and the adjusted residual.
     */
    List<Column> transitions(Study study) {
        VariableNames names = new VariableNames();
        List<Column> columns = new ArrayList<>();
        for (Field field : OBSERVATION_FIELDS) {
            columns.add(new Fixed(fixedColumns.variable(field, study, names, List.of()), field));
        }
        Locale locale = study.language().locale();
        for (TransitionMeasure measure : TransitionMeasure.values()) {
            String key = measure.name().toLowerCase(Locale.ROOT);
            String name = names.of(key);
            String label = measure == TransitionMeasure.BASIS ? "" : text("export.transitions." + key, locale);
            ExportVariable variable =
                    switch (measure) {
                        case BASIS -> basis(name, locale);
                        case FROM_CODE, TO_CODE -> ExportVariable.text(name, label, 100, List.of(), "");
                        case COUNT -> count(name, label);
                        case EXPECTED, ADJUSTED_RESIDUAL ->
                            ExportVariable.number(
                                    name, label, TRANSITION_DECIMALS, Level.SCALE, List.of(), List.of(), "");
                    };
            columns.add(new TransitionColumn(variable, measure));
        }
        return columns;
    }

    /** Where a coded meeting's figures come from: the settled version or the first coder's coding. */
    private ExportVariable basis(String name, Locale locale) {
        return ExportVariable.text(
                name,
                text("export.observations.basis", locale),
                20,
                List.of(
                        new ValueLabel(BASIS_SETTLED, text("export.observations.basis.settled", locale)),
                        new ValueLabel(BASIS_FIRST_CODER, text("export.observations.basis.first_coder", locale))),
                "");
    }

    private List<Column> columns(Study study, List<Field> fields, List<Instrument> instruments, boolean joint) {
        VariableNames names = new VariableNames();
        List<Column> columns = new ArrayList<>();
        for (Field field : fields) {
            columns.add(new Fixed(fixedColumns.variable(field, study, names, instruments), field));
        }
        Locale locale = study.language().locale();
        List<ValueLabel> notAnswered =
                List.of(new ValueLabel(StudyExport.NOT_ANSWERED, text("export.missing.notAnswered", locale)));
        List<ValueLabel> tooFew = List.of(new ValueLabel(StudyExport.TOO_FEW, text("export.missing.tooFew", locale)));
        for (Instrument instrument : instruments) {
            for (Item item : instrument.items()) {
                if (item.perProfessional() && !joint) {
                    continue; // asked once per professional of a joint meeting: in joint.csv
                }
                ResponseFormat format = instrument.format(item);
                String label = item.text().get(study.language());
                label = label.isBlank() ? instrument.id() + " " + item.id() : label;
                // The form puts the professional's name here; in joint.csv the row says which professional.
                label = label.replace("{professional}", text("export.rated.placeholder", locale));
                String name = names.of(instrument.id(), item.id());
                if (!format.numeric()) {
                    if (study.includeFreeText() && format instanceof ResponseFormat.FreeText free) {
                        columns.add(new ItemColumn(
                                ExportVariable.text(name, label, free.maxLength(), List.of(), instrument.reference()),
                                instrument.id(),
                                item.id(),
                                true,
                                item.perProfessional()));
                    }
                    continue;
                }
                columns.add(new ItemColumn(
                        ExportVariable.number(
                                name,
                                label,
                                0,
                                level(format),
                                valueLabels(format, study.language()),
                                notAnswered,
                                instrument.reference()),
                        instrument.id(),
                        item.id(),
                        false,
                        item.perProfessional()));
            }
            for (Scale scale : instrument.scales()) {
                boolean perProfessional = instrument.scoredPerProfessional(scale);
                if (perProfessional && !joint) {
                    continue;
                }
                String label = messages.getMessage(
                        "export.score", new Object[] {scale.name().get(study.language())}, locale);
                columns.add(new ScoreColumn(
                        ExportVariable.number(
                                names.of(instrument.id(), scale.id(), "score"),
                                label,
                                2,
                                Level.SCALE,
                                List.of(),
                                tooFew,
                                instrument.reference() + "; " + scale.scoring().describe()),
                        instrument.id(),
                        scale.id(),
                        perProfessional));
            }
        }
        return columns;
    }

    static ExportVariable count(String name, String label) {
        return ExportVariable.number(name, label, 0, Level.SCALE, List.of(), List.of(), "");
    }

    private static Level level(ResponseFormat format) {
        if (format instanceof ResponseFormat.Likert) {
            return Level.ORDINAL;
        }
        return format instanceof ResponseFormat.YesNo ? Level.NOMINAL : Level.SCALE;
    }

    private static List<ValueLabel> valueLabels(ResponseFormat format, Language language) {
        List<ValueLabel> labels = new ArrayList<>();
        if (format instanceof ResponseFormat.Likert likert) {
            likert.points()
                    .forEach(p -> labels.add(
                            new ValueLabel(String.valueOf(p.value()), p.label().get(language))));
        } else if (format instanceof ResponseFormat.YesNo yesNo) {
            labels.add(new ValueLabel("0", yesNo.noLabel().get(language)));
            labels.add(new ValueLabel("1", yesNo.yesLabel().get(language)));
        } else if (format instanceof ResponseFormat.Slider slider) {
            labels.add(new ValueLabel(
                    String.valueOf(slider.minimum()), slider.minLabel().get(language)));
            labels.add(new ValueLabel(
                    String.valueOf(slider.maximum()), slider.maxLabel().get(language)));
        }
        return labels.stream().filter(l -> !l.label().isBlank()).toList();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
