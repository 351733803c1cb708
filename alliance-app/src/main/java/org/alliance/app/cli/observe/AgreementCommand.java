package org.alliance.app.cli.observe;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code alliance agreement …}: agreement between coders on a data table. */
@Command(
        name = "agreement",
        mixinStandardHelpOptions = true,
        description = "Agreement between coders on a table of units by coders.",
        subcommands = {AlphaCommand.class})
public final class AgreementCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
