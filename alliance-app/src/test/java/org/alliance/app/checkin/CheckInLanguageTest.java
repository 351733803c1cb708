package org.alliance.app.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.LocalDate;
import org.alliance.app.PageTest;
import org.alliance.app.joint.JointMeetings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Issue 14, "the phone's language is ignored": the check-in opens in the language the phone asks for, and the
 * client can switch language on the form without losing their answers.
 */
class CheckInLanguageTest extends PageTest {

    @Autowired
    CheckIns checkIns;

    @Autowired
    JointMeetings meetings;

    @Autowired
    Invitations invitations;

    @ParameterizedTest(name = "Accept-Language: {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "da-DK,da;q=0.9,en;q=0.8 | da | Hvem ser dine svar?",
                "nb-NO,nb;q=0.9         | nb | Hvem ser svarene dine?",
                "no                     | nb | Hvem ser svarene dine?",
                "en-GB,en;q=0.9         | en | Who sees your answers?",
                "fr-FR,fr;q=0.9,en;q=0.5 | en | Who sees your answers?",
                "en;q=0.4,da;q=0.8      | da | Hvem ser dine svar?",
                "fr-FR,de;q=0.9         | nl | Wie ziet je antwoorden?",
            })
    void thePhonesLanguageIsIgnored(String acceptLanguage, String expected, String heading) throws Exception {
        IssuedInvitation invitation = world.invite("alliance-session-check");
        String page = mvc.perform(MockMvcRequestBuilders.get("/c/" + invitation.token())
                        .header("Accept-Language", acceptLanguage))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("<html lang=\"" + expected + "\"").contains(heading);
    }

    @Test
    void aLanguageChosenBeforeWinsOverThePhonesLanguage() throws Exception {
        IssuedInvitation invitation = world.invite("alliance-session-check");
        String page = mvc.perform(MockMvcRequestBuilders.get("/c/" + invitation.token())
                        .header("Accept-Language", "da-DK,da")
                        .cookie(new Cookie("alliance-lang", "en")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("<html lang=\"en\"");
    }

    @Test
    void answersAreStoredInThePhonesLanguage() throws Exception {
        IssuedInvitation invitation = world.invite("alliance-session-check");
        String key = "danish-" + world.suffix;
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.post("/c/" + invitation.token())
                        .with(csrf())
                        .header("Accept-Language", "da-DK,da;q=0.9")
                        .param("idempotencyKey", key)
                        .param("release", "NOW")
                        .param("item-relationship", "7"))
                .andReturn()
                .getResponse();
        assertThat(response.getRedirectedUrl()).startsWith("/c/thanks");
        assertThat(languageStoredWith(key)).isEqualTo("da");
    }

    @Test
    void theLanguageButtonKeepsTheAnswersAndStoresNothing() throws Exception {
        IssuedInvitation invitation = world.invite("alliance-session-check");
        String key = "switch-" + world.suffix;
        MockHttpServletResponse switched = mvc.perform(MockMvcRequestBuilders.post("/c/" + invitation.token())
                        .with(csrf())
                        .param("idempotencyKey", key)
                        .param("release", "TEAM_ONLY")
                        .param("item-relationship", "7")
                        .param("language", "nb"))
                .andReturn()
                .getResponse();
        String page = switched.getContentAsString();
        assertThat(switched.getStatus()).isEqualTo(200);
        assertThat(page).contains("<html lang=\"nb\"").contains("Hvem ser svarene dine?");
        assertThat(page).containsPattern("name=\"item-relationship\" value=\"7\"[^>]*checked");
        assertThat(page).containsPattern("id=\"release-TEAM_ONLY\" value=\"TEAM_ONLY\"[^>]*checked");
        assertThat(page).contains("value=\"" + key + "\"");
        assertThat(page).contains("name=\"language\" value=\"da\"").doesNotContain("name=\"language\" value=\"nb\"");
        assertThat(switched.getCookie("alliance-lang")).isNotNull();
        assertThat(checkIns.countWithKey(key)).as("switching stores nothing").isZero();

        assertThat(page).contains("name=\"formLanguage\" value=\"nb\"");

        // The form sent afterwards (same key, same answers) is stored once, as answered in the language it was
        // shown in: also when the cookie that chose it is gone and the phone asks for Danish.
        MockHttpServletResponse sent = mvc.perform(MockMvcRequestBuilders.post("/c/" + invitation.token())
                        .header("Accept-Language", "da")
                        .param("formLanguage", "nb")
                        .param("idempotencyKey", key)
                        .param("release", "TEAM_ONLY")
                        .param("item-relationship", "7"))
                .andReturn()
                .getResponse();
        assertThat(sent.getRedirectedUrl()).startsWith("/c/thanks");
        assertThat(checkIns.countWithKey(key)).isEqualTo(1);
        assertThat(languageStoredWith(key)).isEqualTo("nb");
    }

    @Test
    void theLanguageButtonOfAJointCheckInKeepsEveryBlockAndChoice() throws Exception {
        long meeting = world.jointMeeting(LocalDate.of(2026, 3, 3), world.otherProfessional);
        long meetingId = meetings.find(meeting).orElseThrow().meetingId();
        String token = invitations
                .issue(meetingId, "alliance-joint-client", world.professional.id(), Duration.ofHours(72))
                .token();
        String key = "joint-switch-" + world.suffix;
        long colleague = world.otherProfessional.id();
        MockHttpServletResponse switched = mvc.perform(MockMvcRequestBuilders.post("/c/" + token)
                        .with(csrf())
                        .param("idempotencyKey", key)
                        .param("release", "NOW")
                        .param("release-p" + colleague, "TEAM_ONLY")
                        .param("audience-p" + colleague, "ALL_PROFESSIONALS")
                        .param("item-p" + colleague + "-bond-trust", "2")
                        .param("item-team-vision", "5")
                        .param("language", "da"))
                .andReturn()
                .getResponse();
        String page = switched.getContentAsString();
        assertThat(switched.getStatus()).isEqualTo(200);
        assertThat(page).contains("<html lang=\"da\"");
        assertThat(page)
                .containsPattern("name=\"item-p" + colleague + "-bond-trust\" value=\"2\"[^>]*checked")
                .containsPattern("name=\"item-team-vision\" value=\"5\"[^>]*checked")
                .containsPattern("id=\"release-p" + colleague + "-TEAM_ONLY\" value=\"TEAM_ONLY\"[^>]*checked")
                .containsPattern("value=\"ALL_PROFESSIONALS\"[^>]*checked")
                .contains("value=\"" + key + "\"");
        assertThat(checkIns.countWithKey(key)).isZero();
    }

    private String languageStoredWith(String key) {
        return jdbc.sql("SELECT language FROM check_in WHERE idempotency_key = ?")
                .param(key)
                .query(String.class)
                .single();
    }
}
