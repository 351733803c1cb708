package org.alliance.app.research;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.research.OutcomeFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A study's imported outcomes and covariates (migration V18), the file waiting for the researcher's "store" after its
 * preview, and what the analyses read. An import replaces everything of the study in one transaction: all rows are
 * stored or none.
 */
@Repository
class StudyOutcomes {

    /** The study's current import. */
    record Summary(String fileName, String sha256, int rows, int clients, long importedBy, Instant importedAt) {}

    /** A file uploaded for preview. */
    record Upload(String fileName, String sha256, String declarations, byte[] content) {}

    /** An outcome name or covariate of the current import with its declared type. */
    record Variable(String name, boolean outcome, OutcomeFile.Type type) {}

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final Clock clock;

    StudyOutcomes(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
        this.clock = clock;
    }

    void saveUpload(long studyId, long userId, Upload upload) {
        transactions.executeWithoutResult(status -> {
            deleteUpload(studyId, userId);
            jdbc.sql(
                            """
                            INSERT INTO study_outcome_upload
                                (study_id, user_id, file_name, sha256, declarations, content, uploaded_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            studyId,
                            userId,
                            upload.fileName(),
                            upload.sha256(),
                            upload.declarations(),
                            upload.content(),
                            clock.millis())
                    .update();
        });
    }

    Optional<Upload> upload(long studyId, long userId) {
        return jdbc.sql(
                        """
                        SELECT file_name, sha256, declarations, content FROM study_outcome_upload
                        WHERE study_id = ? AND user_id = ?""")
                .params(studyId, userId)
                .query((rs, row) -> new Upload(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }

    private void deleteUpload(long studyId, long userId) {
        jdbc.sql("DELETE FROM study_outcome_upload WHERE study_id = ? AND user_id = ?")
                .params(studyId, userId)
                .update();
    }

    /**
     * Replaces the study's outcomes, covariates and declarations by the file's, in one transaction, and drops the
     * upload. Returns how many outcome rows the study had before.
     *
     * @param clientsByPseudonym the study's clients; every pseudonym of the file is one of them (the file was read
     *     against them)
     */
    int replace(
            long studyId, long userId, Upload upload, OutcomeFile.Result file, Map<String, Long> clientsByPseudonym) {
        if (!file.problems().isEmpty()) {
            throw new IllegalArgumentException("a file with " + file.problems().size() + " problems is not stored");
        }
        Integer before = transactions.execute(status -> {
            int replaced = jdbc.sql("SELECT COUNT(*) FROM study_outcome WHERE study_id = ?")
                    .param(studyId)
                    .query(Integer.class)
                    .single();
            for (String table : List.of("study_outcome", "study_covariate", "study_variable", "study_outcome_import")) {
                jdbc.sql("DELETE FROM " + table + " WHERE study_id = ?")
                        .param(studyId)
                        .update();
            }
            int position = 0;
            for (Map.Entry<String, OutcomeFile.Type> e : file.types().entrySet()) {
                boolean covariate = file.covariateNames().contains(e.getKey());
                jdbc.sql("INSERT INTO study_variable (study_id, name, kind, type, position) VALUES (?, ?, ?, ?, ?)")
                        .params(
                                studyId,
                                e.getKey(),
                                covariate ? "COVARIATE" : "OUTCOME",
                                e.getValue().code(),
                                covariate ? 1000 + position++ : position++)
                        .update();
            }
            List<Object[]> rows = new ArrayList<>(BATCH);
            for (OutcomeFile.Outcome outcome : file.outcomes()) {
                rows.add(new Object[] {
                    studyId,
                    clientsByPseudonym.get(outcome.pseudonym()),
                    outcome.name(),
                    outcome.date().toString(),
                    outcome.value().orElse(null)
                });
                if (rows.size() == BATCH) {
                    insertOutcomes(rows);
                }
            }
            insertOutcomes(rows);
            for (Map.Entry<String, Map<String, String>> client :
                    file.covariates().entrySet()) {
                for (Map.Entry<String, String> value : client.getValue().entrySet()) {
                    rows.add(new Object[] {
                        studyId, clientsByPseudonym.get(client.getKey()), value.getKey(), value.getValue()
                    });
                    if (rows.size() == BATCH) {
                        insertCovariates(rows);
                    }
                }
            }
            insertCovariates(rows);
            jdbc.sql(
                            """
                            INSERT INTO study_outcome_import
                                (study_id, file_name, sha256, row_count, client_count, imported_by, imported_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            studyId,
                            upload.fileName(),
                            upload.sha256(),
                            file.outcomes().size(),
                            (int) file.clients(),
                            userId,
                            clock.millis())
                    .update();
            deleteUpload(studyId, userId);
            return replaced;
        });
        return before == null ? 0 : before;
    }

    private void insertOutcomes(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            template.batchUpdate(
                    "INSERT INTO study_outcome (study_id, client_id, name, observed_on, value) VALUES (?, ?, ?, ?, ?)",
                    rows);
            rows.clear();
        }
    }

    private void insertCovariates(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            template.batchUpdate(
                    "INSERT INTO study_covariate (study_id, client_id, name, value) VALUES (?, ?, ?, ?)", rows);
            rows.clear();
        }
    }

    Optional<Summary> summary(long studyId) {
        return jdbc.sql(
                        """
                        SELECT file_name, sha256, row_count, client_count, imported_by, imported_at
                        FROM study_outcome_import WHERE study_id = ?""")
                .param(studyId)
                .query((rs, row) -> new Summary(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getLong(5),
                        Instant.ofEpochMilli(rs.getLong(6))))
                .optional();
    }

    List<Variable> variables(long studyId) {
        return jdbc.sql("SELECT name, kind, type FROM study_variable WHERE study_id = ? ORDER BY position, name")
                .param(studyId)
                .query((rs, row) -> new Variable(
                        rs.getString(1),
                        "OUTCOME".equals(rs.getString(2)),
                        OutcomeFile.Type.fromCode(rs.getString(3)).orElse(OutcomeFile.Type.CATEGORY)))
                .list();
    }

    /** One stored outcome row; {@code value} empty for a missing value. */
    record Row(long client, String date, String value) {}

    /** The rows of one outcome. */
    List<Row> rows(long studyId, String name) {
        return jdbc.sql(
                        """
                        SELECT client_id, observed_on, value FROM study_outcome
                        WHERE study_id = ? AND name = ? ORDER BY client_id, observed_on""")
                .params(studyId, name)
                .query((rs, row) ->
                        new Row(rs.getLong(1), rs.getString(2), rs.getString(3) == null ? "" : rs.getString(3)))
                .list();
    }

    /** The values of one outcome by client: the earliest dated row of each client (missing values left out). */
    Map<Long, String> outcome(long studyId, String name) {
        Map<Long, String> values = new HashMap<>();
        jdbc.sql(
                        """
                        SELECT client_id, value FROM study_outcome
                        WHERE study_id = ? AND name = ? AND value IS NOT NULL
                        ORDER BY client_id, observed_on""")
                .params(studyId, name)
                .query(rs -> {
                    values.putIfAbsent(rs.getLong(1), rs.getString(2));
                });
        return values;
    }

    /** Every covariate by client. */
    Map<Long, Map<String, String>> covariates(long studyId) {
        Map<Long, Map<String, String>> values = new HashMap<>();
        jdbc.sql("SELECT client_id, name, value FROM study_covariate WHERE study_id = ?")
                .param(studyId)
                .query(rs -> {
                    values.computeIfAbsent(rs.getLong(1), c -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        return values;
    }
}
