package org.alliance.app.caseload;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.alliance.app.checkin.AnswerForm;
import org.alliance.app.checkin.CheckInSubmission;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.RatingPage;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.FormPost;
import org.alliance.app.system.Languages;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.release.ReleaseChoice;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The professional's own rating of a meeting ({@link ClientSignals#PROFESSIONAL_QUESTIONNAIRE}), on the shared
 * rating page ({@link RatingPage}); stored at once and once only (the form's idempotency key).
 */
@Controller
class OwnRatingController {

    private final OwnClients own;
    private final CheckIns checkIns;
    private final InstrumentCatalog catalog;

    OwnRatingController(OwnClients own, CheckIns checkIns, InstrumentCatalog catalog) {
        this.own = own;
        this.checkIns = checkIns;
        this.catalog = catalog;
    }

    @GetMapping("/meetings/{meetingId}/rating")
    String ratingForm(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long meetingId, Locale locale, Model model) {
        Meeting meeting = own.meeting(user, meetingId);
        return showRating(
                meeting,
                AnswerForm.read(professionalInstrument(), Map.of()),
                UUID.randomUUID().toString(),
                false,
                locale,
                model);
    }

    @PostMapping("/meetings/{meetingId}/rating")
    String rate(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long meetingId,
            @RequestParam Map<String, String> parameters,
            FormPost post) {
        Meeting meeting = own.meeting(user, meetingId);
        Instrument instrument = professionalInstrument();
        AnswerForm answers = AnswerForm.read(instrument, parameters);
        String key = CheckInSubmission.keyOrNew(parameters.get("idempotencyKey"));
        if (!answers.acceptable()) {
            return post.refused(
                    () -> showRating(meeting, answers, key, answers.answers().isEmpty(), post.locale(), post.model()));
        }
        // Submitted on its own (the check-in's own rules for a repeated key), then audited if it was saved.
        CheckIns.Outcome outcome = checkIns.submitRating(
                meeting.id(),
                meeting.clientId(),
                CheckInSubmission.ordinary(
                        instrument, Languages.of(post.locale()), ReleaseChoice.NOW, key, answers.answers()));
        return post.written(
                user,
                "meeting.done.rated",
                "/clients/" + meeting.clientId(),
                () -> outcome == CheckIns.Outcome.SAVED
                        ? new FormPost.Audit("rating submitted", "meeting " + meeting.id())
                        : null);
    }

    private String showRating(
            Meeting meeting, AnswerForm answers, String key, boolean noAnswers, Locale locale, Model model) {
        return new RatingPage(
                        "/clients/" + meeting.clientId(), "invitation.back", "/meetings/" + meeting.id() + "/rating")
                .show(model, meeting, professionalInstrument(), answers, key, noAnswers, locale);
    }

    private Instrument professionalInstrument() {
        return catalog.find(ClientSignals.PROFESSIONAL_QUESTIONNAIRE).orElseThrow();
    }
}
