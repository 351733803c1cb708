package org.alliance.app.expectations;

import org.alliance.core.expectations.RevisitMoment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The organisation's revisit moment (administrator setting); {@link RevisitMoment#DEFAULT} until one is saved. */
@Repository
class ExpectationSettings {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ExpectationSettings(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    RevisitMoment of(long organisationId) {
        return jdbc.sql("SELECT revisit_kind, revisit_number FROM expectation_setting WHERE organisation_id = ?")
                .param(organisationId)
                .query((rs, row) -> new RevisitMoment(RevisitMoment.Kind.valueOf(rs.getString(1)), rs.getInt(2)))
                .optional()
                .orElse(RevisitMoment.DEFAULT);
    }

    void save(long organisationId, RevisitMoment moment) {
        transactions.executeWithoutResult(status -> {
            int updated = jdbc.sql(
                            "UPDATE expectation_setting SET revisit_kind = ?, revisit_number = ? WHERE organisation_id = ?")
                    .params(moment.kind().name(), moment.number(), organisationId)
                    .update();
            if (updated == 0) {
                jdbc.sql(
                                """
                                INSERT INTO expectation_setting (organisation_id, revisit_kind, revisit_number)
                                VALUES (?, ?, ?)""")
                        .params(organisationId, moment.kind().name(), moment.number())
                        .update();
            }
        });
    }
}
