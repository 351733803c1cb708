package org.alliance.app.research;

import static org.alliance.app.research.TestStudy.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.alliance.app.DatabaseTest;
import org.alliance.app.TestDatabases;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.caseload.Meeting;
import org.alliance.app.coding.CodedEvent;
import org.alliance.app.coding.Codings;
import org.alliance.core.observation.Modality;
import org.alliance.core.research.StudyPseudonyms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Observation summaries per meeting in the export (issue 13), on both databases: a coded meeting of a study client
 * within the study's period gives one row per actor of {@code observations.csv}, from the settled version when there
 * is one and else from the first coder's coding; a meeting before the period, a client of a team outside the study
 * and a session without events give no rows; a study none of whose meetings has been coded has no observations
 * files at all; and PSPP and R read the file with its labels.
 *
 * <p>The expected figures are counted by hand from the events below (a turn is a run of events of one actor; the
 * speaking time is the length of an actor's events; a share is of all turns, of all speaking time).
 */
class StudyExportObservationsTest extends DatabaseTest {

    /** The export of the coded study and of a study none of whose meetings was coded. */
    record Exports(
            Map<String, String> coded,
            Map<String, String> uncoded,
            StudyPseudonyms pseudonyms,
            long professional,
            long client,
            LocalDate second,
            LocalDate third) {}

    private static long user(JdbcClient jdbc, long organisation, long team, String username, String role) {
        return TestDatabases.user(jdbc, organisation, team, username, "Name " + username, role);
    }

    private static CodedEvent state(String key, String actor, long start, long end) {
        return new CodedEvent(key, actor, Modality.VERBAL, "open-communication", start, end, CodedEvent.Kind.STATE, "");
    }

    private static CodedEvent point(String key, String actor, long at) {
        return new CodedEvent(key, actor, Modality.VERBAL, "support", at, null, CodedEvent.Kind.POINT, "");
    }

    static Exports export(String vendor) throws Exception {
        DataSource dataSource = TestDatabases.migrated(vendor, folder);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        long organisation = TestDatabases.organisation(jdbc);
        long team = TestDatabases.team(jdbc, organisation, "T");
        long outside = TestDatabases.team(jdbc, organisation, "U");
        long uncodedTeam = TestDatabases.team(jdbc, organisation, "V");
        long anna = user(jdbc, organisation, team, "anna-" + vendor, "PROFESSIONAL");
        long researcher = user(jdbc, organisation, team, "rita-" + vendor, "RESEARCHER");
        long other = user(jdbc, organisation, outside, "olav-" + vendor, "PROFESSIONAL");
        long third = user(jdbc, organisation, uncodedTeam, "vera-" + vendor, "PROFESSIONAL");
        Caseload caseload = new Caseload(jdbc, transactions, CLOCK);
        Codings codings = new Codings(jdbc, transactions, CLOCK);

        long kim = caseload.createClient(organisation, team, anna, "Kim", "K-" + vendor);
        // Before the study's period (from 2026-01-01): coded, not exported, but the client's first meeting.
        long before = caseload.createMeeting(kim, anna, LocalDate.of(2025, 12, 15), Meeting.Kind.REGULAR);
        codings.addAll(codings.openSession(before, researcher), List.of(state("b1", "client", 0, 1000)));
        // Coded by two coders and settled: the settled version counts.
        LocalDate secondDate = LocalDate.of(2026, 1, 5);
        long second = caseload.createMeeting(kim, anna, secondDate, Meeting.Kind.REGULAR);
        long annaSecond = codings.openSession(second, anna);
        codings.addAll(annaSecond, List.of(state("a1", "client", 0, 1000)));
        long ritaSecond = codings.openSession(second, researcher);
        codings.addAll(ritaSecond, List.of(state("r1", "professional-a", 0, 5000)));
        // Client 3 events in 2 turns, 6 s; professional-a 1 event, 1 turn, 6 s.
        codings.settle(
                second,
                researcher,
                annaSecond,
                ritaSecond,
                List.of(
                        state("s1", "client", 0, 3000),
                        state("s2", "professional-a", 3000, 9000),
                        state("s3", "client", 9000, 10000),
                        state("s4", "client", 10000, 12000)));
        // Coded by two coders, not settled: the first coder's coding counts.
        LocalDate thirdDate = LocalDate.of(2026, 2, 2);
        long thirdMeeting = caseload.createMeeting(kim, anna, thirdDate, Meeting.Kind.JOINT);
        // professional-a 2 s, the client a point (no time), a network member 1 s: one turn each.
        codings.addAll(
                codings.openSession(thirdMeeting, anna),
                List.of(
                        state("f1", "professional-a", 0, 2000),
                        point("f2", "client", 2500),
                        state("f3", "network-member", 3000, 4000)));
        codings.addAll(codings.openSession(thirdMeeting, researcher), List.of(state("g1", "client", 0, 60_000)));
        // A session opened and left empty: not coded.
        long fourth = caseload.createMeeting(kim, anna, LocalDate.of(2026, 3, 2), Meeting.Kind.REGULAR);
        codings.openSession(fourth, researcher);
        // A client of a team outside the study.
        long lou = caseload.createClient(organisation, outside, other, "Lou", "L-" + vendor);
        long lous = caseload.createMeeting(lou, other, LocalDate.of(2026, 1, 12), Meeting.Kind.REGULAR);
        codings.addAll(codings.openSession(lous, other), List.of(state("l1", "client", 0, 1000)));
        // The uncoded study's team: one meeting with an empty session, one never opened.
        long max = caseload.createClient(organisation, uncodedTeam, third, "Max", "M-" + vendor);
        codings.openSession(caseload.createMeeting(max, third, LocalDate.of(2026, 1, 7), Meeting.Kind.REGULAR), third);
        caseload.createMeeting(max, third, LocalDate.of(2026, 1, 14), Meeting.Kind.REGULAR);

        Studies studies = new Studies(jdbc, transactions, CLOCK);
        long coded = studies.create(
                TestStudy.of(organisation, team)
                        .title("Observed meetings")
                        .shiftDates(true)
                        .waves(new Study.Wave("T1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)))
                        .build(),
                anna);
        long uncoded = studies.create(
                TestStudy.of(organisation, uncodedTeam).title("Not observed").build(), third);
        StudyExport export = StudyExportTest.exporter(dataSource, CLOCK, studies, codings);
        return new Exports(
                StudyExportTest.files(export, studies.find(organisation, coded).orElseThrow()),
                StudyExportTest.files(
                        export, studies.find(organisation, uncoded).orElseThrow()),
                new StudyPseudonyms(studies.secret(coded)),
                anna,
                kim,
                secondDate,
                thirdDate);
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void aCodedMeetingGivesOneRowPerActorFromTheSettledVersionElseTheFirstCoder(String vendor) throws Exception {
        Exports export = export(vendor);
        assertThat(export.coded())
                .containsKeys(
                        "observations.csv",
                        "observations-codebook.csv",
                        "observations-codebook.html",
                        "observations.sps",
                        "observations.R",
                        "observations.do");
        StudyExportTest.assertStataReadsEveryColumn(
                export.coded().get("observations.do"),
                "observations.csv",
                export.coded().get("observations.csv"));
        String kim = export.pseudonyms().pseudonym(StudyPseudonyms.Kind.CLIENT, export.client());
        String anna = export.pseudonyms().pseudonym(StudyPseudonyms.Kind.PROFESSIONAL, export.professional());
        int shift = export.pseudonyms().dayShift(export.client());
        String csv = export.coded().get("observations.csv");
        assertThat(csv.split("\r\n")[0])
                .isEqualTo("client,professional,wave,meeting_number,days_since_first,meeting_date,basis,actor,events,"
                        + "turns,turn_share,speech_seconds,time_share");
        List<Map<String, String>> rows = StudyExportTest.rows(csv);
        assertThat(rows)
                .allSatisfy(r -> assertThat(r).containsEntry("client", kim).containsEntry("professional", anna));
        assertThat(rows)
                .extracting(r -> String.join(
                        "/",
                        r.get("wave"),
                        r.get("meeting_number"),
                        r.get("days_since_first"),
                        r.get("basis"),
                        r.get("actor"),
                        r.get("events"),
                        r.get("turns"),
                        r.get("turn_share"),
                        r.get("speech_seconds"),
                        r.get("time_share")))
                .containsExactly(
                        // 2 of 3 turns, 6 of 12 s.
                        "T1/2/21/settled/client/3/2/0.6667/6/0.5",
                        "T1/2/21/settled/professional-a/1/1/0.3333/6/0.5",
                        // 1 of 3 turns each; 2, 0 and 1 of 3 s.
                        "/3/49/first_coder/professional-a/1/1/0.3333/2/0.6667",
                        "/3/49/first_coder/client/1/1/0.3333/0/0",
                        "/3/49/first_coder/network-member/1/1/0.3333/1/0.3333");
        assertThat(rows)
                .extracting(r -> r.get("meeting_date"))
                .containsExactly(
                        export.second().minusDays(shift).toString(),
                        export.second().minusDays(shift).toString(),
                        export.third().minusDays(shift).toString(),
                        export.third().minusDays(shift).toString(),
                        export.third().minusDays(shift).toString());
        assertThat(csv).doesNotContain("Kim", "Lou", "Anna", "Name ", "anna-");
        assertThat(export.coded().get("observations-codebook.csv").split("\r\n"))
                .hasSize(csv.split("\r\n")[0].split(",").length + 1);
        assertThat(export.coded().get("observations.R"))
                .contains("observations.csv")
                .doesNotContain("study.R");

        // transitions.csv: per meeting the lag-1 pairs of its codes in time order. The settled meeting has four
        // events of one code (3 pairs, all expected: no residual); the first coder's has open-communication, support,
        // open-communication: each pair of codes has 1 row and 1 column of the 2 pairs, so expected 1 × 1 / 2 = 0.5 and
        // the adjusted residual (f − e) / √(e (1 − 1/2)(1 − 1/2)) = ±√2 (R's chisq.test()$stdres in the test below).
        assertThat(export.coded())
                .containsKeys(
                        "transitions.csv",
                        "transitions-codebook.csv",
                        "transitions-codebook.html",
                        "transitions.sps",
                        "transitions.R",
                        "transitions.do");
        String transitions = export.coded().get("transitions.csv");
        assertThat(transitions.split("\r\n")[0])
                .isEqualTo("client,professional,wave,meeting_number,days_since_first,meeting_date,basis,from_code,"
                        + "to_code,count,expected,adjusted_residual");
        StudyExportTest.assertStataReadsEveryColumn(
                export.coded().get("transitions.do"), "transitions.csv", transitions);
        List<Map<String, String>> pairs = StudyExportTest.rows(transitions);
        assertThat(pairs)
                .allSatisfy(r -> assertThat(r).containsEntry("client", kim).containsEntry("professional", anna));
        assertThat(pairs)
                .extracting(r -> String.join(
                        "/",
                        r.get("meeting_number"),
                        r.get("basis"),
                        r.get("from_code"),
                        r.get("to_code"),
                        r.get("count"),
                        r.get("expected"),
                        r.get("adjusted_residual")))
                .containsExactly(
                        "2/settled/open-communication/open-communication/3/3/",
                        "3/first_coder/open-communication/open-communication/0/0.5/-1.4142",
                        "3/first_coder/open-communication/support/1/0.5/1.4142",
                        "3/first_coder/support/open-communication/1/0.5/1.4142",
                        "3/first_coder/support/support/0/0.5/-1.4142");
        assertThat(export.coded().get("transitions-codebook.csv").split("\r\n"))
                .hasSize(transitions.split("\r\n")[0].split(",").length + 1);

        // No meeting of the other study was coded (an empty session is not a coding): the zip is as before.
        assertThat(export.uncoded().keySet())
                .containsExactlyInAnyOrder(
                        "data.csv", "codebook.csv", "codebook.html", "study.sps", "study.R", "study.do");
    }

    @Test
    void psppAndRReadTheObservationsFileWithItsLabels(@TempDir Path dir) throws Exception {
        ExternalTools.unpack(dir, export("sqlite").coded());
        String spss = ExternalTools.pspp(
                dir,
                "observations.sps",
                "DISPLAY DICTIONARY /VARIABLES=basis actor turn_share.\n"
                        + "LIST /VARIABLES=meeting_number basis actor turns turn_share speech_seconds.\n");
        assertThat(spss)
                .containsPattern(
                        "\\|basis *\\| +\\d+\\|Where the figures come from \\(settled version or first coder\\)")
                .containsPattern("settled +\\|the newest version settled from two coders")
                .containsPattern("\\|turn_share *\\| +\\d+\\|Share of the turns \\(0–1\\) *\\|Scale")
                .containsPattern("\\| +2\\|settled +\\|client +\\| +2\\| +\\.6667\\| +6\\.000\\|")
                .containsPattern("\\| +3\\|first_coder *\\|network-member *\\| +1\\| +\\.3333\\| +1\\.000\\|");

        String r = ExternalTools.rscript(
                dir,
                """
                source("observations.R")
                cat("rows", nrow(data), "\\n", sep = "|")
                cat("label", attr(data$speech_seconds, "label"), "\\n", sep = "|")
                cat("basis", as.character(data$basis), "\\n", sep = "|")
                cat("turns", data$turns, "\\n", sep = "|")
                cat("time", data$time_share, "\\n", sep = "|")
                """);
        String transitions = ExternalTools.pspp(
                dir,
                "transitions.sps",
                "DISPLAY DICTIONARY /VARIABLES=from_code adjusted_residual.\n"
                        + "LIST /VARIABLES=meeting_number basis from_code to_code count expected adjusted_residual.\n");
        assertThat(transitions)
                .containsPattern("\\|from_code *\\| +\\d+\\|First code of the pair \\(lag 1\\)")
                .containsPattern("\\|adjusted_residual *\\| +\\d+\\|Adjusted residual")
                .containsPattern(
                        "\\| +3\\|first_coder *\\|open-communication *\\|support *\\| +1\\| +\\.5000\\| +1\\.4142\\|");
        // R's own adjusted residuals of the first coder's table (chisq.test warns of the small counts).
        String rTransitions = ExternalTools.rscript(
                dir,
                """
                source("transitions.R")
                m <- data[data$meeting_number == 3, ]
                t <- xtabs(count ~ from_code + to_code, data = m)
                s <- suppressWarnings(chisq.test(t, correct = FALSE))
                cat("label", attr(data$count, "label"), "\n", sep = "|")
                cat("stdres", round(as.vector(s$stdres), 4), "\n", sep = "|")
                cat("file", m$adjusted_residual[order(m$to_code, m$from_code)], "\n", sep = "|")
                """);
        assertThat(rTransitions)
                .contains("label|How often the second code followed the first in this meeting|")
                .contains("stdres|-1.4142|1.4142|1.4142|-1.4142|")
                .contains("file|-1.4142|1.4142|1.4142|-1.4142|");
        assertThat(r)
                .contains("rows|5|")
                .contains("label|Speaking time in seconds|")
                .contains("basis|the newest version settled from two coders|the newest version settled from two coders"
                        + "|the first coder’s coding|the first coder’s coding|the first coder’s coding|")
                .contains("turns|2|1|1|1|1|")
                .contains("time|0.5|0.5|0.6667|0|0.3333|");
    }
}
