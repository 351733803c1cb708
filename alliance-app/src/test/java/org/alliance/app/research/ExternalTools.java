package org.alliance.app.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The researchers' tools the export is checked with (GNU PSPP, R). As with Chromium and PostgreSQL: a test fails on
 * CI ({@code CI=true}, where {@code .ci/run} installs them) and is skipped locally when a tool is missing.
 */
public final class ExternalTools {

    private ExternalTools() {}

    /** The tool's path; skips the test (fails it on CI) when it is not installed. */
    public static String require(String tool, String debianPackage) {
        for (String folder : List.of("/usr/bin", "/usr/local/bin")) {
            Path path = Path.of(folder, tool);
            if (Files.isExecutable(path)) {
                return path.toString();
            }
        }
        String message = tool + " is missing: install Debian's " + debianPackage + " package (as .ci/run does)";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(message);
        }
        Assumptions.abort(message);
        throw new AssertionError("not reached");
    }

    /** Runs the command in the folder and returns what it printed (standard output and error together). */
    public static String run(Path folder, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .directory(folder.toFile())
                .redirectErrorStream(true);
        // A UTF-8 locale that exists on every Debian system, so the tools print labels as they are.
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        // A guard against a hanging tool, not a speed check: PSPP and R answer in about a second.
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + text);
        }
        return text;
    }

    /** The files of an export written into the folder, as a researcher unpacks the zip. */
    public static void unpack(Path folder, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }

    /**
     * GNU PSPP's output for the export's syntax file followed by {@code commands} (e.g. DISPLAY DICTIONARY, LIST), run
     * as {@code check.sps} in the folder the export was unpacked into, at 250 columns so no table is wrapped. Fails the
     * test when PSPP reports an error or a warning: every export's syntax must read cleanly.
     */
    public static String pspp(Path folder, String syntaxFile, String commands)
            throws IOException, InterruptedException {
        String pspp = require("pspp", "pspp");
        Files.writeString(
                folder.resolve("check.sps"),
                Files.readString(folder.resolve(syntaxFile), StandardCharsets.UTF_8) + commands,
                StandardCharsets.UTF_8);
        String output = run(folder, pspp, "-O", "width=250", "check.sps");
        assertThat(output)
                .as("PSPP on " + syntaxFile)
                .doesNotContainIgnoringCase("error")
                .doesNotContainIgnoringCase("warning");
        return output;
    }

    /** What Rscript prints for {@code script}, run as {@code check.R} in the folder the export was unpacked into. */
    public static String rscript(Path folder, String script) throws IOException, InterruptedException {
        String rscript = require("Rscript", "r-base-core");
        Files.writeString(folder.resolve("check.R"), script, StandardCharsets.UTF_8);
        return run(folder, rscript, "check.R");
    }

    /** The figures an R script printed as {@code name=value} lines whose name matches {@code names}. */
    static Map<String, Double> printed(String output, String names) {
        Map<String, Double> printed = new java.util.HashMap<>();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches(names)) {
                printed.put(
                        line.substring(0, eq),
                        Double.parseDouble(line.substring(eq + 1).strip()));
            }
        }
        return printed;
    }

    /**
     * A report's figures that R printed otherwise (beyond {@code tolerance} relative, at least 1 absolute scale) or not
     * at all, each as "name: Alliance x, R y"; empty when R reproduces every figure.
     */
    static List<String> differences(Map<String, Double> figures, Map<String, Double> printed, double tolerance) {
        List<String> wrong = new ArrayList<>();
        figures.forEach((name, value) -> {
            Double r = printed.get(name);
            if (r == null || Math.abs(r - value) > tolerance * Math.max(1, Math.abs(value))) {
                wrong.add(name + ": Alliance " + value + ", R " + r);
            }
        });
        return wrong;
    }
}
