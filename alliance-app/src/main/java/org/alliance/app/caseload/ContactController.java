package org.alliance.app.caseload;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.reminder.Channel;
import org.alliance.app.reminder.ClientContacts;
import org.alliance.app.reminder.ClientSchedules;
import org.alliance.app.reminder.ContactAddresses;
import org.alliance.app.reminder.ContactDetails;
import org.alliance.app.reminder.Schedule;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How the client is reached between meetings, set on the client page: the contact details (with the client's
 * consent; the address never goes into the audit log) and the schedule of invitations the reminder job sends.
 */
@Controller
class ContactController {

    private final OwnClients own;
    private final ClientPage page;
    private final Organisations organisations;
    private final ClientContacts contacts;
    private final ClientSchedules schedules;
    private final AuditLog audit;
    private final Clock clock;

    ContactController(
            OwnClients own,
            ClientPage page,
            Organisations organisations,
            ClientContacts contacts,
            ClientSchedules schedules,
            AuditLog audit,
            Clock clock) {
        this.own = own;
        this.page = page;
        this.organisations = organisations;
        this.contacts = contacts;
        this.schedules = schedules;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping("/clients/{clientId}/contact")
    String saveContact(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long clientId,
            @RequestParam(defaultValue = "") String channel,
            @RequestParam(defaultValue = "") String address,
            @RequestParam(defaultValue = "false") boolean consent,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        own.client(user, clientId);
        Optional<Channel> how = Arrays.stream(Channel.values())
                .filter(c -> c.name().equals(channel))
                .findFirst();
        Optional<String> normalised = how.flatMap(c -> ContactAddresses.normalise(
                c, address, organisations.get(user.organisationId()).language()));
        String error = null;
        if (how.isEmpty()) {
            error = "contact.error.channel";
        } else if (normalised.isEmpty()) {
            error = how.get() == Channel.EMAIL ? "contact.error.email" : "contact.error.phone";
        } else if (!consent) {
            error = "contact.error.consent";
        }
        if (error != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            String shown = page.show(user, clientId, locale, model);
            model.addAttribute("contactError", error);
            model.addAttribute("contactChannel", channel);
            model.addAttribute("contactAddress", address);
            return shown;
        }
        contacts.save(new ContactDetails(clientId, how.get(), normalised.get(), clock.instant(), user.id()));
        // Ids only: the address itself stays out of the audit log.
        audit.record(user.username(), "contact details saved", "client " + clientId + " " + how.get());
        redirect.addFlashAttribute("done", "contact.done.saved");
        return "redirect:/clients/" + clientId;
    }

    @PostMapping("/clients/{clientId}/contact/delete")
    String deleteContact(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long clientId, RedirectAttributes redirect) {
        own.client(user, clientId);
        if (contacts.delete(clientId)) {
            audit.record(user.username(), "contact details deleted", "client " + clientId);
        }
        redirect.addFlashAttribute("done", "contact.done.deleted");
        return "redirect:/clients/" + clientId;
    }

    @PostMapping("/clients/{clientId}/schedule")
    String setSchedule(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long clientId,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String weeks,
            @RequestParam(defaultValue = "alliance-client") String instrument,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        own.client(user, clientId);
        if (kind.equals("NONE")) {
            if (schedules.delete(clientId)) {
                audit.record(user.username(), "schedule removed", "client " + clientId);
            }
            redirect.addFlashAttribute("done", "schedule.done.removed");
            return "redirect:/clients/" + clientId;
        }
        Optional<Schedule.Kind> how = Arrays.stream(Schedule.Kind.values())
                .filter(k -> k.name().equals(kind))
                .findFirst();
        OptionalInt n = OptionalInt.empty();
        if (how.isPresent() && how.get() == Schedule.Kind.EVERY_N_WEEKS) {
            n = weeks.strip().matches("[0-9]{1,2}")
                    ? OptionalInt.of(Integer.parseInt(weeks.strip()))
                    : OptionalInt.of(0);
        }
        boolean weeksWrong = n.isPresent() && (n.getAsInt() < 1 || n.getAsInt() > Schedule.MAX_WEEKS);
        if (how.isEmpty() || weeksWrong || !ClientPage.CLIENT_INSTRUMENTS.contains(instrument)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            String shown = page.show(user, clientId, locale, model);
            model.addAttribute("scheduleError", true);
            model.addAttribute("scheduleWeeks", weeks);
            return shown;
        }
        schedules.save(new Schedule(clientId, how.get(), n, instrument, clock.instant(), user.id()));
        audit.record(user.username(), "schedule set", "client " + clientId + " " + how.get() + " " + weeks);
        redirect.addFlashAttribute("done", "schedule.done.set");
        return "redirect:/clients/" + clientId;
    }
}
