package org.alliance.app.caseload;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.FormPost;
import org.alliance.app.system.Formats;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A client's meetings: add one, change its date or kind, delete it (refused while anything is recorded for it). A
 * refused form shows the client page again with the error beside it.
 */
@Controller
class MeetingController {

    private final Caseload caseload;
    private final OwnClients own;
    private final ClientPage page;

    MeetingController(Caseload caseload, OwnClients own, ClientPage page) {
        this.caseload = caseload;
        this.own = own;
        this.page = page;
    }

    @PostMapping("/clients/{clientId}/meetings")
    String addMeeting(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long clientId,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "REGULAR") String kind,
            FormPost post) {
        own.client(user, clientId);
        Optional<LocalDate> day = MeetingDates.parse(date);
        Optional<Meeting.Kind> meetingKind = Meeting.Kind.parse(kind);
        if (day.isEmpty() || meetingKind.isEmpty()) {
            return post.refused(() -> {
                post.model().addAttribute("meetingError", true);
                String shown = page.show(user, clientId, post.locale(), post.model());
                // The date field shows what was typed, not today.
                post.model().addAttribute("today", date);
                return shown;
            });
        }
        return post.written(user, "meeting.done.added", "/clients/" + clientId, () -> {
            long id = caseload.createMeeting(clientId, user.id(), day.get(), meetingKind.get());
            return new FormPost.Audit("meeting created", "meeting " + id);
        });
    }

    @PostMapping("/meetings/{meetingId}/edit")
    String changeMeeting(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long meetingId,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String kind,
            FormPost post) {
        Meeting meeting = own.meeting(user, meetingId);
        Optional<LocalDate> day = MeetingDates.parse(date);
        Optional<Meeting.Kind> meetingKind = Meeting.Kind.parse(kind);
        if (day.isEmpty() || meetingKind.isEmpty()) {
            return post.refused(() -> {
                post.model().addAttribute("editError", meeting.id());
                return page.show(user, meeting.clientId(), post.locale(), post.model());
            });
        }
        return post.written(user, "meeting.done.changed", "/clients/" + meeting.clientId(), () -> {
            caseload.changeMeeting(meeting.id(), day.get(), meetingKind.get());
            return new FormPost.Audit(
                    "meeting changed",
                    "meeting " + meeting.id() + ": " + meeting.date() + " " + meeting.kind() + " -> " + day.get() + " "
                            + meetingKind.get());
        });
    }

    @GetMapping("/meetings/{meetingId}/delete")
    String confirmDeletion(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long meetingId, Locale locale, Model model) {
        Meeting meeting = own.meeting(user, meetingId);
        model.addAttribute("meeting", meeting);
        model.addAttribute("dateText", Formats.date(meeting.date(), locale));
        model.addAttribute("client", own.client(user, meeting.clientId()));
        return "caseload/delete-meeting";
    }

    @PostMapping("/meetings/{meetingId}/delete")
    String deleteMeeting(@AuthenticationPrincipal CurrentUser user, @PathVariable long meetingId, FormPost post) {
        Meeting meeting = own.meeting(user, meetingId);
        if (caseload.deleteMeeting(meeting.id()) == Caseload.Deletion.HAS_RECORDS) {
            return post.refused(HttpStatus.CONFLICT, () -> {
                post.model().addAttribute("deleteRefused", meeting.id());
                return page.show(user, meeting.clientId(), post.locale(), post.model());
            });
        }
        // Deleted already (with its own transaction); what is left is the audit row.
        return post.written(
                user,
                "meeting.done.deleted",
                "/clients/" + meeting.clientId(),
                () -> new FormPost.Audit("meeting deleted", "meeting " + meeting.id() + " of " + meeting.date()));
    }
}
