package org.alliance.app.cli;

/**
 * Entry point of the executable jar. Command-line tools run without starting Spring; only {@code
 * serve} and {@code demo} boot the web application.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int exitCode = AllianceCommand.commandLine(args).execute(args);
        if (exitCode != 0 || !AllianceCommand.serverStarted()) {
            System.exit(exitCode);
        }
    }
}
