package org.alliance.app.caseload;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.alliance.app.checkin.Invitations;
import org.alliance.app.checkin.IssuedInvitation;
import org.alliance.app.organisation.Organisation;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.reminder.ClientContacts;
import org.alliance.app.reminder.ContactDetails;
import org.alliance.app.reminder.InvitationMessages;
import org.alliance.app.reminder.LinkSender;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Formats;
import org.alliance.app.system.svg.QrCodeSvg;
import org.alliance.core.instrument.Language;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A meeting's invitation for the client: made (and, with saved contact details, sent by e-mail or SMS in the same
 * request, because the token exists only then), then shown once with link, short code and QR code.
 */
@Controller
class InvitationController {

    private final OwnClients own;
    private final Invitations invitations;
    private final Organisations organisations;
    private final ClientContacts contacts;
    private final LinkSender linkSender;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    InvitationController(
            OwnClients own,
            Invitations invitations,
            Organisations organisations,
            ClientContacts contacts,
            LinkSender linkSender,
            MessageSource messages,
            AuditLog audit,
            Clock clock) {
        this.own = own;
        this.invitations = invitations;
        this.organisations = organisations;
        this.contacts = contacts;
        this.linkSender = linkSender;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping("/meetings/{meetingId}/invitations")
    String invite(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long meetingId,
            @RequestParam(defaultValue = "alliance-client") String instrument,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "false") boolean send,
            RedirectAttributes redirect) {
        Meeting meeting = own.meeting(user, meetingId);
        if (!ClientPage.CLIENT_INSTRUMENTS.contains(instrument)) {
            instrument = ClientPage.CLIENT_INSTRUMENTS.get(0);
        }
        Organisation organisation = organisations.get(user.organisationId());
        // Anything but one of the four languages means no choice: the client's browser decides (docs/rules.md).
        Optional<Language> chosen = language.isBlank() ? Optional.empty() : Language.fromCode(language);
        IssuedInvitation issued = invitations.issueInLanguage(
                meeting.id(), instrument, user.id(), organisation.invitationLifetime(), chosen);
        audit.record(user.username(), "invitation created", "meeting " + meeting.id());
        Optional<ContactDetails> contact = send ? contacts.of(meeting.clientId()) : Optional.empty();
        if (contact.isPresent()) {
            // The token exists only now: the message goes out in this request, in the client's language.
            Optional<InvitationMessages.Outcome> outcome = linkSender.sendInvitation(
                    issued.id(),
                    contact.get(),
                    chosen.orElse(organisation.language()),
                    ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path("/c/{token}")
                            .buildAndExpand(issued.token())
                            .toUriString(),
                    ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path("/c")
                            .toUriString(),
                    issued.displayCode(),
                    issued.expiresAt());
            audit.record(
                    user.username(),
                    "invitation link sent",
                    "meeting " + meeting.id() + " by " + contact.get().channel() + ": "
                            + outcome.map(Enum::name).orElse("before"));
            redirect.addFlashAttribute("sent", "invitation.sent." + outcome.orElse(InvitationMessages.Outcome.SENT));
            redirect.addFlashAttribute("sentTo", contact.get().masked());
        }
        issued.flashTo(redirect);
        return "redirect:/meetings/" + meetingId + "/invitation";
    }

    @GetMapping("/meetings/{meetingId}/invitation")
    String invitation(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long meetingId, Locale locale, Model model) {
        Meeting meeting = own.meeting(user, meetingId);
        Object token = model.getAttribute("token");
        if (token == null) {
            // The secrets exist only once; after a reload the professional makes a new invitation.
            return "redirect:/clients/" + meeting.clientId();
        }
        String link = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/c/{token}")
                .buildAndExpand(token)
                .toUriString();
        String codePage =
                ServletUriComponentsBuilder.fromCurrentContextPath().path("/c").toUriString();
        model.addAttribute("link", link);
        model.addAttribute("codePage", codePage);
        // Minutes are enough for a person, in the organisation's time zone and the reader's language.
        if (model.getAttribute("expiresAtInstant") instanceof Instant expires) {
            model.addAttribute("expiresAt", Formats.dateTime(expires, clock.getZone(), locale));
        }
        model.addAttribute("qr", QrCodeSvg.of(link, messages.getMessage("invitation.qr", null, locale)));
        model.addAttribute("meeting", meeting);
        return "caseload/invitation";
    }
}
