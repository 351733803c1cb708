package org.alliance.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.OptionalInt;
import org.alliance.app.MutableClock;
import org.alliance.app.PageTest;
import org.alliance.app.TestDatabases;
import org.alliance.app.checkin.Invitations;
import org.alliance.app.system.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Issue 16, retention: clients are erased N months after their last meeting, only when nothing is open; the
 * administrator sees who first (dry run) and must confirm a run by hand; the nightly run happens once per
 * organisation and day even with several servers. The test clock stands at 2026-06-15.
 */
class RetentionTest extends PageTest {

    @Autowired
    Retention retention;

    @Autowired
    Invitations invitations;

    private long clients(String alias) {
        return jdbc.sql("SELECT COUNT(*) FROM client WHERE organisation_id = ? AND alias = ?")
                .params(world.organisation, alias)
                .query(Long.class)
                .single();
    }

    @Test
    void onlyClientsWhoseTimeIsUpAndWhoHaveNothingOpenAreDue() {
        // Kim: last meeting 2026-03-02. Three months before 2026-06-15 is 2026-03-15.
        long recent = world.newClient(world.professional.id(), "Recent");
        world.newMeeting(recent, world.professional.id(), LocalDate.of(2026, 5, 1));
        long planned = world.newClient(world.professional.id(), "Planned");
        world.newMeeting(planned, world.professional.id(), LocalDate.of(2026, 1, 5));
        world.newMeeting(planned, world.professional.id(), LocalDate.of(2026, 7, 1));
        long invited = world.newClient(world.professional.id(), "Invited");
        long old = world.newMeeting(invited, world.professional.id(), LocalDate.of(2026, 1, 5));
        invitations.issue(old, "alliance-client", world.professional.id(), Duration.ofHours(72));

        assertThat(retention.due(world.organisation)).as("no rule, nobody").isEmpty();
        retention.setMonths(world.organisation, OptionalInt.of(3));
        assertThat(retention.due(world.organisation))
                .extracting(Retention.Due::alias)
                .containsExactly("Kim");
    }

    @Test
    void theDryRunShowsWhoAndNothingGoesWithoutConfirmation() throws Exception {
        MockHttpServletResponse wrong = post(world.admin, "/admin/retention", "lang", "en", "months", "0");
        assertThat(wrong.getStatus()).isEqualTo(422);
        assertThat(wrong.getContentAsString()).contains("Enter a whole number of months from 1 to 1200");

        post(world.admin, "/admin/retention", "months", "3");
        String dryRun = get(world.admin, "/admin/retention", "lang", "en").getContentAsString();
        assertThat(dryRun)
                .contains("1 clients had their last meeting more than 3 months ago")
                .contains("K-" + world.suffix);

        assertThat(post(world.admin, "/admin/retention/apply").getStatus()).isEqualTo(422);
        assertThat(clients("Kim")).as("not confirmed: kept").isEqualTo(1);
        post(world.admin, "/admin/retention/apply", "confirm", "yes");
        assertThat(clients("Kim")).isZero();
        assertThat(context.getBean(AuditLog.class)
                        .find(
                                world.organisation,
                                new AuditLog.Filter(
                                        java.util.Optional.empty(),
                                        java.util.Optional.of("client erased (retention)"),
                                        java.util.List.of(),
                                        java.util.Optional.empty(),
                                        java.util.Optional.empty()),
                                10))
                .hasSize(1)
                .allSatisfy(e -> assertThat(e.subject()).doesNotContain("Kim").doesNotContain("K-"));
    }

    @Test
    void theNightlyRunErasesOncePerDay() {
        retention.setMonths(world.organisation, OptionalInt.of(3));
        retention.nightly();
        assertThat(clients("Kim")).isZero();
        long again = world.newClient(world.professional.id(), "Kim");
        world.newMeeting(again, world.professional.id(), LocalDate.of(2026, 1, 1));
        retention.nightly();
        assertThat(clients("Kim")).as("the day's run was claimed already").isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void aSecondServerCannotClaimTheSameDaysRun(String vendor) {
        JdbcClient db = org.alliance.app.system.SqliteConstraints.jdbcClient(TestDatabases.migrated(vendor, folder));
        long organisation = db.sql("INSERT INTO organisation (name, created_at) VALUES ('o', 0) RETURNING id")
                .query(Long.class)
                .single();
        MutableClock clock = new MutableClock();
        Retention first = new Retention(db, null, null, clock);
        Retention second = new Retention(db, null, null, clock);
        assertThat(first.claim(organisation, "2026-06-15")).isTrue();
        assertThat(second.claim(organisation, "2026-06-15")).isFalse();
        assertThat(second.claim(organisation, "2026-06-16")).isTrue();
    }
}
