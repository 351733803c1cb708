package org.alliance.app.cli.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliance.app.cli.AllianceCommand;
import org.alliance.app.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** Production mode: the web application on the configured database. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Start the web application (production mode).",
            "The port is set the Spring way: SERVER_PORT or --server.port (default 8080)."
        })
public final class ServeCommand implements Callable<Integer> {

    @Option(
            names = "--db-url",
            paramLabel = "JDBC_URL",
            description = "Database, e.g. jdbc:postgresql://host/alliance (default: SQLite in ./data/alliance.db).")
    String databaseUrl;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(springArguments);
        if (databaseUrl != null) {
            args.add("--spring.datasource.url=" + databaseUrl);
        }
        WebServer.start(args.toArray(String[]::new));
        AllianceCommand.markServerStarted();
        return ExitCodes.OK;
    }
}
