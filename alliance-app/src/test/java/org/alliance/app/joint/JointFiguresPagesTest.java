package org.alliance.app.joint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.app.PageTest;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.caseload.Meeting;
import org.alliance.app.checkin.Invitations;
import org.alliance.app.coding.CodedEvent;
import org.alliance.app.coding.Codings;
import org.alliance.app.system.CurrentUser;
import org.alliance.core.joint.MeetingDecision;
import org.alliance.core.observation.Modality;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The pages built on a client's joint meetings, through the real routing: the client's centrality and trends over
 * time (client page → "Joint meetings over time"), the team lead's joint figures, and the client's release choice
 * per professional block. Every expected number is worked out by hand in the comments from the answers the test
 * sends, never taken from the application.
 */
class JointFiguresPagesTest extends PageTest {

    @Autowired
    JointMeetings meetings;

    @Autowired
    JointRecords records;

    @Autowired
    Invitations invitations;

    @Autowired
    Codings codings;

    @Autowired
    Caseload caseload;

    private CurrentUser chair;
    private CurrentUser colleague;
    private int keys;

    @BeforeEach
    void setUp() {
        chair = world.professional;
        colleague = world.otherProfessional;
    }

    /** A joint meeting of the client, chaired by the client's professional, with the colleague. */
    private JointMeetings.Header joint(long client, LocalDate date) {
        long id = meetings.create(
                client,
                "Kim",
                meetings.account(chair.id()),
                date,
                List.of(meetings.account(colleague.id())),
                List.of());
        return meetings.find(id).orElseThrow();
    }

    /**
     * The client's joint check-in through the form: every bond item of the chair's block {@code bondChair}, of the
     * colleague's {@code bondColleague}, the team items 4, the voice items as given; release choices as given.
     */
    private void answer(
            JointMeetings.Header header,
            int bondChair,
            int bondColleague,
            int[] voice,
            String release,
            String chairBlock,
            String colleagueBlock,
            String audience)
            throws Exception {
        String token = invitations
                .issue(header.meetingId(), JointResults.CLIENT_INSTRUMENT, chair.id(), Duration.ofHours(72))
                .token();
        MockHttpServletRequestBuilder post = MockMvcRequestBuilders.post("/c/" + token)
                .with(csrf())
                .param("lang", "en")
                .param("idempotencyKey", "joint-" + world.suffix + "-" + keys++)
                .param("release", release)
                .param("release-p" + chair.id(), chairBlock)
                .param("release-p" + colleague.id(), colleagueBlock);
        if (audience != null) {
            post.param("audience-p" + chair.id(), audience).param("audience-p" + colleague.id(), audience);
        }
        for (String item : List.of("bond-trust", "bond-listened", "bond-respect", "bond-understood")) {
            post.param("item-p" + chair.id() + "-" + item, String.valueOf(bondChair));
            post.param("item-p" + colleague.id() + "-" + item, String.valueOf(bondColleague));
        }
        post.param("item-team-vision", "4").param("item-team-support", "4");
        String[] voiceItems = {"voice-decisions", "voice-honest", "voice-central", "voice-conflicts"};
        for (int i = 0; i < voiceItems.length; i++) {
            post.param("item-" + voiceItems[i], String.valueOf(voice[i]));
        }
        assertThat(mvc.perform(post).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/c/thanks");
    }

    private void answer(JointMeetings.Header header, int bondChair, int bondColleague, int[] voice, String release)
            throws Exception {
        answer(header, bondChair, bondColleague, voice, release, release, release, "ALL_PROFESSIONALS");
    }

    /**
     * Issue 14, promise 2, through the real form: a client who does not choose otherwise keeps each block for the
     * professional it is about; the chair does not see the client's rating of the colleague, nor the split index,
     * and the colleague not the chair's; the team questions are seen by both.
     */
    @Test
    void aProfessionalDoesNotSeeTheClientsRatingOfAColleagueUnlessTheClientSharesIt() throws Exception {
        JointMeetings.Header header = joint(world.client, LocalDate.of(2026, 3, 3));
        answer(header, 5, 2, new int[] {4, 4, 4, 4}, "NOW", "NOW", "NOW", null);
        String results = "/joint/" + header.id() + "/results";
        String chairPage = get(results, chair).getContentAsString();
        assertThat(clientScores(chairPage)).containsExactly("5.0", "–");
        assertThat(chairPage)
                .contains("seen only by the professional it is about")
                .doesNotContain("class=\"split-index\"")
                .doesNotContain(">2.0<");
        String colleaguePage = get(results, colleague).getContentAsString();
        assertThat(clientScores(colleaguePage)).containsExactly("–", "2.0");
        assertThat(colleaguePage).doesNotContain(">5.0<").doesNotContain("class=\"split-index\"");
        String trends = get("/clients/" + world.client + "/joint/trends", chair).getContentAsString();
        assertThat(rows(trends, "bond-table")).containsExactly(List.of("2026-03-03", "5.0", "–", "–"));

        // The same client shares the colleague's block with everyone in the next joint meeting.
        JointMeetings.Header shared = joint(world.client, LocalDate.of(2026, 4, 7));
        answer(shared, 4, 2, new int[] {4, 4, 4, 4}, "NOW", "NOW", "NOW", "ALL_PROFESSIONALS");
        String sharedPage = get("/joint/" + shared.id() + "/results", chair).getContentAsString();
        assertThat(clientScores(sharedPage)).containsExactly("4.0", "2.0");
        assertThat(sharedPage).contains("Split-alliance index: 50 %");
    }

    /** Issue 14: the joint pages and the alliance map write numbers as the viewer's language does. */
    @Test
    void theJointPagesAndTheMapWriteNumbersInTheViewersLanguage() throws Exception {
        JointMeetings.Header header = joint(world.client, LocalDate.of(2026, 3, 3));
        answer(header, 5, 2, new int[] {4, 4, 5, 5}, "NOW", "NOW", "NOW", "ALL_PROFESSIONALS");
        String results = "/joint/" + header.id() + "/results";
        for (String lang : List.of("nl", "nb", "da")) {
            String page = get(chair, results, "lang", lang).getContentAsString();
            assertThat(clientScores(page)).containsExactly("5,0", "2,0");
            String map = page.substring(page.indexOf("<svg"), page.indexOf("</svg>"));
            assertThat(map).as(lang).contains(">5,0<").doesNotContain(">5.0<");
            String trends = get(chair, "/clients/" + world.client + "/joint/trends", "lang", lang)
                    .getContentAsString();
            assertThat(trends).as(lang).contains(">4,5<").doesNotContain(">4.5<");
        }
        String english = get(results, chair).getContentAsString();
        assertThat(english.substring(english.indexOf("<svg"), english.indexOf("</svg>")))
                .contains(">5.0<");
    }

    private MockHttpServletResponse get(String path, CurrentUser who) throws Exception {
        return get(who, path, "lang", "en");
    }

    /** The client's score of each professional in the alliance table of a results page (its third column). */
    private static List<String> clientScores(String html) {
        return rows(html, "alliance-table").stream().map(row -> row.get(2)).toList();
    }

    /** The cells of the body rows of the table with this class, tags stripped. */
    static List<List<String>> rows(String html, String tableClass) {
        int start = html.indexOf("class=\"data " + tableClass + "\"");
        assertThat(start).as("table " + tableClass).isNotNegative();
        String table = html.substring(start, html.indexOf("</table>", start));
        table = table.substring(table.indexOf("<tbody>"));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("(?s)<tr[^>]*>(.*?)</tr>").matcher(table);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("(?s)<t[hd][^>]*>(.*?)</t[hd]>").matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1).replaceAll("<[^>]+>", "").strip());
            }
            rows.add(cells);
        }
        return rows;
    }

    private void code(long meetingId) {
        long session = codings.openSession(meetingId, chair.id());
        // Client 0–30 s, professional 30–90 s, client 90–120 s.
        codings.save(
                session,
                new CodedEvent(
                        "e1", "client", Modality.VERBAL, "introduce-client", 0L, 30_000L, CodedEvent.Kind.STATE, ""));
        codings.save(
                session,
                new CodedEvent(
                        "e2",
                        "professional",
                        Modality.VERBAL,
                        "open-communication",
                        30_000L,
                        90_000L,
                        CodedEvent.Kind.STATE,
                        ""));
        codings.save(
                session,
                new CodedEvent(
                        "e3", "client", Modality.VERBAL, "team-support", 90_000L, 120_000L, CodedEvent.Kind.STATE, ""));
    }

    @Test
    void theClientsVoiceParticipationBondsAndSplitIndexAreShownPerJointMeetingAsReleased() throws Exception {
        JointMeetings.Header first = joint(world.client, LocalDate.of(2026, 3, 3));
        // Bond 5 with the chair, 3 with the colleague: range 2 of 4 scale points = 50 %. Voice (4+4+3+3)/4 = 3.5.
        answer(first, 5, 3, new int[] {4, 4, 3, 3}, "NOW");
        // Turns client, professional, client: the client has 2 of 3 turns = 67 %; 60 of 120 s speaking = 50 %.
        code(first.meetingId());
        JointMeetings.Header second = joint(world.client, LocalDate.of(2026, 4, 7));
        // Bond 4 and 4: 0 %. Voice 5. Not coded.
        answer(second, 4, 4, new int[] {5, 5, 5, 5}, "NOW");
        JointMeetings.Header third = joint(world.client, LocalDate.of(2026, 5, 5));
        // Only for team figures: nothing of it is shown individually.
        answer(third, 1, 5, new int[] {1, 1, 1, 1}, "TEAM_ONLY");

        assertThat(get("/clients/" + world.client, chair).getContentAsString())
                .contains("href=\"/clients/" + world.client + "/joint/trends\"");
        MockHttpServletResponse response = get("/clients/" + world.client + "/joint/trends", chair);
        assertThat(response.getStatus()).isEqualTo(200);
        String page = response.getContentAsString();
        assertThat(rows(page, "centrality-table"))
                .containsExactly(
                        List.of("2026-03-03", "3.5", "67 %", "50 %"),
                        List.of("2026-04-07", "5.0", "not coded", "not coded"),
                        List.of("2026-05-05", "–", "not coded", "not coded"));
        assertThat(rows(page, "bond-table"))
                .containsExactly(
                        List.of("2026-03-03", "5.0", "3.0", "50 %"),
                        List.of("2026-04-07", "4.0", "4.0", "0 %"),
                        List.of("2026-05-05", "–", "–", "–"));
        assertThat(page).contains("<svg").contains("Line chart of the client’s own voice rating");
        assertThat(page).contains("Line chart of the split-alliance index per joint meeting");
        assertThat(page).contains("Line chart of the client’s share of turns and speaking time");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE actor = ? AND action = 'joint trends read'")
                        .param(chair.username())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // Another professional's client is answered as if it did not exist.
        assertThat(get("/clients/" + world.client + "/joint/trends", colleague).getStatus())
                .isEqualTo(404);
    }

    @Test
    void aClientWithoutJointMeetingsGetsAPageThatSaysSo() throws Exception {
        String page = get("/clients/" + world.client + "/joint/trends", chair).getContentAsString();
        assertThat(page).contains("This client has had no joint meetings yet.").doesNotContain("<svg");
    }

    @Test
    void theTeamLeadSeesTheJointFiguresOfFiveClientsAndNothingPerProfessional() throws Exception {
        List<Long> clients = new ArrayList<>(List.of(world.client));
        for (int i = 2; i <= 5; i++) {
            clients.add(world.newClient(chair.id(), "Client " + i));
        }
        // Voice 3.5, 5, 2, 3, 4 → mean 17.5 / 5 = 3.50.
        // Split (bond range over 4 points): 50, 0, 25, 75, 0 → mean 150 / 5 = 30 %; at or above 25 %: 3 of 5 = 60 %.
        int[][] bonds = {{5, 3}, {4, 4}, {5, 4}, {2, 5}, {4, 4}};
        int[][] voices = {{4, 4, 3, 3}, {5, 5, 5, 5}, {2, 2, 2, 2}, {3, 3, 3, 3}, {4, 4, 4, 4}};
        List<JointMeetings.Header> headers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JointMeetings.Header header = joint(clients.get(i), LocalDate.of(2026, 3, 2 + i));
            headers.add(header);
            // The fifth client keeps the answers for team figures only: they count here all the same.
            answer(header, bonds[i][0], bonds[i][1], voices[i], i == 4 ? "TEAM_ONLY" : "NOW");
        }
        // A second meeting of the first client without a check-in, with decisions only.
        JointMeetings.Header extra = joint(clients.get(0), LocalDate.of(2026, 4, 1));
        long clientParty = meetings.parties(extra.id()).get(0).id();
        // Decisions: 2 + 1 + 1 + 1 + 1 + 1 = 7, agreed (fully) 4 → 57 %; partly counts as not agreed.
        decide(headers.get(0), "YES", "NO");
        decide(headers.get(1), "YES");
        decide(headers.get(2), "PARTLY");
        decide(headers.get(3), "YES");
        decide(headers.get(4), "NO");
        records.addDecision(extra.id(), "Extra", clientParty, MeetingDecision.ClientAgreement.YES);

        String page = get("/team", world.teamLead).getContentAsString();
        assertThat(rows(page, "joint-team-table"))
                .containsExactly(
                        List.of("Mean client voice rating (1–5)", "3.5", "5", "5"),
                        List.of("Mean split-alliance index (% of the scale)", "30 %", "5", "5"),
                        List.of("Share of meetings with an index at or above the threshold (25 %)", "60 %", "5", "5"),
                        List.of("Share of decisions the client agreed to", "57 %", "6", "5"));
        assertThat(page).contains("Over all 6 joint meetings with the team’s clients (5 clients).");
        assertThat(page).doesNotContain(chair.displayName()).doesNotContain(colleague.displayName());
    }

    private void decide(JointMeetings.Header header, String... agreements) {
        long clientParty = meetings.parties(header.id()).get(0).id();
        for (String agreement : agreements) {
            records.addDecision(
                    header.id(), "Decision", clientParty, MeetingDecision.ClientAgreement.valueOf(agreement));
        }
    }

    @Test
    void withFewerThanFiveClientsTheTeamPageSaysWhyNoJointFigureIsShown() throws Exception {
        for (int i = 0; i < 4; i++) {
            long client = i == 0 ? world.client : world.newClient(chair.id(), "Client " + i);
            JointMeetings.Header header = joint(client, LocalDate.of(2026, 3, 2 + i));
            answer(header, 5, 1, new int[] {1, 1, 1, 1}, "NOW");
            decide(header, "YES");
        }
        String page = get("/team", world.teamLead).getContentAsString();
        assertThat(rows(page, "joint-team-table"))
                .extracting(row -> row.get(1))
                .containsOnly("not shown: 4 clients, at least 5 needed");
        // Every meeting has index 100 % and voice 1: neither may appear.
        assertThat(rows(page, "joint-team-table")).noneMatch(row -> row.contains("100 %") || row.contains("1.00"));
    }

    @Test
    void eachProfessionalSeesTheBlockAboutThemOnlyWhenTheClientReleasedIt() throws Exception {
        JointMeetings.Header header = joint(world.client, LocalDate.of(2026, 3, 3));
        // The chair's block now, the colleague's at the next meeting, the team questions now.
        // The client shares every block with all professionals of the meeting (the figures below need both).
        answer(header, 5, 2, new int[] {4, 4, 4, 4}, "NOW", "NOW", "NEXT_MEETING", "ALL_PROFESSIONALS");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM check_in_block_release r JOIN check_in c ON c.id = r.check_in_id"
                                + " WHERE c.meeting_id = ? AND r.released_at IS NULL")
                        .param(header.meetingId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        String results = "/joint/" + header.id() + "/results";
        String chairPage = get(results, chair).getContentAsString();
        // The chair sees the block about them (5.0), not the colleague's (2.0), and no split index (it would tell).
        assertThat(clientScores(chairPage)).containsExactly("5.0", "–");
        assertThat(chairPage).contains("class=\"withheld\"").doesNotContain("class=\"split-index\"");
        String colleaguePage = get(results, colleague).getContentAsString();
        assertThat(colleaguePage).contains("The client chose to share their answers at the next meeting.");
        assertThat(clientScores(colleaguePage)).containsOnly("–");

        // The next meeting is opened: the colleague's block is released; everyone now sees both, and the index
        // (range 3 of 4 = 75 %).
        caseload.createMeeting(world.client, chair.id(), LocalDate.of(2026, 3, 17), Meeting.Kind.REGULAR);
        for (CurrentUser who : List.of(chair, colleague)) {
            String page = get(results, who).getContentAsString();
            assertThat(clientScores(page)).containsExactly("5.0", "2.0");
            assertThat(page).contains("Split-alliance index: 75 %");
        }
    }

    @Test
    void theJointFormOffersAReleaseChoicePerProfessionalPreselectedWithTheOrganisationsDefault() throws Exception {
        JointMeetings.Header header = joint(world.client, LocalDate.of(2026, 3, 3));
        String token = invitations
                .issue(header.meetingId(), JointResults.CLIENT_INSTRUMENT, chair.id(), Duration.ofHours(72))
                .token();
        String form = mvc.perform(MockMvcRequestBuilders.get("/c/" + token).param("lang", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // The organisation's default is "at our next meeting" (V1); one radio group per professional.
        for (CurrentUser who : List.of(chair, colleague)) {
            assertThat(form)
                    .containsPattern("id=\"release-p" + who.id() + "-NEXT_MEETING\"[^>]*checked")
                    .contains("When may " + who.displayName() + " see your answers?")
                    // Who may see the block: only the professional concerned unless the client chooses all.
                    .contains("Who may see your answers about " + who.displayName() + "?")
                    .containsPattern("id=\"audience-p" + who.id() + "-CONCERNED\"[^>]*checked")
                    .doesNotContainPattern("id=\"audience-p" + who.id() + "-ALL_PROFESSIONALS\"[^>]*checked")
                    .contains("Only " + who.displayName());
        }
        assertThat(form).contains("When may the professionals see your answers about them together?");
    }
}
