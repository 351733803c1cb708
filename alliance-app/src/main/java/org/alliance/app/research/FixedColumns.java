package org.alliance.app.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliance.app.research.ExportColumns.Field;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.Perspective;
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.research.ExportVariable;
import org.alliance.core.research.ExportVariable.ValueLabel;
import org.alliance.core.research.VariableNames;
import org.springframework.context.MessageSource;

/**
 * The study's own columns of the exported files ({@link Field}: pseudonyms, wave, meeting, language, perspective,
 * questionnaire, release state), each with its label and value labels in the study's language. The columns of the
 * questionnaires' items and scores, and which files hold which columns, are {@link ExportColumns}' part.
 */
final class FixedColumns {

    private final MessageSource messages;

    FixedColumns(MessageSource messages) {
        this.messages = messages;
    }

    /** The variable of one of the study's own columns, named through {@code names} so that names stay unique. */
    ExportVariable variable(Field field, Study study, VariableNames names, List<Instrument> instruments) {
        Locale locale = study.language().locale();
        return switch (field) {
            case CLIENT ->
                ExportVariable.text(names.of("client"), text("export.var.client", locale), 14, List.of(), "");
            case PROFESSIONAL ->
                ExportVariable.text(
                        names.of("professional"), text("export.var.professional", locale), 14, List.of(), "");
            case RATER_NUMBER -> ExportColumns.count(names.of("rater_number"), text("export.var.rater_number", locale));
            case RATED ->
                ExportVariable.text(
                        names.of("rated"),
                        text("export.var.rated", locale),
                        20,
                        List.of(
                                new ValueLabel(
                                        ExportColumns.RATED_PROFESSIONAL, text("export.rated.professional", locale)),
                                new ValueLabel(ExportColumns.RATED_TEAM, text("export.rated.team", locale))),
                        "");
            case RATED_PROFESSIONAL ->
                ExportVariable.text(
                        names.of("rated_professional"),
                        text("export.var.rated_professional", locale),
                        14,
                        List.of(),
                        "");
            case WAVE ->
                ExportVariable.text(
                        names.of("wave"), text("export.var.wave", locale), StudyForm.MAX_WAVE_NAME, List.of(), "");
            case MEETING_NUMBER ->
                ExportColumns.count(names.of("meeting_number"), text("export.var.meeting_number", locale));
            case DAYS_SINCE_FIRST ->
                ExportColumns.count(names.of("days_since_first"), text("export.var.days_since_first", locale));
            case MEETING_DATE ->
                ExportVariable.date(
                        names.of("meeting_date"),
                        text(
                                study.shiftDates() ? "export.var.meeting_date_shifted" : "export.var.meeting_date",
                                locale));
            case LANGUAGE -> {
                List<ValueLabel> languages = new ArrayList<>();
                for (Language language : Language.values()) {
                    languages.add(new ValueLabel(language.code(), text("lang." + language.code(), locale)));
                }
                yield ExportVariable.text(names.of("language"), text("export.var.language", locale), 5, languages, "");
            }
            case PERSPECTIVE -> {
                List<ValueLabel> perspectives = new ArrayList<>();
                for (Perspective perspective : Perspective.values()) {
                    perspectives.add(new ValueLabel(
                            perspective.code(), text("export.perspective." + perspective.code(), locale)));
                }
                yield ExportVariable.text(
                        names.of("perspective"), text("export.var.perspective", locale), 20, perspectives, "");
            }
            case INSTRUMENT -> {
                List<ValueLabel> titles = instruments.stream()
                        .map(i -> new ValueLabel(i.id(), i.title().get(study.language())))
                        .toList();
                yield ExportVariable.text(
                        names.of("instrument"), text("export.var.instrument", locale), 100, titles, "");
            }
            case INSTRUMENT_VERSION ->
                ExportVariable.text(
                        names.of("instrument_version"),
                        text("export.var.instrument_version", locale),
                        40,
                        List.of(),
                        "");
            case RELEASE_STATE ->
                ExportVariable.text(
                        names.of("release_state"),
                        text("export.var.release_state", locale),
                        20,
                        List.of(
                                new ValueLabel(ReleaseChoice.NOW.name(), text("export.release.NOW", locale)),
                                new ValueLabel(
                                        ReleaseChoice.NEXT_MEETING.name(),
                                        text("export.release.NEXT_MEETING", locale))),
                        "");
        };
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
