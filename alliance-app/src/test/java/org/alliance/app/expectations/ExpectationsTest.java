package org.alliance.app.expectations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.alliance.app.checkin.IssuedInvitation;
import org.alliance.app.system.CurrentUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Issue 17, expectations at intake, revisited: the client answers in the check-in of the first meeting and of the
 * revisit meeting, under the check-in's release choice; the professional answers on the client page; the client page
 * shows expected next to experienced only as the release rule allows, and to nobody but the client's professional.
 */
class ExpectationsTest extends PageTest {

    private static final String CLIENT_HOPE = "That the debts stop growing";
    private static final String CLIENT_WENT = "We made a plan with the bank";
    private static final String PRO_HOPE = "A stable income within a year";

    @Autowired
    ApplicationContext application;

    private String page(CurrentUser who, String path, String lang) throws Exception {
        return get(who, path, "lang", lang).getContentAsString(StandardCharsets.UTF_8);
    }

    private String clientPage() throws Exception {
        return page(world.professional, "/clients/" + world.client, "en");
    }

    private String form(String token, String lang) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/c/" + token).param("lang", lang))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static MockHttpServletRequestBuilder answers(
            String token, String release, String key, String hopeText, int hopeLevel) {
        return TestWorld.allianceClientAnswers(token, 4, release, key)
                .with(csrf())
                .param("lang", "en")
                .param("expect-level-hope", String.valueOf(hopeLevel))
                .param("expect-text-hope", hopeText)
                .param("expect-level-other", "4");
    }

    private long expectationRows(String perspective) {
        return jdbc.sql("SELECT COUNT(*) FROM expectation_answer WHERE client_id = ? AND perspective = ?")
                .params(world.client, perspective)
                .query(Long.class)
                .single();
    }

    private IssuedInvitation inviteFor(long meeting) {
        return application
                .getBean(org.alliance.app.checkin.Invitations.class)
                .issue(meeting, "alliance-client", world.professional.id(), java.time.Duration.ofHours(72));
    }

    private void meetingsUpToTheRevisit() {
        world.newMeeting(world.client, world.professional.id(), LocalDate.of(2026, 3, 16));
        world.newMeeting(world.client, world.professional.id(), LocalDate.of(2026, 4, 1));
    }

    @Test
    void theIntakeCheckInAsksTheExpectationsAndTheProfessionalSeesThemAtOnceWhenReleasedNow() throws Exception {
        IssuedInvitation invitation = world.invite("alliance-client");
        assertThat(form(invitation.token(), "en"))
                .contains("What do you expect?")
                .contains("What do you expect of your counsellor?")
                .contains("name=\"expect-level-hope\"")
                .contains("name=\"expect-text-bring\"");
        MockHttpServletResponse sent = mvc.perform(
                        answers(invitation.token(), "NOW", "k-" + world.suffix, CLIENT_HOPE, 5))
                .andReturn()
                .getResponse();
        assertThat(sent.getRedirectedUrl()).startsWith("/c/thanks");
        assertThat(expectationRows("client")).isEqualTo(1);
        assertThat(clientPage())
                .contains("Expectations: expected and experienced")
                .contains(CLIENT_HOPE)
                .contains("5 of 5 (Very much)")
                .contains("At intake: answered on 15 Jun 2026.");
    }

    @Test
    void aDoubleSubmitStoresTheExpectationsOnce() throws Exception {
        IssuedInvitation invitation = world.invite("alliance-client");
        String key = "twice-" + world.suffix;
        mvc.perform(answers(invitation.token(), "NOW", key, CLIENT_HOPE, 5));
        MockHttpServletResponse again = mvc.perform(answers(invitation.token(), "NOW", key, CLIENT_HOPE, 5))
                .andReturn()
                .getResponse();
        assertThat(again.getRedirectedUrl()).isEqualTo("/c/thanks");
        assertThat(expectationRows("client")).isEqualTo(1);
    }

    @Test
    void aTooLongTextComesBackWithEverythingKeptAndNothingStored() throws Exception {
        IssuedInvitation invitation = world.invite("alliance-client");
        MockHttpServletResponse refused = mvc.perform(
                        answers(invitation.token(), "NOW", "long-" + world.suffix, "x".repeat(301), 3))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("Please use at most 300 characters.")
                .contains("x".repeat(301));
        assertThat(expectationRows("client")).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM check_in WHERE client_id = ?")
                        .param(world.client)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aLanguageButtonKeepsWhatWasTyped() throws Exception {
        IssuedInvitation invitation = world.invite("alliance-client");
        String html = mvc.perform(MockMvcRequestBuilders.post("/c/" + invitation.token())
                        .with(csrf())
                        .param("idempotencyKey", "lang-" + world.suffix)
                        .param("language", "nb")
                        .param("expect-level-help", "2")
                        .param("expect-text-help", CLIENT_HOPE))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Hva forventer du?").contains(CLIENT_HOPE).contains("value=\"2\" checked");
        assertThat(expectationRows("client")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en", "nb", "da"})
    void theBlockSpeaksEveryLanguage(String lang) throws Exception {
        String html = form(world.invite("alliance-client").token(), lang);
        String heading =
                switch (lang) {
                    case "nl" -> "Wat verwacht je van je begeleider?";
                    case "en" -> "What do you expect of your counsellor?";
                    case "nb" -> "Hva forventer du av veilederen din?";
                    default -> "Hvad forventer du af din rådgiver?";
                };
        assertThat(html).contains(heading).doesNotContain("??expectations");
    }

    @Test
    void onlyTheIntakeAndTheRevisitMeetingAskAndTheRevisitAsksHowItWent() throws Exception {
        long second = world.newMeeting(world.client, world.professional.id(), LocalDate.of(2026, 3, 16));
        world.newMeeting(world.client, world.professional.id(), LocalDate.of(2026, 4, 1));
        long fourth = world.newMeeting(world.client, world.professional.id(), LocalDate.of(2026, 4, 20));
        assertThat(form(inviteFor(second).token(), "en")).doesNotContain("expect-level-hope");
        String revisit = form(inviteFor(fourth).token(), "en");
        assertThat(revisit)
                .contains("How did it go?")
                .contains("What you expected of your counsellor: how did it go?")
                .contains("How well did it go?");
    }

    @Test
    void theClientsAnswerFollowsTheReleaseChoiceOfItsCheckIn() throws Exception {
        mvc.perform(
                answers(world.invite("alliance-client").token(), "NEXT_MEETING", "n-" + world.suffix, CLIENT_HOPE, 5));
        // No meeting after the intake yet: held back, and what it says is not on the page.
        assertThat(clientPage())
                .doesNotContain(CLIENT_HOPE)
                .contains("At intake: answered; you see the answers at the next meeting, as the client chose.");
        long next = world.newMeeting(world.client, world.professional.id(), LocalDate.of(2026, 7, 1));
        assertThat(clientPage()).doesNotContain(CLIENT_HOPE).contains("you see the answers on 1 Jul 2026");
        jdbc.sql("UPDATE meeting SET meeting_date = '2026-04-01' WHERE id = ?")
                .param(next)
                .update();
        assertThat(clientPage()).contains(CLIENT_HOPE);
    }

    @Test
    void anAnswerForTheTeamFiguresIsNeverShownPerClient() throws Exception {
        mvc.perform(answers(world.invite("alliance-client").token(), "TEAM_ONLY", "t-" + world.suffix, CLIENT_HOPE, 5));
        world.newMeeting(world.client, world.professional.id(), LocalDate.of(2026, 4, 1));
        assertThat(clientPage())
                .doesNotContain(CLIENT_HOPE)
                .doesNotContain("5 of 5")
                .contains("At intake: answered, for the team figures only. You never see these answers.");
    }

    @Test
    void aNewerHeldBackAnswerHoldsBackTheOlderOne() throws Exception {
        mvc.perform(answers(world.invite("alliance-client").token(), "NOW", "a-" + world.suffix, "older hope", 5));
        assertThat(clientPage()).contains("older hope");
        mvc.perform(
                answers(world.invite("alliance-client").token(), "NEXT_MEETING", "b-" + world.suffix, CLIENT_HOPE, 2));
        assertThat(clientPage()).doesNotContain("older hope").doesNotContain(CLIENT_HOPE);
    }

    @Test
    void theProfessionalAnswersOnTheClientPageAndSeesExpectedNextToExperienced() throws Exception {
        meetingsUpToTheRevisit();
        long fourth = world.newMeeting(world.client, world.professional.id(), LocalDate.of(2026, 4, 20));
        mvc.perform(answers(world.invite("alliance-client").token(), "NOW", "i-" + world.suffix, CLIENT_HOPE, 5));
        mvc.perform(answers(inviteFor(fourth).token(), "NOW", "r-" + world.suffix, CLIENT_WENT, 3));
        String page = clientPage();
        assertThat(page)
                .contains("Your expectations at intake (2 Mar 2026)")
                .contains("How did it go? Your answers at the revisit (20 Apr 2026)")
                .contains("revisited at meeting 4: 20 Apr 2026");
        MockHttpServletResponse saved = mvc.perform(professional("INTAKE", "p-" + world.suffix)
                        .param("expect-level-hope", "4")
                        .param("expect-text-hope", PRO_HOPE))
                .andReturn()
                .getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo("/clients/" + world.client + "#expectations");
        mvc.perform(professional("REVISIT", "q-" + world.suffix).param("expect-level-hope", "2"));
        // The same form again (a double click) is stored once.
        mvc.perform(professional("REVISIT", "q-" + world.suffix).param("expect-level-hope", "2"));
        assertThat(expectationRows("professional")).isEqualTo(2);
        assertThat(clientPage())
                .contains(CLIENT_HOPE)
                .contains(CLIENT_WENT)
                .contains("3 of 5 (Partly)")
                .contains(PRO_HOPE)
                .contains("4 of 5 (Quite a lot)")
                .contains("2 of 5 (A little)");
    }

    @Test
    void anEmptyProfessionalFormIsRefusedAndStoresNothing() throws Exception {
        org.springframework.test.web.servlet.MvcResult refused =
                mvc.perform(professional("INTAKE", "e-" + world.suffix)).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(302);
        assertThat(expectationRows("professional")).isZero();
        String back = mvc.perform(MockMvcRequestBuilders.get("/clients/" + world.client)
                        .param("lang", "en")
                        .with(user(world.professional))
                        .flashAttrs(refused.getFlashMap()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(back).contains("Answer at least one question.").contains("<details open");
        // No revisit meeting yet: nothing to answer about.
        assertThat(mvc.perform(professional("REVISIT", "f-" + world.suffix).param("expect-level-hope", "2"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(409);
    }

    private MockHttpServletRequestBuilder professional(String occasion, String key) {
        return MockMvcRequestBuilders.post("/clients/" + world.client + "/expectations")
                .with(csrf())
                .with(user(world.professional))
                .param("lang", "en")
                .param("occasion", occasion)
                .param("idempotencyKey", key);
    }

    @Test
    void nobodyButTheClientsProfessionalSeesOrAnswersTheExpectations() throws Exception {
        mvc.perform(answers(world.invite("alliance-client").token(), "NOW", "w-" + world.suffix, CLIENT_HOPE, 5));
        mvc.perform(professional("INTAKE", "x-" + world.suffix).param("expect-text-hope", PRO_HOPE));
        assertThat(clientPage()).contains(CLIENT_HOPE).contains(PRO_HOPE);
        String client = "/clients/" + world.client;
        assertThat(status(world.otherProfessional, client)).isEqualTo(404);
        for (CurrentUser other : List.of(world.teamLead, world.researcher, world.admin)) {
            assertThat(status(other, client)).isEqualTo(403);
        }
        for (CurrentUser other : List.of(world.teamLead, world.researcher, world.admin, world.otherProfessional)) {
            for (String path : List.of("/caseload", "/team", "/research", "/admin", "/admin/expectations")) {
                assertThat(page(other, path, "en")).doesNotContain(CLIENT_HOPE).doesNotContain(PRO_HOPE);
            }
        }
        int refused = post(
                        world.otherProfessional,
                        client + "/expectations",
                        "occasion",
                        "INTAKE",
                        "expect-text-hope",
                        "not mine")
                .getStatus();
        assertThat(refused).isEqualTo(404);
        assertThat(expectationRows("professional")).isEqualTo(1);
    }

    private int status(CurrentUser who, String path) throws Exception {
        return get(who, path).getStatus();
    }

    @Test
    void theAdministratorChoosesTheRevisitMomentWithInlineErrors() throws Exception {
        assertThat(page(world.admin, "/admin/expectations", "en")).contains("value=\"4\"");
        MockHttpServletResponse wrong =
                post(world.admin, "/admin/expectations", "lang", "en", "kind", "MEETING", "number", "1");
        assertThat(wrong.getStatus()).isEqualTo(422);
        assertThat(wrong.getContentAsString(StandardCharsets.UTF_8))
                .contains("Enter a meeting number from 2 to 30.")
                .contains("aria-invalid=\"true\"");
        MockHttpServletResponse saved = post(world.admin, "/admin/expectations", "kind", "WEEKS", "number", "6");
        assertThat(saved.getRedirectedUrl()).isEqualTo("/admin/expectations?saved");
        // Six weeks after the intake of 2 Mar: the first meeting on or after 13 Apr.
        meetingsUpToTheRevisit();
        long revisit = world.newMeeting(world.client, world.professional.id(), LocalDate.of(2026, 4, 14));
        assertThat(form(inviteFor(revisit).token(), "en")).contains("How well did it go?");
        assertThat(clientPage()).contains("the first meeting 6 weeks after the intake: 14 Apr 2026");
    }
}
