package org.alliance.app.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.alliance.app.DatabaseTest;
import org.alliance.app.TestDatabases;
import org.alliance.app.conversation.ConversationPrompts.Signal;
import org.alliance.app.conversation.Discussions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The issue 17 tables (V20 expectations, V21 discussed records, V22 learning plan; its self-check in joint/SelfChecksPersistenceTest) on SQLite and
 * PostgreSQL alike: their SQL upserts with {@code ON CONFLICT ... excluded} and stores BOOLEAN, which the two
 * vendors accept under different rules, so each statement is run on both.
 */
class LearningTeamPersistenceTest extends DatabaseTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T08:00:00Z"), ZoneOffset.UTC);

    private record World(JdbcClient jdbc, long organisation, long team, long professional, long client, long meeting) {}

    private static World world(String vendor) {
        TestDatabases.Seeded s = TestDatabases.seeded(vendor, folder, LocalDate.parse("2026-06-15"));
        return new World(s.jdbc(), s.organisation(), s.team(), s.professional(), s.client(), s.meeting());
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void aDiscussedRecordIsReplacedAndKeepsItsBoolean(String vendor) {
        World world = world(vendor);
        Discussions discussions = new Discussions(world.jdbc(), CLOCK);

        discussions.record(world.client(), world.meeting(), Signal.LOW, true, "We talked", world.professional());
        discussions.record(world.client(), world.meeting(), Signal.LOW, false, " ", world.professional());
        discussions.record(world.client(), world.meeting(), Signal.GAP, true, "Shorter sessions", world.professional());

        assertThat(discussions.ofClient(world.client()))
                .extracting(Discussions.Discussed::signal, Discussions.Discussed::discussed, d -> d.whatChanged()
                        .orElse("-"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Signal.GAP, true, "Shorter sessions"),
                        org.assertj.core.groups.Tuple.tuple(Signal.LOW, false, "-"));
        assertThat(discussions.ofTeam(world.team(), LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-30")))
                .extracting(Discussions.TeamRecord::discussed)
                .containsExactlyInAnyOrder(true, false);
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void theLearningPlansGoalsAreReplacedAndItsSessionsKept(String vendor) {
        World world = world(vendor);
        LearningPlans plans = new LearningPlans(world.jdbc(), CLOCK);

        plans.saveGoals(world.team(), "Ask for feedback", world.professional());
        plans.saveGoals(world.team(), "Ask for feedback every meeting", world.professional());
        plans.addSession(world.team(), LocalDate.parse("2026-07-01"), "Closing: keep the diary", world.professional());
        plans.addSession(world.team(), LocalDate.parse("2026-05-01"), "Intake", world.professional());

        assertThat(plans.goals(world.team())).contains("Ask for feedback every meeting");
        assertThat(plans.sessions(world.team()))
                .extracting(LearningPlans.Session::notes)
                .containsExactly("Intake", "Closing: keep the diary");
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void expectationAnswersKeepTheirItemsWithAndWithoutALevel(String vendor) {
        World world = world(vendor);
        JdbcClient jdbc = world.jdbc();
        jdbc.sql(
                        "INSERT INTO expectation_setting (organisation_id, revisit_kind, revisit_number) VALUES (?, 'WEEKS', 6)")
                .param(world.organisation())
                .update();
        long answer = jdbc.sql(
                        """
                        INSERT INTO expectation_answer (client_id, meeting_id, perspective, occasion, author_id,
                            release_choice, language, idempotency_key, submitted_at)
                        VALUES (?, ?, 'professional', 'INTAKE', ?, 'SHARE', 'nl', 'k1', 0) RETURNING id""")
                .params(world.client(), world.meeting(), world.professional())
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO expectation_item (answer_id, item_id, level, text_value) VALUES (?, ?, ?, ?)")
                .params(answer, "hope", 4, "Rust")
                .update();
        jdbc.sql("INSERT INTO expectation_item (answer_id, item_id, level, text_value) VALUES (?, ?, ?, ?)")
                .params(answer, "help", null, "Samen plannen")
                .update();

        assertThat(jdbc.sql("SELECT item_id, level FROM expectation_item WHERE answer_id = ? ORDER BY item_id")
                        .param(answer)
                        .query((rs, row) -> rs.getString(1) + "=" + rs.getObject(2))
                        .list())
                .containsExactly("help=null", "hope=4");
        assertThat(jdbc.sql("SELECT revisit_number FROM expectation_setting WHERE organisation_id = ?")
                        .param(world.organisation())
                        .query(Integer.class)
                        .single())
                .isEqualTo(6);
    }
}
