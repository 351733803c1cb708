package org.alliance.app.system;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who did what to which record, kept in {@code audit_log}: append-only (the database refuses updates and deletes,
 * migration V13), one organisation's trail readable by its administrators only ({@link #find}). Never holds
 * answers or passwords: the subject names a record ("client 12", "meeting 40"), never its content.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A row for an account's action; the organisation is the account's. */
    public void record(String actor, String action, String subject) {
        jdbc.sql(
                        """
                        INSERT INTO audit_log (at, actor, action, subject, organisation_id)
                        VALUES (?, ?, ?, ?, (SELECT organisation_id FROM app_user WHERE username = ?))""")
                .params(clock.millis(), actor, action, subject, actor)
                .update();
    }

    /** A row for an action without an account (a client's check-in), in the organisation it concerns. */
    public void record(long organisationId, String actor, String action, String subject) {
        jdbc.sql("INSERT INTO audit_log (at, actor, action, subject, organisation_id) VALUES (?, ?, ?, ?, ?)")
                .params(clock.millis(), actor, action, subject, organisationId)
                .update();
    }

    /** One row of the trail. */
    public record Entry(long id, Instant at, String actor, String action, String subject) {}

    /**
     * What the administrator asks for; every part is optional.
     *
     * @param subjects rows about any of these subjects ("client 12", "meeting 40"; empty: any subject)
     * @param from from this instant on (inclusive)
     * @param until before this instant
     */
    public record Filter(
            Optional<String> actor,
            Optional<String> action,
            List<String> subjects,
            Optional<Instant> from,
            Optional<Instant> until) {}

    /** The organisation's rows that match, newest first, at most {@code limit}. */
    public List<Entry> find(long organisationId, Filter filter, int limit) {
        List<Entry> entries = new ArrayList<>();
        forEach(organisationId, filter, limit, entries::add);
        return entries;
    }

    /** Hands the matching rows, newest first, one by one to {@code each} (an export never holds them all). */
    public void forEach(long organisationId, Filter filter, int limit, java.util.function.Consumer<Entry> each) {
        StringBuilder sql =
                new StringBuilder("SELECT id, at, actor, action, subject FROM audit_log WHERE organisation_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(organisationId);
        filter.actor().ifPresent(a -> {
            sql.append(" AND actor = ?");
            params.add(a);
        });
        filter.action().ifPresent(a -> {
            sql.append(" AND action = ?");
            params.add(a);
        });
        if (!filter.subjects().isEmpty()) {
            sql.append(" AND subject IN (")
                    .append(String.join(
                            ", ",
                            java.util.Collections.nCopies(filter.subjects().size(), "?")))
                    .append(')');
            params.addAll(filter.subjects());
        }
        filter.from().ifPresent(f -> {
            sql.append(" AND at >= ?");
            params.add(f.toEpochMilli());
        });
        filter.until().ifPresent(u -> {
            sql.append(" AND at < ?");
            params.add(u.toEpochMilli());
        });
        sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
        params.add(limit);
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            each.accept(new Entry(
                    rs.getLong("id"),
                    Instant.ofEpochMilli(rs.getLong("at")),
                    rs.getString("actor"),
                    rs.getString("action"),
                    rs.getString("subject")));
        });
    }

    /** The actions and the actors that occur in the organisation's trail, for the filter's choices. */
    public List<String> actions(long organisationId) {
        return jdbc.sql("SELECT DISTINCT action FROM audit_log WHERE organisation_id = ? ORDER BY action")
                .param(organisationId)
                .query(String.class)
                .list();
    }

    public List<String> actors(long organisationId) {
        return jdbc.sql("SELECT DISTINCT actor FROM audit_log WHERE organisation_id = ? ORDER BY actor")
                .param(organisationId)
                .query(String.class)
                .list();
    }
}
