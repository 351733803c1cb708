package org.alliance.app.caseload;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.reminder.Channel;
import org.alliance.app.reminder.ClientContacts;
import org.alliance.app.reminder.ClientSchedules;
import org.alliance.app.reminder.ContactAddresses;
import org.alliance.app.reminder.ContactDetails;
import org.alliance.app.reminder.Schedule;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.FormPost;
import org.alliance.app.system.FormValues;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

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
    private final Clock clock;

    ContactController(
            OwnClients own,
            ClientPage page,
            Organisations organisations,
            ClientContacts contacts,
            ClientSchedules schedules,
            Clock clock) {
        this.own = own;
        this.page = page;
        this.organisations = organisations;
        this.contacts = contacts;
        this.schedules = schedules;
        this.clock = clock;
    }

    @PostMapping("/clients/{clientId}/contact")
    String saveContact(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long clientId,
            @RequestParam(defaultValue = "") String channel,
            @RequestParam(defaultValue = "") String address,
            @RequestParam(defaultValue = "false") boolean consent,
            FormPost post) {
        own.client(user, clientId);
        Optional<Channel> how = FormValues.constant(Channel.class, channel);
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
            String shownError = error;
            return post.refused(() -> {
                String shown = page.show(user, clientId, post.locale(), post.model());
                post.model().addAttribute("contactError", shownError);
                post.model().addAttribute("contactChannel", channel);
                post.model().addAttribute("contactAddress", address);
                return shown;
            });
        }
        return post.written(user, "contact.done.saved", "/clients/" + clientId, () -> {
            contacts.save(new ContactDetails(clientId, how.get(), normalised.get(), clock.instant(), user.id()));
            // Ids only: the address itself stays out of the audit log.
            return new FormPost.Audit("contact details saved", "client " + clientId + " " + how.get());
        });
    }

    @PostMapping("/clients/{clientId}/contact/delete")
    String deleteContact(@AuthenticationPrincipal CurrentUser user, @PathVariable long clientId, FormPost post) {
        own.client(user, clientId);
        return post.written(
                user,
                "contact.done.deleted",
                "/clients/" + clientId,
                () -> contacts.delete(clientId)
                        ? new FormPost.Audit("contact details deleted", "client " + clientId)
                        : null);
    }

    @PostMapping("/clients/{clientId}/schedule")
    String setSchedule(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long clientId,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String weeks,
            @RequestParam(defaultValue = "alliance-client") String instrument,
            FormPost post) {
        own.client(user, clientId);
        if (kind.equals("NONE")) {
            return post.written(
                    user,
                    "schedule.done.removed",
                    "/clients/" + clientId,
                    () -> schedules.delete(clientId)
                            ? new FormPost.Audit("schedule removed", "client " + clientId)
                            : null);
        }
        Optional<Schedule.Kind> how = FormValues.constant(Schedule.Kind.class, kind);
        OptionalInt n = OptionalInt.empty();
        if (how.isPresent() && how.get() == Schedule.Kind.EVERY_N_WEEKS) {
            n = weeks.strip().matches("[0-9]{1,2}")
                    ? OptionalInt.of(Integer.parseInt(weeks.strip()))
                    : OptionalInt.of(0);
        }
        boolean weeksWrong = n.isPresent() && (n.getAsInt() < 1 || n.getAsInt() > Schedule.MAX_WEEKS);
        if (how.isEmpty() || weeksWrong || !ClientPage.CLIENT_INSTRUMENTS.contains(instrument)) {
            return post.refused(() -> {
                String shown = page.show(user, clientId, post.locale(), post.model());
                post.model().addAttribute("scheduleError", true);
                post.model().addAttribute("scheduleWeeks", weeks);
                return shown;
            });
        }
        OptionalInt every = n;
        return post.written(user, "schedule.done.set", "/clients/" + clientId, () -> {
            schedules.save(new Schedule(clientId, how.get(), every, instrument, clock.instant(), user.id()));
            return new FormPost.Audit("schedule set", "client " + clientId + " " + how.get() + " " + weeks);
        });
    }
}
