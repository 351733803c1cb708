package org.alliance.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Clock;
import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Issue 16, two-step sign-in for local accounts: with an authenticator on, the right password alone does not
 * sign in; the right code does, once; five wrong codes start over; turning it on needs a first code; an
 * organisation can require it of administrators, who then can open nothing but their account until it is on.
 */
class TwoStepSignInTest extends PageTest {

    @Autowired
    TwoStep twoStep;

    @Autowired
    Clock clock;

    private String now(String secret) {
        return Totp.codeAt(secret, clock.instant().getEpochSecond());
    }

    /** Signs in with the password; returns the session (halfway when two steps are on). */
    private MockHttpSession password(CurrentUser who, String expectedRedirect) throws Exception {
        MvcResult result = mvc.perform(formLogin().user(who.username()).password(TestWorld.PASSWORD))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(expectedRedirect);
        return (MockHttpSession) result.getRequest().getSession();
    }

    private MvcResult code(MockHttpSession session, String code) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/login/code")
                        .session(session)
                        .with(csrf())
                        .param("lang", "en")
                        .param("code", code))
                .andReturn();
    }

    private String secretTurnedOn(CurrentUser who) {
        String secret = Totp.newSecret();
        assertThat(twoStep.enable(who.id(), secret, now(secret))).isTrue();
        return secret;
    }

    @Test
    void thePasswordAloneDoesNotSignInTheCodeDoesOnce() throws Exception {
        String secret = secretTurnedOn(world.professional);
        MockHttpSession halfway = password(world.professional, "/login/code");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/caseload").session(halfway))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .as("halfway is not signed in")
                .endsWith("/login");
        // The code that turned it on was used in this step already: not again.
        MvcResult replayed = code(halfway, now(secret));
        assertThat(replayed.getResponse().getStatus()).isEqualTo(422);
        assertThat(replayed.getResponse().getContentAsString()).contains("You can try 4 more times.");
        twoStep.disable(world.professional.id());
        String fresh = secretTurnedOn(world.professional);
        // A new secret: its first code was used to turn it on, so sign in with the one of the next step.
        String next = Totp.codeAt(fresh, clock.instant().getEpochSecond() + 30);
        MvcResult in = code(password(world.professional, "/login/code"), next);
        assertThat(in.getResponse().getRedirectedUrl()).isEqualTo("/start");
        MockHttpSession signedIn = (MockHttpSession) in.getRequest().getSession();
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/caseload").session(signedIn))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(code(password(world.professional, "/login/code"), next)
                        .getResponse()
                        .getStatus())
                .as("the same code a second time")
                .isEqualTo(422);
    }

    @Test
    void fiveWrongCodesStartOver() throws Exception {
        secretTurnedOn(world.professional);
        MockHttpSession halfway = password(world.professional, "/login/code");
        for (int i = 0; i < TwoStepLogin.MOST_ATTEMPTS - 1; i++) {
            assertThat(code(halfway, "000000").getResponse().getStatus()).isEqualTo(422);
        }
        assertThat(code(halfway, "000000").getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Test
    void withoutTwoStepsThePasswordSignsIn() throws Exception {
        password(world.professional, "/start");
    }

    @Test
    void turningItOnNeedsAFirstCodeFromTheApp() throws Exception {
        MockHttpSession session = password(world.professional, "/start");
        String page = mvc.perform(MockMvcRequestBuilders.get("/account/two-step")
                        .session(session)
                        .param("lang", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("<svg").contains("Key:");
        String secret = (String) session.getAttribute("alliance.twoStep.newSecret");
        assertThat(mvc.perform(MockMvcRequestBuilders.post("/account/two-step")
                                .session(session)
                                .with(csrf())
                                .param("code", "123456"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(422);
        assertThat(twoStep.enabled(world.professional.id())).isFalse();
        assertThat(mvc.perform(MockMvcRequestBuilders.post("/account/two-step")
                                .session(session)
                                .with(csrf())
                                .param("code", now(secret)))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/account/two-step?on");
        assertThat(twoStep.enabled(world.professional.id())).isTrue();
    }

    @Test
    void anOrganisationCanRequireItOfAdministrators() throws Exception {
        post(world.admin, "/admin/two-step", "required", "true");
        assertThat(twoStep.adminsNeedIt(world.organisation)).isTrue();
        assertThat(get(world.admin, "/admin").getRedirectedUrl()).isEqualTo("/account/two-step?required");
        assertThat(get(world.professional, "/caseload").getStatus())
                .as("professionals are not affected")
                .isEqualTo(200);
        secretTurnedOn(world.admin);
        assertThat(get(world.admin, "/admin").getStatus()).isEqualTo(200);
    }
}
