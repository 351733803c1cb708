package org.alliance.app.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Role;
import org.alliance.app.system.UserAccounts;
import org.alliance.core.instrument.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

public class StudyPagesTest extends PageTest {

    @Autowired
    Studies studies;

    /**
     * The administrator's form for a new study of the world's team in 2026, in English, on the consent of the clients;
     * a test adds the questionnaires and what else it is about.
     */
    public static MockHttpServletRequestBuilder newStudy(TestWorld world, String title) {
        return MockMvcRequestBuilders.post("/admin/studies")
                .with(csrf())
                .with(user(world.admin))
                .param("title", title)
                .param("purpose", "Does the alliance predict employment?")
                .param("legalBasis", "Consent of the clients")
                .param("startsOn", "2026-01-01")
                .param("endsOn", "2026-12-31")
                .param("language", "en")
                .param("teams", String.valueOf(world.team));
    }

    private MockHttpServletRequestBuilder newStudy() {
        return newStudy(world, "Alliance and work")
                .param("instruments", "alliance-client", "alliance-professional")
                .param("waves", "T1 2026-01-01 2026-03-31\r\nT2 2026-04-01 2026-06-30")
                .param("shiftDates", "yes")
                .param("researchers", String.valueOf(world.researcher.id()));
    }

    @Test
    void anAdministratorCreatesAStudyThatItsResearcherSees() throws Exception {
        MockHttpServletResponse created = perform(newStudy());
        assertThat(created.getStatus()).isEqualTo(302);
        assertThat(created.getRedirectedUrl()).matches("/admin/studies/\\d+\\?created");
        long id = Long.parseLong(created.getRedirectedUrl().replaceAll("\\D", ""));

        Study study = studies.find(world.organisation, id).orElseThrow();
        assertThat(study.title()).isEqualTo("Alliance and work");
        assertThat(study.language()).isEqualTo(Language.EN);
        assertThat(study.shiftDates()).isTrue();
        assertThat(study.includeFreeText()).isFalse();
        assertThat(study.instruments()).containsExactly("alliance-client", "alliance-professional");
        assertThat(study.waves()).extracting(Study.Wave::name).containsExactly("T1", "T2");
        assertThat(study.waveOf(LocalDate.of(2026, 5, 1)).map(Study.Wave::name)).contains("T2");
        assertThat(study.waveOf(LocalDate.of(2026, 8, 1))).isEmpty();
        assertThat(studies.secret(id)).hasSize(32);

        String list = perform(MockMvcRequestBuilders.get("/research").with(user(world.researcher)))
                .getContentAsString();
        assertThat(list).contains("Alliance and work", "/research/studies/" + id);
        String page = perform(
                        MockMvcRequestBuilders.get("/research/studies/" + id).with(user(world.researcher)))
                .getContentAsString();
        assertThat(page).contains("Does the alliance predict employment?", "Consent of the clients", "T1");
        assertThat(page).contains("href=\"/research/studies/" + id + "/outcomes\"");
        String admin = perform(
                        MockMvcRequestBuilders.get("/admin/studies/" + id).with(user(world.admin)))
                .getContentAsString();
        assertThat(admin).contains("Alliance and work", "Name research-" + world.suffix);
        assertThat(admin)
                .contains("href=\"/admin/studies/" + id + "/outcomes\"")
                .contains("name=\"researchers\" id=\"researcher-" + world.researcher.id() + "\"");
    }

    @Test
    void aResearcherWhoIsNotAssignedOrOfAnotherOrganisationSeesNothingOfTheStudy() throws Exception {
        long id = Long.parseLong(perform(newStudy()).getRedirectedUrl().replaceAll("\\D", ""));
        UserAccounts accounts = context.getBean(UserAccounts.class);
        accounts.create(world.organisation, null, "r2-" + world.suffix, "Second", TestWorld.PASSWORD, Role.RESEARCHER);
        CurrentUser unassigned = accounts.loadUserByUsername("r2-" + world.suffix);
        TestWorld elsewhere = new TestWorld(context);

        for (CurrentUser researcher : List.of(unassigned, elsewhere.researcher)) {
            assertThat(perform(MockMvcRequestBuilders.get("/research/studies/" + id)
                                    .with(user(researcher)))
                            .getStatus())
                    .isEqualTo(404);
            assertThat(perform(MockMvcRequestBuilders.get("/research").with(user(researcher)))
                            .getContentAsString())
                    .doesNotContain("Alliance and work");
        }
        // Nor does the other organisation's administrator.
        assertThat(perform(MockMvcRequestBuilders.get("/admin/studies/" + id).with(user(elsewhere.admin)))
                        .getStatus())
                .isEqualTo(404);
        assertThat(perform(MockMvcRequestBuilders.get("/admin/studies").with(user(elsewhere.admin)))
                        .getContentAsString())
                .doesNotContain("Alliance and work");
    }

    @Test
    void everyWrongFieldIsNamedBesideItAndNothingIsStored() throws Exception {
        int before = studies.ofOrganisation(world.organisation).size();
        TestWorld elsewhere = new TestWorld(context);
        MockHttpServletResponse response = perform(MockMvcRequestBuilders.post("/admin/studies")
                .with(csrf())
                .with(user(world.admin))
                .param("title", "")
                .param("purpose", "x")
                .param("legalBasis", "")
                .param("startsOn", "2026-12-31")
                .param("endsOn", "2026-01-01")
                .param("language", "de")
                .param("teams", String.valueOf(elsewhere.team))
                .param("waves", "T1 2026-01-01")
                .param("researchers", String.valueOf(elsewhere.researcher.id())));
        assertThat(response.getStatus()).isEqualTo(422);
        String page = response.getContentAsString();
        assertThat(page)
                .contains("id=\"title-error\"", "aria-invalid=\"true\"", "href=\"#title\"")
                .contains("Vul een titel in", "De laatste dag kan niet", "Kies een van de vier talen")
                .contains("Kies minstens één team", "Kies minstens één vragenlijst", "Schrijf elke meting")
                .contains("Kies alleen onderzoekers van deze organisatie")
                .doesNotContain("Beschrijf het doel")
                .contains(">x</textarea>")
                .contains("name=\"teams\" id=\"team-" + world.team + "\"", "id=\"instrument-alliance-client\"");
        assertThat(studies.ofOrganisation(world.organisation)).hasSize(before);
    }

    @Test
    void theResearchPageCountsOnlyTheResearchersOwnOrganisationsResponses() throws Exception {
        TestWorld elsewhere = new TestWorld(context);
        context.getBean(org.alliance.app.checkin.CheckIns.class)
                .submitRating(
                        elsewhere.meeting,
                        elsewhere.client,
                        org.alliance.app.checkin.CheckInSubmission.ordinary(
                                org.alliance.core.instrument.InstrumentCatalog.builtIn()
                                        .find("alliance-professional")
                                        .orElseThrow(),
                                Language.NL,
                                org.alliance.core.release.ReleaseChoice.NOW,
                                "count-" + elsewhere.suffix,
                                Map.of("bond-1", 4.0)));
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(
                perform(MockMvcRequestBuilders.get("/research").with(user(world.researcher)))
                        .getContentAsString());
        org.jsoup.nodes.Document other = org.jsoup.Jsoup.parse(
                perform(MockMvcRequestBuilders.get("/research").with(user(elsewhere.researcher)))
                        .getContentAsString());
        // Each organisation of this test has its own rows; other test classes' rows never count.
        assertThat(counts(other).get("alliance-professional"))
                .isEqualTo(counts(page).get("alliance-professional") + 1);
    }

    private static Map<String, Integer> counts(org.jsoup.nodes.Document page) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (org.jsoup.nodes.Element row : page.select("tr[data-instrument]")) {
            counts.put(
                    row.attr("data-instrument"),
                    Integer.parseInt(row.select("td").get(1).text()));
        }
        return counts;
    }

    @Test
    void onlyResearchersOfTheOrganisationCanBeAssigned() throws Exception {
        long id = Long.parseLong(perform(newStudy()).getRedirectedUrl().replaceAll("\\D", ""));
        TestWorld elsewhere = new TestWorld(context);
        MockHttpServletResponse refused = perform(MockMvcRequestBuilders.post("/admin/studies/" + id + "/researchers")
                .with(csrf())
                .with(user(world.admin))
                .param("researchers", String.valueOf(elsewhere.researcher.id())));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(studies.find(world.organisation, id).orElseThrow().researchers())
                .containsExactly(world.researcher.id());
        MockHttpServletResponse professional =
                perform(MockMvcRequestBuilders.post("/admin/studies/" + id + "/researchers")
                        .with(csrf())
                        .with(user(world.admin))
                        .param("researchers", String.valueOf(world.professional.id())));
        assertThat(professional.getStatus())
                .as("a professional is no researcher")
                .isEqualTo(422);

        MockHttpServletResponse none = perform(MockMvcRequestBuilders.post("/admin/studies/" + id + "/researchers")
                .with(csrf())
                .with(user(world.admin)));
        assertThat(none.getStatus()).isEqualTo(302);
        assertThat(studies.find(world.organisation, id).orElseThrow().researchers())
                .isEmpty();
        assertThat(perform(MockMvcRequestBuilders.get("/research/studies/" + id).with(user(world.researcher)))
                        .getStatus())
                .isEqualTo(404);
    }
}
