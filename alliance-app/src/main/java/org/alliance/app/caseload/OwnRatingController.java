package org.alliance.app.caseload;

import java.util.Locale;
import java.util.Map;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.RatingPage;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.FormPost;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
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
        return page(meeting).form(model, meeting, professionalInstrument(), locale);
    }

    @PostMapping("/meetings/{meetingId}/rating")
    String rate(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long meetingId,
            @RequestParam Map<String, String> parameters,
            FormPost post) {
        Meeting meeting = own.meeting(user, meetingId);
        return page(meeting).sent(meeting, professionalInstrument(), parameters, post, rating -> {
            // Submitted on its own (the check-in's own rules for a repeated key), then audited if it was saved.
            CheckIns.Outcome outcome = checkIns.submitRating(meeting.id(), meeting.clientId(), rating);
            return post.written(
                    user,
                    "meeting.done.rated",
                    "/clients/" + meeting.clientId(),
                    () -> outcome == CheckIns.Outcome.SAVED
                            ? new FormPost.Audit("rating submitted", "meeting " + meeting.id())
                            : null);
        });
    }

    private static RatingPage page(Meeting meeting) {
        return new RatingPage(
                "/clients/" + meeting.clientId(), "invitation.back", "/meetings/" + meeting.id() + "/rating");
    }

    private Instrument professionalInstrument() {
        return catalog.find(ClientSignals.PROFESSIONAL_QUESTIONNAIRE).orElseThrow();
    }
}
