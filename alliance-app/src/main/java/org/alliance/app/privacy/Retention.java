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
import org.alliance.core.privacy.ErasureRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The retention rule (docs/privacy.md, "Retention"): an organisation may say that a client is erased N months after
 * their last meeting, or anonymised instead when a study of the client's team allows it and the organisation says so
 * ({@link ErasureRule}). A client is due when their latest meeting (or, without meetings, the day the client was
 * added) lies more than N whole months before today in the organisation's time zone, and nothing about them is
 * still open: no meeting after today and no invitation that still works. The administrator sees who is due (a dry
 * run) before anything happens; every night at 03:15 the due clients of each organisation are erased, by the
 * first server to claim that organisation's run for the day (a database row, so several servers run it once).
 * Each erasure or anonymisation is audited like one by hand, with "retention" as the actor, and each run by one row
 * with both counts.
 */
@Component
public class Retention {

    static final int MOST_MONTHS = 1200;
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final JdbcClient jdbc;
    private final ClientErasure erasure;
    private final AuditLog audit;
    private final Clock clock;

    public Retention(JdbcClient jdbc, ClientErasure erasure, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.erasure = erasure;
        this.audit = audit;
        this.clock = clock;
    }

    /** A client whose time is up now, and what the rule ({@link #decide}) does with them. */
    public record Due(
            long clientId, String alias, String reference, LocalDate lastActivity, ErasureRule.Decision decision) {}

    /**
     * The rule's decision for one client of this organisation (used by the nightly run, the dry run and the
     * single-client erase page alike): the organisation's "anonymise instead of erase" and the studies that include
     * the client's team, given to {@link ErasureRule#decide}.
     */
    public ErasureRule.Decision decide(long organisationId, long clientId) {
        List<ErasureRule.Study> studies = jdbc.sql(
                        """
                        SELECT s.id, s.title, s.allows_anonymisation FROM study s
                        JOIN study_team t ON t.study_id = s.id JOIN client c ON c.team_id = t.team_id
                        WHERE c.id = ? AND c.organisation_id = ? AND s.organisation_id = ?
                        ORDER BY s.id""")
                .params(clientId, organisationId, organisationId)
                .query((rs, row) -> new ErasureRule.Study(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
                .list();
        return ErasureRule.decide(anonymises(organisationId), studies);
    }

    /** Whether the organisation anonymises (instead of erases) clients of a study that allows it. */
    public boolean anonymises(long organisationId) {
        return jdbc.sql("SELECT retention_anonymise FROM organisation WHERE id = ?")
                .param(organisationId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
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

    /**
     * The clients whose time is up today, each with the rule's decision (empty when the organisation has no rule).
     * Anonymised clients are never due again.
     */
    public List<Due> due(long organisationId) {
        OptionalInt months = months(organisationId);
        if (months.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate cutOff = today.minusMonths(months.getAsInt());
        long now = clock.millis();
        record Candidate(long id, String alias, String reference, LocalDate last) {}
        List<Candidate> due = new ArrayList<>();
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
                        due.add(new Candidate(
                                rs.getLong("id"), rs.getString("alias"), rs.getString("internal_id"), last));
                    }
                });
        return due.stream()
                .map(c -> new Due(c.id(), c.alias(), c.reference(), c.last(), decide(organisationId, c.id())))
                .toList();
    }

    /** How many clients a run erased and how many it anonymised. */
    public record Outcome(int erased, int anonymised) {}

    /**
     * Erases or anonymises (per {@link #decide}) the due clients now, each in its own transaction and audited like
     * one by hand, then writes one audit row for the run with both counts.
     */
    public Outcome run(long organisationId, String actor) {
        int erased = 0;
        int anonymised = 0;
        for (Due client : due(organisationId)) {
            if (client.decision().anonymises()) {
                Optional<ClientErasure.Anonymised> done =
                        erasure.anonymise(organisationId, client.clientId(), client.decision(), clock.millis());
                if (done.isPresent()) {
                    audit.record(
                            organisationId,
                            actor,
                            "client anonymised (retention)",
                            ClientErasure.auditSubject(client.clientId(), done.get(), client.decision()));
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
        audit.record(organisationId, actor, "retention run", "erased=" + erased + ", anonymised=" + anonymised);
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
        } catch (DuplicateKeyException e) {
            // The primary key refused a second claim, on SQLite as on PostgreSQL (system/SqliteConstraints).
            return false;
        }
    }
}
