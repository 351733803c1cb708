package org.alliance.app.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
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
        description = "Measure and strengthen the working alliance between professionals and clients.")
public final class AllianceCommand implements Runnable {

    private static final AtomicBoolean SERVER_STARTED = new AtomicBoolean();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Every subcommand by name, in the order {@code alliance --help} lists them. Made only when needed: picocli reads
     * a command's annotations (options, mixins) when it is registered, which for all of them took about a third of a
     * short command's CPU time; {@link #commandLine(String...)} registers only the one that is called.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("serve", ServeCommand::new);
        commands.put("demo", DemoCommand::new);
        commands.put("instrument", InstrumentCommand::new);
        commands.put("score", ScoreCommand::new);
        commands.put("generate", GenerateCommand::new);
        commands.put("reliability", ReliabilityCommand::new);
        commands.put("correlate", CorrelateCommand::new);
        commands.put("regress", RegressCommand::new);
        commands.put("cfa", CfaCommand::new);
        commands.put("mixed", MixedCommand::new);
        commands.put("observe", ObserveCommand::new);
        commands.put("agreement", AgreementCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    /** A command line with every subcommand and the project's conventions (see {@link #commandLine(String...)}). */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS.keySet());
    }

    /**
     * The command line for these arguments: when the first names a subcommand, the root with only that one (it
     * parses and runs as with all of them); otherwise ({@code --help}, {@code help}, no or an unknown command) with
     * every subcommand, so that usage, help and suggestions list them all. Exit 2 for bad input, messages without
     * stack traces.
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("help")) {
            return commandLine(Set.of(args[0]));
        }
        return commandLine();
    }

    private static CommandLine commandLine(Set<String> names) {
        CommandLine cl = new CommandLine(new AllianceCommand());
        SUBCOMMANDS.forEach((name, command) -> {
            if (names.contains(name)) {
                cl.addSubcommand(command.get());
            }
        });
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
