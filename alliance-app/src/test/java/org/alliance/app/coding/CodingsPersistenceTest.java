package org.alliance.app.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.alliance.app.DatabaseTest;
import org.alliance.app.MutableClock;
import org.alliance.app.TestDatabases;
import org.alliance.core.observation.Modality;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The coding store on SQLite and PostgreSQL: migration V4 applies, a coder has one session per meeting, an event
 * saved twice under the same key is stored once (autosave retries), a running state keeps its empty end, and a
 * settled version replaces the previous one.
 */
class CodingsPersistenceTest extends DatabaseTest {

    record Store(JdbcClient jdbc, Codings codings, long meeting, long coder, long secondCoder) {
        long events() {
            return jdbc.sql("SELECT COUNT(*) FROM coding_event")
                    .query(Long.class)
                    .single();
        }
    }

    /** The seeded professional codes, and a researcher of the same team codes too. */
    private static Store store(String vendor) throws Exception {
        TestDatabases.Seeded seeded = TestDatabases.seeded(vendor, folder, LocalDate.of(2026, 1, 5));
        JdbcClient jdbc = seeded.jdbc();
        long second = jdbc.sql(
                        """
                        INSERT INTO app_user (organisation_id, team_id, username, display_name, password_hash, role,
                                              enabled, created_at)
                        VALUES (?, ?, 'r', 'Name r', '{noop}x', 'RESEARCHER', TRUE, 0) RETURNING id""")
                .params(seeded.organisation(), seeded.team())
                .query(Long.class)
                .single();
        Codings codings = new Codings(
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(seeded.dataSource())),
                new MutableClock());
        return new Store(jdbc, codings, seeded.meeting(), seeded.professional(), second);
    }

    private static CodedEvent state(String key, String code, long start, Long end) {
        return new CodedEvent(key, "client", Modality.VERBAL, code, start, end, CodedEvent.Kind.STATE, "");
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void aCoderHasOneSessionPerMeeting(String vendor) throws Exception {
        Store store = store(vendor);
        long first = store.codings().openSession(store.meeting(), store.coder());
        long again = store.codings().openSession(store.meeting(), store.coder());
        long other = store.codings().openSession(store.meeting(), store.secondCoder());
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(store.codings().sessions(store.meeting()))
                .extracting(CodingSession::coderName)
                .containsExactly("P", "Name r");
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void anEventSavedTwiceUnderOneKeyIsStoredOnceWithItsLatestValues(String vendor) throws Exception {
        Store store = store(vendor);
        long session = store.codings().openSession(store.meeting(), store.coder());
        store.codings().save(session, state("k1", "open-communication", 1200, null));
        store.codings().save(session, state("k1", "open-communication", 1200, null));
        assertThat(store.events()).isEqualTo(1);
        assertThat(store.codings().events(session).get(0).running()).isTrue();

        store.codings().save(session, state("k1", "open-communication", 1200, 4500L));
        CodedEvent nod = new CodedEvent(
                "k2", "professional-a", Modality.NON_VERBAL, "team-support", 300, null, CodedEvent.Kind.POINT, "nods");
        store.codings().save(session, nod);
        List<CodedEvent> events = store.codings().events(session);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(nod);
        assertThat(events.get(1)).isEqualTo(state("k1", "open-communication", 1200, 4500L));
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void deletingRemovesOnlyThatEventOfThatSession(String vendor) throws Exception {
        Store store = store(vendor);
        long mine = store.codings().openSession(store.meeting(), store.coder());
        long theirs = store.codings().openSession(store.meeting(), store.secondCoder());
        store.codings().save(mine, state("same-key", "conflict", 0, 10L));
        store.codings().save(theirs, state("same-key", "conflict", 0, 10L));
        assertThat(store.codings().delete(mine, "same-key")).isTrue();
        assertThat(store.codings().delete(mine, "same-key")).isFalse();
        assertThat(store.codings().events(mine)).isEmpty();
        assertThat(store.codings().events(theirs)).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void aNewSettledVersionReplacesTheEarlierOne(String vendor) throws Exception {
        Store store = store(vendor);
        long a = store.codings().openSession(store.meeting(), store.coder());
        long b = store.codings().openSession(store.meeting(), store.secondCoder());
        long settled =
                store.codings().settle(store.meeting(), store.coder(), a, b, List.of(state("s1", "conflict", 0, 5L)));
        long again = store.codings()
                .settle(
                        store.meeting(),
                        store.coder(),
                        a,
                        b,
                        List.of(state("s2", "team-support", 0, 5L), state("s3", "conflict", 6, 9L)));
        assertThat(again).isEqualTo(settled);
        assertThat(store.codings().events(settled)).extracting(CodedEvent::key).containsExactly("s2", "s3");
        CodingSession session = store.codings().session(settled).orElseThrow();
        assertThat(session.kind()).isEqualTo(CodingSession.Kind.SETTLED);
        assertThat(session.firstSourceId()).isEqualTo(a);
        assertThat(session.secondSourceId()).isEqualTo(b);
    }
}
