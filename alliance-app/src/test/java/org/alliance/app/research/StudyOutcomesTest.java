package org.alliance.app.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import org.alliance.app.PageTest;
import org.alliance.app.system.CurrentUser;
import org.alliance.core.research.StudyPseudonyms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The outcome import as a researcher (and an administrator) goes through it: check, see problems or a preview, store. */
class StudyOutcomesTest extends PageTest {

    private static final String TYPES = "employed_6m yes-no\nhours number\nage_band category\nyears_on_benefit number";

    @Autowired
    Studies studies;

    private long study;
    private String kim;
    private String sam;

    @BeforeEach
    void setUp() {
        long second = world.newClient(world.professional.id(), "Sam");
        study = StudyLinkageTest.study(studies, world);
        StudyPseudonyms pseudonyms = new StudyPseudonyms(studies.secret(study));
        kim = pseudonyms.pseudonym(StudyPseudonyms.Kind.CLIENT, world.client);
        sam = pseudonyms.pseudonym(StudyPseudonyms.Kind.CLIENT, second);
    }

    private MockHttpServletResponse check(CurrentUser who, String base, String csv, byte[] bytes) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.multipart(base + "/studies/" + study + "/outcomes/preview")
                        .file(new MockMultipartFile(
                                "file",
                                "register.csv",
                                "text/csv",
                                bytes != null ? bytes : csv.getBytes(StandardCharsets.UTF_8)))
                        .param("declarations", TYPES)
                        .param("lang", "en")
                        .with(csrf())
                        .with(user(who)))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletResponse store(CurrentUser who, String base, String sha256) throws Exception {
        return post(who, base + "/studies/" + study + "/outcomes", "sha256", sha256, "lang", "en");
    }

    private int stored() {
        return jdbc.sql("SELECT COUNT(*) FROM study_outcome WHERE study_id = ?")
                .param(study)
                .query(Integer.class)
                .single();
    }

    @Test
    void everyProblemIsListedWithLineAndColumnAndNothingIsStored() throws Exception {
        String csv = "study_pseudonym,outcome,date,value,age_band,years_on_benefit\n"
                + kim + ",employed_6m,2026-09-30,1,30-39,2\n"
                + "C-NOTINSTUDY00,employed_6m,2026-09-30,1,30-39,2\n"
                + sam + ",employed_6m,2026-13-01,perhaps,40-49,x\n";
        MockHttpServletResponse response = check(world.researcher, "/research", csv, null);
        assertThat(response.getStatus()).isEqualTo(422);
        String page = response.getContentAsString();
        assertThat(page)
                .contains("The file has 4 problems")
                .contains("C-NOTINSTUDY00 is not a pseudonym of this study.")
                .contains("2026-13-01 is not a date")
                .contains("perhaps (yes-no) is not a value of its declared type.")
                .contains("6 (years_on_benefit)")
                .doesNotContain("Store the outcomes");
        assertThat(stored()).isZero();
    }

    @Test
    void aCheckedFileIsStoredWholeAndAReimportReplacesItWithAnAuditRow() throws Exception {
        // As Dutch or Nordic Excel saves it: a byte-order mark, semicolons, decimal commas, dates day first.
        String csv = "\uFEFFstudy_pseudonym;outcome;date;value;age_band;years_on_benefit\r\n"
                + kim + ";employed_6m;30-09-2026;ja;30-39;2,5\r\n"
                + kim + ";hours;30-09-2026;12,5;30-39;2,5\r\n"
                + sam + ";employed_6m;30-09-2026;nee;40-49;1\r\n";
        MockHttpServletResponse preview = check(world.researcher, "/research", csv, null);
        assertThat(preview.getStatus()).isEqualTo(200);
        assertThat(preview.getContentAsString())
                .contains("The file holds 3 rows about 2 clients (separator: ;).")
                .contains("Store the outcomes");
        assertThat(stored()).as("nothing before the researcher stores it").isZero();
        String sha256 = Fingerprints.sha256(csv.getBytes(StandardCharsets.UTF_8));

        MockHttpServletResponse done = store(world.researcher, "/research", sha256);
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(done.getRedirectedUrl()).isEqualTo("/research/studies/" + study + "/outcomes?stored");
        assertThat(stored()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT value FROM study_outcome WHERE study_id = ? AND name = 'hours'")
                        .param(study)
                        .query(String.class)
                        .single())
                .isEqualTo("12.5");
        assertThat(jdbc.sql("SELECT value FROM study_covariate WHERE study_id = ? AND client_id = ? AND name = ?")
                        .params(study, world.client, "years_on_benefit")
                        .query(String.class)
                        .single())
                .isEqualTo("2.5");
        // The same preview cannot be stored twice.
        assertThat(store(world.researcher, "/research", sha256).getStatus()).isEqualTo(422);

        // The administrator imports a corrected file: it replaces the whole import.
        String second = "study_pseudonym,outcome,date,value,age_band,years_on_benefit\n" + kim
                + ",employed_6m,2026-09-30,0,30-39,2.5\n";
        assertThat(check(world.admin, "/admin", second, null).getStatus()).isEqualTo(200);
        assertThat(store(world.admin, "/admin", Fingerprints.sha256(second.getBytes(StandardCharsets.UTF_8)))
                        .getStatus())
                .isEqualTo(302);
        assertThat(stored()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT subject FROM audit_log WHERE action = ? AND subject LIKE ? ORDER BY id")
                        .params("study outcomes imported", "study " + study + ":%")
                        .query(String.class)
                        .list())
                .hasSize(2)
                .last()
                .asString()
                .contains("1 rows, 1 clients")
                .endsWith("replaced 3 rows");
        String page = englishPage("/research/studies/" + study + "/outcomes", world.researcher);
        assertThat(page).contains("Outcomes stored now").contains("register.csv");
    }

    @Test
    void aFileThatIsNotUtf8OrBadDeclarationsAreNamedBesideTheirField() throws Exception {
        byte[] latin1 = ("study_pseudonym;outcome;date;value\n" + kim + ";employed_6m;2026-09-30;j\u00e4\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        MockHttpServletResponse response = check(world.researcher, "/research", "", latin1);
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString())
                .contains("The file is not UTF-8.")
                .contains("file-error");

        MockHttpServletResponse bad = mvc.perform(MockMvcRequestBuilders.multipart(
                                "/research/studies/" + study + "/outcomes/preview")
                        .file(new MockMultipartFile("file", "r.csv", "text/csv", "a".getBytes(StandardCharsets.UTF_8)))
                        .param("declarations", "employed_6m maybe")
                        .param("lang", "en")
                        .with(csrf())
                        .with(user(world.researcher)))
                .andReturn()
                .getResponse();
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(bad.getContentAsString()).contains("declarations-error");
    }
}
