package org.alliance.app.cli.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliance.app.cli.AllianceCommand;
import org.alliance.app.cli.ExitCodes;
import org.alliance.app.demo.DemoSeeder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** Demo mode: the web application on a separate demo database filled with generated data. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start the web application on a demo database with generated data,",
            "and print the address and the demo logins."
        })
public final class DemoCommand implements Callable<Integer> {

    /** The demo's own SQLite file (application-demo.properties); the only database the demo ever deletes. */
    static final String DEMO_DATABASE = "jdbc:sqlite:./data/demo.db";

    @Option(
            names = "--db-url",
            paramLabel = "JDBC_URL",
            description = {
                "Database for the demo, e.g. jdbc:postgresql://host/alliance_demo (default: SQLite in ./data/demo.db,",
                "recreated on every start). Another database is used as it is: demo data is added only when it is empty."
            })
    String databaseUrl;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    /**
     * Deletes the demo's own SQLite file before the start, and nothing else: the database is decided once the
     * configuration is complete (--db-url, --spring.datasource.url, SPRING_DATASOURCE_URL, properties), so a demo
     * told to use PostgreSQL or another file never deletes {@code data/demo.db}.
     */
    static final class FreshDemoDatabase implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        private volatile boolean deleted;

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            String url = event.getEnvironment().getProperty("spring.datasource.url", "");
            if (isDemoDatabase(url)) {
                deleteDemoDatabase();
                deleted = true;
            }
        }

        @Override
        public int getOrder() {
            // After Spring Boot has read the configuration files, before the database check opens the database.
            return Ordered.LOWEST_PRECEDENCE - 1;
        }

        boolean deleted() {
            return deleted;
        }
    }

    static boolean isDemoDatabase(String url) {
        return url.equals(DEMO_DATABASE) || url.startsWith(DEMO_DATABASE + "?");
    }

    /** The demo starts from scratch every time: a fresh database, filled by the seeder. */
    static void deleteDemoDatabase() {
        for (String suffix : List.of("", "-wal", "-shm")) {
            try {
                Files.deleteIfExists(Path.of("data", "demo.db" + suffix));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the old demo database data/demo.db" + suffix, e);
            }
        }
    }

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(springArguments);
        args.add("--spring.profiles.active=demo");
        if (databaseUrl != null) {
            args.add("--spring.datasource.url=" + databaseUrl);
        }
        FreshDemoDatabase fresh = new FreshDemoDatabase();
        ConfigurableApplicationContext context = WebServer.start(fresh, args.toArray(String[]::new));
        AllianceCommand.markServerStarted();
        String port = context.getEnvironment().getProperty("local.server.port", "8080");
        System.out.println();
        System.out.println("Alliance demo is running at http://localhost:" + port + "/");
        System.out.println("Demo logins (password '" + DemoSeeder.PASSWORD + "' for every account; demo only):");
        for (DemoSeeder.DemoLogin login : context.getBean(DemoSeeder.class).logins()) {
            System.out.printf("  %-10s %-13s %s%n", login.username(), login.role(), login.team());
        }
        if (!fresh.deleted()) {
            System.out.println(
                    "The demo uses the database you gave as it is: demo data was added only if it was empty.");
        }
        System.out.println("The start page explains what to try. Stop the demo with Ctrl+C.");
        return ExitCodes.OK;
    }
}
