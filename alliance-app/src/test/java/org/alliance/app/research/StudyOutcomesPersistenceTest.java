package org.alliance.app.research;

import static org.alliance.app.research.TestStudy.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.alliance.app.DatabaseTest;
import org.alliance.app.TestDatabases;
import org.alliance.core.instrument.Language;
import org.alliance.core.research.OutcomeFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outcome import's storage on both databases: the upload kept for its preview (bytes as sent), the file stored
 * with its declarations, covariates and import row, a re-import replacing it whole, and an import that fails half-way
 * (a row about a client the database does not have) leaving the previous import as it was, all in one transaction.
 */
class StudyOutcomesPersistenceTest extends DatabaseTest {

    private static final String TYPES = "employed_6m yes-no\nhours number\nage_band category\nyears_on_benefit number";

    private static int count(TestDatabases.Seeded db, String table, long study) {
        return db.jdbc()
                .sql("SELECT COUNT(*) FROM " + table + " WHERE study_id = ?")
                .param(study)
                .query(Integer.class)
                .single();
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void anImportIsStoredWholeReplacedWholeAndAFailedOneChangesNothing(String vendor) {
        TestDatabases.Seeded db = TestDatabases.seeded(vendor, folder, LocalDate.of(2026, 3, 2));
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        long sam = db.jdbc()
                .sql(
                        """
                        INSERT INTO client (organisation_id, team_id, professional_id, alias, internal_id, created_at)
                        VALUES (?, ?, ?, 'Sam', 'K2', 0) RETURNING id""")
                .params(db.organisation(), db.team(), db.professional())
                .query(Long.class)
                .single();
        Studies studies = new Studies(db.jdbc(), transactions, CLOCK);
        long id = studies.create(
                TestStudy.of(db.organisation(), db.team())
                        .title("Alliance og arbejde")
                        .purpose("Formål")
                        .legalBasis("Samtykke")
                        .language(Language.DA)
                        .build(),
                db.professional());
        Study study = studies.find(db.organisation(), id).orElseThrow();
        StudyClients clients = new StudyClients(db.jdbc(), studies);
        StudyOutcomes outcomes = new StudyOutcomes(db.jdbc(), new JdbcTemplate(db.dataSource()), transactions, CLOCK);
        Map<String, Long> pseudonyms = clients.of(study).stream()
                .collect(Collectors.toMap(StudyClients.Member::pseudonym, StudyClients.Member::client));
        String kim = clients.of(study).stream()
                .filter(m -> m.client() == db.client())
                .findFirst()
                .orElseThrow()
                .pseudonym();
        String samPseudonym = clients.of(study).stream()
                .filter(m -> m.client() == sam)
                .findFirst()
                .orElseThrow()
                .pseudonym();

        // As Nordic Excel saves it; the upload keeps the bytes as sent (a byte-order mark, ø) for the preview.
        String csv = "\uFEFFstudy_pseudonym;outcome;date;value;age_band;years_on_benefit\r\n"
                + kim + ";employed_6m;30-09-2026;ja;30-39 år;2,5\r\n"
                + kim + ";hours;30-09-2026;12,5;30-39 år;2,5\r\n"
                + samPseudonym + ";employed_6m;30-09-2026;nej;40-49 år;1\r\n"
                + samPseudonym + ";hours;30-09-2026;;40-49 år;1\r\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        StudyOutcomes.Upload upload =
                new StudyOutcomes.Upload("register-ø.csv", Fingerprints.sha256(bytes), TYPES, bytes);
        outcomes.saveUpload(id, db.professional(), upload);
        StudyOutcomes.Upload kept = outcomes.upload(id, db.professional()).orElseThrow();
        assertThat(kept.content()).isEqualTo(bytes);
        assertThat(kept.fileName()).isEqualTo("register-ø.csv");
        assertThat(kept.declarations()).isEqualTo(TYPES);

        OutcomeFile.Result file = OutcomeFile.read(csv, OutcomeFile.declarations(TYPES), pseudonyms.keySet());
        assertThat(file.problems()).isEmpty();
        assertThat(outcomes.replace(id, db.professional(), kept, file, pseudonyms))
                .isZero();
        assertThat(count(db, "study_outcome", id)).isEqualTo(4);
        assertThat(outcomes.upload(id, db.professional()))
                .as("the upload is gone once stored")
                .isEmpty();
        assertThat(outcomes.variables(id))
                .extracting(StudyOutcomes.Variable::name, StudyOutcomes.Variable::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("employed_6m", true),
                        org.assertj.core.groups.Tuple.tuple("hours", true),
                        org.assertj.core.groups.Tuple.tuple("age_band", false),
                        org.assertj.core.groups.Tuple.tuple("years_on_benefit", false));
        assertThat(outcomes.rows(id, "hours"))
                .containsExactly(
                        new StudyOutcomes.Row(db.client(), "2026-09-30", "12.5"),
                        new StudyOutcomes.Row(sam, "2026-09-30", ""));
        assertThat(outcomes.outcome(id, "hours")).containsExactly(Map.entry(db.client(), "12.5"));
        assertThat(outcomes.covariates(id).get(sam))
                .containsOnly(Map.entry("age_band", "40-49 år"), Map.entry("years_on_benefit", "1"));
        StudyOutcomes.Summary summary = outcomes.summary(id).orElseThrow();
        assertThat(summary.fileName()).isEqualTo("register-ø.csv");
        assertThat(summary.rows()).isEqualTo(4);
        assertThat(summary.clients()).isEqualTo(2);
        assertThat(summary.sha256()).isEqualTo(Fingerprints.sha256(bytes));
        assertThat(summary.importedAt()).isEqualTo(CLOCK.instant());

        // A re-import replaces the whole previous one and says how many rows it replaced.
        String second = "study_pseudonym,outcome,date,value,age_band\n" + kim + ",employed_6m,2026-09-30,0,30-39 år\n";
        byte[] secondBytes = second.getBytes(StandardCharsets.UTF_8);
        StudyOutcomes.Upload secondUpload =
                new StudyOutcomes.Upload("second.csv", Fingerprints.sha256(secondBytes), TYPES, secondBytes);
        OutcomeFile.Result secondFile = OutcomeFile.read(second, OutcomeFile.declarations(TYPES), pseudonyms.keySet());
        assertThat(outcomes.replace(id, db.professional(), secondUpload, secondFile, pseudonyms))
                .isEqualTo(4);
        assertThat(count(db, "study_outcome", id)).isEqualTo(1);
        assertThat(count(db, "study_covariate", id)).isEqualTo(1);
        assertThat(outcomes.summary(id).orElseThrow().fileName()).isEqualTo("second.csv");
        StudyData data = new StudyData(null, outcomes, clients);
        byte[] before = data.outcomes(study).csv();
        int variables = count(db, "study_variable", id);

        // All or nothing: a row that cannot be stored (its client is not in the database) rolls the whole import
        // back, the deletes of the previous import included.
        Map<String, Long> broken = new java.util.HashMap<>(pseudonyms);
        broken.put(samPseudonym, 987_654_321L);
        assertThatThrownBy(() -> outcomes.replace(id, db.professional(), upload, file, broken))
                .isInstanceOf(DataAccessException.class);
        assertThat(count(db, "study_outcome", id)).isEqualTo(1);
        assertThat(count(db, "study_covariate", id)).isEqualTo(1);
        assertThat(count(db, "study_variable", id)).isEqualTo(variables);
        assertThat(outcomes.summary(id).orElseThrow().fileName()).isEqualTo("second.csv");
        assertThat(data.outcomes(study).csv())
                .as("outcomes.csv, as the reports read it")
                .isEqualTo(before);
        assertThat(new String(before, StandardCharsets.UTF_8))
                .startsWith("study_pseudonym,outcome,date,value,")
                .contains(kim + ",employed_6m,2026-09-30,");
    }
}
