package org.alliance.app;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server for tests. Uses {@code ALLIANCE_TEST_PG_URL} when set (a JDBC URL with user and password);
 * otherwise starts a throwaway cluster from the Debian binaries in a temporary folder (as the {@code postgres}
 * OS user when running as root, since PostgreSQL refuses to run as root) and stops it when the JVM exits.
 *
 * <p>If no server can be had, tests fail with a clear message on CI ({@code CI=true}) and are skipped locally.
 */
public final class TestPostgres {

    private static String baseUrl;
    private static String failure;

    private TestPostgres() {}

    /** A fresh, empty database on the test server. */
    public static synchronized DataSource newDatabase() {
        String url = server();
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + url, e);
        }
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
        dataSource.setMaximumPoolSize(4);
        // Test databases are many and are never closed: idle connections go back to the server after 10 s.
        dataSource.setMinimumIdle(0);
        dataSource.setIdleTimeout(10_000);
        return dataSource;
    }

    /** A fresh, empty database on the test server, as a JDBC URL (for tests that start whole applications). */
    public static String newDatabaseUrl() {
        try (HikariDataSource dataSource = (HikariDataSource) newDatabase()) {
            return dataSource.getJdbcUrl();
        }
    }

    private static String server() {
        if (baseUrl != null) {
            return baseUrl;
        }
        if (failure == null) {
            try {
                String external = System.getenv("ALLIANCE_TEST_PG_URL");
                baseUrl = external != null && !external.isBlank() ? external : startCluster();
                return baseUrl;
            } catch (Exception e) {
                failure = "PostgreSQL for the persistence tests could not be started: " + e.getMessage()
                        + ". Install Debian's postgresql package (as .ci/run does) or set ALLIANCE_TEST_PG_URL.";
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(failure);
        }
        Assumptions.abort(failure);
        throw new AssertionError("unreachable");
    }

    private static String startCluster() throws IOException, InterruptedException {
        Path bin = findBinaries();
        Path folder = Files.createTempDirectory("alliance-pg-");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "-R", "postgres", folder.toString()), false);
        }
        Path data = folder.resolve("data");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        run(
                List.of(
                        bin.resolve("initdb").toString(),
                        "-D",
                        data.toString(),
                        "-U",
                        "alliance",
                        "-A",
                        "trust",
                        "-E",
                        "UTF8",
                        "--no-sync"),
                root);
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        data.toString(),
                        "-l",
                        folder.resolve("server.log").toString(),
                        "-o",
                        "-p " + port + " -k " + folder
                                + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400",
                        "-w",
                        "start"),
                root);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"), root);
                run(List.of("rm", "-rf", folder.toString()), false);
            } catch (Exception ignored) {
                // The JVM is exiting; a leftover temporary folder is harmless.
            }
        }));
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=alliance";
    }

    private static Path findBinaries() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (var versions = Files.list(debian)) {
                List<Path> found = new ArrayList<>(versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .sorted()
                        .toList());
                if (!found.isEmpty()) {
                    return found.get(found.size() - 1);
                }
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "initdb"))) {
                return Path.of(dir);
            }
        }
        throw new IOException("no initdb found in /usr/lib/postgresql/*/bin or on the PATH");
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
    }
}
