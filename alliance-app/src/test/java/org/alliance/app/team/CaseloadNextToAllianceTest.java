package org.alliance.app.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.alliance.app.checkin.Invitations;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Role;
import org.alliance.app.system.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Caseload next to alliance on the team page: only from five professionals on, in bands, naming nobody. */
class CaseloadNextToAllianceTest extends PageTest {

    @Autowired
    Invitations invitations;

    @Autowired
    UserAccounts accounts;

    @Autowired
    org.alliance.app.organisation.Organisations organisations;

    @Autowired
    org.alliance.app.caseload.Caseload caseload;

    private final List<CurrentUser> professionals = new ArrayList<>();

    @BeforeEach
    void setUp() {
        professionals.add(world.professional);
        professionals.add(world.otherProfessional);
        for (int i = 3; i <= 5; i++) {
            String name = "pro" + i + "-" + world.suffix;
            professionals.add(world.newProfessional(name));
        }
    }

    /** A client of the professional who answers every item {@code value}. */
    private void answeringClient(CurrentUser professional, int number, int value) throws Exception {
        long client = world.newClient(professional.id(), "C" + number);
        long meeting = world.newMeeting(client, professional.id(), LocalDate.of(2026, 5, 1));
        String token = invitations
                .issue(meeting, "alliance-client", professional.id(), Duration.ofHours(72))
                .token();
        mvc.perform(TestWorld.allianceClientAnswers(token, value, "NOW", "caseload-" + number + "-" + world.suffix));
    }

    private String caseloadSection() throws Exception {
        return caseloadSection("/team");
    }

    private String caseloadSection(String path) throws Exception {
        String page = englishPage(path, world.teamLead);
        int start = page.indexOf("class=\"caseload-bands\"");
        return page.substring(start, page.indexOf("</section>", start));
    }

    @Test
    void fourProfessionalsWithClientsShowNoCaseloadFigure() throws Exception {
        // The world's professional has one client already; three more professionals get one each.
        for (int i = 1; i <= 3; i++) {
            answeringClient(professionals.get(i), i, 4);
        }
        String section = caseloadSection();
        assertThat(section).contains("Not shown: 4 professionals with clients in the team, at least 5 are needed");
        assertThat(section).doesNotContain("<table");
    }

    @Test
    void fiveProfessionalsShareOneBandAndNoneIsNamed() throws Exception {
        for (int i = 1; i <= 4; i++) {
            answeringClient(professionals.get(i), i, 4);
        }
        answeringClient(professionals.get(0), 5, 4);
        String section = caseloadSection();
        assertThat(section).contains("1 to 10 clients").contains("<td>5</td>").contains("<td>6</td>");
        assertThat(section).doesNotContain("Too few answers");
        for (CurrentUser professional : professionals) {
            assertThat(section).doesNotContain(professional.getUsername());
        }
    }

    /**
     * Three professionals in the team and two in another team of the organisation: neither team page may show
     * bands, the organisation's page shows one band of five; professionals of other organisations do not count.
     */
    @Test
    void theOrganisationsPageBandsProfessionalsOfEveryTeamAndNamesNone() throws Exception {
        long otherTeam = organisations.createTeam(world.organisation, "Second team " + world.suffix);
        List<CurrentUser> elsewhere = new ArrayList<>();
        for (int i = 6; i <= 7; i++) {
            String name = "pro" + i + "-" + world.suffix;
            accounts.create(world.organisation, otherTeam, name, "Name " + name, TestWorld.PASSWORD, Role.PROFESSIONAL);
            elsewhere.add(accounts.loadUserByUsername(name));
        }
        for (int i = 1; i <= 2; i++) {
            answeringClient(professionals.get(i), i, 4);
        }
        int number = 10;
        for (CurrentUser professional : elsewhere) {
            for (int k = 0; k < 2; k++) {
                number++;
                long client = caseload.createClient(
                        world.organisation, otherTeam, professional.id(), "C" + number, "ref-" + number + world.suffix);
                long meeting = world.newMeeting(client, professional.id(), LocalDate.of(2026, 5, 1));
                String token = invitations
                        .issue(meeting, "alliance-client", professional.id(), Duration.ofHours(72))
                        .token();
                mvc.perform(TestWorld.allianceClientAnswers(token, 2, "TEAM_ONLY", "org-" + number + world.suffix));
            }
        }
        // Another organisation's professionals, with clients, must not fill the band.
        TestWorld other = new TestWorld(context);
        other.newClient(other.otherProfessional.id(), "Elsewhere");

        assertThat(caseloadSection()).contains("Not shown: 3 professionals with clients in the team");
        String section = caseloadSection("/team/organisation");
        assertThat(section)
                .contains("1 to 10 clients")
                .contains("<td>5</td>")
                .as("clients: 1 of the world's professional, 1 each of two colleagues, 2 each elsewhere")
                .contains("<td>7</td>");
        // Means over every answer, as team figures: the world's first client did not answer, so two clients
        // answered 4 and four answered 2 (only in team figures): mean 16 / 6.
        assertThat(section).contains("2.67");
        for (CurrentUser professional : professionals) {
            assertThat(section).doesNotContain(professional.getUsername());
        }
        for (CurrentUser professional : elsewhere) {
            assertThat(section).doesNotContain(professional.getUsername());
        }
    }
}
