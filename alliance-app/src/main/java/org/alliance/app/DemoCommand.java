package org.alliance.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliance.app.cli.ExitCodes;
import org.alliance.app.demo.DemoSeeder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** Demo mode: the web application on a separate demo database filled with generated data. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start the web application on a demo database with generated data,",
            "and print the address and the demo logins."
        })
final class DemoCommand implements Callable<Integer> {

    @Unmatched
    List<String> springArguments = new ArrayList<>();

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
        deleteDemoDatabase();
        List<String> args = new ArrayList<>(springArguments);
        args.add("--spring.profiles.active=demo");
        ConfigurableApplicationContext context = WebServer.start(args.toArray(String[]::new));
        AllianceCommand.markServerStarted();
        String port = context.getEnvironment().getProperty("local.server.port", "8080");
        System.out.println();
        System.out.println("Alliance demo is running at http://localhost:" + port + "/");
        System.out.println("Demo logins (password '" + DemoSeeder.PASSWORD + "' for every account; demo only):");
        for (DemoSeeder.DemoLogin login : context.getBean(DemoSeeder.class).logins()) {
            System.out.printf("  %-10s %-13s %s%n", login.username(), login.role(), login.team());
        }
        System.out.println("The start page explains what to try. Stop the demo with Ctrl+C.");
        return ExitCodes.OK;
    }
}
