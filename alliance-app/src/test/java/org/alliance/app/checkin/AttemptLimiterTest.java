package org.alliance.app.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.alliance.app.MutableClock;
import org.alliance.app.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The wrong-code limit on both databases: ten failures within fifteen minutes block an address and no other, the
 * block ends when the failures are older than the window, it holds for a second limiter on the same database (a
 * restarted server, or a second server), old rows are deleted and addresses are not stored in the clear.
 */
class AttemptLimiterTest {

    @TempDir
    static Path folder;

    private static JdbcClient database(String vendor) throws Exception {
        DataSource dataSource = TestDatabases.migrated(vendor, folder);
        return JdbcClient.create(dataSource);
    }

    @AfterAll
    static void close() {
        TestDatabases.closeAll();
    }

    private static long rows(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM failed_attempt").query(Long.class).single();
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void tenFailuresWithinTheWindowBlockThatAddressOnly(String vendor) throws Exception {
        MutableClock clock = new MutableClock();
        AttemptLimiter limiter = new AttemptLimiter(database(vendor), clock);
        for (int i = 0; i < AttemptLimiter.MAX_FAILURES - 1; i++) {
            limiter.recordFailure("192.0.2.1");
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(limiter.blocked("192.0.2.1")).as("nine failures").isFalse();
        limiter.recordFailure("192.0.2.1");
        assertThat(limiter.blocked("192.0.2.1")).as("ten failures").isTrue();
        assertThat(limiter.blocked("192.0.2.2")).as("another address").isFalse();
        assertThat(limiter.blocked("2001:db8::1")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void theBlockEndsWhenTheOldestFailureLeavesTheWindow(String vendor) throws Exception {
        MutableClock clock = new MutableClock();
        AttemptLimiter limiter = new AttemptLimiter(database(vendor), clock);
        limiter.recordFailure("192.0.2.1");
        clock.advance(Duration.ofMinutes(5));
        for (int i = 1; i < AttemptLimiter.MAX_FAILURES; i++) {
            limiter.recordFailure("192.0.2.1");
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(limiter.blocked("192.0.2.1"))
                .as("the first failure is exactly fifteen minutes old: still counted")
                .isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.blocked("192.0.2.1"))
                .as("nine failures left in the window")
                .isFalse();
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void theLimitHoldsAcrossTwoLimitersOnOneDatabase(String vendor) throws Exception {
        MutableClock clock = new MutableClock();
        JdbcClient jdbc = database(vendor);
        AttemptLimiter first = new AttemptLimiter(jdbc, clock);
        AttemptLimiter second = new AttemptLimiter(jdbc, clock);
        for (int i = 0; i < AttemptLimiter.MAX_FAILURES / 2; i++) {
            first.recordFailure("198.51.100.9");
            second.recordFailure("198.51.100.9");
        }
        assertThat(first.blocked("198.51.100.9")).isTrue();
        assertThat(second.blocked("198.51.100.9")).isTrue();
        // A server started afterwards (a restart) knows the failures too.
        assertThat(new AttemptLimiter(jdbc, clock).blocked("198.51.100.9")).isTrue();
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void oldFailuresAreDeletedAndAddressesAreStoredAsHashes(String vendor) throws Exception {
        MutableClock clock = new MutableClock();
        JdbcClient jdbc = database(vendor);
        AttemptLimiter limiter = new AttemptLimiter(jdbc, clock);
        for (int i = 0; i < 3; i++) {
            limiter.recordFailure("203.0.113.5");
        }
        assertThat(jdbc.sql("SELECT address_hash FROM failed_attempt")
                        .query(String.class)
                        .list())
                .hasSize(3)
                .allSatisfy(hash -> assertThat(hash).doesNotContain("203").hasSize(64));
        clock.advance(AttemptLimiter.WINDOW.plusMinutes(1));
        limiter.recordFailure("203.0.113.6");
        assertThat(rows(jdbc)).as("only the new failure is left").isEqualTo(1);
        assertThat(limiter.prune()).isZero();
    }
}
