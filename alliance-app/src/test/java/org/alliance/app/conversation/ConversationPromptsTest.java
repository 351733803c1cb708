package org.alliance.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.alliance.app.conversation.ConversationPrompts.Block;
import org.alliance.app.conversation.ConversationPrompts.Signal;
import org.alliance.app.system.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Issue 17, conversation prompts and the "discussed" record: the client page shows the openers of an open signal
 * by building block, the cards print without client data, the record is kept per meeting and signal with inline
 * errors, only the client's professional reads it, and the audit trail never holds its note.
 */
class ConversationPromptsTest extends PageTest {

    private static final String NOTE = "We agreed Kim phones me when a letter comes";

    @Autowired
    MessageSource messages;

    private MockHttpServletResponse discuss(
            CurrentUser who, String meeting, String signal, String discussed, String note) throws Exception {
        return post(
                who,
                "/clients/" + world.client + "/discussed",
                "lang",
                "en",
                "meeting",
                meeting,
                "signal",
                signal,
                "discussed",
                discussed,
                "whatChanged",
                note);
    }

    @Test
    void everySignalWithOpenersHasOneForEachBuildingBlockInEveryLanguage() {
        assertThat(ConversationPrompts.withPrompts())
                .containsExactly(Signal.LOW, Signal.DROP, Signal.GAP, Signal.MISSED, Signal.SPLIT);
        assertThat(ConversationPrompts.groups(Signal.EXPECTATIONS))
                .as("left for the expectations at intake")
                .isEmpty();
        for (Signal signal : ConversationPrompts.withPrompts()) {
            assertThat(ConversationPrompts.groups(signal))
                    .extracting(ConversationPrompts.Group::block)
                    .containsExactly(Block.TRANSPARENT, Block.EXPECTATIONS, Block.FEEDBACK);
            for (String language : new String[] {"nl", "en", "nb", "da"}) {
                for (ConversationPrompts.Group group : ConversationPrompts.groups(signal)) {
                    for (String key : group.keys()) {
                        assertThat(messages.getMessage(key, null, Locale.forLanguageTag(language)))
                                .as(key + " in " + language)
                                .isNotBlank()
                                .doesNotStartWith("conversation.");
                    }
                }
            }
        }
    }

    @Test
    void aLowScoreBringsItsOpenersOntoTheClientPage() throws Exception {
        assertThat(englishPage("/clients/" + world.client, world.professional))
                .contains("No signals are open.")
                .doesNotContain("What did you expect from me that you have not had yet?");
        String token = world.invite("alliance-client").token();
        mvc.perform(TestWorld.allianceClientAnswers(token, 1, "NOW", "low-" + world.suffix));
        String client = englishPage("/clients/" + world.client, world.professional);
        assertThat(client)
                .contains("For the next meeting")
                .contains("Low score")
                .contains("Be transparent")
                .contains("Align expectations")
                .contains("Give and ask for feedback")
                .contains("What did you expect from me that you have not had yet?")
                .contains("/conversation/cards?signal=low")
                .doesNotContain("Has something changed in what you need");
    }

    @Test
    void theCardsPrintWithoutClientDataForProfessionalsAndTeamLeads() throws Exception {
        String one = TestWorld.withoutCsrfTokens(englishPage("/conversation/cards?signal=gap", world.professional));
        assertThat(one)
                .contains("A gap between you")
                .contains("I was more positive about our meeting than you were.")
                .doesNotContain("Low score")
                .doesNotContain("Kim");
        assertThat(englishPage("/conversation/cards", world.teamLead))
                .contains("Low score")
                .contains("Split in the joint meeting")
                .contains("class=\"prompt-card\"");
        assertThat(get(world.researcher, "/conversation/cards").getStatus()).isEqualTo(403);
    }

    @Test
    void theDiscussedRecordIsKeptPerMeetingAndSignalWithInlineErrors() throws Exception {
        MockHttpServletResponse wrong = discuss(world.professional, "", "nonsense", "", "x".repeat(501));
        assertThat(wrong.getStatus()).isEqualTo(422);
        assertThat(wrong.getContentAsString(StandardCharsets.UTF_8))
                .contains("Choose a meeting that has taken place.")
                .contains("Choose a signal.")
                .contains("Choose whether you discussed it.")
                .contains("Write at most 500 characters.")
                .contains("aria-invalid=\"true\"");
        long future = world.newMeeting(world.client, world.professional.id(), LocalDate.of(2026, 7, 1));
        assertThat(discuss(world.professional, String.valueOf(future), "gap", "yes", "")
                        .getStatus())
                .as("a meeting that has not taken place yet")
                .isEqualTo(422);
        assertThat(discuss(world.otherProfessional, String.valueOf(world.meeting), "gap", "yes", NOTE)
                        .getStatus())
                .isEqualTo(404);

        MockHttpServletResponse saved = discuss(world.professional, String.valueOf(world.meeting), "gap", "no", "");
        assertThat(saved.getRedirectedUrl()).isEqualTo("/clients/" + world.client + "#conversation-heading");
        // Recording again replaces the record of that meeting and signal.
        discuss(world.professional, String.valueOf(world.meeting), "gap", "yes", NOTE);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback_discussed WHERE meeting_id = ?")
                        .param(world.meeting)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(englishPage("/clients/" + world.client, world.professional))
                .contains("What you noted about discussed feedback")
                .contains("Yes, discussed")
                .contains(NOTE);
        assertThat(jdbc.sql("SELECT subject FROM audit_log WHERE actor = ? AND action = 'feedback discussed recorded'")
                        .param(world.professional.username())
                        .query(String.class)
                        .list())
                .contains("meeting " + world.meeting + " gap yes")
                .noneMatch(s -> s.contains("Kim"));
    }

    @Test
    void deletingAMeetingTakesItsRecordsWithIt() throws Exception {
        long extra = world.newMeeting(world.client, world.professional.id(), LocalDate.of(2026, 4, 1));
        discuss(world.professional, String.valueOf(extra), "missed", "yes", NOTE);
        post(world.professional, "/meetings/" + extra + "/delete");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM meeting WHERE id = ?")
                        .param(extra)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback_discussed WHERE meeting_id = ?")
                        .param(extra)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
