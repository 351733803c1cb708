package org.alliance.app.joint;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

/** A professional's own rating of a joint meeting (the professional instrument), once per meeting. */
@Controller
class JointRatingController {

    private final CheckIns checkIns;
    private final InstrumentCatalog catalog;
    private final JointAccess access;

    JointRatingController(CheckIns checkIns, InstrumentCatalog catalog, JointAccess access) {
        this.checkIns = checkIns;
        this.catalog = catalog;
        this.access = access;
    }

    @GetMapping("/joint/{id}/rating")
    String ratingForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale, Model model) {
        JointMeetings.Header header = access.meeting(user, id);
        return page(header).form(model, header, professionalInstrument(), locale);
    }

    @PostMapping("/joint/{id}/rating")
    String rate(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam Map<String, String> parameters,
            FormPost post) {
        JointMeetings.Header header = access.meeting(user, id);
        return page(header).sent(header, professionalInstrument(), parameters, post, rating -> {
            // Submitted on its own (the check-in's own rules for a repeated key), then audited if it was saved.
            CheckIns.Outcome outcome =
                    checkIns.submitRating(header.meetingId(), header.clientId(), Optional.of(user.id()), rating);
            return post.written(
                    user,
                    "/joint/" + id + "/results",
                    () -> outcome == CheckIns.Outcome.SAVED
                            ? new FormPost.Audit("joint rating submitted", "joint meeting " + id)
                            : null);
        });
    }

    private static RatingPage page(JointMeetings.Header header) {
        return new RatingPage("/joint/" + header.id(), "joint.back", "/joint/" + header.id() + "/rating");
    }

    private Instrument professionalInstrument() {
        return catalog.find(JointResults.PROFESSIONAL_INSTRUMENT).orElseThrow();
    }
}
