package org.alliance.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.app.TestWorld;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Formats;
import org.alliance.app.system.UserAccounts;
import org.alliance.core.demo.DemoStory;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Language;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Checks every situation the demo's start page promises through the pages the professional sees (in English), on
 * a demo database the seeders filled. Used on the tests' fixed date and on a set of other dates.
 */
final class DemoStoryCheck {

    private final WebApplicationContext context;
    private final MockMvc mvc;
    private final UserAccounts accounts;
    private final JdbcClient jdbc;
    private final InstrumentCatalog catalog;
    private final LocalDate today;

    DemoStoryCheck(WebApplicationContext context) {
        this.context = context;
        this.mvc = TestWorld.mvc(context);
        this.accounts = context.getBean(UserAccounts.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.catalog = context.getBean(InstrumentCatalog.class);
        this.today = LocalDate.now(context.getBean(Clock.class));
    }

    /** Every kind of situation is on the start page, and each shows where the start page says it does. */
    void everyPromiseHolds() throws Exception {
        List<DemoSeeder.StoryLine> story = context.getBean(DemoSeeder.class).story();
        assertThat(story).extracting(DemoSeeder.StoryLine::kind).containsExactly(DemoStory.Kind.values());
        String start = page("/", null);
        for (DemoSeeder.StoryLine line : story) {
            for (DemoSeeder.StoryClient client : line.clients()) {
                assertThat(start).as("start page links to " + client.path()).contains("href=\"" + client.path() + "\"");
            }
            switch (line.kind()) {
                case GAP -> gap(line);
                case DROP_AFTER_CONFLICT -> drop(line);
                case CEILING -> ceiling(line);
                case HELD_BACK -> heldBack(line);
                case JOINT_SPLIT -> jointSplit(line);
            }
        }
        assertThat(jdbc.sql("SELECT MAX(meeting_date) FROM meeting")
                        .query(String.class)
                        .single())
                .as("no demo meeting lies in the future")
                .isLessThan(today.toString());
    }

    private void gap(DemoSeeder.StoryLine line) throws Exception {
        assertThat(line.login()).isEqualTo("daan");
        assertThat(line.clients()).as("several of daan's clients show the gap").hasSizeGreaterThanOrEqualTo(5);
        for (DemoSeeder.StoryClient client : line.clients()) {
            assertThat(alerts(line, client)).as(client.path()).anySatisfy(a -> assertThat(a)
                    .contains("you gave"));
        }
    }

    private void drop(DemoSeeder.StoryLine line) throws Exception {
        DemoSeeder.StoryClient client = line.clients().get(0);
        assertThat(alerts(line, client))
                .as(client.path())
                .anySatisfy(a -> assertThat(a).contains("fell from").contains("since the previous meeting"));
    }

    private void ceiling(DemoSeeder.StoryLine line) throws Exception {
        DemoSeeder.StoryClient client = line.clients().get(0);
        Document page = Jsoup.parse(page(client.path(), line.login()));
        Instrument questionnaire = catalog.find("alliance-client").orElseThrow();
        Element table = trendTable(page, questionnaire);
        List<String> latest = lastRow(table);
        int total = columnOf(
                table, questionnaire.findScale("total").orElseThrow().name().get(Language.EN));
        assertThat(Double.parseDouble(latest.get(total)))
                .as("latest total of the ceiling client " + client.path())
                .isGreaterThanOrEqualTo(4.5);
    }

    private void heldBack(DemoSeeder.StoryLine line) throws Exception {
        DemoSeeder.StoryClient client = line.clients().get(0);
        List<String> dates = jdbc.sql(
                        "SELECT meeting_date FROM meeting WHERE client_id = ? AND id NOT IN (SELECT meeting_id FROM joint_meeting) ORDER BY meeting_date")
                .param(client.id())
                .query(String.class)
                .list();
        assertThat(dates).hasSizeGreaterThanOrEqualTo(2);
        // As the English page writes them.
        String latest = Formats.date(LocalDate.parse(dates.get(dates.size() - 1)), Locale.ENGLISH);
        String before = Formats.date(LocalDate.parse(dates.get(dates.size() - 2)), Locale.ENGLISH);
        Document page = Jsoup.parse(page(client.path(), line.login()));
        List<String> shown = trendTable(
                        page, catalog.find("alliance-session-check").orElseThrow())
                .select("tbody tr th")
                .eachText();
        assertThat(shown).as("released at the latest meeting").contains(before);
        assertThat(shown).as("still held back until the next meeting").doesNotContain(latest);
    }

    private void jointSplit(DemoSeeder.StoryLine line) throws Exception {
        DemoSeeder.StoryClient client = line.clients().get(0);
        Document page = Jsoup.parse(page(client.path(), line.login()));
        Element table = page.selectFirst("table.bond-table");
        assertThat(table).as("bond table on " + client.path()).isNotNull();
        List<Double> splits = new ArrayList<>();
        for (Element row : table.select("tbody tr")) {
            splits.add(number(row.select("td").last().text()));
        }
        assertThat(splits).as("split-alliance index per joint meeting").hasSize(3);
        assertThat(splits.get(2)).isGreaterThan(splits.get(0));
        assertThat(splits.get(2)).isGreaterThan(splits.get(1));
    }

    private List<String> alerts(DemoSeeder.StoryLine line, DemoSeeder.StoryClient client) throws Exception {
        Document page = Jsoup.parse(page(client.path(), line.login()));
        return page.select(".alert-list li").eachText();
    }

    private Element trendTable(Document page, Instrument instrument) {
        String title = instrument.title().get(Language.EN);
        return page.select(".trend table").stream()
                .filter(t -> t.selectFirst("caption") != null
                        && t.selectFirst("caption").text().contains(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no trend table for " + title));
    }

    private static List<String> lastRow(Element table) {
        Element row = table.select("tbody tr").last();
        List<String> cells = new ArrayList<>();
        cells.add(row.selectFirst("th").text());
        cells.addAll(row.select("td").eachText());
        return cells;
    }

    private static int columnOf(Element table, String header) {
        List<String> headers = table.select("thead th").eachText();
        int column = headers.indexOf(header);
        assertThat(column).as("column " + header + " in " + headers).isNotNegative();
        return column;
    }

    private static double number(String text) {
        Matcher m = Pattern.compile("-?\\d+(?:[.,]\\d+)?").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no number in '" + text + "'");
        }
        return Double.parseDouble(m.group().replace(',', '.'));
    }

    private String page(String path, String login) throws Exception {
        var request = MockMvcRequestBuilders.get(path).param("lang", "en");
        if (login != null) {
            CurrentUser user = accounts.loadUserByUsername(login);
            request = request.with(user(user));
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    @Override
    public String toString() {
        return "demo story on " + today + " " + Arrays.toString(DemoStory.Kind.values());
    }
}
