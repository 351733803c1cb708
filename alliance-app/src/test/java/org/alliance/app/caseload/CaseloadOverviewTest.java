package org.alliance.app.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.alliance.app.checkin.Invitations;
import org.alliance.app.checkin.IssuedInvitation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 14, "caseload overview": per client the last meeting, the latest scores, the open signals and what became
 * of the last invitation, filterable and sortable, with clients of the same alias told apart — and never more than
 * the client page shows (a held-back answer has no score).
 */
class CaseloadOverviewTest extends PageTest {

    @Autowired
    Invitations invitations;

    private void answerAll(String token, int value, String release) throws Exception {
        MockHttpServletRequestBuilder post =
                TestWorld.allianceClientAnswers(token, value, release, "o-" + token.substring(0, 12));
        assertThat(mvc.perform(post).andReturn().getResponse().getRedirectedUrl())
                .startsWith("/c/thanks");
    }

    private long clientWithMeeting(String alias, LocalDate date) {
        long client = world.newClient(world.professional.id(), alias);
        world.newMeeting(client, world.professional.id(), date);
        return client;
    }

    private long meetingOf(long client) {
        return context.getBean(Caseload.class).meetings(client).get(0).id();
    }

    private IssuedInvitation invite(long client, Duration lifetime) {
        return invitations.issue(meetingOf(client), "alliance-client", world.professional.id(), lifetime);
    }

    private Document overview(String lang, String query) throws Exception {
        return Jsoup.parse(
                get(world.professional, "/caseload?lang=" + lang + query).getContentAsString());
    }

    private static Element row(Document page, String name) {
        return page.select("table.caseload tbody tr").stream()
                .filter(tr -> tr.child(0).text().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no row " + name + " in " + page.select("tbody").text()));
    }

    private static List<String> names(Document page) {
        return page.select("table.caseload tbody tr td:first-child").eachText();
    }

    @Test
    void eachClientShowsLastMeetingScoresSignalsAndTheLastInvitation() throws Exception {
        // Kim (the world's client, meeting 2026-03-02) answered with all 2s and released them: low.
        answerAll(world.invite("alliance-client").token(), 2, "NOW");
        long lee = clientWithMeeting("Lee", LocalDate.of(2026, 6, 1));
        answerAll(invite(lee, Duration.ofHours(72)).token(), 4, "NEXT_MEETING");
        long ash = clientWithMeeting("Ash", LocalDate.of(2026, 5, 20));
        invite(ash, Duration.ofHours(-1));
        long sam1 = clientWithMeeting("Sam", LocalDate.of(2026, 6, 10));
        invite(sam1, Duration.ofHours(72));
        long sam2 = world.newClient(world.professional.id(), "Sam");
        // Answers without an invitation (imported from before): the latest meeting's answer counts.
        long imported = clientWithMeeting("Ida", LocalDate.of(2026, 6, 2));
        context.getBean(org.alliance.app.checkin.CheckIns.class)
                .importHistory(new org.alliance.app.checkin.ImportedCheckIn(
                        meetingOf(imported),
                        imported,
                        "alliance-client",
                        "1.0.0",
                        org.alliance.core.instrument.Perspective.CLIENT,
                        org.alliance.core.instrument.Language.EN,
                        org.alliance.core.release.ReleaseChoice.NOW,
                        "imported-" + world.suffix,
                        java.time.Instant.parse("2026-06-02T10:00:00Z"),
                        java.util.Optional.of(java.time.Instant.parse("2026-06-02T10:00:00Z")),
                        java.util.Map.of("bond-1", 4.0)));

        Document page = overview("en", "");
        Element kim = row(page, "Kim");
        assertThat(kim.child(2).text()).isEqualTo("2 Mar 2026");
        assertThat(kim.child(3).text()).as("client's latest total").isEqualTo("2.0");
        assertThat(kim.child(4).text()).as("no own rating yet").isEqualTo("–");
        assertThat(kim.child(5).text()).isEqualTo("low");
        assertThat(kim.child(6).text()).isEqualTo("Answered");

        Element heldBack = row(page, "Lee");
        assertThat(heldBack.child(3).text())
                .as("a held-back answer has no score here either")
                .isEqualTo("–");
        assertThat(heldBack.child(6).text()).isEqualTo("Answered, you see it at the next meeting");

        Element missed = row(page, "Ash");
        assertThat(missed.child(5).text()).isEqualTo("missed");
        assertThat(missed.child(6).text()).isEqualTo("Not answered");

        assertThat(names(page))
                .as("two clients called Sam are told apart by their internal number")
                .contains("Sam (" + internalId(sam1) + ")", "Sam (" + internalId(sam2) + ")");
        Element invited = row(page, "Sam (" + internalId(sam1) + ")");
        assertThat(invited.child(6).text()).startsWith("Invited, works until ");
        assertThat(row(page, "Sam (" + internalId(sam2) + ")").child(6).text()).isEqualTo("No invitation yet");
        assertThat(row(page, "Ida").child(6).text()).isEqualTo("Answered");
    }

    @Test
    void theListFiltersBySignalAndSortsBySignalsOrLastMeeting() throws Exception {
        answerAll(world.invite("alliance-client").token(), 2, "NOW");
        long ash = clientWithMeeting("Ash", LocalDate.of(2026, 5, 20));
        invite(ash, Duration.ofHours(-1));
        clientWithMeeting("Bo", LocalDate.of(2026, 6, 12));

        assertThat(names(overview("en", "&signal=low"))).containsExactly("Kim");
        assertThat(names(overview("en", "&signal=missed"))).containsExactly("Ash");
        assertThat(overview("en", "&signal=drop").text()).contains("No clients with this signal.");
        assertThat(names(overview("en", ""))).containsExactly("Ash", "Bo", "Kim");
        assertThat(names(overview("en", "&sort=last-meeting"))).containsExactly("Bo", "Ash", "Kim");
        List<String> bySignals = names(overview("en", "&sort=signals"));
        assertThat(bySignals.get(2)).as("the client without signals comes last").isEqualTo("Bo");
    }

    @Test
    void numbersAndDatesAreWrittenAsTheLanguageWritesThem() throws Exception {
        answerAll(world.invite("alliance-client").token(), 2, "NOW");
        Element kim = row(overview("nl", ""), "Kim");
        assertThat(kim.child(2).text()).isEqualTo("2 mrt. 2026");
        assertThat(kim.child(3).text()).isEqualTo("2,0");
        assertThat(row(overview("da", ""), "Kim").child(3).text()).isEqualTo("2,0");
    }

    private String internalId(long client) {
        return context.getBean(Caseload.class)
                .clientOf(world.professional.id(), client)
                .orElseThrow()
                .internalId();
    }
}
