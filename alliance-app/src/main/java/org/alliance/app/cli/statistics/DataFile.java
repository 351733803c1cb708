package org.alliance.app.cli.statistics;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.alliance.app.cli.CsvInputOptions;
import org.alliance.core.data.DataTable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The data set a statistics command reads, as one picocli mixin: the file (the first positional parameter,
 * DATA.csv), how to read it ({@link CsvInputOptions}) and where the command writes. Every statistics command mixes
 * it in, so they all read their data the same way and report the same notes and errors.
 */
public final class DataFile {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Mixin
    CsvInputOptions csv = new CsvInputOptions();

    @Parameters(
            index = "0",
            paramLabel = "DATA.csv",
            description = "CSV file with a header row, one row per case (empty cells and NA are missing).")
    Path path;

    /** The data, read as the options say; a problem with the file is an exit-code-2 error that says what to fix. */
    DataTable read() {
        return StatisticsOutput.read(path, csv, err());
    }

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    PrintWriter err() {
        return command.commandLine().getErr();
    }
}
