package org.alliance.app.cli.observe;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code alliance observe …}: statistics, transitions, patterns, agreement and conversion of coded events. */
@Command(
        name = "observe",
        mixinStandardHelpOptions = true,
        description = "Analyse coded observations (.eaf from ELAN, .boris from BORIS, or our .csv).",
        subcommands = {
            StatsCommand.class,
            TransitionsCommand.class,
            PatternCommand.class,
            ObserverAgreementCommand.class,
            ConvertCommand.class
        })
public final class ObserveCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
