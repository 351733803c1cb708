package org.alliance.app;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.alliance.app.system.Migrations;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fresh databases with every migration applied, for the persistence tests that run on both vendors: a SQLite file
 * (WAL, IMMEDIATE transactions, a pool of four, as the application opens it) or a throwaway PostgreSQL database
 * ({@link TestPostgres}). Use {@code @MethodSource("org.alliance.app.TestDatabases#vendors")} and close the SQLite
 * pools with {@link #closeAll()} in {@code @AfterAll}.
 */
public final class TestDatabases {

    private static final List<HikariDataSource> OPENED = new ArrayList<>();

    private TestDatabases() {}

    /** The database vendors every persistence test runs on. */
    public static Stream<String> vendors() {
        return Stream.of("sqlite", "postgresql");
    }

    /** A new, empty, migrated database; a SQLite file goes into {@code folder}. */
    public static DataSource migrated(String vendor, Path folder) {
        DataSource dataSource = empty(vendor, folder);
        Migrations.configure(Flyway.configure().dataSource(dataSource), vendor(vendor))
                .load()
                .migrate();
        return dataSource;
    }

    /** A migrated database with one organisation, team, professional ({@code p}), client ({@code Kim}) and meeting. */
    public record Seeded(
            DataSource dataSource,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            long organisation,
            long team,
            long professional,
            long client,
            long meeting) {}

    /** {@link #migrated} with the smallest world the persistence tests build on; the meeting on this date. */
    public static Seeded seeded(String vendor, Path folder, java.time.LocalDate meetingDate) {
        DataSource dataSource = migrated(vendor, folder);
        var jdbc = JdbcClient.create(dataSource);
        long organisation = organisation(jdbc);
        long team = team(jdbc, organisation, "T");
        long professional = user(jdbc, organisation, team, "p", "P", "PROFESSIONAL");
        long client = jdbc.sql(
                        """
                        INSERT INTO client (organisation_id, team_id, professional_id, alias, internal_id, created_at)
                        VALUES (?, ?, ?, 'Kim', 'K1', 0) RETURNING id""")
                .params(organisation, team, professional)
                .query(Long.class)
                .single();
        long meeting = jdbc.sql(
                        """
                        INSERT INTO meeting (client_id, professional_id, meeting_date, kind, created_at)
                        VALUES (?, ?, ?, 'REGULAR', 0) RETURNING id""")
                .params(client, professional, meetingDate.toString())
                .query(Long.class)
                .single();
        return new Seeded(dataSource, jdbc, organisation, team, professional, client, meeting);
    }

    /** A new organisation named {@code Test}; its id. */
    public static long organisation(JdbcClient jdbc) {
        return jdbc.sql("INSERT INTO organisation (name, created_at) VALUES ('Test', 0) RETURNING id")
                .query(Long.class)
                .single();
    }

    /** A new team of the organisation; its id. */
    public static long team(JdbcClient jdbc, long organisation, String name) {
        return jdbc.sql("INSERT INTO team (organisation_id, name) VALUES (?, ?) RETURNING id")
                .params(organisation, name)
                .query(Long.class)
                .single();
    }

    /** A new enabled account of the team with a role such as {@code PROFESSIONAL}; its id. */
    public static long user(
            JdbcClient jdbc, long organisation, long team, String username, String displayName, String role) {
        return jdbc.sql(
                        """
                        INSERT INTO app_user (organisation_id, team_id, username, display_name, password_hash, role,
                                              enabled, created_at)
                        VALUES (?, ?, ?, ?, '{noop}x', ?, TRUE, 0) RETURNING id""")
                .params(organisation, team, username, displayName, role)
                .query(Long.class)
                .single();
    }

    /** A new database without any table; a SQLite file goes into {@code folder}. */
    public static DataSource empty(String vendor, Path folder) {
        return switch (vendor) {
            case "sqlite" -> sqlite(folder);
            case "postgresql" -> TestPostgres.newDatabase();
            default -> throw new IllegalArgumentException("unknown database vendor " + vendor);
        };
    }

    /** The migration vendor of a test vendor name. */
    public static Migrations.Vendor vendor(String vendor) {
        return Migrations.Vendor.valueOf(vendor.toUpperCase(java.util.Locale.ROOT));
    }

    /** Closes the SQLite pools opened so far. */
    public static synchronized void closeAll() {
        OPENED.forEach(HikariDataSource::close);
        OPENED.clear();
    }

    private static synchronized DataSource sqlite(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HikariDataSource sqlite = new HikariDataSource();
        sqlite.setJdbcUrl("jdbc:sqlite:" + folder.resolve(UUID.randomUUID() + ".db")
                + "?journal_mode=WAL&busy_timeout=10000&foreign_keys=true&transaction_mode=IMMEDIATE");
        sqlite.setMaximumPoolSize(4);
        OPENED.add(sqlite);
        return sqlite;
    }
}
