package org.alliance.app.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.alliance.app.checkin.Invitations;
import org.alliance.app.checkin.IssuedInvitation;
import org.alliance.app.organisation.Organisation;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.system.AuditLog;
import org.alliance.core.instrument.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The job that sends what the schedules and reminders call for (docs/rules.md, "Schedules and reminders"), once a
 * minute on one server at a time: scheduled invitations, the one reminder of an unanswered invitation, and the
 * deletion of contact details nothing needs any more. Every decision is taken on the application's {@link Clock};
 * only ShedLock's lease between the servers runs on real time (a lease is about how long a server may hold the
 * job, whatever day the application believes it is).
 */
public class ReminderJob {

    /** The name of the job's lock in the table {@code shedlock}. */
    public static final String LOCK = "alliance-reminders";

    /** Messages go out between these hours of the organisation's day, never at night. */
    static final LocalTime SENDING_FROM = LocalTime.of(8, 0);

    static final LocalTime SENDING_UNTIL = LocalTime.of(21, 0);

    /** "After every meeting": the link goes from this hour on the meeting's day, once the meeting is likely over. */
    static final LocalTime AFTER_MEETING_FROM = LocalTime.of(17, 0);

    /** "After every meeting": a meeting older than this many days is not invited to any more. */
    static final int AFTER_MEETING_DAYS = 7;

    private static final Logger LOG = LoggerFactory.getLogger(ReminderJob.class);
    private static final String ACTOR = "reminder job";

    private final JdbcClient jdbc;
    private final LockingTaskExecutor locks;
    private final Duration lockAtLeast;
    private final Invitations invitations;
    private final ClientContacts contacts;
    private final ClientSchedules schedules;
    private final LinkSender sender;
    private final Organisations organisations;
    private final AuditLog audit;
    private final ReminderSettings settings;
    private final Clock clock;

    /** What one run did. */
    public record Run(int invited, int reminded, int contactsDeleted) {}

    /**
     * @param lockAtLeast how long the lock is kept after a run, so a second server whose minute came a moment later
     *     does not run again
     */
    public ReminderJob(
            JdbcClient jdbc,
            LockingTaskExecutor locks,
            Duration lockAtLeast,
            Invitations invitations,
            ClientContacts contacts,
            ClientSchedules schedules,
            LinkSender sender,
            Organisations organisations,
            AuditLog audit,
            ReminderSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.lockAtLeast = lockAtLeast;
        this.invitations = invitations;
        this.contacts = contacts;
        this.schedules = schedules;
        this.sender = sender;
        this.organisations = organisations;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** One run under the lock; empty when another server (or thread) holds it. */
    public Optional<Run> runOnce() {
        LockConfiguration lock = new LockConfiguration(ClockProvider.now(), LOCK, Duration.ofMinutes(10), lockAtLeast);
        try {
            LockingTaskExecutor.TaskResult<Run> result = locks.executeWithLock(this::work, lock);
            return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private Run work() {
        Instant now = clock.instant();
        int deleted = 0;
        for (java.util.Map.Entry<Long, Integer> gone :
                contacts.deleteUnused(now).entrySet()) {
            audit.record(gone.getKey(), ACTOR, "contact details deleted", gone.getValue() + " unused for 90 days");
            deleted += gone.getValue();
        }
        LocalTime time = ZonedDateTime.ofInstant(now, clock.getZone()).toLocalTime();
        if (time.isBefore(SENDING_FROM) || !time.isBefore(SENDING_UNTIL)) {
            return new Run(0, 0, deleted);
        }
        if (settings.publicAddress().isEmpty()) {
            LOG.debug("alliance.public-address is not set: no scheduled invitations or reminders are sent");
            return new Run(0, 0, deleted);
        }
        String base = settings.publicAddress().get();
        int invited = 0;
        for (Schedule schedule : schedules.withContact()) {
            invited += scheduled(schedule, now, base) ? 1 : 0;
        }
        int reminded = 0;
        for (DueReminder due : dueReminders(now)) {
            reminded += remind(due, base) ? 1 : 0;
        }
        return new Run(invited, reminded, deleted);
    }

    /** Makes and sends the invitation the schedule asks for now, if any. */
    private boolean scheduled(Schedule schedule, Instant now, String base) {
        Optional<Long> meeting =
                switch (schedule.kind()) {
                    case AFTER_MEETING -> meetingJustHeld(schedule, now);
                    case EVERY_N_WEEKS -> meetingForWeeks(schedule, now);
                };
        Optional<ContactDetails> contact = contacts.of(schedule.clientId());
        if (meeting.isEmpty() || contact.isEmpty()) {
            return false;
        }
        long organisationId = jdbc.sql("SELECT organisation_id FROM client WHERE id = ?")
                .param(schedule.clientId())
                .query(Long.class)
                .single();
        Organisation organisation = organisations.get(organisationId);
        IssuedInvitation issued = invitations.issueInLanguage(
                meeting.get(),
                schedule.instrumentId(),
                schedule.setBy(),
                organisation.invitationLifetime(),
                Optional.empty());
        audit.record(organisationId, ACTOR, "invitation created", "meeting " + meeting.get() + " (schedule)");
        sender.sendInvitation(
                issued.id(),
                contact.get(),
                organisation.language(),
                base + "/c/" + issued.token(),
                base + "/c",
                issued.displayCode(),
                issued.expiresAt());
        return true;
    }

    /**
     * "After every meeting": the latest meeting of the last {@link #AFTER_MEETING_DAYS} days, not before the schedule
     * was set, that has no invitation to the client yet; on the meeting's own day only from {@link
     * #AFTER_MEETING_FROM}.
     */
    private Optional<Long> meetingJustHeld(Schedule schedule, Instant now) {
        ZonedDateTime local = ZonedDateTime.ofInstant(now, clock.getZone());
        LocalDate today = local.toLocalDate();
        LocalDate last = local.toLocalTime().isBefore(AFTER_MEETING_FROM) ? today.minusDays(1) : today;
        LocalDate first = today.minusDays(AFTER_MEETING_DAYS - 1L);
        LocalDate setOn = LocalDate.ofInstant(schedule.startsAt(), clock.getZone());
        if (setOn.isAfter(first)) {
            first = setOn;
        }
        if (first.isAfter(last)) {
            return Optional.empty();
        }
        return jdbc
                .sql(
                        """
                        SELECT m.id FROM meeting m
                        WHERE m.client_id = ? AND m.meeting_date >= ? AND m.meeting_date <= ?
                          AND NOT EXISTS (SELECT 1 FROM check_in_invitation i
                                          WHERE i.meeting_id = m.id AND i.joint_party_id IS NULL)
                        ORDER BY m.meeting_date DESC, m.id DESC""")
                .params(schedule.clientId(), first.toString(), last.toString())
                .query(Long.class)
                .list()
                .stream()
                .findFirst();
    }

    /**
     * "Every N weeks": N weeks after the client's latest invitation, or after the schedule was set when that is
     * later, an invitation to the client's latest meeting up to today.
     */
    private Optional<Long> meetingForWeeks(Schedule schedule, Instant now) {
        Long latest = jdbc.sql(
                        """
                        SELECT MAX(i.created_at) FROM check_in_invitation i JOIN meeting m ON m.id = i.meeting_id
                        WHERE m.client_id = ? AND i.joint_party_id IS NULL""")
                .param(schedule.clientId())
                .query(Long.class)
                .optional()
                .orElse(null);
        Instant from = schedule.startsAt();
        if (latest != null && Instant.ofEpochMilli(latest).isAfter(from)) {
            from = Instant.ofEpochMilli(latest);
        }
        if (now.isBefore(from.plus(Duration.ofDays(7L * schedule.weeks().orElseThrow())))) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<Long> meetings = jdbc.sql("SELECT id FROM meeting WHERE client_id = ? AND meeting_date <= ?"
                        + " ORDER BY meeting_date DESC, id DESC")
                .params(schedule.clientId(), today.toString())
                .query(Long.class)
                .list();
        return meetings.stream().findFirst();
    }

    private record DueReminder(
            long invitationId,
            long clientId,
            long organisationId,
            Instant createdAt,
            Instant expiresAt,
            String language) {}

    /**
     * Invitations whose link was sent to the client and that are still open: not used, not expired, no answer to the
     * questionnaire for the meeting through any invitation, no reminder yet, and the reminder's time has come.
     */
    private List<DueReminder> dueReminders(Instant now) {
        return jdbc
                .sql(
                        """
                        SELECT i.id, m.client_id, c.organisation_id, i.created_at, i.expires_at, i.language
                        FROM check_in_invitation i
                        JOIN meeting m ON m.id = i.meeting_id
                        JOIN client c ON c.id = m.client_id
                        JOIN invitation_message sent ON sent.invitation_id = i.id AND sent.kind = 'INVITE'
                                                     AND sent.outcome = 'SENT'
                        WHERE i.joint_party_id IS NULL AND i.consumed_at IS NULL AND i.expires_at > ?
                          AND NOT EXISTS (SELECT 1 FROM invitation_message r
                                          WHERE r.invitation_id = i.id AND r.kind = 'REMINDER')
                          AND NOT EXISTS (SELECT 1 FROM check_in ci
                                          WHERE ci.meeting_id = i.meeting_id AND ci.instrument_id = i.instrument_id
                                            AND ci.joint_party_id IS NULL AND ci.perspective = 'client')
                        ORDER BY i.id""")
                .param(now.toEpochMilli())
                .query((rs, row) -> new DueReminder(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        Instant.ofEpochMilli(rs.getLong(4)),
                        Instant.ofEpochMilli(rs.getLong(5)),
                        rs.getString(6)))
                .list()
                .stream()
                .filter(due -> !now.isBefore(due.createdAt().plus(delay(due))))
                .toList();
    }

    private Duration delay(DueReminder due) {
        return settings.reminderDelay()
                .orElse(Duration.between(due.createdAt(), due.expiresAt()).dividedBy(2));
    }

    private boolean remind(DueReminder due, String base) {
        Optional<ContactDetails> contact = contacts.of(due.clientId());
        if (contact.isEmpty()) {
            return false;
        }
        Language language = Optional.ofNullable(due.language())
                .flatMap(Language::fromCode)
                .orElseGet(() -> organisations.get(due.organisationId()).language());
        boolean sent = sender.sendReminder(
                        due.invitationId(), contact.get(), language, base + "/c", due.createdAt(), due.expiresAt())
                .isPresent();
        if (sent) {
            audit.record(due.organisationId(), ACTOR, "reminder sent", "invitation " + due.invitationId());
        }
        return sent;
    }
}
