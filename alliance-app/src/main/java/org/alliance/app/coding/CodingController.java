package org.alliance.app.coding;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The coding pages: a meeting's codings and observation summary, and the coding screen of a session, opened here
 * (autosaved by the browser, with plain forms when JavaScript is off); the events of a session are changed and
 * imported through {@link CodedEventController}, exported through {@link CodingExportController}, and the agreement
 * of two coders and the settled version are {@link CodingAgreementController}'s. Open to the meeting's professional
 * and to researchers of the organisation; everyone else gets 404.
 */
@Controller
class CodingController {

    private final Codings codings;
    private final MeetingObservations observations;
    private final CodingScreen screen;
    private final AuditLog audit;

    CodingController(Codings codings, MeetingObservations observations, CodingScreen screen, AuditLog audit) {
        this.codings = codings;
        this.observations = observations;
        this.screen = screen;
        this.audit = audit;
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound() {
            super("not found");
        }
    }

    // ---------------------------------------------------------------- meeting

    @GetMapping("/coding/meetings/{meetingId}")
    String meeting(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long meetingId, Locale locale, Model model) {
        CodingMeeting meeting = codings.meeting(user, meetingId).orElseThrow(NotFound::new);
        List<CodingSession> sessions = codings.sessions(meetingId);
        model.addAttribute("meeting", meeting);
        model.addAttribute("sessions", sessions);
        model.addAttribute(
                "coders",
                sessions.stream()
                        .filter(s -> s.kind() == CodingSession.Kind.CODER)
                        .toList());
        model.addAttribute("summary", observations.summary(meetingId, locale).orElse(null));
        audit.record(user.username(), "coding read", "meeting " + meetingId);
        return "coding/meeting";
    }

    @PostMapping("/coding/meetings/{meetingId}/sessions")
    String startSession(@AuthenticationPrincipal CurrentUser user, @PathVariable long meetingId) {
        codings.meeting(user, meetingId).orElseThrow(NotFound::new);
        long id = codings.openSession(meetingId, user.id());
        audit.record(user.username(), "coding opened", "coding session " + id);
        return "redirect:/coding/sessions/" + id;
    }

    // ---------------------------------------------------------------- session

    /** The session, if this user may see it (any user with access to its meeting); for every coding controller. */
    static Access access(Codings codings, CurrentUser user, long sessionId) {
        CodingSession session = codings.session(sessionId).orElseThrow(NotFound::new);
        CodingMeeting meeting = codings.meeting(user, session.meetingId()).orElseThrow(NotFound::new);
        return new Access(session, meeting);
    }

    /** The session, if this user coded it (only the coder changes a coding). */
    static Access own(Codings codings, CurrentUser user, long sessionId) {
        Access access = access(codings, user, sessionId);
        if (access.session().coderId() != user.id()) {
            throw new NotFound();
        }
        return access;
    }

    record Access(CodingSession session, CodingMeeting meeting) {}

    @GetMapping("/coding/sessions/{sessionId}")
    String session(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long sessionId, Locale locale, Model model) {
        return screen.show(own(codings, user, sessionId), Map.of(), null, locale, model);
    }
}
