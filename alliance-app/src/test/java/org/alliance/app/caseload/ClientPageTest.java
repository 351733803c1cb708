package org.alliance.app.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.UUID;
import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.IssuedInvitation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The feedback loop through the real routing: what the client sends, what the professional and team lead see. */
class ClientPageTest extends PageTest {

    @Autowired
    CheckIns checkIns;

    /** All twelve alliance-client items answered with {@code value}. */
    private MockHttpServletRequestBuilder answerAll(String token, int value, String release, String key) {
        return TestWorld.allianceClientAnswers(token, value, release, key)
                .with(csrf())
                .param("lang", "en");
    }

    private String clientPage() throws Exception {
        return englishPage("/clients/" + world.client, world.professional);
    }

    @Test
    void releasedAnswersShowUpWithTheirScoresAndTheLowScoreAlert() throws Exception {
        IssuedInvitation invitation = world.invite("alliance-client");
        MockHttpServletResponse response = mvc.perform(answerAll(invitation.token(), 3, "NOW", "k-" + world.suffix))
                .andReturn()
                .getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/c/thanks?shown=NOW");

        String page = clientPage();
        assertThat(page).contains("<svg").contains("role=\"img\"").contains("3.0");
        assertThat(page).contains("is below the questionnaire’s cut-off");
        // Reading a client's answers is audited, with who read them and whose they were (never the answers).
        assertThat(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                        .sql(
                                "SELECT COUNT(*) FROM audit_log WHERE actor = ? AND action = 'answers read' AND subject = ?")
                        .params(world.professional.username(), "client " + world.client)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void answersKeptForTeamFiguresAreNeverShownToTheProfessional() throws Exception {
        IssuedInvitation invitation = world.invite("alliance-client");
        mvc.perform(answerAll(invitation.token(), 2, "TEAM_ONLY", "t-" + world.suffix));
        assertThat(checkIns.countWithKey("t-" + world.suffix)).isEqualTo(1);

        world.newMeeting(world.client, world.professional.id(), LocalDate.of(2026, 4, 1));
        String page = clientPage();
        assertThat(page).contains("No released answers from this client yet.").doesNotContain("<svg");
    }

    @Test
    void answersForTheNextMeetingAppearWhenTheProfessionalOpensIt() throws Exception {
        IssuedInvitation invitation = world.invite("alliance-client");
        mvc.perform(answerAll(invitation.token(), 4, "NEXT_MEETING", "n-" + world.suffix));
        assertThat(clientPage()).contains("No released answers from this client yet.");

        post(world.professional, "/clients/" + world.client + "/meetings", "date", "2026-03-16", "kind", "REGULAR");

        assertThat(clientPage())
                .doesNotContain("No released answers from this client yet.")
                .contains("<svg");
    }

    @Test
    void theProfessionalsHigherRatingIsShownAsAGapWithAnAlert() throws Exception {
        IssuedInvitation invitation = world.invite("alliance-client");
        mvc.perform(answerAll(invitation.token(), 3, "NOW", "c-" + world.suffix));
        MockHttpServletRequestBuilder rating = TestWorld.professionalRating(world.meeting, world.professional, 5)
                .param("idempotencyKey", "r-" + world.suffix);
        assertThat(mvc.perform(rating).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/clients/" + world.client);
        // The same rating form again (a double click) does not add a second rating.
        mvc.perform(rating);
        assertThat(checkIns.countWithKey("r-" + world.suffix)).isEqualTo(1);

        String page = clientPage();
        assertThat(page).contains("Your rating beside your client’s (2 Mar 2026)");
        assertThat(page).contains("+2.0");
        assertThat(page).contains("you gave 5.0, your client 3.0");
    }

    /**
     * Issue 14, "one meeting takes unlimited check-ins": nine invitations for one meeting all worked, the trend
     * showed the date nine times and "dropped since last time" compared two answers about the same meeting. Now the
     * newest answer about a meeting replaces the older one in the trend and the alerts; the older stays stored.
     */
    @Test
    void oneAnswerPerPerspectiveInstrumentAndMeetingCountsTheNewestReplacesTheOlder() throws Exception {
        mvc.perform(answerAll(world.invite("alliance-client").token(), 5, "NOW", "first-" + world.suffix));
        mvc.perform(answerAll(world.invite("alliance-client").token(), 3, "NOW", "second-" + world.suffix));

        String page = clientPage();
        assertThat(checkIns.countWithKey("first-" + world.suffix))
                .as("the older answer stays stored, as history")
                .isEqualTo(1);
        assertThat(page).as("no drop between two answers about one meeting").doesNotContain("fell from");
        assertThat(page).contains("is below the questionnaire’s cut-off").contains("3.0");
        assertThat(page.split("<th scope=\"row\">2 Mar 2026</th>", -1))
                .as("the meeting is one row of the trend table")
                .hasSize(2);
        assertThat(page).doesNotContain("<td>5.0</td>");
    }

    /**
     * Issue 14, "signals that cannot be trusted": a gap of 0.75 was shown as "+0.8" without the gap signal, although
     * the rule says 0.8 or more. The page now shows the number the rule judged.
     */
    @Test
    void aGapIsShownAsTheRuleJudgedItSoPointSevenFiveIsNotShownAsPointEight() throws Exception {
        mvc.perform(answerAll(world.invite("alliance-client").token(), 4, "NOW", "g-" + world.suffix));
        MockHttpServletRequestBuilder rating = MockMvcRequestBuilders.post("/meetings/" + world.meeting + "/rating")
                .with(csrf())
                .with(user(world.professional))
                .param("idempotencyKey", "gr-" + world.suffix);
        for (String scale : new String[] {"bond", "tasks", "goals"}) {
            for (int i = 1; i <= 4; i++) {
                rating.param("item-" + scale + "-" + i, scale.equals("goals") && i > 1 ? "4" : "5");
            }
        }
        mvc.perform(rating);

        String page = clientPage();
        // Total: professional 57/12 = 4.75, client 4.0: a gap of 0.75, below 0.8 (20 % of 1–5).
        assertThat(page).contains("<td>4.75</td>").contains("<td>+0.75</td>").doesNotContain("+0.8<");
        assertThat(page).doesNotContain("Total: you gave");
        assertThat(page).contains("Bond: you gave 5.0, your client 4.0");
    }

    /** Issue 14: an invitation that was not answered within its life is a missed check-in, with the rule. */
    @Test
    void anInvitationNotAnsweredWithinItsLifeIsShownAsAMissedCheckIn() throws Exception {
        IssuedInvitation invitation = world.invite("alliance-session-check");
        assertThat(clientPage()).as("still working: not missed").doesNotContain("Missed check-in");
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql(
                        """
                        UPDATE check_in_invitation SET created_at = created_at - ?, expires_at = expires_at - ?
                        WHERE id = ?""")
                .params(73 * 3_600_000L, 73 * 3_600_000L, invitation.id())
                .update();

        assertThat(clientPage())
                .contains("Missed check-in: How did the meeting go? for the meeting of 2 Mar 2026 was not answered.")
                .contains("(this one worked for 72 hours) counts as a missed check-in.")
                .doesNotContain("No alerts.");

        // Answered through a new invitation: no longer missed.
        mvc.perform(MockMvcRequestBuilders.post(
                        "/c/" + world.invite("alliance-session-check").token())
                .with(csrf())
                .param("lang", "en")
                .param("idempotencyKey", "m-" + world.suffix)
                .param("release", "TEAM_ONLY")
                .param("item-relationship", "9"));
        assertThat(clientPage()).doesNotContain("Missed check-in");
    }

    @Test
    void aRefusedAnswerIsMarkedAndTheOtherAnswersAreKept() throws Exception {
        IssuedInvitation invitation = world.invite("alliance-session-check");
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.post("/c/" + invitation.token())
                        .with(csrf())
                        .param("lang", "en")
                        .param("idempotencyKey", "e-" + world.suffix)
                        .param("release", "NOW")
                        .param("item-relationship", "7")
                        .param("item-overall", "11"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(422);
        String page = response.getContentAsString();
        assertThat(page).contains("id=\"err-overall\"").contains("This answer is not possible.");
        assertThat(page).containsPattern("id=\"q-relationship-7\"[^>]*checked");
        assertThat(page).contains("value=\"e-" + world.suffix + "\"");
        assertThat(checkIns.countWithKey("e-" + world.suffix)).isZero();
    }

    @Test
    void aRepeatedSubmitShowsThanksAndStoresOnce() throws Exception {
        IssuedInvitation invitation = world.invite("alliance-client");
        String key = "twice-" + world.suffix;
        mvc.perform(answerAll(invitation.token(), 4, "NOW", key));
        MockHttpServletResponse again = mvc.perform(answerAll(invitation.token(), 4, "NOW", key))
                .andReturn()
                .getResponse();
        assertThat(again.getRedirectedUrl()).isEqualTo("/c/thanks");
        assertThat(checkIns.countWithKey(key)).isEqualTo(1);
        // Opening the link again shows a friendly page, not an error trace.
        MockHttpServletResponse reopened = mvc.perform(
                        MockMvcRequestBuilders.get("/c/" + invitation.token()).param("lang", "en"))
                .andReturn()
                .getResponse();
        assertThat(reopened.getStatus()).isEqualTo(410);
        assertThat(reopened.getContentAsString())
                .contains("This link has already been used")
                .doesNotContain("Exception");
    }

    @Test
    void theInvitationPageShowsALongTokenAShortCodeAndAnExpiryInMinutes() throws Exception {
        MockHttpServletResponse issued = mvc.perform(
                        MockMvcRequestBuilders.post("/meetings/" + world.meeting + "/invitations")
                                .with(csrf())
                                .with(user(world.professional))
                                .param("instrument", "alliance-client"))
                .andReturn()
                .getResponse();
        assertThat(issued.getRedirectedUrl()).isEqualTo("/meetings/" + world.meeting + "/invitation");
        org.springframework.web.servlet.FlashMap flash = mvc.perform(
                        MockMvcRequestBuilders.post("/meetings/" + world.meeting + "/invitations")
                                .with(csrf())
                                .with(user(world.professional))
                                .param("instrument", "alliance-client"))
                .andReturn()
                .getFlashMap();
        String page = mvc.perform(MockMvcRequestBuilders.get("/meetings/" + world.meeting + "/invitation")
                        .param("lang", "en")
                        .flashAttrs(flash)
                        .with(user(world.professional)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // 32 random bytes in base64url: 43 characters, 256 bits.
        assertThat(page).containsPattern("/c/[A-Za-z0-9_-]{43}\\b");
        assertThat(page).containsPattern(">[A-Z2-9]{4}-[A-Z2-9]{4}<");
        assertThat(page).containsPattern("Valid until \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}\\.");
    }

    @Test
    void theRulesPageStatesTheOrganisationsOwnThresholds() throws Exception {
        MockHttpServletResponse saved = post(
                world.admin,
                "/admin/settings",
                "defaultRelease",
                "NEXT_MEETING",
                "dropThresholdPercent",
                "25",
                "gapThresholdPercent",
                "30",
                "invitationHours",
                "48",
                "splitThresholdPercent",
                "25");
        assertThat(saved.getRedirectedUrl()).isEqualTo("/admin?saved");
        String english = englishPage("/rules", world.professional);
        assertThat(english).contains("by 25% of the scale or more (on a scale from 1 to 5, 25% is 1.0 points)");
        assertThat(english).contains("30% of the scale or more higher");
        String dutch = mvc.perform(
                        MockMvcRequestBuilders.get("/rules").param("lang", "nl").with(user(world.professional)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(dutch).contains("25% gelijk aan 1,0 punt");
    }

    @Test
    void wrongSettingsGiveAnInlineErrorAndChangeNothing() throws Exception {
        for (String[] wrong : new String[][] {{"abc", "NOW"}, {"500", "NOW"}, {"20", "SOMETIMES"}, {"", "NOW"}}) {
            MockHttpServletResponse response = post(
                    world.admin,
                    "/admin/settings",
                    "lang",
                    "en",
                    "defaultRelease",
                    wrong[1],
                    "dropThresholdPercent",
                    wrong[0],
                    "gapThresholdPercent",
                    "20",
                    "invitationHours",
                    "72",
                    "splitThresholdPercent",
                    "25");
            assertThat(response.getStatus()).as("%s", (Object) wrong).isEqualTo(422);
            assertThat(response.getContentAsString()).contains("class=\"error-summary\"");
        }
        assertThat(context.getBean(org.alliance.app.organisation.Organisations.class)
                        .get(world.organisation)
                        .dropThresholdPercent())
                .isEqualTo(15);
    }

    @Test
    void theTeamLeadSeesNoFiguresForFewerThanFiveClients() throws Exception {
        for (int i = 0; i < 4; i++) {
            answerNewClient(i);
        }
        String fewer = teamPage();
        assertThat(fewer).contains("Too few clients with answers to show figures (at least 5 needed).");
        assertThat(fewer).doesNotContain("<caption>");

        answerNewClient(4);
        String enough = teamPage();
        assertThat(enough).doesNotContain("Too few clients").contains("<caption>");
        assertThat(enough)
                .doesNotContain(world.professional.displayName())
                .doesNotContain(world.otherProfessional.displayName());
    }

    private void answerNewClient(int i) throws Exception {
        long professional = i % 2 == 0 ? world.professional.id() : world.otherProfessional.id();
        long client = world.newClient(professional, "C" + i);
        long meeting = world.newMeeting(client, professional, LocalDate.of(2026, 2, 1 + i));
        IssuedInvitation invitation = context.getBean(org.alliance.app.checkin.Invitations.class)
                .issue(meeting, "alliance-client", professional, java.time.Duration.ofHours(1));
        mvc.perform(answerAll(
                invitation.token(), 3 + i % 2, "TEAM_ONLY", UUID.randomUUID().toString()));
    }

    private String teamPage() throws Exception {
        return englishPage("/team", world.teamLead);
    }
}
