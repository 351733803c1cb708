package org.alliance.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Exit codes of every command: 0 done, 1 failure, 2 bad input from the user. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    private ExitCodes() {}

    public static int forException(Throwable exception) {
        return exception instanceof UserInputException || exception instanceof CommandLine.ParameterException
                ? BAD_INPUT
                : FAILURE;
    }

    public static int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        if (exception instanceof UserInputException userError) {
            commandLine.getErr().println("error: " + userError.getMessage());
            return BAD_INPUT;
        }
        commandLine.getErr().println("error: " + exception.getMessage());
        if (System.getenv("ALLIANCE_DEBUG") != null) {
            exception.printStackTrace(commandLine.getErr());
        }
        return FAILURE;
    }
}
