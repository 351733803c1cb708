package org.alliance.app.system;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who did what to which record, kept in {@code audit_log}. Never holds answers or passwords. */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String subject) {
        jdbc.sql("INSERT INTO audit_log (at, actor, action, subject) VALUES (?, ?, ?, ?)")
                .params(clock.millis(), actor, action, subject)
                .update();
    }
}
