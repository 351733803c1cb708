package org.alliance.app.reminder;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.TimeZone;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.alliance.app.checkin.Invitations;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.SqliteConstraints;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Sending links and reminders (docs/deployment.md, "Sending links"): the SMS gateway (HTTP when {@code
 * alliance.sms.url} is set, else one that only logs), the settings, and the job once a minute ({@code
 * alliance.reminders.cron}; {@code -} turns it off) under a ShedLock lock in the application's own database.
 * E-mail needs only Spring Boot's {@code spring.mail.*} settings. Scheduling itself is switched on in {@code system/SchedulingConfig}.
 */
@Configuration(proxyBeanMethods = false)
class ReminderConfig {

    /** A second server whose minute comes up to this much later finds the lock still held and skips the run. */
    static final Duration LOCK_AT_LEAST = Duration.ofSeconds(30);

    @Bean
    SmsGateway smsGateway(@Value("${alliance.sms.url:}") String url, @Value("${alliance.sms.token:}") String token) {
        if (url.isBlank()) {
            return new LoggingSmsGateway();
        }
        if (token.isBlank()) {
            throw new IllegalArgumentException("alliance.sms.url is set but alliance.sms.token is empty");
        }
        return new HttpSmsGateway(URI.create(url.strip()), token.strip());
    }

    @Bean
    ReminderSettings reminderSettings(
            @Value("${alliance.public-address:}") String publicAddress,
            @Value("${alliance.reminders.delay:}") String delay,
            @Value("${alliance.mail.from:alliance@localhost}") String mailFrom) {
        return new ReminderSettings(
                publicAddress.isBlank() ? Optional.empty() : Optional.of(publicAddress.strip()),
                delay.isBlank() ? Optional.empty() : Optional.of(Duration.parse(delay.strip())),
                mailFrom);
    }

    @Bean
    LockProvider lockProvider(DataSource dataSource, DataSourceTransactionManager transactionManager) {
        return jdbcLocks(dataSource, transactionManager);
    }

    /**
     * ShedLock on the application's database. ShedLock first tries to insert the lock's row and takes a duplicate
     * key as "the row exists, update it"; SQLite's driver reports the duplicate without an SQL state, which Spring
     * cannot translate, so a server restarted on SQLite failed every run. Its own template gets the application's
     * translation of SQLite's constraint errors ({@link SqliteConstraints}); PostgreSQL's 23505 already is one.
     */
    static LockProvider jdbcLocks(DataSource dataSource, PlatformTransactionManager transactionManager) {
        JdbcTemplate jdbc = SqliteConstraints.install(new JdbcTemplate(dataSource));
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc)
                .withTransactionManager(transactionManager)
                .withTimeZone(TimeZone.getTimeZone("UTC"))
                .build());
    }

    @Bean
    ReminderJob reminderJob(
            JdbcClient jdbc,
            LockProvider locks,
            Invitations invitations,
            ClientContacts contacts,
            ClientSchedules schedules,
            LinkSender sender,
            Organisations organisations,
            AuditLog audit,
            ReminderSettings settings,
            Clock clock) {
        return new ReminderJob(
                jdbc,
                new DefaultLockingTaskExecutor(locks),
                LOCK_AT_LEAST,
                invitations,
                contacts,
                schedules,
                sender,
                organisations,
                audit,
                settings,
                clock);
    }

    @Bean
    Trigger reminderTrigger(ReminderJob job) {
        return new Trigger(job);
    }

    /** The schedule of the job, apart from the job so tests call {@link ReminderJob#runOnce} themselves. */
    static final class Trigger {
        private final ReminderJob job;

        Trigger(ReminderJob job) {
            this.job = job;
        }

        @Scheduled(cron = "${alliance.reminders.cron:0 * * * * *}")
        void everyMinute() {
            job.runOnce();
        }
    }
}
