package org.alliance.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Issue 14, "HTTP 500s for user mistakes on PostgreSQL": a NUL character in a text field, a meeting in the year
 * 10000 and a user name over 100 characters are answered with 422 and the reason, and nothing is written. (The
 * concurrent double submit of a rating is in CheckInPersistenceTest, on both databases.)
 */
class UserMistakesTest extends PageTest {

    private MockHttpServletResponse send(MockHttpServletRequestBuilder post, CurrentUser who) throws Exception {
        return mvc.perform(post.with(csrf()).with(user(who)).param("lang", "en"))
                .andReturn()
                .getResponse();
    }

    private long count(String sql, Object parameter) {
        return jdbc.sql(sql).param(parameter).query(Long.class).single();
    }

    @Test
    void aNulCharacterInAnyTextFieldIsRefusedWithTheFieldNamedAndNothingIsWritten() throws Exception {
        long clients = count("SELECT COUNT(*) FROM client WHERE organisation_id = ?", world.organisation);
        MockHttpServletResponse client = send(
                MockMvcRequestBuilders.post("/clients")
                        .param("alias", "Ki\u0000m")
                        .param("internalId", "X1"),
                world.professional);
        assertThat(client.getStatus()).isEqualTo(422);
        assertThat(client.getContentAsString())
                .contains("The field ‘alias’ contains an invisible character (NUL, character code 0)")
                .contains("Nothing was saved.");
        assertThat(count("SELECT COUNT(*) FROM client WHERE organisation_id = ?", world.organisation))
                .isEqualTo(clients);

        MockHttpServletResponse account = send(
                MockMvcRequestBuilders.post("/admin/users")
                        .param("username", "new\u0000" + world.suffix)
                        .param("displayName", "New")
                        .param("password", TestWorld.PASSWORD)
                        .param("role", "RESEARCHER"),
                world.admin);
        assertThat(account.getStatus()).isEqualTo(422);
        assertThat(count("SELECT COUNT(*) FROM app_user WHERE organisation_id = ?", world.organisation))
                .isEqualTo(5);

        MockHttpServletResponse internalId = send(
                MockMvcRequestBuilders.post("/clients").param("alias", "Kim").param("internalId", "\u0000"),
                world.professional);
        assertThat(internalId.getStatus()).isEqualTo(422);
        assertThat(internalId.getContentAsString()).contains("‘internalId’");

        MockHttpServletResponse checkIn = mvc.perform(MockMvcRequestBuilders.post(
                                "/c/" + world.invite("alliance-session-check").token())
                        .with(csrf())
                        .param("lang", "en")
                        .param("idempotencyKey", "nul\u0000" + world.suffix)
                        .param("release", "NOW")
                        .param("item-relationship", "7"))
                .andReturn()
                .getResponse();
        assertThat(checkIn.getStatus()).isEqualTo(422);
        assertThat(count("SELECT COUNT(*) FROM check_in WHERE client_id = ?", world.client))
                .isZero();
    }

    @Test
    void aMeetingInTheYearTenThousandIsAnInlineErrorOnTheForm() throws Exception {
        for (String date : new String[] {"+10000-01-01", "10000-01-01", "2026-02-30", ""}) {
            MockHttpServletResponse response = send(
                    MockMvcRequestBuilders.post("/clients/" + world.client + "/meetings")
                            .param("date", date)
                            .param("kind", "REGULAR"),
                    world.professional);
            assertThat(response.getStatus()).as(date).isEqualTo(422);
            assertThat(response.getContentAsString())
                    .contains("id=\"err-date\"")
                    .contains("Choose a real date (year 0000 to 9999) and a kind of meeting.");
        }
        MockHttpServletResponse joint = send(
                MockMvcRequestBuilders.post("/clients/" + world.client + "/joint")
                        .param("date", "+10000-01-01")
                        .param("professional-1", world.otherProfessional.username()),
                world.professional);
        assertThat(joint.getStatus()).isEqualTo(422);
        assertThat(count("SELECT COUNT(*) FROM meeting WHERE client_id = ?", world.client))
                .as("only TestWorld's meeting")
                .isEqualTo(1);
    }

    @Test
    void aUserNameOverOneHundredCharactersIsAnInlineError() throws Exception {
        MockHttpServletResponse response = send(
                MockMvcRequestBuilders.post("/admin/users")
                        .param("username", "u".repeat(101))
                        .param("displayName", "Long")
                        .param("password", TestWorld.PASSWORD)
                        .param("role", "RESEARCHER"),
                world.admin);
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString()).contains("A user name has at most 100 characters.");
        assertThat(count("SELECT COUNT(*) FROM app_user WHERE username = ?", "u".repeat(101)))
                .isZero();
        MockHttpServletResponse fits = send(
                MockMvcRequestBuilders.post("/admin/users")
                        .param("username", "u" + world.suffix + "x".repeat(91))
                        .param("displayName", "Long")
                        .param("password", TestWorld.PASSWORD)
                        .param("role", "RESEARCHER"),
                world.admin);
        assertThat(fits.getRedirectedUrl()).isEqualTo("/admin?userAdded");
    }
}
