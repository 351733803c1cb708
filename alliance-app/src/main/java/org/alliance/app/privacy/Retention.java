package org.alliance.app.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.alliance.app.system.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The retention rule (docs/privacy.md, "Retention"): an organisation may say that a client is erased N months after
 * their last meeting. A client is due when their latest meeting (or, without meetings, the day the client was
 * added) lies more than N whole months before today in the organisation's time zone, and nothing about them is
 * still open: no meeting after today and no invitation that still works. The administrator sees who is due (a dry
 * run) before anything happens; every night at 03:15 the due clients of each organisation are erased, by the
 * first server to claim that organisation's run for the day (a database row, so several servers run it once).
 * Each erasure is audited like one by hand, with "retention" as the actor.
 */
@Component
public class Retention {

    static final int MOST_MONTHS = 1200;
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final JdbcClient jdbc;
    private final ClientErasure erasure;
    private final AuditLog audit;
    private final Clock clock;

    Retention(JdbcClient jdbc, ClientErasure erasure, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.erasure = erasure;
        this.audit = audit;
        this.clock = clock;
    }

    /** A client the rule would erase or anonymise now, and which of the two ({@link #decide}). */
    public record Due(long clientId, String alias, String reference, LocalDate lastActivity, Decision decision) {}

    /** What happens to a client whose time is up: erased, or anonymised (docs/privacy.md, "Anonymising"). */
    public enum Action {
        ERASE,
        ANONYMISE
    }

    /**
     * The decision for one client, with the reason in words for the administrator: {@code no-rule} (the
     * organisation does not anonymise), {@code no-study} (no study of the client's team allows it) or
     * {@code study} (with the id of the first allowing study).
     */
    public record Decision(Action action, String reason, Long studyId) {}

    /**
     * THE rule (used by the nightly run, the dry run and the single-client erase page): a client is anonymised
     * instead of erased when the organisation says so (organisation.retention_anonymise) and a study of the
     * organisation that allows it (study.allows_anonymisation) includes the client's team; else erased.
     */
    public Decision decide(long organisationId, long clientId) {
        boolean anonymise = jdbc.sql("SELECT retention_anonymise FROM organisation WHERE id = ?")
                .param(organisationId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (!anonymise) {
            return new Decision(Action.ERASE, "no-rule", null);
        }
        Optional<Long> study = jdbc.sql(
                        """
                        SELECT MIN(s.id) FROM study s JOIN study_team t ON t.study_id = s.id
                        JOIN client c ON c.team_id = t.team_id
                        WHERE c.id = ? AND c.organisation_id = ? AND s.organisation_id = ?
                          AND s.allows_anonymisation = TRUE""")
                .params(clientId, organisationId, organisationId)
                .query((rs, row) -> {
                    long id = rs.getLong(1);
                    return rs.wasNull() ? null : id;
                })
                .optional();
        return study.isPresent()
                ? new Decision(Action.ANONYMISE, "study", study.get())
                : new Decision(Action.ERASE, "no-study", null);
    }

    /** Sets whether the organisation anonymises (instead of erases) clients of a study that allows it. */
    public void setAnonymise(long organisationId, boolean anonymise) {
        jdbc.sql("UPDATE organisation SET retention_anonymise = ? WHERE id = ?")
                .params(anonymise, organisationId)
                .update();
    }

    public OptionalInt months(long organisationId) {
        Integer months = jdbc.sql("SELECT retention_months FROM organisation WHERE id = ?")
                .param(organisationId)
                .query((rs, row) -> {
                    int value = rs.getInt(1);
                    return rs.wasNull() ? null : value;
                })
                .optional()
                .orElse(null);
        return months == null ? OptionalInt.empty() : OptionalInt.of(months);
    }

    /** Sets or clears (empty) the rule; months must be 1 to {@value #MOST_MONTHS}. */
    public void setMonths(long organisationId, OptionalInt months) {
        if (months.isPresent() && (months.getAsInt() < 1 || months.getAsInt() > MOST_MONTHS)) {
            throw new IllegalArgumentException("retention must be 1 to " + MOST_MONTHS + " months");
        }
        jdbc.sql("UPDATE organisation SET retention_months = ? WHERE id = ?")
                .params(months.isPresent() ? months.getAsInt() : null, organisationId)
                .update();
    }

    /** The clients the rule would erase today (empty when the organisation has no rule). */
    public List<Due> due(long organisationId) {
        OptionalInt months = months(organisationId);
        if (months.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate cutOff = today.minusMonths(months.getAsInt());
        long now = clock.millis();
        List<Due> due = new ArrayList<>();
        jdbc.sql(
                        """
                        SELECT c.id, c.alias, c.internal_id, c.created_at,
                               (SELECT MAX(m.meeting_date) FROM meeting m WHERE m.client_id = c.id) AS last_meeting,
                               (SELECT COUNT(*) FROM check_in_invitation i JOIN meeting m ON m.id = i.meeting_id
                                WHERE m.client_id = c.id AND i.consumed_at IS NULL AND i.expires_at > ?) AS open
                        FROM client c WHERE c.organisation_id = ? AND c.anonymised_at IS NULL ORDER BY c.internal_id""")
                .params(now, organisationId)
                .query(rs -> {
                    String lastMeeting = rs.getString("last_meeting");
                    LocalDate last = lastMeeting != null
                            ? LocalDate.parse(lastMeeting)
                            : LocalDate.ofInstant(Instant.ofEpochMilli(rs.getLong("created_at")), clock.getZone());
                    if (rs.getLong("open") == 0 && !last.isAfter(today) && last.isBefore(cutOff)) {
                        due.add(new Due(
                                rs.getLong("id"), rs.getString("alias"), rs.getString("internal_id"), last, null));
                    }
                });
        return due.stream()
                .map(d -> new Due(
                        d.clientId(), d.alias(), d.reference(), d.lastActivity(), decide(organisationId, d.clientId())))
                .toList();
    }

    /** How many clients a run erased and how many it anonymised. */
    public record Outcome(int erased, int anonymised) {}

    /** Erases the due clients now, each in its own transaction and audited; returns how many. */
    public int apply(long organisationId, String actor) {
        Outcome outcome = run(organisationId, actor);
        return outcome.erased() + outcome.anonymised();
    }

    /** Erases or anonymises (per {@link #decide}) the due clients now, each in its own transaction and audited. */
    public Outcome run(long organisationId, String actor) {
        int erased = 0;
        int anonymised = 0;
        for (Due client : due(organisationId)) {
            if (client.decision().action() == Action.ANONYMISE) {
                Optional<Map<String, Long>> removed =
                        erasure.anonymise(organisationId, client.clientId(), clock.millis());
                if (removed.isPresent()) {
                    audit.record(
                            organisationId,
                            actor,
                            "client anonymised (retention)",
                            ClientErasure.auditSubject(client.clientId(), removed.get()) + ", study="
                                    + client.decision().studyId());
                    anonymised++;
                }
                continue;
            }
            Optional<Map<String, Long>> removed = erasure.erase(organisationId, client.clientId());
            if (removed.isPresent()) {
                audit.record(
                        organisationId,
                        actor,
                        "client erased (retention)",
                        ClientErasure.auditSubject(client.clientId(), removed.get()));
                erased++;
            }
        }
        return new Outcome(erased, anonymised);
    }

    /**
     * The nightly run: for each organisation with a rule, claim today's run (one row per organisation and day; a
     * second server's claim fails and it moves on), then erase the due clients.
     */
    @Scheduled(cron = "0 15 3 * * *", zone = "${alliance.time-zone:Europe/Amsterdam}")
    public void nightly() {
        String today = LocalDate.now(clock).toString();
        List<Long> organisations = jdbc.sql("SELECT id FROM organisation WHERE retention_months IS NOT NULL")
                .query(Long.class)
                .list();
        for (long organisation : organisations) {
            if (!claim(organisation, today)) {
                continue;
            }
            Outcome outcome = run(organisation, "retention");
            jdbc.sql("UPDATE retention_run SET erased = ?, anonymised = ? WHERE organisation_id = ? AND run_date = ?")
                    .params(outcome.erased(), outcome.anonymised(), organisation, today)
                    .update();
            audit.record(
                    organisation,
                    "retention",
                    "retention run",
                    "erased=" + outcome.erased() + ", anonymised=" + outcome.anonymised());
            LOG.info(
                    "Retention: erased {} and anonymised {} clients of organisation {}",
                    outcome.erased(),
                    outcome.anonymised(),
                    organisation);
        }
    }

    /** Whether this server claimed the organisation's run for the day (false: another server has it). */
    boolean claim(long organisationId, String day) {
        try {
            jdbc.sql("INSERT INTO retention_run (organisation_id, run_date, started_at) VALUES (?, ?, ?)")
                    .params(organisationId, day, clock.millis())
                    .update();
            return true;
        } catch (DataAccessException e) {
            // The primary key refused a second claim (SQLite reports it without Spring's duplicate-key type).
            boolean claimed = jdbc.sql("SELECT COUNT(*) FROM retention_run WHERE organisation_id = ? AND run_date = ?")
                            .params(organisationId, day)
                            .query(Long.class)
                            .single()
                    > 0;
            if (claimed) {
                return false;
            }
            throw e;
        }
    }
}
