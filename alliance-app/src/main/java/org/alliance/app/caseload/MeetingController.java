package org.alliance.app.caseload;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Formats;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A client's meetings: add one, change its date or kind, delete it (refused while anything is recorded for it). A
 * refused form shows the client page again with the error beside it.
 */
@Controller
class MeetingController {

    private final Caseload caseload;
    private final OwnClients own;
    private final ClientPage page;
    private final AuditLog audit;

    MeetingController(Caseload caseload, OwnClients own, ClientPage page, AuditLog audit) {
        this.caseload = caseload;
        this.own = own;
        this.page = page;
        this.audit = audit;
    }

    @PostMapping("/clients/{clientId}/meetings")
    String addMeeting(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long clientId,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "REGULAR") String kind,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        own.client(user, clientId);
        Optional<LocalDate> day = MeetingDates.parse(date);
        Optional<Meeting.Kind> meetingKind = Meeting.Kind.parse(kind);
        if (day.isEmpty() || meetingKind.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("meetingError", true);
            String shown = page.show(user, clientId, locale, model);
            // The date field shows what was typed, not today.
            model.addAttribute("today", date);
            return shown;
        }
        long id = caseload.createMeeting(clientId, user.id(), day.get(), meetingKind.get());
        audit.record(user.username(), "meeting created", "meeting " + id);
        redirect.addFlashAttribute("done", "meeting.done.added");
        return "redirect:/clients/" + clientId;
    }

    @PostMapping("/meetings/{meetingId}/edit")
    String changeMeeting(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long meetingId,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String kind,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Meeting meeting = own.meeting(user, meetingId);
        Optional<LocalDate> day = MeetingDates.parse(date);
        Optional<Meeting.Kind> meetingKind = Meeting.Kind.parse(kind);
        if (day.isEmpty() || meetingKind.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("editError", meeting.id());
            return page.show(user, meeting.clientId(), locale, model);
        }
        caseload.changeMeeting(meeting.id(), day.get(), meetingKind.get());
        audit.record(
                user.username(),
                "meeting changed",
                "meeting " + meeting.id() + ": " + meeting.date() + " " + meeting.kind() + " -> " + day.get() + " "
                        + meetingKind.get());
        redirect.addFlashAttribute("done", "meeting.done.changed");
        return "redirect:/clients/" + meeting.clientId();
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
    String deleteMeeting(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long meetingId,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Meeting meeting = own.meeting(user, meetingId);
        if (caseload.deleteMeeting(meeting.id()) == Caseload.Deletion.HAS_RECORDS) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("deleteRefused", meeting.id());
            return page.show(user, meeting.clientId(), locale, model);
        }
        audit.record(user.username(), "meeting deleted", "meeting " + meeting.id() + " of " + meeting.date());
        redirect.addFlashAttribute("done", "meeting.done.deleted");
        return "redirect:/clients/" + meeting.clientId();
    }
}
