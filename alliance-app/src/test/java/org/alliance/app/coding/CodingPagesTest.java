package org.alliance.app.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.alliance.app.joint.JointMeetings;
import org.alliance.app.system.CurrentUser;
import org.alliance.core.observation.Modality;
import org.alliance.core.observation.ObservationEvent;
import org.alliance.core.observation.format.CsvEvents;
import org.alliance.core.observation.format.ElanMapping;
import org.alliance.core.observation.format.ElanReader;
import org.alliance.stats.agreement.EventAlignmentKappa;
import org.alliance.stats.agreement.TimeUnitKappa;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.HtmlUtils;

/**
 * The coding pages through the real routing: the plain form and the autosave requests store events, a bad file
 * is refused with its line and column, export and import give the same events back, and the agreement page
 * shows the figures the statistics library computes on the same events; a settled version feeds the summary.
 */
class CodingPagesTest extends PageTest {

    @Autowired
    Codings codings;

    @Autowired
    JointMeetings jointMeetings;

    private long session(CurrentUser coder) throws Exception {
        return session(coder, world.meeting);
    }

    private long session(CurrentUser coder, long meeting) throws Exception {
        String location =
                post(coder, "/coding/meetings/" + meeting + "/sessions").getRedirectedUrl();
        assertThat(location).startsWith("/coding/sessions/");
        return Long.parseLong(location.substring("/coding/sessions/".length()));
    }

    private MockHttpServletResponse get(String path, CurrentUser who) throws Exception {
        return get(who, path, "lang", "en");
    }

    private MockHttpServletRequestBuilder event(long session, Map<String, String> fields) {
        MockHttpServletRequestBuilder post = MockMvcRequestBuilders.post("/coding/sessions/" + session + "/events")
                .with(csrf())
                .with(user(world.professional))
                .param("lang", "en");
        fields.forEach(post::param);
        return post;
    }

    @Test
    void aJointMeetingOffersEachOfItsProfessionalsByLetterAndName() throws Exception {
        JointMeetings.Account chair = jointMeetings.account(world.professional.id());
        JointMeetings.Account colleague = jointMeetings.account(world.otherProfessional.id());
        long joint = jointMeetings.create(
                world.client, "Client " + world.suffix, chair, LocalDate.of(2026, 3, 9), List.of(colleague), List.of());
        long meeting = jointMeetings.find(joint).orElseThrow().meetingId();
        long session = session(world.professional, meeting);
        save(session, "joint-1", "professional-b", "open-communication", 1_000, null);

        String page = get("/coding/sessions/" + session, world.professional).getContentAsString();
        String first = "Professional A: " + chair.displayName() + " (" + chair.organisationName() + ")";
        String second = "Professional B: " + colleague.displayName() + " (" + colleague.organisationName() + ")";
        assertThat(page)
                .contains("value=\"professional-a\"", "value=\"professional-b\"", "value=\"network-member\"")
                .doesNotContain("value=\"professional-c\"")
                .contains(HtmlUtils.htmlEscape(first), HtmlUtils.htmlEscape(second));
        // Key 3 is the second professional, key 4 the network member.
        assertThat(page)
                .contains(HtmlUtils.htmlEscape(second) + " (3)")
                .contains(HtmlUtils.htmlEscape("Network member (4)"));
        // The coded event names the professional on screen; the stored data keeps only the letter.
        assertThat(codings.events(session)).extracting(CodedEvent::actor).containsExactly("professional-b");
        assertThat(page).contains("<td>" + HtmlUtils.htmlEscape(second) + "</td>");
    }

    @Test
    void thePlainFormStoresAnEventAndShowsWhatIsWrongInline() throws Exception {
        long session = session(world.professional);
        assertThat(get("/coding/sessions/" + session, world.professional).getContentAsString())
                .contains("action=\"/coding/sessions/" + session + "/events\"")
                .contains("data-events-url=\"/coding/sessions/" + session + "/events\"");
        MockHttpServletResponse saved = mvc.perform(event(
                        session,
                        Map.of(
                                "actor",
                                "client",
                                "code",
                                "conflict",
                                "kind",
                                "STATE",
                                "start",
                                "1:15.5",
                                "end",
                                "80",
                                "modality",
                                "non-verbal")))
                .andReturn()
                .getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo("/coding/sessions/" + session + "#events");
        assertThat(codings.events(session)).singleElement().satisfies(e -> {
            assertThat(e.startMs()).isEqualTo(75_500);
            assertThat(e.endMs()).isEqualTo(80_000);
            assertThat(e.modality()).isEqualTo(Modality.NON_VERBAL);
        });

        MockHttpServletResponse bad = mvc.perform(
                        event(session, Map.of("actor", "client", "code", "conflict", "kind", "POINT", "start", "soon")))
                .andReturn()
                .getResponse();
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(bad.getContentAsString())
                .contains("Fill in the start as seconds")
                .contains("aria-invalid=\"true\"");
        assertThat(codings.events(session)).hasSize(1);
    }

    @Test
    void anAutosaveSentTwiceStoresOneEventAndTheScreenLoadsIt() throws Exception {
        long session = session(world.professional);
        for (int i = 0; i < 2; i++) {
            String body = mvc.perform(event(
                                    session,
                                    Map.of(
                                            "key",
                                            "key-1",
                                            "actor",
                                            "professional-a",
                                            "code",
                                            "team-support",
                                            "kind",
                                            "STATE",
                                            "start",
                                            "2.000",
                                            "end",
                                            ""))
                            .header("X-Requested-With", "fetch"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(body).contains("\"saved\":\"key-1\"");
        }
        String json = get("/coding/sessions/" + session + "/events", world.professional)
                .getContentAsString();
        assertThat(json)
                .contains("\"key\":\"key-1\"")
                .contains("\"endMs\":null")
                .contains("\"kind\":\"STATE\"");
        assertThat(codings.events(session)).hasSize(1);

        String deleted = mvc.perform(MockMvcRequestBuilders.post("/coding/sessions/" + session + "/events/key-1/delete")
                        .with(csrf())
                        .with(user(world.professional))
                        .header("X-Requested-With", "fetch"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(deleted).contains("\"deleted\":true");
        assertThat(codings.events(session)).isEmpty();
    }

    @Test
    void onlyTheCoderOpensTheirSessionAndResearchersDoNotSeeTheAlias() throws Exception {
        long mine = session(world.professional);
        assertThat(get("/coding/sessions/" + mine, world.researcher).getStatus())
                .isEqualTo(404);
        assertThat(get("/coding/meetings/" + world.meeting, world.professional).getContentAsString())
                .contains("Back to Kim");
        String research = TestWorld.withoutCsrfTokens(
                get("/coding/meetings/" + world.meeting, world.researcher).getContentAsString());
        assertThat(research).doesNotContain("Kim").contains("Observation of the meeting of 2026-03-02");
        assertThat(get("/research", world.researcher).getContentAsString())
                .contains("href=\"/coding/meetings/" + world.meeting + "\"")
                .contains("Meeting " + world.meeting + " of 2026-03-02");
    }

    private MockHttpServletResponse upload(long session, String name, byte[] content) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.multipart("/coding/sessions/" + session + "/import")
                        .file(new MockMultipartFile("file", name, "text/plain", content))
                        .param("lang", "en")
                        .with(csrf())
                        .with(user(world.professional)))
                .andReturn()
                .getResponse();
    }

    @Test
    void aBadFileIsRefusedWithItsLineAndColumn() throws Exception {
        long session = session(world.professional);
        MockHttpServletResponse response = upload(
                session,
                "coded.csv",
                "actor,code,onset_ms\nclient,conflict,1000\nclient,conflict,soon\n".getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString())
                .contains("The file could not be read")
                .contains("line 3, column onset_ms");
        assertThat(codings.events(session)).isEmpty();
        assertThat(upload(session, "coded.mp4", new byte[] {1}).getContentAsString())
                .contains("Choose an .eaf or .csv file.");
    }

    @Test
    void exportedCsvAndElanFilesImportAsTheSameEvents() throws Exception {
        long session = session(world.professional);
        String csv =
                """
                actor,modality,code,onset_ms,offset_ms,coder,comment
                client,verbal,open-communication,0,2500,,
                professional-a,non-verbal,team-support,1200,1200,,nods
                client,verbal,shared-decision,3000,4200,,
                """;
        assertThat(upload(session, "in.csv", csv.getBytes(StandardCharsets.UTF_8))
                        .getRedirectedUrl())
                .isEqualTo("/coding/sessions/" + session);
        List<ObservationEvent> expected =
                CsvEvents.read(new StringReader(csv), "in.csv").events();

        byte[] exportedCsv = get(world.professional, "/coding/sessions/" + session + "/export.csv")
                .getContentAsByteArray();
        List<ObservationEvent> fromCsv = CsvEvents.read(
                        new StringReader(new String(exportedCsv, StandardCharsets.UTF_8)), "out.csv")
                .events();
        assertThat(withoutCoder(fromCsv)).isEqualTo(withoutCoder(expected));

        byte[] eaf = get(world.professional, "/coding/sessions/" + session + "/export.eaf")
                .getContentAsByteArray();
        List<ObservationEvent> fromElan = ElanReader.read(
                        new ByteArrayInputStream(eaf), "out.eaf", ElanMapping.byParticipant())
                .data()
                .events();
        assertThat(fromElan.stream().map(CodingPagesTest::core).toList())
                .isEqualTo(expected.stream().map(CodingPagesTest::core).toList());

        // The ELAN file imported into another coder's session gives the same events again.
        long other = session(world.researcher);
        MockHttpServletResponse imported = mvc.perform(
                        MockMvcRequestBuilders.multipart("/coding/sessions/" + other + "/import")
                                .file(new MockMultipartFile("file", "out.eaf", "application/xml", eaf))
                                .with(csrf())
                                .with(user(world.researcher)))
                .andReturn()
                .getResponse();
        assertThat(imported.getRedirectedUrl()).isEqualTo("/coding/sessions/" + other);
        assertThat(codings.events(other).stream()
                        .map(e -> core(e.toObservation("")))
                        .toList())
                .isEqualTo(expected.stream().map(CodingPagesTest::core).toList());
    }

    private static List<ObservationEvent> withoutCoder(List<ObservationEvent> events) {
        return events.stream()
                .map(e -> new ObservationEvent(
                        e.actor(), e.modality(), e.code(), e.onsetMs(), e.offsetMs(), "", e.comment()))
                .toList();
    }

    /** What survives every format: actor, modality, code, onset, offset. */
    private static String core(ObservationEvent e) {
        return e.actor() + "|" + e.modality() + "|" + e.code() + "|" + e.onsetMs() + "|" + e.offsetMs();
    }

    private void save(long session, String key, String actor, String code, long start, Long end) {
        codings.save(
                session,
                new CodedEvent(
                        key,
                        actor,
                        Modality.VERBAL,
                        code,
                        start,
                        end,
                        end == null ? CodedEvent.Kind.POINT : CodedEvent.Kind.STATE,
                        ""));
    }

    @Test
    void cohensKappaOnTheReferenceSequencesIsTheReferenceValue() throws Exception {
        // Reference page: A A B B C A B C A A vs A B B B C A B A A C gives kappa = 0.53125.
        Map<Character, String> codes = Map.of('A', "team-support", 'B', "conflict", 'C', "vision-goals");
        String first = "AABBCABCAA";
        String second = "ABBBCABAAC";
        long a = session(world.professional);
        long b = session(world.researcher);
        for (int i = 0; i < first.length(); i++) {
            save(a, "a" + i, "client", codes.get(first.charAt(i)), i * 1000L, i * 1000L + 1000);
            save(b, "b" + i, "client", codes.get(second.charAt(i)), i * 1000L, i * 1000L + 1000);
        }
        String page = get("/coding/meetings/" + world.meeting + "/agreement", world.professional)
                .getContentAsString();
        String cohen = page.substring(page.indexOf("id=\"kappa-cohen\""), page.indexOf("id=\"kappa-time-unit\""));
        assertThat(cohen).contains("0.531");
    }

    @Test
    void theAgreementPageShowsTheLibrarysFiguresAndASettledVersionFeedsTheSummary() throws Exception {
        long a = session(world.professional);
        long b = session(world.researcher);
        save(a, "a1", "client", "open-communication", 0, 2000L);
        save(a, "a2", "professional-a", "team-support", 2000, 4000L);
        save(a, "a3", "client", "vision-goals", 4000, 6000L);
        save(a, "a4", "client", "shared-decision", 6000, 8000L);
        save(b, "b1", "client", "open-communication", 0, 2000L);
        save(b, "b2", "professional-a", "conflict", 2000, 4000L);
        save(b, "b3", "client", "vision-goals", 4000, 6000L);
        save(b, "b4", "client", "shared-decision", 6000, 8000L);
        save(b, "b5", "network-member", "team-support", 8000, null);

        // The same events given to the statistics library directly, codes numbered by first appearance.
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String c : List.of("open-communication", "team-support", "vision-goals", "shared-decision", "conflict")) {
            index.put(c, index.size());
        }
        int[] codesA = {0, 1, 2, 3};
        int[] codesB = {0, 4, 2, 3, 1};
        long[] onA = {0, 2000, 4000, 6000};
        long[] offA = {2000, 4000, 6000, 8000};
        long[] onB = {0, 2000, 4000, 6000, 8000};
        long[] offB = {2000, 4000, 6000, 8000, 8000};
        double timeUnit = TimeUnitKappa.fit(
                        new TimeUnitKappa.Coding(codesA, onA, offA),
                        new TimeUnitKappa.Coding(codesB, onB, offB),
                        5,
                        0,
                        8000,
                        1000)
                .kappa()
                .kappa();
        EventAlignmentKappa.Result alignment =
                EventAlignmentKappa.fit(codesA, onA, codesB, onB, 5, EventAlignmentKappa.NO_TOLERANCE);

        String page = get("/coding/meetings/" + world.meeting + "/agreement", world.professional)
                .getContentAsString();
        assertThat(page)
                .contains(String.format(Locale.ROOT, "%.3f", timeUnit))
                .contains(String.format(Locale.ROOT, "%.3f", alignment.kappa().kappa()))
                .contains("Not possible: the coders coded a different number of events.")
                .contains("After aligning the events: 3 agree, 1 differ, 0 only by the first coder, 1 only by the"
                        + " second.");
        // The confusion table: every cell of the library's table, row by row.
        List<String> cells = new ArrayList<>();
        for (long[] row : alignment.kappa().table()) {
            for (long n : row) {
                cells.add("<td>" + n + "</td>");
            }
        }
        String confusion = page.substring(
                page.indexOf("id=\"confusion\""), page.indexOf("</table>", page.indexOf("id=\"confusion\"")));
        assertThat(confusion.replaceAll("\\s+", "")).contains(String.join("", cells.subList(0, 6)));
        assertThat(page).contains("Take Name research-" + world.suffix);

        // Settle: take the second coder wherever they disagree.
        MockHttpServletRequestBuilder settle = MockMvcRequestBuilders.post(
                        "/coding/meetings/" + world.meeting + "/settled")
                .with(csrf())
                .with(user(world.professional))
                .param("first", String.valueOf(a))
                .param("second", String.valueOf(b));
        for (int i = 0; i < 10; i++) {
            settle.param("choice-" + i, "second");
        }
        assertThat(mvc.perform(settle).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/coding/meetings/" + world.meeting + "?settled");
        CodingSession settled = codings.sessions(world.meeting).stream()
                .filter(s -> s.kind() == CodingSession.Kind.SETTLED)
                .findFirst()
                .orElseThrow();
        assertThat(codings.events(settled.id()))
                .extracting(CodedEvent::code)
                .containsExactly("open-communication", "conflict", "vision-goals", "shared-decision", "team-support");

        String client = get("/clients/" + world.client, world.professional).getContentAsString();
        assertThat(client)
                .contains("Observed in this meeting")
                .contains("settled version")
                .contains("The client had 50% of the turns and 75% of the speaking time.");
    }
}
