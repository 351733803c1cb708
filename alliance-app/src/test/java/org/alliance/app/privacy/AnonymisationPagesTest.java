package org.alliance.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.research.Studies;
import org.alliance.app.research.StudyPagesTest;
import org.alliance.app.research.TestStudy;
import org.alliance.app.system.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Issue 16, anonymise instead of erase, as the administrator meets it: the study's flag (with its inline error and
 * audit row), the retention setting whose dry run says per client erased or anonymised and why, a run with one
 * audit row holding both counts, and the single-client erase page that says which will happen. Row by row on both
 * databases: {@code research/AnonymisationPersistenceTest}.
 */
class AnonymisationPagesTest extends PageTest {

    @Autowired
    Studies studies;

    @Autowired
    Retention retention;

    @Autowired
    Caseload caseload;

    @Autowired
    Organisations organisations;

    @Autowired
    AuditLog audit;

    private MockHttpServletRequestBuilder newStudy() {
        return StudyPagesTest.newStudy(world, "Follow-up")
                .param("lang", "en")
                .param("instruments", "alliance-client")
                .param("allowsAnonymisation", "yes");
    }

    private List<AuditLog.Entry> audited(String action) {
        return audit.find(
                world.organisation,
                new AuditLog.Filter(
                        Optional.empty(), Optional.of(action), List.of(), Optional.empty(), Optional.empty()),
                10);
    }

    private long allowingStudy() {
        return studies.create(
                TestStudy.of(world.organisation, world.team)
                        .title("Follow-up")
                        .shiftDates(true)
                        .allowsAnonymisation(true)
                        .build(),
                world.admin.id());
    }

    @Test
    void theStudyFormSaysWhetherAnonymisedAnswersMayStayAndRefusesItWithFreeText() throws Exception {
        MockHttpServletResponse refused = perform(newStudy().param("includeFreeText", "yes"));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString())
                .contains("cannot export free-text answers")
                .contains("id=\"allowsAnonymisation-error\"");

        MockHttpServletResponse created = perform(newStudy());
        assertThat(created.getStatus()).isEqualTo(302);
        long id = Long.parseLong(created.getRedirectedUrl().replaceAll("\\D", ""));
        assertThat(studies.find(world.organisation, id).orElseThrow().allowsAnonymisation())
                .isTrue();
        assertThat(audited("study created")).singleElement().satisfies(e -> assertThat(e.subject())
                .endsWith("allows anonymisation: true"));
        assertThat(perform(MockMvcRequestBuilders.get("/admin/studies/" + id)
                                .param("lang", "en")
                                .with(user(world.admin)))
                        .getContentAsString())
                .contains("This study may keep anonymised answers after a client is erased");

        MockHttpServletResponse off = perform(MockMvcRequestBuilders.post("/admin/studies/" + id + "/anonymisation")
                .with(csrf())
                .with(user(world.admin)));
        assertThat(off.getRedirectedUrl()).endsWith("?anonymisationSaved");
        assertThat(studies.find(world.organisation, id).orElseThrow().allowsAnonymisation())
                .isFalse();
        assertThat(audited("study anonymisation changed")).singleElement().satisfies(e -> assertThat(e.subject())
                .isEqualTo("study " + id + ": allows anonymisation false"));
    }

    @Test
    void theDryRunSaysPerClientErasedOrAnonymisedAndWhyAndTheRunAuditsBothCounts() throws Exception {
        allowingStudy();
        // Kim (world.client, last meeting 2026-03-02) is in the study's team; Ola is in a team of no study.
        long otherTeam = organisations.createTeam(world.organisation, "Other " + world.suffix);
        long ola = caseload.createClient(
                world.organisation, otherTeam, world.professional.id(), "Ola", "O-" + world.suffix);
        world.newMeeting(ola, world.professional.id(), LocalDate.of(2026, 1, 5));
        perform(MockMvcRequestBuilders.post("/admin/retention")
                .with(csrf())
                .with(user(world.admin))
                .param("months", "3")
                .param("anonymise", "yes"));
        assertThat(retention.anonymises(world.organisation)).isTrue();
        assertThat(audited("retention changed")).singleElement().satisfies(e -> assertThat(e.subject())
                .endsWith("3 months, anonymise in allowing studies: true"));

        String dryRun = perform(MockMvcRequestBuilders.get("/admin/retention")
                        .param("lang", "en")
                        .with(user(world.admin)))
                .getContentAsString();
        assertThat(dryRun)
                .contains("1 will be erased and 1 anonymised")
                .contains("Study: Follow-up.")
                .contains("No study of the client’s team may keep anonymised answers.")
                .contains("Yes, erase 1 clients and anonymise 1 clients now");

        perform(MockMvcRequestBuilders.post("/admin/retention/apply")
                .with(csrf())
                .with(user(world.admin))
                .param("confirm", "yes"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM client WHERE id = ?")
                        .param(ola)
                        .query(Long.class)
                        .single())
                .as("Ola is erased")
                .isZero();
        assertThat(jdbc.sql("SELECT anonymised_at FROM client WHERE id = ?")
                        .param(world.client)
                        .query(Long.class)
                        .single())
                .as("Kim is anonymised")
                .isNotNull();
        assertThat(audited("retention run")).singleElement().satisfies(e -> assertThat(e.subject())
                .isEqualTo("erased=1, anonymised=1"));
        assertThat(audited("client anonymised (retention)")).singleElement().satisfies(e -> assertThat(e.subject())
                .startsWith("client " + world.client + ": ")
                .doesNotContain("Kim")
                .doesNotContain("K-"));
        assertThat(caseload.clientsOf(world.professional.id())).isEmpty();
        assertThat(perform(MockMvcRequestBuilders.get("/clients/" + world.client)
                                .with(user(world.professional)))
                        .getStatus())
                .isEqualTo(404);
        assertThat(perform(MockMvcRequestBuilders.get("/team")
                                .param("lang", "en")
                                .with(user(world.teamLead)))
                        .getContentAsString())
                .as("the team's only client left: no clients, no meetings")
                .containsPattern("<dt>Clients</dt><dd>0</dd>\\s*<dt>Meetings</dt><dd>0</dd>");
        assertThat(TestWorld.withoutCsrfTokens(
                        perform(MockMvcRequestBuilders.get("/caseload").with(user(world.professional)))
                                .getContentAsString()))
                .doesNotContain("Kim")
                .doesNotContain(ClientErasure.ANONYMOUS_ALIAS + "</");
    }

    @Test
    void theErasePageSaysWhenTheClientIsAnonymisedInsteadAndConfirmingDoesThat() throws Exception {
        allowingStudy();
        retention.setAnonymise(world.organisation, true);
        String page = perform(MockMvcRequestBuilders.get("/admin/clients/" + world.client + "/erase")
                        .param("lang", "en")
                        .with(user(world.admin)))
                .getContentAsString();
        assertThat(page)
                .contains("is anonymised instead of erased, because of the study: Follow-up")
                .contains("Anonymise for good")
                .doesNotContain("Erase for good");

        MockHttpServletResponse done = perform(MockMvcRequestBuilders.post("/admin/clients/" + world.client + "/erase")
                .with(csrf())
                .with(user(world.admin))
                .param("confirmation", "K-" + world.suffix));
        assertThat(done.getRedirectedUrl()).isEqualTo("/admin?anonymised");
        assertThat(audited("client anonymised")).hasSize(1);
        assertThat(audited("client erased")).isEmpty();

        // Found again by its new token, the anonymised client can still be erased for good.
        String again = perform(MockMvcRequestBuilders.get("/admin/clients/" + world.client + "/erase")
                        .param("lang", "en")
                        .with(user(world.admin)))
                .getContentAsString();
        assertThat(again).contains("was anonymised earlier").contains("Erase for good");
        perform(MockMvcRequestBuilders.post("/admin/clients/" + world.client + "/erase")
                .with(csrf())
                .with(user(world.admin))
                .param("confirmation", "anonymised-" + world.client));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM client WHERE id = ?")
                        .param(world.client)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void withoutTheSettingTheErasePageErasesAsBefore() throws Exception {
        allowingStudy();
        retention.setMonths(world.organisation, OptionalInt.empty());
        String page = perform(MockMvcRequestBuilders.get("/admin/clients/" + world.client + "/erase")
                        .param("lang", "en")
                        .with(user(world.admin)))
                .getContentAsString();
        assertThat(page).contains("Erase for good").doesNotContain("anonymised instead");
    }
}
