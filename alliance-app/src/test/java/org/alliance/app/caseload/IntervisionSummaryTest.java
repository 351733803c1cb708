package org.alliance.app.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.alliance.app.checkin.Invitations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The intervision case summary: the course by meeting number and weeks, no alias, no dates, audited. */
class IntervisionSummaryTest extends PageTest {

    @Autowired
    Invitations invitations;

    @Test
    void theSummaryShowsTheCourseWithoutNameOrDatesAndIsAudited() throws Exception {
        long second = world.newMeeting(world.client, world.professional.id(), LocalDate.of(2026, 3, 16));
        for (long meeting : new long[] {world.meeting, second}) {
            String token = invitations
                    .issue(meeting, "alliance-client", world.professional.id(), Duration.ofHours(72))
                    .token();
            mvc.perform(TestWorld.allianceClientAnswers(token, meeting == second ? 2 : 4, "NOW", "iv-" + meeting));
        }
        String page = englishPage("/clients/" + world.client + "/intervision", world.professional);
        String main = TestWorld.withoutCsrfTokens(page.substring(page.indexOf("<main"), page.indexOf("</main>")));

        assertThat(main).contains("Case summary for intervision").contains("Meetings so far: 2");
        assertThat(main).contains("Weeks since the first meeting").contains("<td>2</td>");
        assertThat(main).doesNotContain("Kim").doesNotContain("K-" + world.suffix);
        assertThat(main).doesNotContain("2026").doesNotContain("March").doesNotContain("16 Mar");
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_log WHERE action = 'intervision summary printed' AND subject = ?")
                        .param("client " + world.client)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
