package org.alliance.app.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.alliance.app.MutableClock;
import org.alliance.app.TestDatabases;
import org.alliance.core.observation.Modality;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
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
class CodingsPersistenceTest {

    @TempDir
    static Path folder;

    record Store(JdbcClient jdbc, Codings codings, long meeting, long coder, long secondCoder) {
        long events() {
            return jdbc.sql("SELECT COUNT(*) FROM coding_event")
                    .query(Long.class)
                    .single();
        }
    }

    private static Store store(String vendor) throws Exception {
        DataSource dataSource = TestDatabases.migrated(vendor, folder);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long organisation = jdbc.sql("INSERT INTO organisation (name, created_at) VALUES ('Test', 0) RETURNING id")
                .query(Long.class)
                .single();
        long team = jdbc.sql("INSERT INTO team (organisation_id, name) VALUES (?, 'T') RETURNING id")
                .param(organisation)
                .query(Long.class)
                .single();
        long coder = user(jdbc, organisation, team, "p", "PROFESSIONAL");
        long second = user(jdbc, organisation, team, "r", "RESEARCHER");
        long client = jdbc.sql(
                        """
                        INSERT INTO client (organisation_id, team_id, professional_id, alias, internal_id, created_at)
                        VALUES (?, ?, ?, 'Kim', 'K1', 0) RETURNING id""")
                .params(organisation, team, coder)
                .query(Long.class)
                .single();
        long meeting = jdbc.sql(
                        """
                        INSERT INTO meeting (client_id, professional_id, meeting_date, kind, created_at)
                        VALUES (?, ?, '2026-01-05', 'JOINT', 0) RETURNING id""")
                .params(client, coder)
                .query(Long.class)
                .single();
        Codings codings = new Codings(
                jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), new MutableClock());
        return new Store(jdbc, codings, meeting, coder, second);
    }

    private static long user(JdbcClient jdbc, long organisation, long team, String name, String role) {
        return jdbc.sql(
                        """
                        INSERT INTO app_user (organisation_id, team_id, username, display_name, password_hash, role,
                                              enabled, created_at)
                        VALUES (?, ?, ?, ?, '{noop}x', ?, TRUE, 0) RETURNING id""")
                .params(organisation, team, name, "Name " + name, role)
                .query(Long.class)
                .single();
    }

    @AfterAll
    static void close() {
        TestDatabases.closeAll();
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
                .containsExactly("Name p", "Name r");
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
        store.codings()
                .save(
                        session,
                        new CodedEvent(
                                "k2",
                                "professional-a",
                                Modality.NON_VERBAL,
                                "team-support",
                                300,
                                null,
                                CodedEvent.Kind.POINT,
                                "nods"));
        List<CodedEvent> events = store.codings().events(session);
        assertThat(events).hasSize(2);
        assertThat(events.get(0))
                .isEqualTo(new CodedEvent(
                        "k2",
                        "professional-a",
                        Modality.NON_VERBAL,
                        "team-support",
                        300,
                        null,
                        CodedEvent.Kind.POINT,
                        "nods"));
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
