package org.alliance.app.checkin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.scoring.InvalidAnswerException;
import org.alliance.core.scoring.Scoring;

/**
 * The answers posted by a questionnaire form, checked item by item through {@link Scoring}: a refused answer
 * becomes an error next to its question and every other answer is kept for the form shown again.
 *
 * @param chosen what was posted, by item id (to show the choices again)
 * @param answers the accepted numeric answers, by item id
 * @param errors a message key per refused item
 */
public record AnswerForm(Map<String, String> chosen, Map<String, Double> answers, Map<String, String> errors) {

    public AnswerForm {
        chosen = Map.copyOf(chosen);
        answers = Map.copyOf(answers);
        errors = Map.copyOf(errors);
    }

    public static AnswerForm read(Instrument instrument, Map<String, String> parameters) {
        Map<String, String> chosen = new LinkedHashMap<>();
        Map<String, Double> answers = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Item item : instrument.items()) {
            String value = parameters.get(Question.field(item.id()));
            if (value == null || value.isBlank()) {
                continue;
            }
            chosen.put(item.id(), value.strip());
            double number;
            try {
                number = Double.parseDouble(value.strip());
            } catch (NumberFormatException notANumber) {
                errors.put(item.id(), "checkin.error.notAllowed");
                continue;
            }
            try {
                Scoring.recode(instrument, item, number);
                answers.put(item.id(), number);
            } catch (InvalidAnswerException refused) {
                errors.put(refused.item(), "checkin.error.notAllowed");
            }
        }
        return new AnswerForm(chosen, answers, errors);
    }

    /** True when the answers can be stored: no refused answer and at least one answer. */
    public boolean acceptable() {
        return errors.isEmpty() && !answers.isEmpty();
    }
}
