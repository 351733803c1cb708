package org.alliance.app.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.alliance.app.PageTest;
import org.alliance.app.system.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Issue 17, the private reflection diary: only the author ever reads it — for every other role and for another
 * professional there is nothing to see — it is encrypted at rest, the author can export and delete it, and the
 * audit trail never holds its text.
 */
class DiaryTest extends PageTest {

    private static final String SECRET = "I felt I pushed Kim too hard about the debts";

    private MockHttpServletResponse write(CurrentUser who, String myShare) throws Exception {
        return post(
                who,
                "/diary",
                "meeting",
                String.valueOf(world.meeting),
                "wentWell",
                "We agreed on a plan",
                "myShare",
                myShare);
    }

    private String page(CurrentUser who, String path) throws Exception {
        return englishPage(path, who);
    }

    private long entryOf(CurrentUser who) {
        return jdbc.sql("SELECT id FROM diary_entry WHERE author_id = ?")
                .param(who.id())
                .query(Long.class)
                .single();
    }

    @Test
    void onlyTheAuthorEverReadsAnEntry() throws Exception {
        assertThat(write(world.professional, SECRET).getRedirectedUrl()).isEqualTo("/diary");
        assertThat(page(world.professional, "/diary")).contains(SECRET).contains("What was my own share?");
        assertThat(page(world.otherProfessional, "/diary"))
                .doesNotContain(SECRET)
                .contains("No entries yet.");
        for (CurrentUser other : List.of(world.teamLead, world.researcher, world.admin)) {
            MockHttpServletResponse refused = mvc.perform(
                            MockMvcRequestBuilders.get("/diary").with(user(other)))
                    .andReturn()
                    .getResponse();
            assertThat(refused.getStatus()).as(other.role().name()).isEqualTo(403);
            assertThat(refused.getContentAsString()).doesNotContain(SECRET);
            assertThat(get(other, "/diary/export").getStatus()).isEqualTo(403);
        }
        assertThat(page(world.otherProfessional, "/diary/export")).doesNotContain(SECRET);
    }

    @Test
    void theDatabaseHoldsNoReadableTextAndTheTrailNone() throws Exception {
        write(world.professional, SECRET);
        byte[] stored = jdbc.sql("SELECT ciphertext FROM diary_entry WHERE author_id = ?")
                .param(world.professional.id())
                .query((rs, row) -> rs.getBytes(1))
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain("Kim")
                .doesNotContain("plan");
        assertThat(jdbc.sql("SELECT subject FROM audit_log WHERE actor = ?")
                        .param(world.professional.username())
                        .query(String.class)
                        .list())
                .contains("diary entry " + entryOf(world.professional))
                .noneMatch(s -> s.contains("Kim"));
    }

    @Test
    void theAuthorExportsAndDeletes() throws Exception {
        write(world.professional, SECRET);
        String json = page(world.professional, "/diary/export");
        assertThat(json).contains(SECRET).contains("\"meeting_id\" : " + world.meeting);
        long id = entryOf(world.professional);
        assertThat(post(world.otherProfessional, "/diary/" + id + "/delete").getStatus())
                .as("someone else's entry")
                .isEqualTo(404);
        post(world.professional, "/diary/" + id + "/delete");
        assertThat(page(world.professional, "/diary")).doesNotContain(SECRET);
    }

    @Test
    void anEmptyEntryIsRefusedInline() throws Exception {
        MockHttpServletResponse empty = post(world.professional, "/diary", "lang", "en");
        assertThat(empty.getStatus()).isEqualTo(422);
        assertThat(empty.getContentAsString()).contains("Write something for at least one question.");
    }
}
