package org.alliance.app.research;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliance.app.checkin.AnswerForm;
import org.alliance.app.checkin.Question;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.FormPost;
import org.alliance.app.system.Languages;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Language;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The professionals' own questionnaire of a study ({@link PracticeAnswers}), for a professional of the study while a
 * wave is open: the form, and its one answer per wave. Every item must be answered. A second answer for the same wave
 * is refused (409) with words; the form then says it was answered. Outside an open wave, or for a study the
 * professional is not part of, the page does not exist (404). This is no study page: it shows the study's title and
 * wave, nothing of its data.
 */
@Controller
class PracticeController {

    private final Studies studies;
    private final PracticeAnswers answers;

    PracticeController(Studies studies, PracticeAnswers answers) {
        this.studies = studies;
        this.answers = answers;
    }

    @GetMapping("/practice/studies/{studyId}/waves/{wave}")
    String form(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long studyId,
            @PathVariable String wave,
            Locale locale,
            Model model) {
        Study study = study(user, studyId, wave);
        return show(study, wave, answers.answered(study.id(), user.id(), wave), Map.of(), Map.of(), locale, model);
    }

    @PostMapping("/practice/studies/{studyId}/waves/{wave}")
    String submit(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long studyId,
            @PathVariable String wave,
            @RequestParam Map<String, String> parameters,
            FormPost post) {
        Study study = study(user, studyId, wave);
        if (answers.answered(study.id(), user.id(), wave)) {
            return post.refused(
                    HttpStatus.CONFLICT,
                    () -> show(study, wave, true, Map.of(), Map.of(), post.locale(), post.model()));
        }
        Instrument instrument = answers.instrument();
        AnswerForm form = AnswerForm.read(instrument, parameters);
        Map<String, String> errors = new LinkedHashMap<>(form.errors());
        for (Item item : instrument.items()) {
            if (!form.chosen().containsKey(item.id())) {
                errors.put(item.id(), "practice.error.required");
            }
        }
        if (!errors.isEmpty()) {
            return post.refused(() -> show(study, wave, false, form.chosen(), errors, post.locale(), post.model()));
        }
        Language language = Languages.of(post.locale());
        return post.written(
                user,
                "practice.done",
                "/caseload",
                () -> answers.submit(study, user.id(), wave, language, form.answers())
                        ? new FormPost.Audit(
                                "practice questionnaire answered", "study " + study.id() + ": wave " + wave)
                        : null);
    }

    /** The study, when the caller is one of its professionals and the wave is open today; otherwise 404. */
    private Study study(CurrentUser user, long studyId, String wave) {
        return studies.find(user.organisationId(), studyId)
                .filter(s ->
                        answers.openWave(s).filter(w -> w.name().equals(wave)).isPresent())
                .filter(s -> answers.isProfessionalOf(s, user.id()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String show(
            Study study,
            String wave,
            boolean answered,
            Map<String, String> chosen,
            Map<String, String> errors,
            Locale locale,
            Model model) {
        Instrument instrument = answers.instrument();
        Language language = Languages.of(locale);
        List<Question> questions = Question.of(instrument, language, chosen, errors);
        model.addAttribute("title", instrument.title().get(language));
        model.addAttribute("introduction", instrument.introduction().get(language));
        model.addAttribute("studyId", study.id());
        model.addAttribute("studyTitle", study.title());
        model.addAttribute("wave", wave);
        model.addAttribute("answered", answered);
        model.addAttribute("questions", questions);
        model.addAttribute("hasErrors", !errors.isEmpty());
        return "research/practice";
    }
}
