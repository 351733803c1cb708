package org.alliance.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliance.app.cli.ExitCodes;
import org.springframework.boot.SpringApplication;
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

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(springArguments);
        args.add("--spring.profiles.active=demo");
        ConfigurableApplicationContext context =
                SpringApplication.run(AllianceApplication.class, args.toArray(String[]::new));
        AllianceCommand.markServerStarted();
        String port = context.getEnvironment().getProperty("local.server.port", "8080");
        System.out.println();
        System.out.println("Alliance demo is running at http://localhost:" + port + "/");
        System.out.println("Stop it with Ctrl+C.");
        return ExitCodes.OK;
    }
}
