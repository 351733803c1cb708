package org.alliance.app.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.alliance.app.PageTest;
import org.alliance.app.TestWorld;
import org.alliance.app.checkin.Invitations;
import org.alliance.core.alert.ShownNumber;
import org.alliance.stats.descriptive.Quantile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 14, "charts that read right": the organisation's expected band — the middle half of its clients' totals
 * at the same meeting number — beside the client's line, once at least 30 clients answered at that number;
 * answers still held back do not count.
 */
class ExpectedBandTest extends PageTest {

    @Autowired
    Invitations invitations;

    /** Each client of the world answers at its first meeting: all twelve items {@code value(k)}. */
    private List<Long> clientsAnswering(TestWorld world, MockMvc mvc, int count, String release) throws Exception {
        List<Long> clients = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            long client = world.newClient(world.professional.id(), "C" + k);
            long meeting = world.newMeeting(client, world.professional.id(), LocalDate.of(2026, 5, 4));
            String token = invitations
                    .issue(meeting, "alliance-client", world.professional.id(), Duration.ofHours(72))
                    .token();
            MockHttpServletRequestBuilder post = TestWorld.allianceClientAnswers(
                    token, value(k), release, "band-" + world.suffix + "-" + release + "-" + k);
            assertThat(mvc.perform(post).andReturn().getResponse().getRedirectedUrl())
                    .startsWith("/c/thanks");
            clients.add(client);
        }
        return clients;
    }

    private static int value(int k) {
        return 1 + (k * 7) % 5;
    }

    private Document clientPage(long client) throws Exception {
        return Jsoup.parse(
                get(world.professional, "/clients/" + client, "lang", "en").getContentAsString());
    }

    @Test
    void thirtyClientsAtAMeetingNumberGiveTheBandAsRsQuartiles() throws Exception {
        List<Long> clients = clientsAnswering(world, mvc, 30, "NOW");

        Document page = clientPage(clients.get(0));
        Element table = page.selectFirst("div.trend table.data");
        List<String> header = table.select("thead th").eachText();
        assertThat(header).last().isEqualTo("Expected (middle half)");
        double[] totals = new double[30];
        for (int k = 0; k < 30; k++) {
            totals[k] = value(k);
        }
        double[] q = Quantile.type7(totals, 0.25, 0.75);
        String cell = table.select("tbody tr").get(0).select("td").last().text();
        assertThat(cell).isEqualTo(ShownNumber.text(q[0]) + "–" + ShownNumber.text(q[1]));
        assertThat(page.select("div.chart-box svg").outerHtml()).contains("middle half of your organisation’s clients");
    }

    @Test
    void fewerThanThirtyOrHeldBackAnswersGiveNoBand() throws Exception {
        List<Long> clients = clientsAnswering(world, mvc, 29, "NOW");
        clientsAnswering(world, mvc, 1, "NEXT_MEETING");

        Document page = clientPage(clients.get(0));
        assertThat(page.select("div.trend table.data thead th").eachText()).doesNotContain("Expected (middle half)");
        assertThat(page.select("div.chart-box svg").outerHtml()).doesNotContain("middle half");
    }
}
