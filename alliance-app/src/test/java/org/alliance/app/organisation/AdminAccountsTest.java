package org.alliance.app.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Role;
import org.alliance.app.system.UserAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The administrator's accounts: stopping one ends its sign-in and its open sessions, a new password replaces the
 * old one, only accounts of the own organisation can be touched, and an administrator cannot lock themselves out.
 */
class AdminAccountsTest extends PageTest {

    private static final String NEW_PASSWORD = "handed over in person";

    @Autowired
    Organisations organisations;

    @Autowired
    UserAccounts accounts;

    private MockHttpServletResponse asAdmin(String path, String name, String value) throws Exception {
        return post(world.admin, path, "lang", "en", name, value);
    }

    /** Signs in through the real login form; the session, or null when refused. */
    private MockHttpSession signIn(String username, String password) throws Exception {
        MvcResult result = mvc.perform(MockMvcRequestBuilders.post("/login")
                        .with(csrf())
                        .param("username", username)
                        .param("password", password))
                .andReturn();
        if (!"/start".equals(result.getResponse().getRedirectedUrl())) {
            return null;
        }
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private int caseload(MockHttpSession session) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/caseload").session(session))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private long audited(String action, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND subject = ?")
                .params(action, "user " + userId)
                .query(Long.class)
                .single();
    }

    @Test
    void theAdministratorSeesTheAccountsOfTheirOwnOrganisationOnly() throws Exception {
        long elsewhere = organisations.create("Elsewhere " + world.suffix);
        accounts.create(elsewhere, null, "stranger-" + world.suffix, "Stranger Person", TestWorld.PASSWORD, Role.ADMIN);
        String page = englishPage("/admin", world.admin);
        assertThat(page)
                .contains("(" + world.professional.username() + ")", "(" + world.teamLead.username() + ")")
                .doesNotContain("stranger-" + world.suffix);
    }

    @Test
    void aStoppedAccountCannotSignInAndItsOpenSessionEnds() throws Exception {
        CurrentUser professional = world.professional;
        MockHttpSession open = signIn(professional.username(), TestWorld.PASSWORD);
        assertThat(open).isNotNull();
        assertThat(caseload(open)).isEqualTo(200);

        MockHttpServletResponse stop = asAdmin("/admin/users/" + professional.id() + "/enabled", "enabled", "false");
        assertThat(stop.getRedirectedUrl()).isEqualTo("/admin?accountChanged#accounts");
        assertThat(audited("account stopped", professional.id())).isEqualTo(1);

        MockHttpServletResponse after = mvc.perform(
                        MockMvcRequestBuilders.get("/caseload").session(open))
                .andReturn()
                .getResponse();
        assertThat(after.getStatus()).isEqualTo(302);
        assertThat(after.getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/login?expired&lang=en"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("You were signed out because an administrator changed your account.");
        assertThat(signIn(professional.username(), TestWorld.PASSWORD)).isNull();

        asAdmin("/admin/users/" + professional.id() + "/enabled", "enabled", "true");
        assertThat(audited("account enabled", professional.id())).isEqualTo(1);
        assertThat(signIn(professional.username(), TestWorld.PASSWORD)).isNotNull();
    }

    @Test
    void aNewPasswordReplacesTheOldOneAndATooShortOneIsShownAtItsRow() throws Exception {
        long id = world.professional.id();
        MockHttpServletResponse tooShort = asAdmin("/admin/users/" + id + "/password", "password", "short");
        assertThat(tooShort.getStatus()).isEqualTo(422);
        assertThat(tooShort.getContentAsString())
                .contains("id=\"account-error-" + id + "\">The new password needs at least 12 characters.")
                .contains("aria-describedby=\"account-error-" + id + "\"");
        assertThat(signIn(world.professional.username(), TestWorld.PASSWORD)).isNotNull();
        MockHttpServletResponse tooLong = asAdmin("/admin/users/" + id + "/password", "password", "x".repeat(73));
        assertThat(tooLong.getStatus()).isEqualTo(422);
        assertThat(tooLong.getContentAsString()).contains("The new password may have at most 72 characters");

        MockHttpServletResponse done = asAdmin("/admin/users/" + id + "/password", "password", NEW_PASSWORD);
        assertThat(done.getRedirectedUrl()).isEqualTo("/admin?accountChanged#accounts");
        assertThat(audited("password reset", id)).isEqualTo(1);
        assertThat(signIn(world.professional.username(), TestWorld.PASSWORD)).isNull();
        assertThat(signIn(world.professional.username(), NEW_PASSWORD)).isNotNull();
    }

    @Test
    void anAdministratorCannotStopThemselvesNorTouchAnotherOrganisation() throws Exception {
        MockHttpServletResponse self = asAdmin("/admin/users/" + world.admin.id() + "/enabled", "enabled", "false");
        assertThat(self.getStatus()).isEqualTo(422);
        assertThat(self.getContentAsString()).contains("You cannot stop your own account.");
        assertThat(signIn(world.admin.username(), TestWorld.PASSWORD)).isNotNull();

        long elsewhere = organisations.create("Other " + world.suffix);
        long stranger = accounts.create(
                elsewhere, null, "outside-" + world.suffix, "Other Person", TestWorld.PASSWORD, Role.PROFESSIONAL);
        assertThat(asAdmin("/admin/users/" + stranger + "/enabled", "enabled", "false")
                        .getStatus())
                .isEqualTo(404);
        assertThat(asAdmin("/admin/users/" + stranger + "/password", "password", NEW_PASSWORD)
                        .getStatus())
                .isEqualTo(404);
        assertThat(signIn("outside-" + world.suffix, TestWorld.PASSWORD)).isNotNull();
    }
}
