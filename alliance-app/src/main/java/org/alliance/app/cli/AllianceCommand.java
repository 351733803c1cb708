package org.alliance.app.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import org.alliance.app.cli.demo.GenerateCommand;
import org.alliance.app.cli.instrument.InstrumentCommand;
import org.alliance.app.cli.instrument.ScoreCommand;
import org.alliance.app.cli.observe.AgreementCommand;
import org.alliance.app.cli.observe.ObserveCommand;
import org.alliance.app.cli.server.DemoCommand;
import org.alliance.app.cli.server.ServeCommand;
import org.alliance.app.cli.statistics.CfaCommand;
import org.alliance.app.cli.statistics.CorrelateCommand;
import org.alliance.app.cli.statistics.MixedCommand;
import org.alliance.app.cli.statistics.RegressCommand;
import org.alliance.app.cli.statistics.ReliabilityCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code alliance} command: every subcommand is listed by {@code alliance --help}. */
@Command(
        name = "alliance",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Measure and strengthen the working alliance between professionals and clients.",
        subcommands = {
            ServeCommand.class,
            DemoCommand.class,
            InstrumentCommand.class,
            ScoreCommand.class,
            GenerateCommand.class,
            ReliabilityCommand.class,
            CorrelateCommand.class,
            RegressCommand.class,
            CfaCommand.class,
            MixedCommand.class,
            ObserveCommand.class,
            AgreementCommand.class,
            CommandLine.HelpCommand.class
        })
public final class AllianceCommand implements Runnable {

    private static final AtomicBoolean SERVER_STARTED = new AtomicBoolean();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line with the project's conventions: exit 2 for bad input, messages without stack traces. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new AllianceCommand());
        cl.setExitCodeExceptionMapper(ExitCodes::forException);
        cl.setExecutionExceptionHandler(ExitCodes::handleExecutionException);
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.BAD_INPUT);
        return cl;
    }

    public static void markServerStarted() {
        SERVER_STARTED.set(true);
    }

    /** True once a command has started the web server, which keeps the JVM alive after main returns. */
    public static boolean serverStarted() {
        return SERVER_STARTED.get();
    }
}
