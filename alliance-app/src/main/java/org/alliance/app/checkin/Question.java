package org.alliance.app.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.ResponseFormat;
import org.jspecify.annotations.Nullable;

/**
 * One item as the form shows it: its text, its options as radio buttons (a 0–10 slider becomes eleven buttons,
 * none chosen, so it works without JavaScript and never starts with a value), and what the person chose.
 *
 * @param kind {@code likert}, {@code slider} or {@code yes-no}
 * @param error a message key when the answer was refused, else null
 */
public record Question(
        String id,
        String text,
        String kind,
        List<Option> options,
        String minLabel,
        String maxLabel,
        @Nullable String chosen,
        @Nullable String error) {

    /** One answer button. */
    public record Option(String value, String label, String inputId) {}

    /** The form field name of an item's answer. */
    public static String field(String itemId) {
        return "item-" + itemId;
    }

    public String field() {
        return field(id);
    }

    /** The questions of an instrument in a language, with earlier choices and errors filled in. */
    public static List<Question> of(
            Instrument instrument, Language language, Map<String, String> chosen, Map<String, String> errors) {
        return questions(instrument, language, "", "", chosen, errors, false);
    }

    /**
     * The questions asked about one professional of a joint meeting: the items asked per professional, with the
     * professional's name in the text and ids prefixed so that every block has its own fields.
     *
     * @param prefix put before every item id (for example {@code p12-})
     */
    public static List<Question> block(
            Instrument instrument,
            Language language,
            String prefix,
            String professionalName,
            Map<String, String> chosen,
            Map<String, String> errors) {
        return questions(instrument, language, prefix, professionalName, chosen, errors, true);
    }

    private static List<Question> questions(
            Instrument instrument,
            Language language,
            String prefix,
            String professionalName,
            Map<String, String> chosen,
            Map<String, String> errors,
            boolean perProfessional) {
        List<Question> questions = new ArrayList<>();
        for (Item item : instrument.items()) {
            if (item.perProfessional() != perProfessional) {
                continue;
            }
            ResponseFormat format = instrument.format(item);
            List<Option> options = new ArrayList<>();
            String minLabel = "";
            String maxLabel = "";
            String kind;
            if (format instanceof ResponseFormat.Likert likert) {
                kind = "likert";
                for (ResponseFormat.Point point : likert.points()) {
                    options.add(option(
                            prefix + item.id(),
                            String.valueOf(point.value()),
                            point.label().get(language)));
                }
            } else if (format instanceof ResponseFormat.Slider slider) {
                kind = "slider";
                for (int value = slider.minimum(); value <= slider.maximum(); value++) {
                    options.add(option(prefix + item.id(), String.valueOf(value), String.valueOf(value)));
                }
                minLabel = slider.minLabel().get(language);
                maxLabel = slider.maxLabel().get(language);
            } else if (format instanceof ResponseFormat.YesNo yesNo) {
                kind = "yes-no";
                options.add(option(prefix + item.id(), "1", yesNo.yesLabel().get(language)));
                options.add(option(prefix + item.id(), "0", yesNo.noLabel().get(language)));
            } else {
                // Free text is not collected in a check-in: it could hold names and needs its own consent.
                continue;
            }
            questions.add(new Question(
                    prefix + item.id(),
                    perProfessional
                            ? item.textFor(language, professionalName)
                            : item.text().get(language),
                    kind,
                    options,
                    minLabel,
                    maxLabel,
                    chosen.get(item.id()),
                    errors.get(item.id())));
        }
        return questions;
    }

    private static Option option(String id, String value, String label) {
        return new Option(value, label, "q-" + id + "-" + value);
    }
}
