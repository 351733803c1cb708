package org.alliance.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import javax.sql.DataSource;
import org.alliance.app.PageTest;
import org.alliance.app.TestDatabases;
import org.alliance.app.TestWorld;
import org.alliance.app.system.AuditLog;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Issue 16, "an audit trail you can read": the administrator filters their organisation's trail by person,
 * action, client and period, reads it on the page and as CSV, sees no other organisation's rows; the trail is
 * append-only in the database on both vendors.
 */
class AuditTrailTest extends PageTest {

    @Autowired
    AuditLog audit;

    /** The page with the filter given as name, value, name, value, … */
    private Document page(String... filter) throws Exception {
        var request = MockMvcRequestBuilders.get("/admin/audit").param("lang", "en");
        for (int i = 0; i < filter.length; i += 2) {
            request.param(filter[i], filter[i + 1]);
        }
        return Jsoup.parse(mvc.perform(request.with(user(world.admin)))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static List<String> actions(Document page) {
        return page.select("table.audit tbody tr td:nth-child(3)").eachText();
    }

    @Test
    void theAdministratorFiltersByPersonActionClientAndPeriod() throws Exception {
        // Reading the client page is audited ("answers read"), as is creating a meeting.
        get(world.professional, "/clients/" + world.client);
        long other = world.newClient(world.professional.id(), "Other");
        audit.record(world.professional.username(), "answers read", "client " + other);
        audit.record(world.admin.username(), "settings changed", "organisation " + world.organisation);

        assertThat(actions(page("person", world.professional.username()))).containsOnly("answers read");
        assertThat(actions(page("action", "settings changed"))).containsExactly("settings changed");
        Document byClient = page("client", "K-" + world.suffix);
        assertThat(byClient.select("table.audit tbody tr td:nth-child(4)").eachText())
                .containsOnly("client " + world.client);
        // The test clock stands at 2026-06-15: a period that ends before holds nothing, one around it all.
        assertThat(page("to", "2026-06-14").text()).contains("No rows match.");
        assertThat(actions(page("from", "2026-06-15", "to", "2026-06-15")))
                .contains("answers read", "settings changed");
    }

    @Test
    void anotherOrganisationsRowsAreNeverShown() throws Exception {
        TestWorld elsewhere = new TestWorld(context);
        audit.record(elsewhere.professional.username(), "answers read", "client " + elsewhere.client);
        assertThat(page().select("table.audit tbody tr td:nth-child(2)").eachText())
                .doesNotContain(elsewhere.professional.username());
        assertThat(page().select("#person option").eachText()).doesNotContain(elsewhere.professional.username());
    }

    @Test
    void wrongFiltersAreSaidInline() throws Exception {
        MockHttpServletResponse response = get(
                world.admin,
                "/admin/audit",
                "lang",
                "en",
                "from",
                "2026-12-31",
                "to",
                "2026-01-01",
                "client",
                "nobody-" + world.suffix);
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(response.getContentAsString())
                        .select(".error-summary li")
                        .eachText())
                .containsExactly(
                        "\"Up to and including\" lies before \"From\".",
                        "There is no client with this number in your organisation.");
    }

    @Test
    void theCsvHoldsEveryMatchingRowAndTheExportIsAudited() throws Exception {
        for (int i = 0; i < 3; i++) {
            audit.record(world.professional.username(), "invitation created", "meeting " + world.meeting);
        }
        audit.record(world.professional.username(), "=HYPERLINK(\"x\")", "meeting " + world.meeting);
        MockHttpServletResponse csv = get(world.admin, "/admin/audit.csv", "person", world.professional.username());
        assertThat(csv.getContentType()).startsWith("text/csv");
        List<String> lines = csv.getContentAsString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("at,actor,action,subject");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(2))
                .endsWith(",invitation created,meeting " + world.meeting)
                .contains("+02:00");
        assertThat(lines.get(1)).as("a formula is written as text").contains("'=HYPERLINK");
        assertThat(actions(page("action", "audit trail exported"))).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void theDatabaseRefusesToChangeOrDeleteTheTrail(String vendor) {
        DataSource dataSource = TestDatabases.migrated(vendor, folder);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO audit_log (at, actor, action, subject) VALUES (1, 'a', 'b', 'c')")
                .update();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET subject = 'd'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log").update()).hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT subject FROM audit_log").query(String.class).list())
                .containsExactly("c");
    }
}
