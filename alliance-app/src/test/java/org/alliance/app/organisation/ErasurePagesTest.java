package org.alliance.app.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Role;
import org.alliance.app.system.UserAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** The administrator erases a client in the browser: find, see what goes, confirm; only their own organisation. */
class ErasurePagesTest extends PageTest {

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void anAdministratorErasesAClientAfterSeeingWhatGoesAndConfirmingTheReference() throws Exception {
        String reference = "K-" + world.suffix;
        world.invite("alliance-client");
        // A "discussed" record about the client's meeting (issue 17) goes with the client.
        world.discussedGap("We talk about letters first");
        long keep = world.newClient(world.professional.id(), "Lee");
        world.newMeeting(keep, world.professional.id(), java.time.LocalDate.of(2026, 3, 9));

        MockHttpServletResponse found = get(world.admin, "/admin/clients", "reference", reference, "lang", "en");
        assertThat(found.getRedirectedUrl()).isEqualTo("/admin/clients/" + world.client + "/erase");
        String page = englishPage(found.getRedirectedUrl(), world.admin);
        assertThat(page)
                .contains("Erase Kim")
                .contains("Type the reference " + reference + " to confirm")
                .containsPattern("Meetings</th>\\s*<td>1</td>")
                .containsPattern("Invitations</th>\\s*<td>1</td>")
                .containsPattern("Notes on whether feedback was discussed</th>\\s*<td>1</td>");

        // A wrong confirmation: an inline error, nothing erased.
        MockHttpServletResponse wrong =
                post(world.admin, found.getRedirectedUrl(), "confirmation", "K-wrong", "lang", "en");
        assertThat(wrong.getStatus()).isEqualTo(422);
        assertThat(wrong.getContentAsString())
                .contains("Type the client’s reference exactly to confirm. Nothing was erased.")
                .contains("aria-invalid=\"true\"");
        assertThat(count("SELECT COUNT(*) FROM client WHERE id = ?", world.client))
                .isEqualTo(1);

        // An administrator of another organisation does not find the client, nor reach it by id.
        UserAccounts accounts = context.getBean(UserAccounts.class);
        long elsewhere = context.getBean(Organisations.class).create("Elsewhere " + world.suffix);
        accounts.create(elsewhere, null, "admin2-" + world.suffix, "Other admin", TestWorld.PASSWORD, Role.ADMIN);
        CurrentUser otherAdmin = accounts.loadUserByUsername("admin2-" + world.suffix);
        assertThat(get(otherAdmin, "/admin/clients", "reference", reference).getStatus())
                .isEqualTo(404);
        assertThat(post(otherAdmin, found.getRedirectedUrl(), "confirmation", reference)
                        .getStatus())
                .isEqualTo(404);

        MockHttpServletResponse erased =
                post(world.admin, found.getRedirectedUrl(), "confirmation", " " + reference + " ");
        assertThat(erased.getRedirectedUrl()).isEqualTo("/admin?erased");
        assertThat(count("SELECT COUNT(*) FROM client WHERE id = ?", world.client))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM meeting WHERE client_id = ?", world.client))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM feedback_discussed WHERE client_id = ?", world.client))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM client WHERE id = ?", keep)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM meeting WHERE client_id = ?", keep))
                .isEqualTo(1);
        String trail = jdbc.sql("SELECT subject FROM audit_log WHERE actor = ? AND action = 'client erased'")
                .param(world.admin.username())
                .query(String.class)
                .single();
        assertThat(trail)
                .contains("client " + world.client)
                .contains("meetings=1")
                .contains("invitations=1")
                .contains("discussed=1")
                .doesNotContain("Kim")
                .doesNotContain(reference);
        // The professional's page of the erased client no longer exists.
        assertThat(get(world.professional, "/clients/" + world.client).getStatus())
                .isEqualTo(404);
    }

    /** Issue 17: the expectations of both sides go with the client, counted on the confirmation page. */
    @Test
    void theExpectationsOfBothSidesAreErasedWithTheClient() throws Exception {
        String token = world.invite("alliance-client").token();
        mvc.perform(TestWorld.allianceClientAnswers(token, 4, "NOW", "erase-" + world.suffix)
                .with(csrf())
                .param("expect-level-hope", "5")
                .param("expect-text-hope", "A calmer home"));
        post(
                world.professional,
                "/clients/" + world.client + "/expectations",
                "occasion",
                "INTAKE",
                "idempotencyKey",
                "erase-pro-" + world.suffix,
                "expect-level-help",
                "3");
        assertThat(count("SELECT COUNT(*) FROM expectation_answer WHERE client_id = ?", world.client))
                .isEqualTo(2);
        String erase = "/admin/clients/" + world.client + "/erase";
        String page = englishPage(erase, world.admin);
        assertThat(page)
                .containsPattern("Expectation answers \\(client and professional\\)</th>\\s*<td>2</td>")
                .containsPattern("Expectation answers \\(each item\\)</th>\\s*<td>2</td>");
        post(world.admin, erase, "confirmation", "K-" + world.suffix);
        assertThat(count("SELECT COUNT(*) FROM client WHERE id = ?", world.client))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM expectation_answer WHERE client_id = ?", world.client))
                .isZero();
        assertThat(
                        count(
                                "SELECT COUNT(*) FROM expectation_item WHERE answer_id NOT IN (SELECT id FROM expectation_answer)"))
                .isZero();
    }
}
