package org.alliance.app.checkin;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.alliance.app.system.FormPost;
import org.alliance.app.system.Languages;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Language;
import org.alliance.core.release.ReleaseChoice;
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

    /** The form as it first opens: nothing answered, a new idempotency key. */
    public String form(Model model, Object meeting, Instrument instrument, Locale locale) {
        return show(
                model,
                meeting,
                instrument,
                AnswerForm.read(instrument, Map.of()),
                UUID.randomUUID().toString(),
                false,
                locale);
    }

    /**
     * A sent form: refused (422, the form again with its errors) while the answers do not do; else the rating as the
     * check-ins store it (released now, in the page's language, under the form's idempotency key), handed to
     * {@code store}, which submits it and ends the post.
     */
    public String sent(
            Object meeting,
            Instrument instrument,
            Map<String, String> parameters,
            FormPost post,
            Function<CheckInSubmission, String> store) {
        AnswerForm answers = AnswerForm.read(instrument, parameters);
        String key = CheckInSubmission.keyOrNew(parameters.get("idempotencyKey"));
        if (!answers.acceptable()) {
            return post.refused(() -> show(
                    post.model(),
                    meeting,
                    instrument,
                    answers,
                    key,
                    answers.answers().isEmpty(),
                    post.locale()));
        }
        return store.apply(CheckInSubmission.ordinary(
                instrument, Languages.of(post.locale()), ReleaseChoice.NOW, key, answers.answers()));
    }

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
