package org.alliance.app.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.alliance.app.checkin.Invitations;
import org.alliance.app.conversation.ConversationPrompts.Signal;
import org.alliance.app.conversation.Discussions;
import org.alliance.app.system.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Issue 17, the learning team page: two periods side by side with how often feedback was discussed, the gap
 * distribution and the share choosing "only in team figures" — only over at least 5 clients and 2 professionals.
 */
class LearningTeamTest extends PageTest {

    @Autowired
    Invitations invitations;

    @Autowired
    Discussions discussions;

    /** A client of the professional with a meeting on 1 May 2026: the client answers 3, the professional 5. */
    private void client(CurrentUser professional, int number, String release, boolean discussed) throws Exception {
        // An alias with a space: a random CSRF token on the page (base64url) can never contain it.
        long client = world.newClient(professional.id(), "Cora " + number);
        long meeting = world.newMeeting(client, professional.id(), LocalDate.of(2026, 5, 1));
        String token = invitations
                .issue(meeting, "alliance-client", professional.id(), Duration.ofHours(72))
                .token();
        mvc.perform(TestWorld.allianceClientAnswers(token, 3, release, "learn-" + number + "-" + world.suffix));
        mvc.perform(TestWorld.professionalRating(meeting, professional, 5));
        discussions.record(client, meeting, Signal.GAP, discussed, "", professional.id());
    }

    private MockHttpServletResponse page(String query) throws Exception {
        return get(world.teamLead, "/team/learning" + query, "lang", "en");
    }

    @Test
    void theTeamComparesTwoPeriodsOverFiveClientsAndTwoProfessionals() throws Exception {
        client(world.professional, 1, "NOW", true);
        client(world.professional, 2, "TEAM_ONLY", true);
        client(world.professional, 3, "NOW", false);
        client(world.otherProfessional, 4, "TEAM_ONLY", true);
        client(world.otherProfessional, 5, "NEXT_MEETING", true);
        String page = page("").getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("Period 1 (before): 18 Dec 2025 – 17 Mar 2026")
                .contains("Period 2 (after): 18 Mar 2026 – 15 Jun 2026")
                .contains("80 % (4 of 5 notes, 5 clients)")
                .contains("40 % (2 of 5 clients who answered)")
                // 3 against 5 on a 1–5 scale: 50 % of the range, all five clients in the top band.
                .contains("100 % (5 of 5 clients)")
                .contains("Not shown: 0 clients, fewer than 5 or only one professional")
                .doesNotContain(world.professional.username())
                .doesNotContain("Cora 1");
        // The period chosen before the meetings: nothing to show there either.
        assertThat(page("?from1=2026-01-01&to1=2026-04-30&from2=2026-05-01&to2=2026-05-31")
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("Period 1 (before): 1 Jan 2026 – 30 Apr 2026")
                .contains("80 % (4 of 5 notes, 5 clients)");
    }

    @Test
    void fiveClientsOfOneProfessionalAreStillOneProfessional() throws Exception {
        for (int i = 1; i <= 5; i++) {
            client(world.professional, i, "NOW", true);
        }
        assertThat(page("").getContentAsString(StandardCharsets.UTF_8))
                .contains("Not shown: 5 clients, fewer than 5 or only one professional")
                .doesNotContain("100 % (5 of 5 notes");
    }

    @Test
    void theTeamKeepsItsLearningPlan() throws Exception {
        post(world.teamLead, "/team/learning/plan", "goals", "Ask for feedback in every meeting");
        MockHttpServletResponse noDate = post(
                world.teamLead,
                "/team/learning/sessions",
                "lang",
                "en",
                "notes",
                "Closing: we keep the cards on the table");
        assertThat(noDate.getStatus()).isEqualTo(422);
        assertThat(noDate.getContentAsString(StandardCharsets.UTF_8))
                .contains("Enter the date of the session.")
                .contains("Closing: we keep the cards on the table");
        MockHttpServletResponse yearTenThousand = post(
                world.teamLead,
                "/team/learning/sessions",
                "lang",
                "en",
                "date",
                "+10000-01-01",
                "notes",
                "typed one digit too many");
        assertThat(yearTenThousand.getStatus())
                .as("a date that does not fit the column is a typing mistake, not a server error")
                .isEqualTo(422);
        assertThat(post(
                                world.teamLead,
                                "/team/learning/sessions",
                                "date",
                                "2026-06-01",
                                "notes",
                                "Closing: we keep the cards on the table")
                        .getRedirectedUrl())
                .isEqualTo("/team/learning#plan-heading");
        assertThat(page("").getContentAsString(StandardCharsets.UTF_8))
                .contains("Ask for feedback in every meeting")
                .contains("1 Jun 2026")
                .contains("Closing: we keep the cards on the table");
    }

    @Test
    void aWrongDateIsShownAtItsField() throws Exception {
        MockHttpServletResponse wrong = page("?from1=2026-05-01&to1=2026-04-01&from2=soon");
        assertThat(wrong.getStatus()).isEqualTo(422);
        assertThat(wrong.getContentAsString(StandardCharsets.UTF_8))
                .contains("Check the dates")
                .contains("id=\"err-to1\"")
                .contains("id=\"err-from2\"")
                .doesNotContain("id=\"err-from1\"");
    }
}
