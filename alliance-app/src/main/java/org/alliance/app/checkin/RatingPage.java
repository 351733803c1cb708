package org.alliance.app.checkin;

import java.util.Locale;
import org.alliance.app.system.Languages;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Language;
import org.springframework.ui.Model;

/**
 * The one page on which a professional rates a meeting themselves ({@code templates/rating.html}): of a client's
 * meeting or of a joint meeting; only where it goes back to and where it posts differ.
 *
 * @param backUrl the page the "back" link opens, e.g. {@code /clients/7}
 * @param backText the message key of that link's text
 * @param action where the form posts
 */
public record RatingPage(String backUrl, String backText, String action) {

    /** Fills the model for the rating template and returns its name. */
    public String show(
            Model model,
            Object meeting,
            Instrument instrument,
            AnswerForm answers,
            String key,
            boolean noAnswers,
            Locale locale) {
        Language language = Languages.of(locale);
        model.addAttribute("meeting", meeting);
        model.addAttribute("backUrl", backUrl);
        model.addAttribute("backText", backText);
        model.addAttribute("ratingAction", action);
        model.addAttribute("title", instrument.title().get(language));
        model.addAttribute("introduction", instrument.introduction().get(language));
        model.addAttribute("questions", Question.of(instrument, language, answers.chosen(), answers.errors()));
        model.addAttribute("idempotencyKey", key);
        model.addAttribute("hasErrors", !answers.errors().isEmpty() || noAnswers);
        model.addAttribute("noAnswers", noAnswers);
        return "rating";
    }
}
