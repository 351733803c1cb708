package org.alliance.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16, "give a client their own data first": the administrator downloads everything about one client as JSON
 * and as PDF, in the language chosen — answers the client held back from the professional included (they are the
 * client's own) — only for the own organisation, and audited.
 */
class ClientDataTest extends PageTest {

    @BeforeEach
    void setUp() throws Exception {
        for (String release : new String[] {"NOW", "NEXT_MEETING"}) {
            MockHttpServletRequestBuilder post = TestWorld.allianceClientAnswers(
                    world.invite("alliance-client").token(), 4, release, "data-" + release + "-" + world.suffix);
            mvc.perform(post);
        }
    }

    private MockHttpServletResponse download(TestWorld as, String format, String lang) throws Exception {
        return get(as.admin, "/admin/clients/" + world.client + "/data", "format", format, "lang", lang);
    }

    @Test
    void theJsonHoldsEveryCheckInWithQuestionsAnswersAndScores() throws Exception {
        MockHttpServletResponse response = download(world, "json", "en");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Disposition"))
                .contains("attachment")
                .contains(".json");
        JsonNode data = JsonMapper.builder().build().readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(data.get("alias").asText()).isEqualTo("Kim");
        assertThat(data.get("check_ins"))
                .as("the held-back answer is the client's own too")
                .hasSize(2);
        JsonNode first = data.get("check_ins").get(0);
        assertThat(first.get("answers")).hasSize(12);
        assertThat(first.get("answers").get(0).get("question").asText()).isNotBlank();
        assertThat(first.get("answers").get(0).get("value").asDouble()).isEqualTo(4.0);
        assertThat(first.get("scores").findValuesAsString("scale")).contains("Total");
        assertThat(data.get("meetings").get(0).get("date").asText()).isEqualTo("2026-03-02");
        assertThat(data.get("stored_rows").get("answers").asLong()).isEqualTo(24);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'client data given' AND actor = ?")
                        .param(world.admin.username())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void thePdfReadsInTheChosenLanguage() throws Exception {
        MockHttpServletResponse response = download(world, "pdf", "da");
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("Data om Kim i Alliance")
                    .contains("Dine svar")
                    .contains("2. mar. 2026");
            assertThat(text).contains("12 af 12 spørgsmål besvaret");
        }
    }

    /** What the professional wrote about discussing the client's feedback is data about the client (issue 17). */
    @Test
    void theDiscussedRecordsWithWhatChangedAreInTheJsonAndThePdf() throws Exception {
        world.discussedGap("We plan the next step together now");
        JsonNode data = JsonMapper.builder()
                .build()
                .readTree(download(world, "json", "en").getContentAsString(StandardCharsets.UTF_8));
        JsonNode discussed = data.get("feedback_discussed");
        assertThat(discussed).hasSize(1);
        assertThat(discussed.get(0).get("meeting_date").asText()).isEqualTo("2026-03-02");
        assertThat(discussed.get(0).get("signal").asText()).isEqualTo("A gap between you");
        assertThat(discussed.get(0).get("discussed").asBoolean()).isTrue();
        assertThat(discussed.get(0).get("what_changed").asText()).isEqualTo("We plan the next step together now");
        try (PDDocument pdf = Loader.loadPDF(download(world, "pdf", "nl").getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("Wat je begeleider noteerde")
                    .contains("Wat er veranderde: We plan the next step together now");
        }
    }

    @Test
    void anotherOrganisationsAdministratorGetsNothing() throws Exception {
        assertThat(download(new TestWorld(context), "json", "en").getStatus()).isEqualTo(404);
    }
}
