package org.alliance.app.cli.statistics;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --factor} option of regress and mixed, written once and mixed into both ({@code @Mixin Factors
 * factors}). Each command checks the columns against its own formula.
 */
final class Factors {

    @Option(
            names = "--factor",
            split = ",",
            paramLabel = "COLUMN",
            description = "Treat these numeric fixed-effect predictors as categorical (like factor(x) in R).")
    List<String> columns = new ArrayList<>();

    /** The columns as given, in order. */
    List<String> columns() {
        return columns;
    }

    boolean contains(String column) {
        return columns.contains(column);
    }
}
