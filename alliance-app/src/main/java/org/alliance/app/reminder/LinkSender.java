package org.alliance.app.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.alliance.app.system.Formats;
import org.alliance.core.instrument.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends a client the link to a check-in, or the one reminder, by e-mail or SMS, in the client's language. The
 * messages hold the link, the short code and the expiry — never the client's alias or any answer. The link and the
 * code exist in plain form only while the invitation is made, so only the first message can carry them; the
 * reminder points to that message and to the short-code page (docs/rules.md, "Schedules and reminders").
 */
@Component
public class LinkSender {

    private static final Logger LOG = LoggerFactory.getLogger(LinkSender.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final SmsGateway sms;
    private final InvitationMessages messages;
    private final MessageSource texts;
    private final ReminderSettings settings;
    private final Clock clock;

    LinkSender(
            ObjectProvider<JavaMailSender> mail,
            SmsGateway sms,
            InvitationMessages messages,
            MessageSource texts,
            ReminderSettings settings,
            Clock clock) {
        this.mail = mail;
        this.sms = sms;
        this.messages = messages;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Sends the link and the short code of a newly made invitation.
     *
     * @param codePage the address of the page where a short code is typed
     * @return what became of it; empty when this invitation's link was sent before
     */
    public Optional<InvitationMessages.Outcome> sendInvitation(
            long invitationId,
            ContactDetails contact,
            Language language,
            String link,
            String codePage,
            String displayCode,
            Instant expiresAt) {
        String until = Formats.dateTime(expiresAt, clock.getZone(), language.locale());
        String text = texts.getMessage(
                "message.invite.text", new Object[] {link, codePage, displayCode, until}, language.locale());
        String subject = texts.getMessage("message.invite.subject", null, language.locale());
        return deliver(invitationId, InvitationMessages.Kind.INVITE, contact, subject, text);
    }

    /** Sends the one reminder of an invitation; empty when it was sent before. */
    Optional<InvitationMessages.Outcome> sendReminder(
            long invitationId,
            ContactDetails contact,
            Language language,
            String codePage,
            Instant invitedAt,
            Instant expiresAt) {
        String sent = Formats.dateTime(invitedAt, clock.getZone(), language.locale());
        String until = Formats.dateTime(expiresAt, clock.getZone(), language.locale());
        String text =
                texts.getMessage("message.reminder.text", new Object[] {sent, codePage, until}, language.locale());
        String subject = texts.getMessage("message.reminder.subject", null, language.locale());
        return deliver(invitationId, InvitationMessages.Kind.REMINDER, contact, subject, text);
    }

    private Optional<InvitationMessages.Outcome> deliver(
            long invitationId, InvitationMessages.Kind kind, ContactDetails contact, String subject, String text) {
        if (!messages.claim(invitationId, kind, contact.channel(), clock.instant())) {
            return Optional.empty();
        }
        InvitationMessages.Outcome outcome =
                switch (contact.channel()) {
                    case EMAIL -> email(contact.address(), subject, text);
                    case SMS -> {
                        if (!sms.configured()) {
                            sms.send(contact.address(), text);
                            yield InvitationMessages.Outcome.NOT_CONFIGURED;
                        }
                        yield sms.send(contact.address(), text)
                                ? InvitationMessages.Outcome.SENT
                                : InvitationMessages.Outcome.FAILED;
                    }
                };
        messages.settle(invitationId, kind, outcome);
        return Optional.of(outcome);
    }

    private InvitationMessages.Outcome email(String address, String subject, String text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            LOG.info("No mail server configured (spring.mail.host): an e-mail was not sent");
            return InvitationMessages.Outcome.NOT_CONFIGURED;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.mailFrom());
        message.setTo(address);
        message.setSubject(subject);
        message.setText(text);
        try {
            sender.send(message);
            return InvitationMessages.Outcome.SENT;
        } catch (MailException e) {
            LOG.warn("An e-mail could not be sent: {}", e.getMessage());
            return InvitationMessages.Outcome.FAILED;
        }
    }
}
