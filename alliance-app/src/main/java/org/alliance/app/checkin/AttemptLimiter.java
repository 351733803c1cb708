package org.alliance.app.checkin;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Limits wrong short codes and links per network address: after {@value #MAX_FAILURES} failures within
 * {@link #WINDOW} the address must wait until the oldest of them is older than the window. The failures are kept
 * in the database (table {@code failed_attempt}), so the limit survives a restart and holds across several app
 * servers on one database. The address is stored as its SHA-256 hash, and rows older than the window are deleted
 * (at most once a minute per server, when a new failure is recorded).
 */
@Component
class AttemptLimiter {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final long PRUNE_EVERY_MILLIS = Duration.ofMinutes(1).toMillis();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong lastPruned = new AtomicLong(Long.MIN_VALUE);

    AttemptLimiter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean blocked(String address) {
        long recent = jdbc.sql("SELECT COUNT(*) FROM failed_attempt WHERE address_hash = ? AND attempted_at >= ?")
                .params(Secrets.hash(address), windowStart())
                .query(Long.class)
                .single();
        return recent >= MAX_FAILURES;
    }

    void recordFailure(String address) {
        long now = clock.millis();
        jdbc.sql("INSERT INTO failed_attempt (address_hash, attempted_at) VALUES (?, ?)")
                .params(Secrets.hash(address), now)
                .update();
        long last = lastPruned.get();
        if ((last == Long.MIN_VALUE || now - last >= PRUNE_EVERY_MILLIS) && lastPruned.compareAndSet(last, now)) {
            prune();
        }
    }

    /** Deletes the failures older than the window; returns how many. */
    int prune() {
        return jdbc.sql("DELETE FROM failed_attempt WHERE attempted_at < ?")
                .param(windowStart())
                .update();
    }

    private long windowStart() {
        return clock.millis() - WINDOW.toMillis();
    }
}
