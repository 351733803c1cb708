package org.alliance.app.checkin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How fast short codes may be guessed (docs/rules.md, "Guessing short codes"). Two counts, each over the last
 * {@link #WINDOW}: the wrong codes of one <em>entry session</em> (the browser that types them, recognised by a cookie)
 * and those of one <em>network address</em> (an IPv6 address counts by its /64, the block one household or phone
 * gets). Up to a free number of wrong codes nothing happens; after that each further try must wait a delay after
 * the latest wrong one that doubles with every wrong code, up to a longest delay. There is no lock: one person's
 * typing mistakes slow down that person first, and the clients who share a waiting room's address are slowed only
 * after many wrong codes, and then by seconds. A link with its 256-bit token never asks the limiter.
 *
 * <p><b>Counting under concurrency.</b> A try is written down <em>before</em> its code is looked up ({@link #begin}),
 * and every try then counts the others already written, including those still being looked up. So of any number of
 * simultaneous tries, only as many pass as the rule allows; a try that must wait takes its row back, and a right
 * code takes its row back ({@link #succeeded}); a wrong code leaves it. Rows live in the database (table
 * {@code failed_attempt}, keys stored as SHA-256 hashes), so the count survives a restart and is shared by every
 * server on one database; rows older than the window are deleted at most once a minute per server.
 */
@Component
class AttemptLimiter {

    static final Duration WINDOW = Duration.ofHours(1);

    /** One browser: five free wrong codes an hour, then 15 s, 30 s, 1 min, ... up to 15 minutes. */
    static final Rule PER_ENTRY = new Rule(5, Duration.ofSeconds(15), Duration.ofMinutes(15));

    /** One network address (a shared waiting room): twenty free, then 5 s, 10 s, 20 s, ... up to 15 minutes. */
    static final Rule PER_ADDRESS = new Rule(20, Duration.ofSeconds(5), Duration.ofMinutes(15));

    private static final long PRUNE_EVERY_MILLIS = Duration.ofMinutes(1).toMillis();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong lastPruned = new AtomicLong(Long.MIN_VALUE);

    AttemptLimiter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param free wrong codes in the window that cost nothing
     * @param firstDelay the wait after the first wrong code beyond the free ones
     * @param longestDelay the wait never grows beyond this
     */
    record Rule(int free, Duration firstDelay, Duration longestDelay) {

        /** How long after the latest wrong code the next try must wait, with this many wrong codes in the window. */
        Duration delay(long failures) {
            if (failures < free) {
                return Duration.ZERO;
            }
            long doublings = failures - free;
            if (doublings >= 40) {
                return longestDelay;
            }
            Duration delay = firstDelay.multipliedBy(1L << doublings);
            return delay.compareTo(longestDelay) > 0 ? longestDelay : delay;
        }
    }

    /**
     * Who is guessing.
     *
     * @param address the client's network address (behind a listed proxy: the one it forwards)
     * @param entry the entry-session cookie of the browser, when it sent one
     */
    record Guesser(String address, Optional<String> entry) {

        List<Key> keys() {
            List<Key> keys = new ArrayList<>(2);
            keys.add(new Key("address:" + addressBlock(address), PER_ADDRESS));
            entry.filter(e -> !e.isBlank() && e.length() <= 100)
                    .ifPresent(e -> keys.add(new Key("entry:" + e, PER_ENTRY)));
            return keys;
        }
    }

    private record Key(String name, Rule rule) {}

    /** The outcome of {@link #begin}: wait this long, or go ahead and look the code up. */
    sealed interface Attempt permits Wait, Go {}

    /** Too many wrong codes: nothing was looked up and nothing counted; try again after {@code left}. */
    record Wait(Duration left) implements Attempt {}

    /** The try is counted as wrong until {@link #succeeded} takes it back. */
    record Go(List<Long> rows) implements Attempt {}

    /** Writes this try down, then says whether it may go ahead (see the class comment). */
    Attempt begin(Guesser guesser) {
        long now = clock.millis();
        List<Key> keys = guesser.keys();
        List<Long> rows = new ArrayList<>(keys.size());
        for (Key key : keys) {
            rows.add(jdbc.sql("INSERT INTO failed_attempt (address_hash, attempted_at) VALUES (?, ?) RETURNING id")
                    .params(Secrets.hash(key.name()), now)
                    .query(Long.class)
                    .single());
        }
        Duration wait = Duration.ZERO;
        for (int i = 0; i < keys.size(); i++) {
            Key key = keys.get(i);
            Others others = jdbc.sql(
                            """
                            SELECT COUNT(*), MAX(attempted_at) FROM failed_attempt
                            WHERE address_hash = ? AND attempted_at > ? AND id <> ?""")
                    .params(Secrets.hash(key.name()), now - WINDOW.toMillis(), rows.get(i))
                    .query((rs, n) -> new Others(rs.getLong(1), rs.getLong(2)))
                    .single();
            Duration delay = key.rule().delay(others.count());
            if (!delay.isZero()) {
                Duration left = Duration.ofMillis(others.latest() + delay.toMillis() - now);
                if (left.compareTo(wait) > 0) {
                    wait = left;
                }
            }
        }
        if (!wait.isNegative() && !wait.isZero()) {
            delete(rows);
            return new Wait(wait);
        }
        pruneNowAndThen(now);
        return new Go(List.copyOf(rows));
    }

    /** The code was right: this try was no wrong guess. */
    void succeeded(Go go) {
        delete(go.rows());
    }

    private record Others(long count, long latest) {}

    private void delete(List<Long> rows) {
        for (long row : rows) {
            jdbc.sql("DELETE FROM failed_attempt WHERE id = ?").param(row).update();
        }
    }

    private void pruneNowAndThen(long now) {
        long last = lastPruned.get();
        if ((last == Long.MIN_VALUE || now - last >= PRUNE_EVERY_MILLIS) && lastPruned.compareAndSet(last, now)) {
            prune();
        }
    }

    /** Deletes the tries that left the window; returns how many. */
    int prune() {
        return jdbc.sql("DELETE FROM failed_attempt WHERE attempted_at <= ?")
                .param(clock.millis() - WINDOW.toMillis())
                .update();
    }

    /**
     * The block an address is counted by: an IPv4 address itself, an IPv6 address by its first 64 bits (one
     * subscriber's network; counting single IPv6 addresses would give a guesser 2<sup>64</sup> fresh ones).
     */
    static String addressBlock(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 16) {
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
