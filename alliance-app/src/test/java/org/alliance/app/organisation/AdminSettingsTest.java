package org.alliance.app.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.alliance.app.PageTest;
import org.alliance.app.joint.JointMeetings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/** The administrator sets the split-alliance threshold of joint meetings: checked, audited, and used. */
class AdminSettingsTest extends PageTest {

    @Autowired
    Organisations organisations;

    @Autowired
    JointMeetings meetings;

    private MockHttpServletResponse save(String split) throws Exception {
        return post(
                world.admin,
                "/admin/settings",
                "lang",
                "en",
                "defaultRelease",
                "NEXT_MEETING",
                "dropThresholdPercent",
                "15",
                "gapThresholdPercent",
                "20",
                "invitationHours",
                "72",
                "splitThresholdPercent",
                split);
    }

    private long audited(String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE actor = ? AND action = ?")
                .params(world.admin.username(), action)
                .query(Long.class)
                .single();
    }

    @Test
    void theAdminPageShowsTheSplitThresholdWithItsDefaultOf25() throws Exception {
        String page = englishPage("/admin", world.admin);
        assertThat(page)
                .contains("<label for=\"splitThresholdPercent\">Threshold for a split alliance in joint meetings")
                .containsPattern("id=\"splitThresholdPercent\"[^>]*value=\"25\"")
                .doesNotContain("id=\"split-error\"");
    }

    @Test
    void aThresholdOutside1To100GivesAnInlineErrorAndChangesNothing() throws Exception {
        for (String wrong : List.of("0", "101", "-5", "2.5", "abc", "", "99999999999")) {
            MockHttpServletResponse response = save(wrong);
            assertThat(response.getStatus()).as("'%s'", wrong).isEqualTo(422);
            String page = response.getContentAsString();
            assertThat(page)
                    .as("'%s'", wrong)
                    .contains("id=\"split-error\"")
                    .contains("Enter a whole number from 1 to 100 for the split-alliance threshold.")
                    .containsPattern("id=\"splitThresholdPercent\"[^>]*aria-invalid=\"true\"")
                    .contains("href=\"#splitThresholdPercent\"");
        }
        assertThat(organisations.get(world.organisation).splitThresholdPercent())
                .isEqualTo(25);
        assertThat(audited("split threshold changed")).isZero();
    }

    @Test
    void aValidThresholdIsStoredAuditedAndUsedForJointMeetings() throws Exception {
        assertThat(save(" 30 ").getRedirectedUrl()).isEqualTo("/admin?saved");
        assertThat(organisations.get(world.organisation).splitThresholdPercent())
                .isEqualTo(30);
        assertThat(meetings.splitThreshold(world.organisation)).isEqualTo(0.30);
        assertThat(jdbc.sql("SELECT subject FROM audit_log WHERE actor = ? AND action = 'split threshold changed'")
                        .param(world.admin.username())
                        .query(String.class)
                        .list())
                .containsExactly("organisation " + world.organisation + ": 25 % to 30 %");
        // Saving the same value again is a settings change, but not a threshold change.
        save("30");
        assertThat(audited("split threshold changed")).isEqualTo(1);
        assertThat(audited("settings changed")).isEqualTo(2);
        // The bounds themselves are allowed.
        assertThat(save("1").getStatus()).isEqualTo(302);
        assertThat(save("100").getStatus()).isEqualTo(302);
        assertThat(organisations.get(world.organisation).splitThresholdPercent())
                .isEqualTo(100);
    }
}
