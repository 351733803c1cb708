package org.alliance.app.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.alliance.stats.provenance.Provenance;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class StudyReportTest {

    private static final String DATA = "0123456789abcdef".repeat(4);
    private static final String OUTCOMES = "fedcba9876543210".repeat(4);

    /** As the analyses stored a report before its provenance was one record (issue 12), in English. */
    private static final String STORED_BEFORE =
            """
            {"title":"Alliance and employed","tables":[],"notes":[],"provenance":[\
            {"name":"data.csv","value":"1,234 rows, SHA-256 %s"},\
            {"name":"outcomes.csv","value":"18 rows, SHA-256 %s"},\
            {"name":"Questionnaires","value":"alliance-client 1.0.0, alliance-client 1.1.0"},\
            {"name":"Method","value":"lm; vcovCL(fit, cluster = ~ professional, type = \\"HC1\\")"},\
            {"name":"Options","value":"outcome=employed;wave=all"},\
            {"name":"Software","value":"Alliance alliance 0.9.0"}],\
            "figures":{"n":18.0},"rScript":"# R"}
            """
                    .formatted(DATA, OUTCOMES);

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void aReportStoredWithProvenanceLinesIsReadIntoTheRecordAndShowsTheSameLines() {
        StudyReport report = StudyAnalysisRunner.read(STORED_BEFORE);

        Provenance provenance = report.provenance();
        assertThat(provenance.data())
                .containsExactly(
                        new Provenance.Data("data.csv", DATA, 1234, java.util.List.of()),
                        new Provenance.Data("outcomes.csv", OUTCOMES, 18, java.util.List.of()));
        assertThat(provenance.instruments())
                .extracting(Provenance.Instrument::version)
                .containsExactly("1.0.0", "1.1.0");
        assertThat(provenance.software()).isEqualTo(new Provenance.Software("alliance", "0.9.0"));
        Map<String, String> before = new LinkedHashMap<>();
        before.put("data.csv", "1,234 rows, SHA-256 " + DATA);
        before.put("outcomes.csv", "18 rows, SHA-256 " + OUTCOMES);
        before.put("Questionnaires", "alliance-client 1.0.0, alliance-client 1.1.0");
        before.put("Method", "lm; vcovCL(fit, cluster = ~ professional, type = \"HC1\")");
        before.put("Options", "outcome=employed;wave=all");
        before.put("Software", "Alliance alliance 0.9.0");
        assertThat(report.provenanceLines(messages(), Locale.ENGLISH)).containsExactlyEntriesOf(before);
    }

    @Test
    void aReportAsStoredNowIsReadBackWhole() {
        Provenance provenance = Provenance.method("lm", "lavaan 0.6.14 (R 4.2.2)", "outcome=employed")
                .withData(new Provenance.Data("data.csv", DATA, 18, java.util.List.of()))
                .withInstruments(StudyReport.instruments(java.util.List.of("alliance-client 1.1.0")));
        StudyReport report =
                new StudyReport("t", java.util.List.of(), java.util.List.of(), provenance, Map.of(), "# R");

        StudyReport read = StudyAnalysisRunner.read(StudyAnalysisRunner.JSON.writeValueAsString(report));

        assertThat(read).isEqualTo(report);
        assertThat(read.provenanceLines(messages(), Locale.ENGLISH))
                .containsEntry("Method", "lm; lavaan 0.6.14 (R 4.2.2)")
                .containsEntry("Questionnaires", "alliance-client 1.1.0");
    }
}
