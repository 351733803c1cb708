package org.alliance.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Changing one's own password: every mistake is named next to its field and changes nothing. */
class AccountPageTest extends PageTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    @Autowired
    PasswordEncoder passwordEncoder;

    private MockHttpServletResponse change(String current, String password, String repeat) throws Exception {
        return post(
                world.professional,
                "/account/password",
                "lang",
                "en",
                "current",
                current,
                "password",
                password,
                "repeat",
                repeat);
    }

    private String storedHash() {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?")
                .param(world.professional.id())
                .query(String.class)
                .single();
    }

    @Test
    void eachMistakeIsShownAtItsFieldAndNothingChanges() throws Exception {
        String before = storedHash();

        MockHttpServletResponse wrong = change("not my password", NEW_PASSWORD, NEW_PASSWORD);
        assertThat(wrong.getStatus()).isEqualTo(422);
        assertThat(wrong.getContentAsString())
                .contains("The current password is not right. Nothing has been changed.")
                .contains("id=\"current\" name=\"current\" type=\"password\" required autocomplete=\"current-password\""
                        + " aria-invalid=\"true\" aria-describedby=\"current-error\"");

        assertThat(change(TestWorld.PASSWORD, "short", "short").getContentAsString())
                .contains("The new password needs at least 12 characters.");
        assertThat(change(TestWorld.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!").getContentAsString())
                .contains("The two new passwords are not the same.");
        assertThat(change(TestWorld.PASSWORD, TestWorld.PASSWORD, TestWorld.PASSWORD)
                        .getContentAsString())
                .contains("The new password is the same as the current one.");
        assertThat(change("", NEW_PASSWORD, NEW_PASSWORD).getContentAsString())
                .contains("Enter your current password.");
        // bcrypt reads 72 bytes at most and the encoder refuses more: an inline error, not an error page.
        String tooLong = "ø".repeat(37);
        MockHttpServletResponse longOne = change(TestWorld.PASSWORD, tooLong, tooLong);
        assertThat(longOne.getStatus()).isEqualTo(422);
        assertThat(longOne.getContentAsString()).contains("The new password may have at most 72 characters");

        assertThat(storedHash()).isEqualTo(before);
        assertThat(passwordEncoder.matches(TestWorld.PASSWORD, storedHash())).isTrue();
    }

    @Test
    void theRightCurrentPasswordReplacesItAndTheChangeIsAudited() throws Exception {
        MockHttpServletResponse done = change(TestWorld.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(done.getRedirectedUrl()).isEqualTo("/account?changed");

        assertThat(passwordEncoder.matches(NEW_PASSWORD, storedHash())).isTrue();
        assertThat(passwordEncoder.matches(TestWorld.PASSWORD, storedHash())).isFalse();
        assertThat(storedHash()).doesNotContain(NEW_PASSWORD);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'password changed' AND subject = ?")
                        .param("user " + world.professional.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // Signing in works with the new password only.
        assertThat(signIn(NEW_PASSWORD)).isEqualTo("/start");
        assertThat(signIn(TestWorld.PASSWORD)).isEqualTo("/login?error");
    }

    private String signIn(String password) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/login")
                        .with(csrf())
                        .param("username", world.professional.username())
                        .param("password", password))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }
}
