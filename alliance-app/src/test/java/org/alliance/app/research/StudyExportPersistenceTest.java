package org.alliance.app.research;

import static org.alliance.app.research.TestStudy.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.alliance.app.DatabaseTest;
import org.alliance.app.TestDatabases;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.caseload.Meeting;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.ImportedCheckIn;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.Perspective;
import org.alliance.core.release.ReleaseChoice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The export on both databases, with more clients than one group of the export holds and more check-ins than one fetch
 * of a cursor, so PostgreSQL's streaming (a read-only transaction with a fetch size) and the queries per group of
 * clients inside the open cursor over the clients are exercised.
 */
class StudyExportPersistenceTest extends DatabaseTest {

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void everyReleasedCheckInOfAStudyOfManyClientsIsExportedOnce(String vendor) throws Exception {
        DataSource dataSource = TestDatabases.migrated(vendor, folder);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        long organisation = TestDatabases.organisation(jdbc);
        long team = TestDatabases.team(jdbc, organisation, "T");
        long professional = TestDatabases.user(jdbc, organisation, team, "p-" + vendor, "P", "PROFESSIONAL");
        Caseload caseload = new Caseload(jdbc, transactions, CLOCK);
        CheckIns checkIns = new CheckIns(jdbc, transactions, CLOCK);
        int clients = 2 * StudyExport.CLIENTS_PER_QUERY + 30;
        int released = 0;
        for (int c = 0; c < clients; c++) {
            long client = caseload.createClient(organisation, team, professional, "C" + c, "R" + c);
            for (int m = 0; m < 5; m++) {
                LocalDate date = LocalDate.of(2026, 1, 5).plusWeeks(m);
                long meeting = caseload.createMeeting(client, professional, date, Meeting.Kind.REGULAR);
                // Every fifth client keeps the answers for team figures only.
                ReleaseChoice choice = c % 5 == 0 ? ReleaseChoice.TEAM_ONLY : ReleaseChoice.NOW;
                Instant at = date.atTime(10, 0).atZone(CLOCK.getZone()).toInstant();
                checkIns.importHistory(new ImportedCheckIn(
                        meeting,
                        client,
                        "alliance-client",
                        "1.0.0",
                        Perspective.CLIENT,
                        Language.NB,
                        choice,
                        vendor + "-" + c + "-" + m,
                        at,
                        choice == ReleaseChoice.NOW ? Optional.of(at) : Optional.empty(),
                        Map.of("bond-1", 1.0 + (c + m) % 5, "bond-2", 3.0, "bond-3", 4.0, "bond-4", 5.0)));
                released += choice == ReleaseChoice.NOW ? 1 : 0;
            }
        }
        Studies studies = new Studies(jdbc, transactions, CLOCK);
        long studyId = studies.create(
                TestStudy.of(organisation, team)
                        .title("Stort utvalg")
                        .purpose("Formål")
                        .legalBasis("Samtykke")
                        .language(Language.NB)
                        .shiftDates(true)
                        .build(),
                professional);
        Study study = studies.find(organisation, studyId).orElseThrow();
        StudyExport export = StudyExportTest.exporter(dataSource, CLOCK, studies);

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        long rows = export.write(study, zip);

        assertThat(rows).isEqualTo(released).isGreaterThan(1000);
        Map<String, String> files = StudyExportTest.unzip(zip.toByteArray());
        List<Map<String, String>> data = StudyExportTest.rows(files.get("data.csv"));
        assertThat(data).hasSize(released);
        Map<String, Set<String>> meetingsPerClient = new HashMap<>();
        for (Map<String, String> row : data) {
            assertThat(meetingsPerClient
                            .computeIfAbsent(row.get("client"), k -> new HashSet<>())
                            .add(row.get("meeting_number")))
                    .as("one row per meeting")
                    .isTrue();
            assertThat(row.get("alliance_client_goals_1")).isEqualTo("-9");
            assertThat(row.get("alliance_client_total_score")).isEqualTo("-8");
            assertThat(row.get("days_since_first"))
                    .isEqualTo(String.valueOf(7 * (Integer.parseInt(row.get("meeting_number")) - 1)));
        }
        assertThat(meetingsPerClient).hasSize(clients - clients / 5);
        assertThat(files.get("codebook.csv")).contains("Bruker (studiepseudonym)");
    }
}
