package org.alliance.app.research;

import static org.alliance.app.research.TestStudy.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.alliance.app.DatabaseTest;
import org.alliance.app.TestDatabases;
import org.alliance.app.caseload.Caseload;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Language;
import org.alliance.core.research.StudyPseudonyms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The professionals' answers on both databases (V24): who is a professional of a study (own team, or a client in one
 * of its teams), which wave is open on the clock's date, one answer set per study, professional and wave (a second is
 * refused, and the unique key stops one that slips past the check), and the export's {@code professionals.csv}.
 */
class PracticeAnswersPersistenceTest extends DatabaseTest {

    private static long user(JdbcClient jdbc, long organisation, long team, String username) {
        return TestDatabases.user(jdbc, organisation, team, username, "Name " + username, "PROFESSIONAL");
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void oneAnswerSetPerStudyProfessionalAndWave(String vendor) throws Exception {
        DataSource dataSource = TestDatabases.migrated(vendor, folder);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        long organisation = TestDatabases.organisation(jdbc);
        long team = TestDatabases.team(jdbc, organisation, "T");
        long other = TestDatabases.team(jdbc, organisation, "U");
        long anna = user(jdbc, organisation, team, "anna-" + vendor);
        long olav = user(jdbc, organisation, other, "olav-" + vendor);
        long vera = user(jdbc, organisation, other, "vera-" + vendor);
        // Vera's team is outside the study, but a client of hers is in it.
        new Caseload(jdbc, transactions, CLOCK).createClient(organisation, team, vera, "Kim", "K-" + vendor);
        Studies studies = new Studies(jdbc, transactions, CLOCK);
        long id = studies.create(
                TestStudy.of(organisation, team)
                        .waves(
                                new Study.Wave("T1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)),
                                new Study.Wave("T2", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)))
                        .build(),
                anna);
        Study study = studies.find(organisation, id).orElseThrow();
        PracticeAnswers answers = new PracticeAnswers(jdbc, studies, InstrumentCatalog.builtIn(), CLOCK);

        assertThat(answers.isProfessionalOf(study, anna)).isTrue();
        assertThat(answers.isProfessionalOf(study, vera)).isTrue();
        assertThat(answers.isProfessionalOf(study, olav)).isFalse();
        assertThat(answers.openWave(study)).map(Study.Wave::name).contains("T2");
        assertThat(answers.due(organisation, anna))
                .extracting(PracticeAnswers.Due::wave)
                .containsExactly("T2");
        assertThat(answers.due(organisation, olav)).isEmpty();

        Map<String, Double> given = Map.of("competence-1", 5.0, "competence-2", 4.0, "belief-1", 2.0);
        assertThat(answers.submit(study, anna, "T2", Language.NB, given)).isTrue();
        assertThat(answers.submit(study, anna, "T2", Language.NB, Map.of("competence-1", 1.0)))
                .isFalse();
        Map<String, Double> full = Map.of(
                "competence-1", 5.0,
                "competence-2", 4.0,
                "competence-3", 4.0,
                "competence-4", 3.0,
                "belief-1", 2.0,
                "belief-2", 2.0,
                "belief-3", 3.0,
                "belief-4", 3.0);
        assertThat(answers.submit(study, anna, "T1", Language.NB, full)).isTrue();
        assertThat(answers.due(organisation, anna)).isEmpty();
        assertThatThrownBy(() -> jdbc.sql(
                                """
                                INSERT INTO practice_answer (study_id, professional_id, wave, instrument_id,
                                    instrument_version, language, answers, submitted_at)
                                VALUES (?, ?, 'T2', 'alliance-practice', '1.0.0', 'en', '', 0)""")
                        .params(id, anna)
                        .update())
                .isInstanceOf(DataAccessException.class); // SQLite's driver gives no SQL state to narrow it down
        assertThat(answers.ofStudy(study))
                .extracting(PracticeAnswers.Answer::wave, PracticeAnswers.Answer::language, a -> a.answers())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("T1", "nb", full),
                        org.assertj.core.groups.Tuple.tuple("T2", "nb", given));

        List<Map<String, String>> rows =
                StudyExportTest.rows(StudyExportTest.files(StudyExportTest.exporter(dataSource, CLOCK, studies), study)
                        .get("professionals.csv"));
        String pseudonym = new StudyPseudonyms(studies.secret(id)).pseudonym(StudyPseudonyms.Kind.PROFESSIONAL, anna);
        assertThat(rows).extracting(r -> r.get("professional")).containsExactly(pseudonym, pseudonym);
        assertThat(rows).extracting(r -> r.get("wave")).containsExactly("T1", "T2");
        // T1: every item, the means 4 and 2.5. T2: two of four competence items and one of four belief items, too
        // few for a score (at least three of four).
        assertThat(rows.get(0).entrySet())
                .filteredOn(e -> e.getKey().endsWith("_score"))
                .extracting(Map.Entry::getValue)
                .containsExactly("4", "2.5");
        assertThat(rows.get(1).entrySet())
                .filteredOn(e -> e.getKey().endsWith("_score"))
                .extracting(Map.Entry::getValue)
                .containsExactly(StudyExport.TOO_FEW, StudyExport.TOO_FEW);
    }
}
