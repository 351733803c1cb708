package org.alliance.app.expectations;

import java.util.ArrayList;
import java.util.List;
import org.alliance.core.expectations.ExpectationItem;
import org.alliance.core.expectations.Occasion;
import org.jspecify.annotations.Nullable;

/**
 * The expectation questions as a form shows them (the client's on the check-in form, the professional's on the client
 * page): per item the question, the 1–5 buttons and the short text, with what was chosen and typed kept. Texts are
 * message keys ({@code expectations.<perspective>.<occasion>.<item>}), written by us in four languages.
 *
 * @param heading message key of the block's heading
 * @param introduction message key of the sentence under it
 * @param form the answers as read from the form, stored when the form is accepted
 */
record ExpectationQuestions(
        String perspective,
        Occasion occasion,
        String heading,
        String introduction,
        List<Asked> questions,
        ExpectationForm form) {

    /** One answer button. */
    record Level(int value, String label, String inputId) {}

    /**
     * One item.
     *
     * @param text message key of the question
     * @param levelLegend message key of "how much do you expect this" / "how did it go"
     * @param error message key, or null
     */
    record Asked(
            String code,
            String text,
            String levelLegend,
            List<Level> levels,
            String levelField,
            String textField,
            String textLabel,
            @Nullable Integer chosen,
            String typed,
            @Nullable String error) {}

    static ExpectationQuestions of(String perspective, Occasion occasion, ExpectationForm form) {
        String when = occasion.name().toLowerCase(java.util.Locale.ROOT);
        String prefix = perspective.equals(Expectations.CLIENT) ? "c" : "p";
        List<Asked> asked = new ArrayList<>();
        for (ExpectationItem item : ExpectationItem.values()) {
            List<Level> levels = new ArrayList<>();
            for (int value = ExpectationItem.LOWEST; value <= ExpectationItem.HIGHEST; value++) {
                levels.add(new Level(
                        value,
                        "expectations." + when + ".level." + value,
                        "x" + prefix + "-" + when + "-" + item.code() + "-" + value));
            }
            asked.add(new Asked(
                    prefix + "-" + when + "-" + item.code(),
                    "expectations." + perspective + "." + when + "." + item.code(),
                    "expectations." + when + ".level",
                    levels,
                    ExpectationForm.levelField(item),
                    ExpectationForm.textField(item),
                    "expectations.text",
                    form.levels().get(item),
                    form.texts().getOrDefault(item, ""),
                    form.errors().get(item)));
        }
        return new ExpectationQuestions(
                perspective,
                occasion,
                "expectations." + perspective + "." + when + ".heading",
                "expectations." + perspective + "." + when + ".introduction",
                asked,
                form);
    }

    boolean hasErrors() {
        return questions.stream().anyMatch(q -> q.error() != null);
    }
}
