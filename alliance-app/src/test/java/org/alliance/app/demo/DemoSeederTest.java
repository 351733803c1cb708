package org.alliance.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.alliance.app.AllianceApplication;
import org.alliance.app.TestWorld;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.StoredCheckIn;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.UserAccounts;
import org.alliance.core.demo.DemoData;
import org.alliance.core.demo.DemoGenerator;
import org.alliance.core.demo.DemoOptions;
import org.alliance.core.instrument.Perspective;
import org.alliance.core.release.ReleaseChoice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The demo database as {@code ./alliance demo} fills it. This is the one Spring test with its own context (profile
 * {@code demo} on its own SQLite file), because the seeder runs only on an empty demo database.
 */
@SpringBootTest(
        classes = AllianceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/demo-${random.uuid}.db?journal_mode=WAL"
                    + "&busy_timeout=10000&foreign_keys=true&synchronous=NORMAL&transaction_mode=IMMEDIATE",
            "logging.level.org.flywaydb=warn"
        })
@ActiveProfiles("demo")
class DemoSeederTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoSeeder seeder;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Clock clock;

    /** What the generator makes for the tests' fixed today; the seeder must have stored exactly this. */
    private DemoData generated() {
        return DemoGenerator.generate(DemoOptions.demo(DemoSeeder.SEED, LocalDate.now(clock)));
    }

    /** The generator's meetings; the joint-meeting demo (JointDemoSeeder) adds its own, checked in its own test. */
    private static final String NOT_JOINT_MEETING = "id NOT IN (SELECT meeting_id FROM joint_meeting)";

    private static final String NOT_JOINT_CHECK_IN =
            "check_in.meeting_id NOT IN (SELECT meeting_id FROM joint_meeting)";

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void theDemoDatabaseHoldsEverythingTheGeneratorMade() {
        DemoData data = generated();
        assertThat(data.clients()).hasSize(60);
        assertThat(data.meetings()).hasSizeBetween(500, 700);

        // The generated organisation, and the debt service that the joint-meeting demo adds with its one
        // professional (JointDemoSeeder, user dirk, no team).
        assertThat(count("SELECT COUNT(*) FROM organisation")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM team")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM app_user WHERE role = 'PROFESSIONAL' AND team_id IS NOT NULL"))
                .isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM app_user WHERE role = 'PROFESSIONAL' AND team_id IS NULL"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM app_user WHERE role <> 'PROFESSIONAL'"))
                .isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM client"))
                .isEqualTo(data.clients().size());
        assertThat(count("SELECT COUNT(*) FROM meeting WHERE " + NOT_JOINT_MEETING))
                .isEqualTo(data.meetings().size());
        assertThat(count("SELECT COUNT(*) FROM check_in WHERE " + NOT_JOINT_CHECK_IN))
                .isEqualTo(data.checkIns().size());
        assertThat(count("SELECT COUNT(*) FROM check_in WHERE perspective = 'professional' AND " + NOT_JOINT_CHECK_IN))
                .isEqualTo(data.checkIns().stream()
                        .filter(c -> c.perspective() == Perspective.PROFESSIONAL)
                        .count());
        long answers =
                data.checkIns().stream().mapToLong(c -> c.answers().size()).sum();
        assertThat(count("SELECT COUNT(*) FROM answer a JOIN check_in ON check_in.id = a.check_in_id WHERE "
                        + NOT_JOINT_CHECK_IN))
                .isEqualTo(answers);
        assertThat(count("SELECT COUNT(*) FROM check_in WHERE release_choice = 'TEAM_ONLY' AND " + NOT_JOINT_CHECK_IN))
                .isEqualTo(data.checkIns().stream()
                        .filter(c -> c.perspective() == Perspective.CLIENT && c.release() == ReleaseChoice.TEAM_ONLY)
                        .count())
                .isPositive();
    }

    @Test
    void releaseStateFollowsTheClientsChoice() {
        assertThat(count("SELECT COUNT(*) FROM check_in WHERE release_choice = 'NOW' AND released_at IS NULL"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM check_in WHERE release_choice <> 'NOW' AND released_at IS NOT NULL"))
                .as("'next meeting' is decided when reading, 'team figures only' never")
                .isZero();
        assertThat(count(
                        "SELECT COUNT(*) FROM check_in WHERE perspective = 'professional' AND release_choice <> 'NOW'"))
                .isZero();
        // "At our next meeting", as the professional's pages read it: shown exactly when a later meeting took
        // place (every demo meeting lies before today), hidden after the latest one.
        CheckIns checkIns = context.getBean(CheckIns.class);
        long shown = 0;
        for (long client : jdbc.sql("SELECT id FROM client").query(Long.class).list()) {
            String latest = jdbc.sql("SELECT MAX(meeting_date) FROM meeting WHERE client_id = ?")
                    .param(client)
                    .query(String.class)
                    .single();
            for (StoredCheckIn checkIn : checkIns.forClient(client, false)) {
                if (checkIn.release() == ReleaseChoice.NEXT_MEETING) {
                    boolean later = checkIn.meetingDate().isBefore(LocalDate.parse(latest));
                    assertThat(checkIn.released())
                            .as("check-in " + checkIn.id())
                            .isEqualTo(later);
                    shown += later ? 1 : 0;
                }
            }
        }
        assertThat(shown).isPositive();
    }

    @Test
    void everyPrintedLoginSignsInWithTheDemoPassword() {
        List<DemoSeeder.DemoLogin> logins = seeder.logins();
        assertThat(logins)
                .extracting(DemoSeeder.DemoLogin::role)
                .contains("professional", "team_lead", "researcher", "admin");
        // Six generated professionals, lead, research, admin, and dirk of the joint-meeting demo.
        assertThat(logins).hasSize(10);
        for (DemoSeeder.DemoLogin login : logins) {
            CurrentUser user = accounts.loadUserByUsername(login.username());
            assertThat(context.getBean(org.springframework.security.crypto.password.PasswordEncoder.class)
                            .matches(DemoSeeder.PASSWORD, user.getPassword()))
                    .as(login.username())
                    .isTrue();
        }
    }

    @Test
    void theStartPageListsTheDemoAccountsAndWhatToTry() throws Exception {
        MockMvc mvc = TestWorld.mvc(context);
        String page = mvc.perform(MockMvcRequestBuilders.get("/").param("lang", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Demo accounts (password for all: demo)");
        for (DemoSeeder.DemoLogin login : seeder.logins()) {
            assertThat(page).contains("<th scope=\"row\">" + login.username() + "</th>");
        }
        assertThat(page).contains("Team lead").contains("Administrator").contains("Wijkteam Noord");
        assertThat(page).contains("Professional daan rates the work together clearly higher");
        assertThat(page).contains("Sign in as a team lead");
    }

    @Test
    void aDemoProfessionalSeesScoresOnEveryClientPage() throws Exception {
        MockMvc mvc = TestWorld.mvc(context);
        CurrentUser professional = accounts.loadUserByUsername("anouk");
        List<Long> clients = jdbc.sql("SELECT id FROM client WHERE professional_id = ? ORDER BY id")
                .param(professional.id())
                .query(Long.class)
                .list();
        assertThat(clients).hasSize(10);
        List<String> pages = new ArrayList<>();
        for (long client : clients) {
            pages.add(mvc.perform(MockMvcRequestBuilders.get("/clients/" + client)
                            .param("lang", "en")
                            .with(user(professional)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
        }
        assertThat(pages).allSatisfy(page -> assertThat(page).contains("<svg").contains("<table"));
    }

    @Test
    void everySituationTheStartPagePromisesShowsOnTheClientsPages() throws Exception {
        new DemoStoryCheck(context).everyPromiseHolds();
    }
}
