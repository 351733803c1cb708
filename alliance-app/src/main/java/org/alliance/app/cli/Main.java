package org.alliance.app.cli;

import java.util.Locale;

/**
 * Entry point of the executable jar. Command-line tools run without starting Spring; only {@code
 * serve} and {@code demo} boot the web application.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = AllianceCommand.commandLine(args).execute(args);
        } catch (OutOfMemoryError e) {
            // The data did not fit: say so and how to give more, instead of the JVM's stack trace.
            System.err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
            exitCode = ExitCodes.FAILURE;
        }
        if (exitCode != 0 || !AllianceCommand.serverStarted()) {
            System.exit(exitCode);
        }
    }

    /** What a command says when its data did not fit in the heap of {@code maxHeapBytes}. */
    static String outOfMemory(long maxHeapBytes) {
        long megabytes = maxHeapBytes / (1024 * 1024);
        long suggested = Math.max(1, (megabytes * 2 + 1023) / 1024);
        return String.format(
                Locale.ROOT,
                "error: not enough memory: the data and the model did not fit in the Java heap of %d MB. Run the"
                        + " command again with a larger heap, e.g. ALLIANCE_XMX=%dg ./alliance ... (the machine's free"
                        + " memory is the limit), or with fewer rows or columns.",
                megabytes,
                suggested);
    }
}
