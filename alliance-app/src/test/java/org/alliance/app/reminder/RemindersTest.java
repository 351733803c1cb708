package org.alliance.app.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.alliance.app.AtOnce;
import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.alliance.app.checkin.Invitations;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.privacy.ClientErasure;
import org.alliance.app.system.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The link by e-mail, the one reminder, the schedule and the contact details, against a real SMTP server
 * (GreenMail) started here. The job is called directly, on a clock of the test's own, with the application's
 * ShedLock lock in the test database.
 */
class RemindersTest extends PageTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** The instant every test runs at ({@code alliance.test.now}): invitations are made then. */
    static final Instant NOW = Instant.parse("2026-06-15T08:00:00Z");

    @Autowired
    ClientContacts contacts;

    @Autowired
    ClientSchedules schedules;

    @Autowired
    InvitationMessages messages;

    @Autowired
    Invitations invitations;

    @Autowired
    LockProvider lockProvider;

    private String address;

    @BeforeEach
    void setUp() {
        // One application context serves every test class (AllianceWebTest), so the mail sender is pointed at the
        // port this test's GreenMail got instead of a port fixed in the test configuration.
        ((JavaMailSenderImpl) context.getBean(JavaMailSender.class))
                .setPort(MAIL.getSmtp().getPort());
        address = "kim-" + world.suffix + "@example.org";
    }

    private int saveContact(String channel, String typed, boolean consent) throws Exception {
        var request = MockMvcRequestBuilders.post("/clients/" + world.client + "/contact")
                .with(user(world.professional))
                .with(csrf())
                .param("channel", channel)
                .param("address", typed);
        if (consent) {
            request.param("consent", "true");
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private MvcResult invite(String language) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/meetings/" + world.meeting + "/invitations")
                        .with(user(world.professional))
                        .with(csrf())
                        .param("instrument", "alliance-client")
                        .param("language", language)
                        .param("send", "true"))
                .andReturn();
    }

    /** The mails GreenMail received for this test's client. */
    private List<MimeMessage> mailsToClient() throws Exception {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(address))) {
                mine.add(message);
            }
        }
        return mine;
    }

    private LinkSender sender(Clock clock, SmsGateway sms) {
        return new LinkSender(
                context.getBeanProvider(JavaMailSender.class),
                sms,
                messages,
                context.getBean(MessageSource.class),
                settings(),
                clock);
    }

    private static ReminderSettings settings() {
        return new ReminderSettings(Optional.of("https://alliance.test/"), Optional.empty(), "alliance@test");
    }

    /** A job on a clock standing at {@code now}, keeping no lock after a run (so a second run is not skipped). */
    private ReminderJob job(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new ReminderJob(
                jdbc,
                new DefaultLockingTaskExecutor(lockProvider),
                Duration.ZERO,
                invitations,
                contacts,
                schedules,
                sender(clock, context.getBean(SmsGateway.class)),
                context.getBean(Organisations.class),
                context.getBean(AuditLog.class),
                settings(),
                clock);
    }

    @Test
    void theInvitationLinkArrivesByEmailInTheInvitationsLanguage() throws Exception {
        assertThat(saveContact("EMAIL", " " + address + " ", true)).isEqualTo(302);
        MvcResult result = invite("en");
        String token = (String) result.getFlashMap().get("token");
        String code = (String) result.getFlashMap().get("code");
        assertThat(result.getFlashMap().get("sent")).isEqualTo("invitation.sent.SENT");

        List<MimeMessage> mails = mailsToClient();
        assertThat(mails).hasSize(1);
        String body = GreenMailUtil.getBody(mails.get(0)).replace("=\r\n", "");
        assertThat(mails.get(0).getSubject()).isEqualTo("A few questions about our meeting");
        assertThat(body).contains("/c/" + token).contains(code).contains("/c and type this code");
        assertThat(body).doesNotContain("Kim").doesNotContain("K-" + world.suffix);
    }

    @Test
    void withoutAChosenLanguageTheMailIsInTheOrganisationsLanguage() throws Exception {
        saveContact("EMAIL", address, true);
        invite("");
        assertThat(mailsToClient()).hasSize(1);
        assertThat(mailsToClient().get(0).getSubject()).isEqualTo("Een paar vragen over ons gesprek");
    }

    @Test
    void aWrongAddressOrNoConsentIsRefusedOnTheForm() throws Exception {
        MvcResult wrong = mvc.perform(MockMvcRequestBuilders.post("/clients/" + world.client + "/contact")
                        .with(user(world.professional))
                        .with(csrf())
                        .param("channel", "EMAIL")
                        .param("address", "kim at example")
                        .param("consent", "true"))
                .andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(422);
        assertThat(wrong.getResponse().getContentAsString())
                .contains("Dit is geen e-mailadres")
                .contains("aria-invalid=\"true\"")
                .contains("value=\"kim at example\"");
        assertThat(saveContact("SMS", "06 1234", true)).isEqualTo(422);
        assertThat(saveContact("SMS", "06 1234 5678", false)).isEqualTo(422);
        assertThat(contacts.of(world.client)).isEmpty();
        assertThat(saveContact("SMS", "06-1234 5678", true)).isEqualTo(302);
        assertThat(contacts.of(world.client).orElseThrow().address()).isEqualTo("+31612345678");
    }

    @Test
    void theReminderGoesOnceAtHalfTheInvitationsLife() throws Exception {
        saveContact("EMAIL", address, true);
        long invitation = invitationId(invite("nb"));
        // 72 hours of life: the reminder is due 36 hours after the invitation.
        assertThat(job(NOW.plus(Duration.ofHours(26))).runOnce()).isPresent();
        assertThat(mailsToClient()).hasSize(1);

        ReminderJob due = job(NOW.plus(Duration.ofHours(50)));
        due.runOnce();
        List<MimeMessage> mails = mailsToClient();
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).getSubject()).isEqualTo("Påminnelse: noen spørsmål om samtalen vår");
        String body = GreenMailUtil.getBody(mails.get(1));
        assertThat(body).contains("https://alliance.test/c").doesNotContain("/c/");
        assertThat(messages.outcome(invitation, InvitationMessages.Kind.REMINDER))
                .contains(InvitationMessages.Outcome.SENT);

        // Again, and after a "restart" (a new job): never a second reminder.
        due.runOnce();
        job(NOW.plus(Duration.ofHours(60))).runOnce();
        assertThat(mailsToClient()).hasSize(2);
    }

    @Test
    void noReminderWhenTheClientHasAnswered() throws Exception {
        saveContact("EMAIL", address, true);
        MvcResult invited = invite("");
        String token = (String) invited.getFlashMap().get("token");
        int status = mvc.perform(TestWorld.oneAnswer(token, "reminder-" + world.suffix))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(302);
        job(NOW.plus(Duration.ofHours(50))).runOnce();
        assertThat(mailsToClient()).hasSize(1);
        assertThat(messages.outcome(invitationId(invited), InvitationMessages.Kind.REMINDER))
                .isEmpty();
    }

    @Test
    void noReminderAtNight() throws Exception {
        saveContact("EMAIL", address, true);
        invite("");
        // Due (40 h after), but 00:00 in the clock's zone: it waits for the morning.
        job(Instant.parse("2026-06-17T00:00:00Z")).runOnce();
        assertThat(mailsToClient()).hasSize(1);
        job(Instant.parse("2026-06-17T08:00:00Z")).runOnce();
        assertThat(mailsToClient()).hasSize(2);
    }

    @Test
    void twoServersAtOnceSendOneReminder() throws Exception {
        saveContact("EMAIL", address, true);
        invite("");
        Instant due = NOW.plus(Duration.ofHours(50));
        // A server that holds the lock: the other one's run is skipped and sends nothing.
        Optional<SimpleLock> held = lockProvider.lock(new LockConfiguration(
                net.javacrumbs.shedlock.core.ClockProvider.now(),
                ReminderJob.LOCK,
                Duration.ofMinutes(1),
                Duration.ZERO));
        assertThat(held).isPresent();
        assertThat(job(due).runOnce()).isEmpty();
        assertThat(mailsToClient()).hasSize(1);
        held.get().unlock();

        // Two servers, each with its own job, at the same moment: one reminder.
        ReminderJob first = job(due);
        ReminderJob second = job(due);
        AtOnce.results(2, List.<Callable<Optional<ReminderJob.Run>>>of(first::runOnce, second::runOnce));
        assertThat(mailsToClient()).hasSize(2);
    }

    @Test
    void afterEveryMeetingTheLinkGoesOnTheMeetingsDay() throws Exception {
        saveContact("EMAIL", address, true);
        int status = post(
                        world.professional,
                        "/clients/" + world.client + "/schedule",
                        "kind",
                        "AFTER_MEETING",
                        "instrument",
                        "alliance-client")
                .getStatus();
        assertThat(status).isEqualTo(302);
        long today = world.newMeeting(world.client, world.professional.id(), LocalDate.of(2026, 6, 15));
        // Before 17:00 on the meeting's day nothing goes; from 17:00 one invitation, once.
        job(Instant.parse("2026-06-15T16:59:00Z")).runOnce();
        assertThat(mailsToClient()).isEmpty();
        job(Instant.parse("2026-06-15T17:30:00Z")).runOnce();
        job(Instant.parse("2026-06-15T17:31:00Z")).runOnce();
        List<MimeMessage> mails = mailsToClient();
        assertThat(mails).hasSize(1);
        assertThat(GreenMailUtil.getBody(mails.get(0)).replace("=\r\n", "")).contains("https://alliance.test/c/");
        assertThat(invitations.latestPerMeeting(world.client)).containsKey(today);
        // The old meeting of March is not invited to.
        assertThat(invitations.latestPerMeeting(world.client)).doesNotContainKey(world.meeting);
    }

    @Test
    void everyNWeeksCountsFromTheLatestInvitation() throws Exception {
        saveContact("EMAIL", address, true);
        schedules.save(new Schedule(
                world.client,
                Schedule.Kind.EVERY_N_WEEKS,
                java.util.OptionalInt.of(2),
                "alliance-client",
                NOW,
                world.professional.id()));
        job(NOW.plus(Duration.ofDays(13))).runOnce();
        assertThat(mailsToClient()).isEmpty();
        job(NOW.plus(Duration.ofDays(14))).runOnce();
        assertThat(mailsToClient()).hasSize(1);
        assertThat(invitations.latestPerMeeting(world.client)).containsKey(world.meeting);
    }

    @Test
    void aWrongScheduleIsRefused() throws Exception {
        int status = post(
                        world.professional,
                        "/clients/" + world.client + "/schedule",
                        "kind",
                        "EVERY_N_WEEKS",
                        "weeks",
                        "60")
                .getStatus();
        assertThat(status).isEqualTo(422);
        assertThat(schedules.of(world.client)).isEmpty();
    }

    @Test
    void erasingTheClientErasesTheContactDetailsScheduleAndMessages() throws Exception {
        saveContact("EMAIL", address, true);
        invite("");
        post(world.professional, "/clients/" + world.client + "/schedule", "kind", "AFTER_MEETING");
        ClientErasure erasure = context.getBean(ClientErasure.class);
        Map<String, Long> removed =
                erasure.erase(world.organisation, world.client).orElseThrow();
        assertThat(removed)
                .containsEntry("contacts", 1L)
                .containsEntry("schedules", 1L)
                .containsEntry("messages", 1L);
        assertThat(contacts.of(world.client)).isEmpty();
        assertThat(schedules.of(world.client)).isEmpty();
    }

    @Test
    void contactDetailsNothingNeedsAreDeletedAfterNinetyDays() throws Exception {
        saveContact("EMAIL", address, true);
        invite("");
        // The invitation expires after 72 hours; 90 days after that the address goes.
        job(NOW.plus(Duration.ofDays(89))).runOnce();
        assertThat(contacts.of(world.client)).isPresent();
        job(NOW.plus(Duration.ofDays(94))).runOnce();
        assertThat(contacts.of(world.client)).isEmpty();
    }

    @Test
    void aScheduleKeepsTheContactDetails() throws Exception {
        saveContact("EMAIL", address, true);
        schedules.save(new Schedule(
                world.client, Schedule.Kind.AFTER_MEETING, java.util.OptionalInt.empty(), "alliance-client", NOW, 1));
        assertThat(contacts.deleteUnused(NOW.plus(Duration.ofDays(400)))).doesNotContainKey(world.organisation);
        assertThat(contacts.of(world.client)).isPresent();
    }

    @Test
    void anotherProfessionalCannotSeeOrChangeTheContactDetails() throws Exception {
        saveContact("EMAIL", address, true);
        for (String path : List.of("/contact", "/contact/delete", "/schedule")) {
            int status = post(
                            world.otherProfessional,
                            "/clients/" + world.client + path,
                            "channel",
                            "EMAIL",
                            "address",
                            "other@example.org",
                            "consent",
                            "true",
                            "kind",
                            "NONE")
                    .getStatus();
            assertThat(status).as(path).isEqualTo(404);
        }
        String page = mvc.perform(
                        MockMvcRequestBuilders.get("/clients/" + world.client).with(user(world.professional)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(address).contains("Stuur de link naar k…@example.org");
        assertThat(contacts.of(world.client).orElseThrow().address()).isEqualTo(address);
    }

    @Test
    void theCaseloadMarksAnswersSentSinceTheClientPageWasLastOpened() throws Exception {
        get(world.professional, "/clients/" + world.client);
        assertThat(caseloadRowOfClient()).doesNotContain("Nieuwe antwoorden");
        // The check-ins of the test all arrive at the same fixed instant: the page was seen a moment before.
        jdbc.sql("UPDATE client_seen SET seen_at = seen_at - 1000 WHERE client_id = ?")
                .param(world.client)
                .update();
        String token = world.invite("alliance-client").token();
        mvc.perform(TestWorld.oneAnswer(token, "new-" + world.suffix));
        assertThat(caseloadRowOfClient()).contains("Nieuwe antwoorden");
        get(world.professional, "/clients/" + world.client);
        assertThat(caseloadRowOfClient()).doesNotContain("Nieuwe antwoorden");
    }

    private String caseloadRowOfClient() throws Exception {
        String page = get(world.professional, "/caseload").getContentAsString();
        int at = page.indexOf("/clients/" + world.client + "\"");
        return page.substring(at, page.indexOf("</tr>", at));
    }

    @Test
    void theLinkGoesBySmsThroughTheHttpGateway() throws Exception {
        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer provider = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/sms", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        provider.start();
        try {
            HttpSmsGateway gateway = new HttpSmsGateway(
                    java.net.URI.create(
                            "http://127.0.0.1:" + provider.getAddress().getPort() + "/sms"),
                    "token");
            assertThat(saveContact("SMS", "+31 6 1234 5678", true)).isEqualTo(302);
            var issued = world.invite("alliance-client");
            ContactDetails contact = contacts.of(world.client).orElseThrow();
            Optional<InvitationMessages.Outcome> outcome = sender(Clock.fixed(NOW, ZoneOffset.UTC), gateway)
                    .sendInvitation(
                            issued.id(),
                            contact,
                            org.alliance.core.instrument.Language.DA,
                            "https://alliance.test/c/" + issued.token(),
                            "https://alliance.test/c",
                            issued.displayCode(),
                            issued.expiresAt());
            assertThat(outcome).contains(InvitationMessages.Outcome.SENT);
            assertThat(received).hasSize(1);
            assertThat(received.get(0))
                    .startsWith("{\"to\":\"+31612345678\",\"text\":\"Hej,")
                    .contains("https://alliance.test/c/" + issued.token())
                    .contains(issued.displayCode());
            assertThat(messages.outcome(issued.id(), InvitationMessages.Kind.INVITE))
                    .contains(InvitationMessages.Outcome.SENT);
        } finally {
            provider.stop(0);
        }
    }

    private long invitationId(MvcResult invited) {
        String token = (String) invited.getFlashMap().get("token");
        return invitations.find(token).orElseThrow().id();
    }
}
