package org.alliance.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.alliance.app.DatabaseTest;
import org.alliance.app.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one migration set on both databases, and databases migrated by the former per-vendor scripts (kept as they
 * were, rebuilt from the merged ones by {@link #oldScripts} and proved identical by their recorded checksums): they
 * start on the merged set with their data, while a
 * checksum that is not a known old one still stops the start.
 */
class MigrationsTest extends DatabaseTest {

    private static Flyway merged(DataSource dataSource, String vendor) {
        return Migrations.configure(Flyway.configure().dataSource(dataSource), TestDatabases.vendor(vendor))
                .load();
    }

    private static DataSource migratedByOldScripts(String vendor) {
        DataSource dataSource = TestDatabases.empty(vendor, folder);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("filesystem:" + oldScripts(vendor))
                .load()
                .migrate();
        JdbcClient.create(dataSource)
                .sql("INSERT INTO organisation (name, created_at) VALUES ('Kept organisation', 0)")
                .update();
        return dataSource;
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void theMergedScriptsBuildTheSameTablesAsTheOldOnes(String vendor) {
        // Up to V9, the last version the per-vendor folders had.
        DataSource fresh = TestDatabases.empty(vendor, folder);
        Migrations.configure(Flyway.configure().dataSource(fresh).target("9"), TestDatabases.vendor(vendor))
                .load()
                .migrate();
        DataSource old = migratedByOldScripts(vendor);
        assertThat(columns(fresh, vendor)).isNotEmpty().isEqualTo(columns(old, vendor));
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void aDatabaseOfTheOldScriptsStartsOnTheMergedOnesWithItsData(String vendor) {
        DataSource dataSource = migratedByOldScripts(vendor);
        Flyway flyway = merged(dataSource, vendor);

        List<String> adopted = Migrations.adoptMergedScripts(flyway, TestDatabases.vendor(vendor));
        assertThat(adopted).containsExactly("1", "3", "4", "6");
        flyway.migrate();
        flyway.validate();

        for (MigrationInfo info : flyway.info().applied()) {
            assertThat(info.getAppliedChecksum())
                    .as("version " + info.getVersion())
                    .isEqualTo(info.getResolvedChecksum());
        }
        assertThat(JdbcClient.create(dataSource)
                        .sql("SELECT name FROM organisation")
                        .query(String.class)
                        .list())
                .containsExactly("Kept organisation");
        // A second start has nothing left to take over.
        assertThat(Migrations.adoptMergedScripts(merged(dataSource, vendor), TestDatabases.vendor(vendor)))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void aScriptChangedAfterItWasAppliedStillStopsTheStart(String vendor) {
        DataSource dataSource = migratedByOldScripts(vendor);
        // As if V3 had been edited after it ran: its stored checksum is neither the old nor the merged script's.
        JdbcClient.create(dataSource)
                .sql("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '3'")
                .update();

        assertThatThrownBy(() -> Migrations.migrate(merged(dataSource, vendor), TestDatabases.vendor(vendor)))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("3");
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void oldChecksumsOfTheOtherVendorAreNotTakenOver(String vendor) {
        DataSource dataSource = migratedByOldScripts(vendor);
        String other = vendor.equals("sqlite") ? "postgresql" : "sqlite";
        assertThat(Migrations.adoptMergedScripts(merged(dataSource, vendor), TestDatabases.vendor(other)))
                .isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theServerStartsOnAnOldSqliteDatabase() {
        Path file = folder.resolve("old-server.db");
        String url = "jdbc:sqlite:" + file + "?foreign_keys=true";
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("filesystem:" + oldScripts("sqlite"))
                .load()
                .migrate();
        try (org.springframework.context.ConfigurableApplicationContext server =
                new org.springframework.boot.builder.SpringApplicationBuilder(
                                org.alliance.app.AllianceApplication.class)
                        .run("--server.port=0", "--spring.datasource.url=" + url, "--logging.level.root=warn")) {
            JdbcClient jdbc = JdbcClient.create(server.getBean(DataSource.class));
            assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE checksum IN (18773540, -1531058468)")
                            .query(Integer.class)
                            .single())
                    .isZero();
            // The eight old versions plus the ones added since (V10 sessions, ...), nothing left pending.
            Flyway flyway = server.getBean(Flyway.class);
            assertThat(flyway.info().pending()).isEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(flyway.info().all().length)
                    .isGreaterThan(8);
        }
    }

    private static final String OLD_V1_HEADER =
            "-- Alliance schema, version 1. The SQLite and PostgreSQL files differ only in the id column type (%s).";

    /**
     * The former per-vendor scripts (V1 to V9), rebuilt from the merged ones: the placeholder spelled out as the
     * vendor's folder did, and V1's former first comment line. {@link #theRebuiltOldScriptsAreTheOldScripts} proves
     * them identical to the released ones by the checksums Flyway recorded for those.
     */
    static Path oldScripts(String vendor) {
        Path target = folder.resolve("old-" + vendor);
        try {
            java.nio.file.Files.createDirectories(target);
            String id = TestDatabases.vendor(vendor).placeholders().get("id_column");
            try (var scripts = java.nio.file.Files.list(Path.of("src/main/resources/db/schema"))) {
                for (Path script : scripts.toList()) {
                    String name = script.getFileName().toString();
                    int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
                    if (version > 9) {
                        continue;
                    }
                    String text = java.nio.file.Files.readString(script);
                    if (version == 1) {
                        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
                        lines.subList(0, 3).clear();
                        lines.add(0, String.format(OLD_V1_HEADER, id));
                        text = String.join("\n", lines);
                    }
                    java.nio.file.Files.writeString(target.resolve(name), text.replace("${id_column}", id));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return target.toAbsolutePath();
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void theRebuiltOldScriptsAreTheOldScripts(String vendor) {
        Migrations.Vendor v = TestDatabases.vendor(vendor);
        Flyway old = Flyway.configure()
                .dataSource("jdbc:sqlite:" + folder.resolve("checksums-" + vendor + ".db"), null, null)
                .locations("filesystem:" + oldScripts(vendor))
                .load();
        int checked = 0;
        for (MigrationInfo info : old.info().all()) {
            Integer recorded = v.oldChecksum(info.getVersion().getVersion());
            if (recorded != null) {
                assertThat(info.getChecksum()).as("V" + info.getVersion()).isEqualTo(recorded);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(4);
        assertThat(old.info().all()).hasSize(8);
    }

    private static List<String> columns(DataSource dataSource, String vendor) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        if (vendor.equals("sqlite")) {
            return jdbc.sql(
                            "SELECT m.name || '.' || p.name || ' ' || p.type FROM sqlite_master m, pragma_table_info(m.name) p"
                                    + " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY 1")
                    .query(String.class)
                    .list();
        }
        return jdbc.sql("SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns"
                        + " WHERE table_schema = current_schema() ORDER BY 1")
                .query(String.class)
                .list();
    }
}
