package org.alliance.app.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.alliance.app.PageTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Issue 14, "the phone's language is ignored", after the phone's language (CheckInLanguageTest): when the browser
 * names none of the four languages, the invitation's language counts, then the organisation's; the client's own
 * choice always wins, and the header's language links keep the token.
 */
class CheckInLanguageFallbackTest extends PageTest {

    private String form(String token, String acceptLanguage) throws Exception {
        var get = MockMvcRequestBuilders.get("/c/" + token);
        if (acceptLanguage != null) {
            get.header("Accept-Language", acceptLanguage);
        }
        return mvc.perform(get).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theClientsOwnChoiceWinsAndTheLanguageLinksKeepTheToken() throws Exception {
        String token = world.invite("alliance-session-check").token();
        String danish = form(token, "da-DK");
        assertThat(danish).contains("href=\"/c/" + token + "?lang=nl\"").contains("href=\"/c/" + token + "?lang=en\"");

        var chosen = mvc.perform(MockMvcRequestBuilders.get("/c/" + token)
                        .param("lang", "nl")
                        .header("Accept-Language", "da-DK"))
                .andReturn()
                .getResponse();
        assertThat(chosen.getContentAsString()).contains("Hoe ging het gesprek?");

        // The answers are stored with the language the client read them in.
        mvc.perform(MockMvcRequestBuilders.post("/c/" + token)
                .with(csrf())
                .header("Accept-Language", "da-DK")
                .param("idempotencyKey", "lang-" + world.suffix)
                .param("release", "NOW")
                .param("item-relationship", "8"));
        assertThat(context.getBean(JdbcClient.class)
                        .sql("SELECT language FROM check_in WHERE idempotency_key = ?")
                        .param("lang-" + world.suffix)
                        .query(String.class)
                        .single())
                .isEqualTo("da");
    }

    /** The token of a session check about the world's meeting that the professional sent in English. */
    private String englishInvitation() {
        return context.getBean(Invitations.class)
                .issueInLanguage(
                        world.meeting,
                        "alliance-session-check",
                        world.professional.id(),
                        java.time.Duration.ofHours(72),
                        java.util.Optional.of(org.alliance.core.instrument.Language.EN))
                .token();
    }

    @Test
    void theInvitationsLanguageCountsWhenThePhoneNamesNoneOfOurs() throws Exception {
        String token = englishInvitation();
        assertThat(form(token, "de-DE,tr;q=0.8")).contains("lang=\"en\"").contains("How did the meeting go?");
        assertThat(form(token, null)).contains("How did the meeting go?");
        assertThat(form(token, "da-DK")).as("the phone's language first").contains("Hvordan gik samtalen?");
        var chosen = mvc.perform(MockMvcRequestBuilders.get("/c/" + token)
                        .param("lang", "nl")
                        .header("Accept-Language", "de-DE"))
                .andReturn()
                .getResponse();
        assertThat(chosen.getContentAsString())
                .as("the client's own choice wins")
                .contains("Hoe ging het gesprek?");

        // The professional chooses it on the client page.
        mvc.perform(MockMvcRequestBuilders.post("/meetings/" + world.meeting + "/invitations")
                .with(csrf())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                        world.professional))
                .param("instrument", "alliance-client")
                .param("language", "da"));
        assertThat(context.getBean(JdbcClient.class)
                        .sql("SELECT language FROM check_in_invitation WHERE meeting_id = ? ORDER BY id DESC")
                        .param(world.meeting)
                        .query(String.class)
                        .list()
                        .get(0))
                .isEqualTo("da");
    }

    private org.springframework.mock.web.MockHttpServletResponse settings(String language) throws Exception {
        return mvc.perform(
                        MockMvcRequestBuilders.post("/admin/settings")
                                .with(csrf())
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(world.admin))
                                .param("lang", "en")
                                .param("defaultRelease", "NEXT_MEETING")
                                .param("dropThresholdPercent", "15")
                                .param("gapThresholdPercent", "20")
                                .param("invitationHours", "72")
                                .param("splitThresholdPercent", "25")
                                .param("language", language))
                .andReturn()
                .getResponse();
    }

    @Test
    void theOrganisationsLanguageCountsWhenNeitherThePhoneNorTheInvitationNamesOne() throws Exception {
        assertThat(settings("xx").getStatus()).as("not one of the four").isEqualTo(422);
        assertThat(settings("nb").getRedirectedUrl()).isEqualTo("/admin?saved");
        String token = world.invite("alliance-session-check").token();
        assertThat(form(token, "de-DE")).contains("Hvordan gikk samtalen?");
        assertThat(form(token, "en-US")).contains("How did the meeting go?");
        String english = englishInvitation();
        assertThat(form(english, "de-DE"))
                .as("the invitation's before the organisation's")
                .contains("How did the meeting go?");
    }
}
