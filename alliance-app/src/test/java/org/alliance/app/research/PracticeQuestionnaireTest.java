package org.alliance.app.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Role;
import org.alliance.app.system.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Issue 13, the professionals' side: a professional of a study sees the questionnaire of the open wave on their
 * caseload page (the clock reads 2026-06-15, inside T2 and outside T1), answers it once, every item required with the
 * error beside the sentence; a second answer for the wave is refused with words; a professional outside the study
 * and a closed wave have no form; the answer is audited without its content.
 */
class PracticeQuestionnaireTest extends PageTest {

    private long study;
    private CurrentUser outsider;

    @BeforeEach
    void setUp() {
        Studies studies = context.getBean(Studies.class);
        study = studies.create(
                TestStudy.of(world.organisation, world.team)
                        .title("Practice " + world.suffix)
                        .waves(
                                new Study.Wave("T1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)),
                                new Study.Wave("T2", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)))
                        .build(),
                world.admin.id());
        long otherTeam = context.getBean(Organisations.class).createTeam(world.organisation, "Elsewhere");
        UserAccounts accounts = context.getBean(UserAccounts.class);
        accounts.create(
                world.organisation, otherTeam, "out-" + world.suffix, "Olav", TestWorld.PASSWORD, Role.PROFESSIONAL);
        outsider = accounts.loadUserByUsername("out-" + world.suffix);
    }

    private String form(String wave) {
        return "/practice/studies/" + study + "/waves/" + wave;
    }

    private MockHttpServletResponse answer(CurrentUser who, String wave, Map<String, String> answers) throws Exception {
        MockHttpServletRequestBuilder post = MockMvcRequestBuilders.post(form(wave))
                .param("lang", "en")
                .with(csrf())
                .with(user(who));
        answers.forEach((item, value) -> post.param("item-" + item, value));
        return mvc.perform(post).andReturn().getResponse();
    }

    private static Map<String, String> all(String value) {
        return Map.of(
                "competence-1", value,
                "competence-2", value,
                "competence-3", value,
                "competence-4", value,
                "belief-1", value,
                "belief-2", value,
                "belief-3", value,
                "belief-4", value);
    }

    @Test
    void aProfessionalOfTheStudyAnswersTheOpenWaveOnceAndIsThenNoLongerAsked() throws Exception {
        String caseload = englishPage("/caseload", world.professional);
        assertThat(caseload).contains("Questionnaire for study Practice " + world.suffix + ", wave T2");
        assertThat(caseload).doesNotContain("wave T1");
        assertThat(englishPage(form("T2"), world.professional))
                .contains("My work with clients")
                .contains("I know how to build a good working relationship with my clients.")
                .contains("strongly agree")
                .contains("name=\"_csrf\"");

        assertThat(answer(world.professional, "T2", all("4")).getRedirectedUrl())
                .isEqualTo("/caseload");
        assertThat(jdbc.sql("SELECT answers FROM practice_answer WHERE study_id = ? AND professional_id = ?")
                        .params(study, world.professional.id())
                        .query(String.class)
                        .single())
                .contains("competence-1=4\n")
                .contains("belief-4=4\n");
        assertThat(englishPage("/caseload", world.professional)).doesNotContain("Questionnaire for study Practice");
        assertThat(jdbc.sql("SELECT subject FROM audit_log WHERE actor = ? AND action = ?")
                        .params(world.professional.username(), "practice questionnaire answered")
                        .query(String.class)
                        .list())
                .containsExactly("study " + study + ": wave T2");

        MockHttpServletResponse again = answer(world.professional, "T2", all("1"));
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString(StandardCharsets.UTF_8))
                .contains("You have answered this questionnaire for wave T2.");
        assertThat(jdbc.sql("SELECT answers FROM practice_answer WHERE study_id = ? AND professional_id = ?")
                        .params(study, world.professional.id())
                        .query(String.class)
                        .single())
                .contains("competence-1=4\n");
    }

    @Test
    void everySentenceNeedsAnAnswerAndTheErrorStandsBesideIt() throws Exception {
        Map<String, String> some = new java.util.HashMap<>(all("5"));
        some.remove("belief-3");
        some.put("competence-2", "9");
        MockHttpServletResponse refused = answer(world.professional, "T2", some);
        assertThat(refused.getStatus()).isEqualTo(422);
        String html = refused.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .contains("Please check this")
                .contains("href=\"#q-belief-3\"")
                .contains("href=\"#q-competence-2\"")
                .contains("Choose an answer to this sentence.")
                .contains("id=\"err-belief-3\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM practice_answer WHERE study_id = ?")
                        .param(study)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aClosedWaveAndAProfessionalOutsideTheStudyHaveNoForm() throws Exception {
        assertThat(get(world.professional, form("T1")).getStatus()).isEqualTo(404);
        assertThat(answer(world.professional, "T1", all("3")).getStatus()).isEqualTo(404);
        assertThat(answer(outsider, "T2", all("3")).getStatus()).isEqualTo(404);
        assertThat(englishPage("/caseload", outsider)).doesNotContain("Questionnaire for study");
        // A professional still sees no study page.
        assertThat(get(world.professional, "/research/studies/" + study).getStatus())
                .isEqualTo(403);
    }
}
