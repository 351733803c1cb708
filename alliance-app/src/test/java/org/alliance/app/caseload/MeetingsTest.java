package org.alliance.app.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.alliance.app.checkin.CheckIns;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Issue 14, "meetings with a status": each meeting says what became of the client's check-in (invited until,
 * answered, held back until a date) and whether the professional rated it; a meeting can be changed and, when it
 * holds nothing anybody gave, deleted after a confirmation; each action is confirmed and audited.
 */
class MeetingsTest extends PageTest {

    @Autowired
    CheckIns checkIns;

    private void answerAll(String token, String release) throws Exception {
        MockHttpServletRequestBuilder post =
                TestWorld.allianceClientAnswers(token, 4, release, "m-" + token.substring(0, 12));
        assertThat(mvc.perform(post).andReturn().getResponse().getRedirectedUrl())
                .startsWith("/c/thanks");
    }

    private Document clientPage() throws Exception {
        return Jsoup.parse(englishPage("/clients/" + world.client, world.professional));
    }

    private String statusOf(Document page, long meeting) {
        return page.select("#meeting-" + meeting + " + ul.meeting-status").text();
    }

    private long audited(String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE actor = ? AND action = ?")
                .params(world.professional.username(), action)
                .query(Long.class)
                .single();
    }

    @Test
    void eachMeetingSaysWhatBecameOfTheCheckInAndWhetherIRatedIt() throws Exception {
        assertThat(statusOf(clientPage(), world.meeting)).isEqualTo("Not rated by you yet");
        world.invite("alliance-client");
        assertThat(statusOf(clientPage(), world.meeting))
                .startsWith("Invited, works until ")
                .contains("2026");

        answerAll(world.invite("alliance-client").token(), "NEXT_MEETING");
        assertThat(statusOf(clientPage(), world.meeting))
                .isEqualTo("Answered, you see it at the next meeting Not rated by you yet");
        long next = world.newMeeting(world.client, world.professional.id(), LocalDate.of(2026, 7, 1));
        Document page = clientPage();
        assertThat(statusOf(page, world.meeting)).startsWith("Answered, you see it on 1 Jul 2026");
        assertThat(statusOf(page, next)).isEqualTo("Not rated by you yet");

        MockHttpServletRequestBuilder rating = TestWorld.professionalRating(world.meeting, world.professional, 4)
                .param("idempotencyKey", "rate-" + world.suffix);
        MvcResult rated = mvc.perform(rating).andReturn();
        assertThat(rated.getFlashMap().get("done")).isEqualTo("meeting.done.rated");
        assertThat(statusOf(clientPage(), world.meeting)).endsWith("Rated by you");
    }

    @Test
    void aMeetingCanBeMovedWithAnAuditRowAndAConfirmation() throws Exception {
        MvcResult moved = mvc.perform(MockMvcRequestBuilders.post("/meetings/" + world.meeting + "/edit")
                        .with(csrf())
                        .with(user(world.professional))
                        .param("date", "2026-03-09")
                        .param("kind", "INTAKE"))
                .andReturn();
        assertThat(moved.getResponse().getRedirectedUrl()).isEqualTo("/clients/" + world.client);
        String confirmed = mvc.perform(MockMvcRequestBuilders.get("/clients/" + world.client)
                        .param("lang", "en")
                        .with(user(world.professional))
                        .flashAttrs(moved.getFlashMap()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(confirmed).select(".notice[role=status]").text()).isEqualTo("The meeting was changed.");
        assertThat(clientPage().select("#meeting-" + world.meeting).text())
                .contains("9 Mar 2026")
                .contains("intake");
        assertThat(audited("meeting changed")).isEqualTo(1);

        MockHttpServletResponse wrong = post(
                world.professional,
                "/meetings/" + world.meeting + "/edit",
                "lang",
                "en",
                "date",
                "+10000-01-01",
                "kind",
                "INTAKE");
        assertThat(wrong.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(wrong.getContentAsString())
                        .select("details.meeting-edit[open] .error-message")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void aMeetingWithoutAnswersCanBeDeletedOneWithAnswersCannot() throws Exception {
        long empty = world.newMeeting(world.client, world.professional.id(), LocalDate.of(2026, 4, 1));
        context.getBean(org.alliance.app.checkin.Invitations.class)
                .issue(empty, "alliance-client", world.professional.id(), java.time.Duration.ofHours(72));
        String confirmation = englishPage("/meetings/" + empty + "/delete", world.professional);
        assertThat(confirmation).contains("Do you want to delete the meeting of 1 Apr 2026 (meeting) with Kim?");
        assertThat(post(world.otherProfessional, "/meetings/" + empty + "/delete")
                        .getStatus())
                .as("another professional's meeting")
                .isEqualTo(404);
        MvcResult deleted = mvc.perform(MockMvcRequestBuilders.post("/meetings/" + empty + "/delete")
                        .with(csrf())
                        .with(user(world.professional)))
                .andReturn();
        assertThat(deleted.getFlashMap().get("done")).isEqualTo("meeting.done.deleted");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM meeting WHERE id = ?")
                        .param(empty)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(audited("meeting deleted")).isEqualTo(1);

        answerAll(world.invite("alliance-client").token(), "NOW");
        MockHttpServletResponse refused = mvc.perform(
                        MockMvcRequestBuilders.post("/meetings/" + world.meeting + "/delete")
                                .with(csrf())
                                .with(user(world.professional))
                                .param("lang", "en"))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString()).contains("so it cannot be deleted");
        assertThat(checkIns.currentForClient(world.client, false))
                .as("the answer is kept")
                .hasSize(1);
    }
}
