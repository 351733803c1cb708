package org.alliance.app.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.alliance.app.AllianceWebTest;
import org.alliance.app.TestWorld;
import org.alliance.core.research.StudyPseudonyms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.context.WebApplicationContext;

@AllianceWebTest
class StudyLinkageTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Studies studies;

    @Autowired
    JdbcClient jdbc;

    static long study(Studies studies, TestWorld world) {
        return studies.create(
                TestStudy.of(world.organisation, world.team)
                        .title("Alliance and work")
                        .purpose("Does the alliance predict employment?")
                        .researchers(List.of(world.researcher.id()))
                        .build(),
                world.admin.id());
    }

    @Test
    void theAdministratorDownloadsPseudonymBesideClientReferenceAndTheDownloadIsAudited() throws Exception {
        TestWorld world = new TestWorld(context);
        long second = world.newClient(world.professional.id(), "Sam");
        long id = study(studies, world);
        MockHttpServletResponse response = TestWorld.mvc(context)
                .perform(MockMvcRequestBuilders.get("/admin/studies/" + id + "/linkage.csv")
                        .with(user(world.admin)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Disposition")).contains("study-" + id + "-linkage.csv");
        byte[] bytes = response.getContentAsByteArray();
        List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).split("\r\n"));
        StudyPseudonyms pseudonyms = new StudyPseudonyms(studies.secret(id));
        String reference = jdbc.sql("SELECT internal_id FROM client WHERE id = ?")
                .param(second)
                .query(String.class)
                .single();
        assertThat(lines.get(0)).isEqualTo("study_pseudonym,client_reference");
        assertThat(lines)
                .hasSize(3)
                .contains(
                        pseudonyms.pseudonym(StudyPseudonyms.Kind.CLIENT, world.client) + ",K-" + world.suffix,
                        pseudonyms.pseudonym(StudyPseudonyms.Kind.CLIENT, second) + "," + reference);
        // Sorted by pseudonym: the order says nothing about which client was registered first.
        assertThat(lines.subList(1, 3)).isSorted();

        String subject = jdbc.sql("SELECT subject FROM audit_log WHERE actor = ? AND action = ?")
                .params(world.admin.username(), "study linkage file downloaded")
                .query(String.class)
                .single();
        assertThat(subject).isEqualTo("study " + id + ": 2 rows, sha256 " + Fingerprints.sha256(bytes));
    }

    @Test
    void theStudysResearcherCannotDownloadIt() throws Exception {
        TestWorld world = new TestWorld(context);
        long id = study(studies, world);
        int status = TestWorld.mvc(context)
                .perform(MockMvcRequestBuilders.get("/admin/studies/" + id + "/linkage.csv")
                        .with(user(world.researcher)))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(403);
    }
}
