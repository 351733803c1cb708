package org.alliance.app.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.alliance.app.DatabaseTest;
import org.alliance.app.TestDatabases;
import org.alliance.app.checkin.Invitations;
import org.alliance.app.checkin.IssuedInvitation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The reminder tables and the ShedLock lock on SQLite and PostgreSQL alike. Regression: on SQLite a second lock
 * provider (a second server, or the same server after a restart) failed on the existing lock row instead of
 * taking the lock ({@code theJobsLockIsHeldByOneAtATime}).
 */
class ReminderPersistenceTest extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-06-15T08:00:00Z");

    private record World(DataSource dataSource, JdbcClient jdbc, long professional, long client, long meeting) {}

    private static World world(String vendor) {
        TestDatabases.Seeded s = TestDatabases.seeded(vendor, folder, LocalDate.parse("2026-06-15"));
        return new World(s.dataSource(), s.jdbc(), s.professional(), s.client(), s.meeting());
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void aMessageIsClaimedOnce(String vendor) {
        World world = world(vendor);
        IssuedInvitation issued = new Invitations(world.jdbc(), java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC))
                .issue(world.meeting(), "alliance-client", world.professional(), Duration.ofHours(72));
        InvitationMessages messages = new InvitationMessages(world.jdbc());
        assertThat(messages.claim(issued.id(), InvitationMessages.Kind.INVITE, Channel.SMS, NOW))
                .isTrue();
        assertThat(messages.claim(issued.id(), InvitationMessages.Kind.INVITE, Channel.SMS, NOW))
                .isFalse();
        assertThat(messages.claim(issued.id(), InvitationMessages.Kind.REMINDER, Channel.SMS, NOW))
                .isTrue();
        messages.settle(issued.id(), InvitationMessages.Kind.INVITE, InvitationMessages.Outcome.SENT);
        assertThat(messages.outcome(issued.id(), InvitationMessages.Kind.INVITE))
                .contains(InvitationMessages.Outcome.SENT);
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void contactsAndSchedulesAreKeptAndDeleted(String vendor) {
        World world = world(vendor);
        ClientContacts contacts = new ClientContacts(world.jdbc());
        contacts.save(new ContactDetails(world.client(), Channel.EMAIL, "kim@example.org", NOW, world.professional()));
        contacts.save(new ContactDetails(world.client(), Channel.SMS, "+31612345678", NOW, world.professional()));
        assertThat(contacts.of(world.client()).orElseThrow().address()).isEqualTo("+31612345678");
        ClientSchedules schedules = new ClientSchedules(world.jdbc());
        schedules.save(new Schedule(
                world.client(),
                Schedule.Kind.EVERY_N_WEEKS,
                OptionalInt.of(4),
                "alliance-client",
                NOW,
                world.professional()));
        assertThat(schedules.of(world.client()).orElseThrow().weeks()).hasValue(4);
        assertThat(schedules.withContact()).hasSize(1);
        assertThat(contacts.deleteUnused(NOW.plus(Duration.ofDays(200)))).isEmpty();
        schedules.delete(world.client());
        assertThat(contacts.deleteUnused(NOW.plus(Duration.ofDays(89)))).isEmpty();
        assertThat(contacts.deleteUnused(NOW.plus(Duration.ofDays(91)))).containsValue(1);
        assertThat(contacts.of(world.client())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void theJobsLockIsHeldByOneAtATime(String vendor) {
        World world = world(vendor);
        LockProvider first = provider(world.dataSource());
        LockProvider second = provider(world.dataSource());
        LockConfiguration lock =
                new LockConfiguration(ClockProvider.now(), ReminderJob.LOCK, Duration.ofMinutes(1), Duration.ZERO);
        Optional<SimpleLock> held = first.lock(lock);
        assertThat(held).isPresent();
        assertThat(second.lock(lock)).isEmpty();
        held.get().unlock();
        Optional<SimpleLock> again = second.lock(
                new LockConfiguration(ClockProvider.now(), ReminderJob.LOCK, Duration.ofMinutes(1), Duration.ZERO));
        assertThat(again).isPresent();
        again.get().unlock();
    }

    private static LockProvider provider(DataSource dataSource) {
        // Each server has its own provider, which does not know that the other one created the lock's row.
        return ReminderConfig.jdbcLocks(dataSource, new DataSourceTransactionManager(dataSource));
    }
}
