package org.alliance.app.joint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.privacy.ClientErasure;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Role;
import org.alliance.app.system.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Issue 17, the partiality self-check: the chair and any other professional of a joint meeting rate themselves on
 * the five points after the meeting, on the network members' scale; the meeting's professionals see the
 * self-checks beside the network's rating, the author sees their own over time, nobody else sees any; erased with
 * the client.
 */
class SelfCheckTest extends PageTest {

    private CurrentUser outsider;
    private long joint;

    @BeforeEach
    void setUp() {
        UserAccounts accounts = context.getBean(UserAccounts.class);
        long elsewhere = context.getBean(Organisations.class).create("Debt service " + world.suffix);
        accounts.create(elsewhere, null, "chris-" + world.suffix, "Chris", TestWorld.PASSWORD, Role.PROFESSIONAL);
        outsider = accounts.loadUserByUsername("chris-" + world.suffix);
        joint = meeting(LocalDate.of(2026, 3, 3));
    }

    private long meeting(LocalDate date) {
        return world.jointMeeting(date, outsider);
    }

    private MockHttpServletResponse rate(CurrentUser who, long id, String... values) throws Exception {
        MockHttpServletRequestBuilder post = MockMvcRequestBuilders.post("/joint/" + id + "/self-check")
                .with(csrf())
                .with(user(who))
                .param("lang", "en");
        String[] points = {"everySide", "noCulprit", "winWin", "situationNotPerson", "dialogue"};
        for (int i = 0; i < values.length; i++) {
            post.param(points[i], values[i]);
        }
        return mvc.perform(post).andReturn().getResponse();
    }

    private MockHttpServletResponse get(CurrentUser who, String path) throws Exception {
        return get(who, path, "lang", "en");
    }

    @Test
    void theFormAsksTheFivePointsOnTheNetworkMembersScale() throws Exception {
        String form =
                get(world.professional, "/joint/" + joint + "/self-check").getContentAsString(StandardCharsets.UTF_8);
        assertThat(form)
                .contains("I made nobody the culprit.")
                .contains("I rejected the situation, not the person.")
                .contains("not true at all")
                .contains("completely true");
    }

    @Test
    void theChairAndTheOtherProfessionalRateThemselvesAndSeeEachOtherBesideTheNetwork() throws Exception {
        MockHttpServletResponse incomplete = rate(world.professional, joint, "4", "5");
        assertThat(incomplete.getStatus()).isEqualTo(422);
        assertThat(incomplete.getContentAsString(StandardCharsets.UTF_8))
                .contains("Choose an answer for every statement.")
                .contains("id=\"err-winWin\"")
                .contains("value=\"5\" checked");
        assertThat(rate(world.professional, joint, "4", "5", "3", "4", "4").getRedirectedUrl())
                .isEqualTo("/joint/" + joint + "/results#self-check-heading");
        assertThat(rate(outsider, joint, "2", "2", "2", "2", "2").getRedirectedUrl())
                .isNotNull();
        // Rating again replaces the own self-check.
        rate(world.professional, joint, "5", "5", "5", "5", "5");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM partiality_self_check WHERE joint_meeting_id = ?")
                        .param(joint)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        for (CurrentUser professional : List.of(world.professional, outsider)) {
            assertThat(get(professional, "/joint/" + joint + "/results").getContentAsString(StandardCharsets.UTF_8))
                    .contains("Self-check beside the network’s view")
                    .contains("<td>5.0</td>")
                    .contains("<td>2.0</td>");
        }
        assertThat(get(world.professional, "/clients/" + world.client + "/joint/trends")
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("My self-check over time")
                .contains("<td>5.0</td>")
                .doesNotContain("<td>2.0</td>");
    }

    @Test
    void nobodyOutsideTheMeetingSeesOrGivesOne() throws Exception {
        assertThat(rate(world.otherProfessional, joint, "3", "3", "3", "3", "3").getStatus())
                .isEqualTo(404);
        assertThat(get(world.otherProfessional, "/joint/" + joint + "/self-check")
                        .getStatus())
                .isEqualTo(404);
        for (CurrentUser other : List.of(world.teamLead, world.researcher, world.admin)) {
            assertThat(get(other, "/joint/" + joint + "/self-check").getStatus())
                    .as(other.role().name())
                    .isEqualTo(403);
        }
    }

    @Test
    void aMeetingStillToComeHasNoSelfCheckYet() throws Exception {
        long later = meeting(LocalDate.of(2026, 7, 1));
        assertThat(get(world.professional, "/joint/" + later + "/self-check")
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("You can rate yourself from the day of the meeting on.")
                .doesNotContain("Save the self-check");
        assertThat(rate(world.professional, later, "3", "3", "3", "3", "3").getStatus())
                .isEqualTo(422);
    }

    @Test
    void selfChecksGoWithTheClient() {
        context.getBean(SelfChecks.class)
                .save(
                        joint,
                        world.professional.id(),
                        java.util.Map.of(
                                SelfChecks.Point.EVERY_SIDE, 4,
                                SelfChecks.Point.NO_CULPRIT, 4,
                                SelfChecks.Point.WIN_WIN, 4,
                                SelfChecks.Point.SITUATION_NOT_PERSON, 4,
                                SelfChecks.Point.DIALOGUE, 4));
        ClientErasure erasure = context.getBean(ClientErasure.class);
        assertThat(erasure.whatWouldGo(world.client)).containsEntry("self-checks", 1L);
        assertThat(erasure.erase(world.organisation, world.client).orElseThrow())
                .containsEntry("self-checks", 1L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM partiality_self_check WHERE joint_meeting_id = ?")
                        .param(joint)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
