package org.alliance.app.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.alliance.app.AtOnce;
import org.alliance.app.DatabaseTest;
import org.alliance.app.MutableClock;
import org.alliance.app.TestDatabases;
import org.alliance.app.checkin.AttemptLimiter.Attempt;
import org.alliance.app.checkin.AttemptLimiter.Go;
import org.alliance.app.checkin.AttemptLimiter.Guesser;
import org.alliance.app.checkin.AttemptLimiter.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The guessing limit for short codes on both databases (docs/rules.md, "Guessing short codes"): free wrong codes,
 * then a delay that doubles per wrong code, counted per browser and per address; no lock for the others in a waiting
 * room; simultaneous tries cannot slip past the count; the bound on codes per hour that docs/rules.md states.
 */
class AttemptLimiterTest extends DatabaseTest {

    private static final String ROOM = "192.0.2.1";

    private static JdbcClient database(String vendor) {
        DataSource dataSource = TestDatabases.migrated(vendor, folder);
        return JdbcClient.create(dataSource);
    }

    private static long rows(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM failed_attempt").query(Long.class).single();
    }

    private static Guesser browser(String address, String entry) {
        return new Guesser(address, Optional.of(entry));
    }

    private static Guesser noCookie(String address) {
        return new Guesser(address, Optional.empty());
    }

    /** A wrong code: the try goes ahead and its row stays. */
    private static void wrong(AttemptLimiter limiter, Guesser guesser) {
        assertThat(limiter.begin(guesser)).as("a wrong code may be tried").isInstanceOf(Go.class);
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void aBrowserGetsFiveFreeWrongCodesThenADelayThatDoubles(String vendor) {
        MutableClock clock = new MutableClock();
        AttemptLimiter limiter = new AttemptLimiter(database(vendor), clock);
        Guesser me = browser(ROOM, "browser-1");
        for (int i = 0; i < AttemptLimiter.PER_ENTRY.free(); i++) {
            wrong(limiter, me);
            clock.advance(Duration.ofSeconds(1));
        }
        Attempt sixth = limiter.begin(me);
        assertThat(sixth).isInstanceOf(Wait.class);
        assertThat(((Wait) sixth).left()).isEqualTo(Duration.ofSeconds(14));
        clock.advance(Duration.ofSeconds(14));
        wrong(limiter, me);
        assertThat(limiter.begin(me)).as("right after the sixth wrong code").isInstanceOf(Wait.class);
        clock.advance(Duration.ofSeconds(29));
        assertThat(((Wait) limiter.begin(me)).left())
                .as("the next delay is 30 s after the latest wrong code")
                .isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        wrong(limiter, me);
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void oneClientsMistakesDoNotSlowDownTheOthersInTheWaitingRoom(String vendor) {
        MutableClock clock = new MutableClock();
        AttemptLimiter limiter = new AttemptLimiter(database(vendor), clock);
        // Nine wrong codes from one browser used to lock the whole address for 15 minutes.
        for (int i = 0; i < 9; i++) {
            limiter.begin(browser(ROOM, "mistyping"));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(limiter.begin(browser(ROOM, "mistyping"))).isInstanceOf(Wait.class);
        for (int other = 0; other < 10; other++) {
            assertThat(limiter.begin(browser(ROOM, "client-" + other)))
                    .as("another client's phone on the same address")
                    .isInstanceOf(Go.class);
        }
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void anAddressIsSlowedAfterTwentyWrongCodesAndOnlyBySeconds(String vendor) {
        MutableClock clock = new MutableClock();
        AttemptLimiter limiter = new AttemptLimiter(database(vendor), clock);
        for (int i = 0; i < AttemptLimiter.PER_ADDRESS.free(); i++) {
            wrong(limiter, noCookie(ROOM));
        }
        Attempt next = limiter.begin(browser(ROOM, "a-new-phone"));
        assertThat(next).isInstanceOf(Wait.class);
        assertThat(((Wait) next).left()).isEqualTo(AttemptLimiter.PER_ADDRESS.firstDelay());
        assertThat(limiter.begin(noCookie("192.0.2.2"))).as("another address").isInstanceOf(Go.class);
        clock.advance(AttemptLimiter.PER_ADDRESS.firstDelay());
        assertThat(limiter.begin(browser(ROOM, "a-new-phone"))).isInstanceOf(Go.class);
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void triesRefusedForWaitingAreNotCountedAndTheCountEndsWithTheWindow(String vendor) {
        MutableClock clock = new MutableClock();
        JdbcClient jdbc = database(vendor);
        AttemptLimiter limiter = new AttemptLimiter(jdbc, clock);
        Guesser me = browser(ROOM, "b");
        for (int i = 0; i < AttemptLimiter.PER_ENTRY.free(); i++) {
            wrong(limiter, me);
        }
        long counted = rows(jdbc);
        for (int i = 0; i < 50; i++) {
            assertThat(limiter.begin(me)).isInstanceOf(Wait.class);
        }
        assertThat(rows(jdbc)).as("hammering while waiting adds nothing").isEqualTo(counted);
        clock.advance(AttemptLimiter.WINDOW.minusMillis(1));
        assertThat(limiter.begin(me))
                .as("the wrong codes are still in the window")
                .isInstanceOf(Go.class);
        assertThat(limiter.begin(me)).as("six of them now").isInstanceOf(Wait.class);
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.begin(me)).as("the first five left the window").isInstanceOf(Go.class);
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void aRightCodeIsNoWrongGuess(String vendor) {
        MutableClock clock = new MutableClock();
        JdbcClient jdbc = database(vendor);
        AttemptLimiter limiter = new AttemptLimiter(jdbc, clock);
        for (int i = 0; i < 30; i++) {
            Attempt attempt = limiter.begin(browser(ROOM, "many-clients"));
            assertThat(attempt).isInstanceOf(Go.class);
            limiter.succeeded((Go) attempt);
        }
        assertThat(rows(jdbc)).isZero();
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void simultaneousWrongGuessesCannotSlipPastTheCount(String vendor) throws Exception {
        MutableClock clock = new MutableClock();
        JdbcClient jdbc = database(vendor);
        AttemptLimiter limiter = new AttemptLimiter(jdbc, clock);
        int tries = 40;
        int went = 0;
        for (Attempt attempt : AtOnce.results(8, tries, () -> limiter.begin(noCookie("198.51.100.7")))) {
            went += attempt instanceof Go ? 1 : 0;
        }
        assertThat(went).isBetween(1, AttemptLimiter.PER_ADDRESS.free());
        assertThat(rows(jdbc)).as("only the tries that went ahead are counted").isEqualTo(went);
    }

    @Test
    void aGuesserGetsAtMostThirtyCodesInAnyHourFromOneAddress() {
        MutableClock clock = new MutableClock();
        AttemptLimiter limiter = new AttemptLimiter(database("sqlite"), clock);
        List<Long> tried = new ArrayList<>();
        long start = clock.millis();
        long end = start + Duration.ofHours(48).toMillis();
        int i = 0;
        while (clock.millis() < end) {
            // The best a guesser can do: a new cookie-less request, or a new IPv6 address of the same /64,
            // the moment the limiter allows one.
            Attempt attempt = limiter.begin(noCookie("2001:db8:1:2:" + Integer.toHexString(i++ % 65536) + "::1"));
            if (attempt instanceof Wait wait) {
                clock.advance(wait.left());
            } else {
                tried.add(clock.millis());
                clock.advance(Duration.ofMillis(1));
            }
        }
        int most = 0;
        for (int first = 0; first < tried.size(); first++) {
            int last = first;
            while (last < tried.size()
                    && tried.get(last) < tried.get(first) + Duration.ofHours(1).toMillis()) {
                last++;
            }
            most = Math.max(most, last - first);
        }
        assertThat(most).as("codes in the busiest hour (docs/rules.md)").isEqualTo(30);
        assertThat(tried.size() / 48.0).as("codes per hour over two days").isBetween(22.0, 24.0);
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void theCountHoldsAcrossTwoLimitersOnOneDatabase(String vendor) {
        MutableClock clock = new MutableClock();
        JdbcClient jdbc = database(vendor);
        AttemptLimiter first = new AttemptLimiter(jdbc, clock);
        AttemptLimiter second = new AttemptLimiter(jdbc, clock);
        for (int i = 0; i < AttemptLimiter.PER_ADDRESS.free() / 2; i++) {
            wrong(first, noCookie("198.51.100.9"));
            wrong(second, noCookie("198.51.100.9"));
        }
        assertThat(first.begin(noCookie("198.51.100.9"))).isInstanceOf(Wait.class);
        assertThat(second.begin(noCookie("198.51.100.9"))).isInstanceOf(Wait.class);
        // A server started afterwards (a restart) knows the wrong codes too.
        assertThat(new AttemptLimiter(jdbc, clock).begin(noCookie("198.51.100.9")))
                .isInstanceOf(Wait.class);
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void oldTriesAreDeletedAndKeysAreStoredAsHashes(String vendor) {
        MutableClock clock = new MutableClock();
        JdbcClient jdbc = database(vendor);
        AttemptLimiter limiter = new AttemptLimiter(jdbc, clock);
        for (int i = 0; i < 3; i++) {
            wrong(limiter, browser("203.0.113.5", "cookie-value"));
        }
        assertThat(jdbc.sql("SELECT address_hash FROM failed_attempt")
                        .query(String.class)
                        .list())
                .hasSize(6)
                .allSatisfy(hash -> assertThat(hash)
                        .doesNotContain("203")
                        .doesNotContain("cookie")
                        .hasSize(64));
        clock.advance(AttemptLimiter.WINDOW.plusMinutes(1));
        wrong(limiter, noCookie("203.0.113.6"));
        assertThat(rows(jdbc)).as("only the new try is left").isEqualTo(1);
        assertThat(limiter.prune()).isZero();
    }

    @Test
    void anIpv6AddressCountsByItsSixtyFourBitBlock() {
        assertThat(AttemptLimiter.addressBlock("2001:db8:1:2:aaaa::1"))
                .isEqualTo(AttemptLimiter.addressBlock("2001:0db8:0001:0002:ffff:1:2:3"))
                .isNotEqualTo(AttemptLimiter.addressBlock("2001:db8:1:3::1"));
        assertThat(AttemptLimiter.addressBlock("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(AttemptLimiter.addressBlock("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
    }
}
