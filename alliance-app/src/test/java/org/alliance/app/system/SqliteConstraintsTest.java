package org.alliance.app.system;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.alliance.app.AllianceWebTest;
import org.alliance.app.DatabaseTest;
import org.alliance.app.TestDatabases;
import org.alliance.app.TestWorld;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

/**
 * A violated constraint is the same Spring exception on SQLite as on PostgreSQL: UNIQUE and PRIMARY KEY a
 * {@link DuplicateKeyException}, others (FOREIGN KEY, NOT NULL) a {@link DataIntegrityViolationException} that is
 * not a duplicate key. Before {@link SqliteConstraints}, SQLite's gave an uncategorised error and each store
 * recognised SQLite's code 19 by itself (ShedLock's locks, the retention claim).
 */
class SqliteConstraintsTest extends DatabaseTest {

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void constraintViolationsAreTheSameExceptionsOnBothDatabases(String vendor) {
        TestDatabases.Seeded seeded = TestDatabases.seeded(vendor, folder, LocalDate.of(2026, 3, 2));
        JdbcClient jdbc = SqliteConstraints.jdbcClient(seeded.dataSource());
        // UNIQUE (organisation_id, internal_id): a second client with the reference K1.
        assertThatThrownBy(() -> jdbc.sql(
                                """
                                INSERT INTO client (organisation_id, team_id, professional_id, alias, internal_id,
                                                    created_at)
                                VALUES (?, ?, ?, 'Kim again', 'K1', 0)""")
                        .params(seeded.organisation(), seeded.team(), seeded.professional())
                        .update())
                .isInstanceOf(DuplicateKeyException.class);
        // PRIMARY KEY (organisation_id, run_date): a second claim of the day's retention run.
        String claim = "INSERT INTO retention_run (organisation_id, run_date, started_at) VALUES (?, '2026-06-15', 0)";
        jdbc.sql(claim).param(seeded.organisation()).update();
        assertThatThrownBy(() -> jdbc.sql(claim).param(seeded.organisation()).update())
                .isInstanceOf(DuplicateKeyException.class);
        // FOREIGN KEY: a meeting of a client that does not exist.
        assertThatThrownBy(() -> jdbc.sql(
                                """
                                INSERT INTO meeting (client_id, professional_id, meeting_date, kind, created_at)
                                VALUES (987654321, ?, '2026-06-15', 'REGULAR', 0)""")
                        .param(seeded.professional())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .isNotInstanceOf(DuplicateKeyException.class);
        // NOT NULL: a client without an alias.
        assertThatThrownBy(() -> jdbc.sql(
                                """
                                INSERT INTO client (organisation_id, team_id, professional_id, alias, internal_id,
                                                    created_at)
                                VALUES (?, ?, ?, NULL, 'K2', 0)""")
                        .params(seeded.organisation(), seeded.team(), seeded.professional())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .isNotInstanceOf(DuplicateKeyException.class);
    }

    /** The application's own {@code JdbcClient} (SQLite in the web tests) translates without being asked. */
    @Nested
    @AllianceWebTest
    class TheApplicationsJdbcClient {

        @Autowired
        WebApplicationContext context;

        @Autowired
        JdbcClient jdbc;

        @Test
        void reportsAUniqueViolationAsADuplicateKey() {
            TestWorld world = new TestWorld(context);
            assertThatThrownBy(() -> jdbc.sql(
                                    """
                                    INSERT INTO client (organisation_id, team_id, professional_id, alias, internal_id,
                                                        created_at)
                                    VALUES (?, ?, ?, 'Kim again', ?, 0)""")
                            .params(world.organisation, world.team, world.professional.id(), "K-" + world.suffix)
                            .update())
                    .isInstanceOf(DuplicateKeyException.class);
        }
    }
}
