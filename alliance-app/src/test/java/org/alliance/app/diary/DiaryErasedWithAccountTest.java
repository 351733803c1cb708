package org.alliance.app.diary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.PageTest;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.UserAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Issue 17: the reflection diary is "erased with the author's account". The administrator erases a staff account
 * on a page that names what goes; the author's entries are deleted in the same transaction, other authors' stay, the
 * account can never sign in again and keeps no name, and the audit trail holds the count, never the text.
 */
class DiaryErasedWithAccountTest extends PageTest {

    private static final String SECRET = "I was impatient with the whole family today";

    @Autowired
    Diary diary;

    @Autowired
    UserAccounts accounts;

    private long entries(CurrentUser author) {
        return jdbc.sql("SELECT COUNT(*) FROM diary_entry WHERE author_id = ?")
                .param(author.id())
                .query(Long.class)
                .single();
    }

    private MockHttpServletResponse erase(CurrentUser account, String confirmation) throws Exception {
        return post(world.admin, "/admin/users/" + account.id() + "/erase", "lang", "en", "confirmation", confirmation);
    }

    @Test
    void erasingAnAccountDeletesItsDiaryAndItsNameAndNothingOfOthers() throws Exception {
        CurrentUser leaver = world.otherProfessional; // no clients of their own
        diary.write(leaver.id(), Optional.empty(), Map.of("myShare", SECRET));
        diary.write(leaver.id(), Optional.empty(), Map.of("wentWell", "A good talk"));
        diary.write(world.professional.id(), Optional.empty(), Map.of("wentWell", "Mine stays"));
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?")
                .param(leaver.id())
                .query(String.class)
                .single();

        String page = englishPage("/admin/users/" + leaver.id() + "/erase", world.admin);
        assertThat(page).contains("the reflection diary (2 entries").contains("Type the username " + leaver.username());

        assertThat(erase(leaver, "someone else").getStatus()).isEqualTo(422);
        assertThat(entries(leaver)).as("a wrong confirmation erases nothing").isEqualTo(2);

        MockHttpServletResponse done = erase(leaver, leaver.username());
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(done.getRedirectedUrl()).contains("accountErased");
        assertThat(entries(leaver)).isZero();
        assertThat(entries(world.professional)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT username, display_name, enabled FROM app_user WHERE id = ?")
                        .param(leaver.id())
                        .query((rs, row) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getBoolean(3))
                        .single())
                .isEqualTo("erased-" + leaver.id() + "|Erased account " + leaver.id() + "|false");
        assertThat(accounts.stillValid(leaver.id(), hash))
                .as("no session of the account goes on")
                .isFalse();
        String audit = jdbc.sql("SELECT subject FROM audit_log WHERE action = 'account erased' AND actor = ?")
                .param(world.admin.username())
                .query(String.class)
                .single();
        assertThat(audit)
                .contains("user " + leaver.id())
                .contains("diary entries deleted: 2")
                .doesNotContain(SECRET);
    }

    @Test
    void anAccountWithClientsOrOnesOwnIsNotErased() throws Exception {
        diary.write(world.professional.id(), Optional.empty(), Map.of("wentWell", "Still mine"));
        MockHttpServletResponse refused = erase(world.professional, world.professional.username());
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("still has clients");
        assertThat(entries(world.professional)).isEqualTo(1);
        MockHttpServletResponse own = erase(world.admin, world.admin.username());
        assertThat(own.getStatus()).isEqualTo(422);
        assertThat(jdbc.sql("SELECT enabled FROM app_user WHERE id = ?")
                        .param(world.admin.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void theAdministratorHandsTheClientsOverToAColleagueAndThenErasesTheAccount() throws Exception {
        CurrentUser leaver = world.professional;
        long clients = jdbc.sql("SELECT COUNT(*) FROM client WHERE professional_id = ?")
                .param(leaver.id())
                .query(Long.class)
                .single();
        assertThat(clients).isPositive();
        String page = englishPage("/admin/users/" + leaver.id() + "/erase", world.admin);
        assertThat(page)
                .contains("Hand the " + clients + " clients over to")
                .contains("value=\"" + world.otherProfessional.id() + "\"")
                .doesNotContain("value=\"" + world.researcher.id() + "\"")
                .doesNotContain("value=\"" + leaver.id() + "\"");

        MockHttpServletResponse wrong = handOver(leaver, world.researcher.id());
        assertThat(wrong.getStatus())
                .as("a researcher cannot take over clients")
                .isEqualTo(422);
        assertThat(wrong.getContentAsString(StandardCharsets.UTF_8)).contains("Nothing has been handed over");
        assertThat(clientsOf(leaver)).isEqualTo(clients);

        MockHttpServletResponse done = handOver(leaver, world.otherProfessional.id());
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(done.getRedirectedUrl()).contains("handedOver=" + clients);
        assertThat(clientsOf(leaver)).isZero();
        assertThat(clientsOf(world.otherProfessional)).isGreaterThanOrEqualTo(clients);
        assertThat(jdbc.sql("SELECT team_id FROM client WHERE id = ?")
                        .param(world.client)
                        .query(Long.class)
                        .single())
                .as("the client moves to the receiver's team")
                .isEqualTo(world.otherProfessional.teamId());
        assertThat(jdbc.sql("SELECT subject FROM audit_log WHERE action = 'clients handed over' AND actor = ?")
                        .param(world.admin.username())
                        .query(String.class)
                        .single())
                .isEqualTo("from user " + leaver.id() + " to user " + world.otherProfessional.id() + "; clients: "
                        + clients);

        assertThat(erase(leaver, leaver.username()).getStatus())
                .as("with no clients left the account can be erased")
                .isEqualTo(302);
    }

    private MockHttpServletResponse handOver(CurrentUser account, long receiver) throws Exception {
        return post(
                world.admin,
                "/admin/users/" + account.id() + "/handover",
                "lang",
                "en",
                "receiver",
                String.valueOf(receiver));
    }

    private long clientsOf(CurrentUser professional) {
        return jdbc.sql("SELECT COUNT(*) FROM client WHERE professional_id = ?")
                .param(professional.id())
                .query(Long.class)
                .single();
    }
}
