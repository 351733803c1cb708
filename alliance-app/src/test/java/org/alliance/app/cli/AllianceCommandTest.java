package org.alliance.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AllianceCommandTest {

    /** Every command a user can call, written out: a command dropped from the root command fails here. */
    private static final Set<String> COMMANDS = Set.of(
            "serve",
            "demo",
            "instrument",
            "score",
            "generate",
            "reliability",
            "correlate",
            "regress",
            "cfa",
            "mixed",
            "observe",
            "agreement",
            "help");

    @Test
    void helpListsEveryCommand() {
        CommandRun run = CommandRun.run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("serve", "demo", "instrument", "score", "generate");
        Set<String> registered = AllianceCommand.commandLine().getSubcommands().keySet();
        assertThat(registered).containsExactlyInAnyOrderElementsOf(COMMANDS);
        for (String name : registered) {
            assertThat(run.out().lines())
                    .as("alliance --help lists %s", name)
                    .anyMatch(line -> line.strip().equals(name) || line.strip().startsWith(name + " "));
        }
    }

    @Test
    void aCommandLineForOneCommandHoldsOnlyThatCommandAndOneForAnythingElseHoldsThemAll() {
        for (String name : COMMANDS) {
            Set<String> registered =
                    AllianceCommand.commandLine(name, "--help").getSubcommands().keySet();
            if (name.equals("help")) {
                assertThat(registered).as(name).containsExactlyInAnyOrderElementsOf(COMMANDS);
            } else {
                assertThat(registered).as(name).containsExactly(name);
                // The name it is looked up by is the one its annotation gives (what --help lists).
                assertThat(AllianceCommand.commandLine()
                                .getSubcommands()
                                .get(name)
                                .getCommandName())
                        .isEqualTo(name);
            }
        }
        assertThat(AllianceCommand.commandLine("--help").getSubcommands().keySet())
                .containsExactlyInAnyOrderElementsOf(COMMANDS);
        assertThat(AllianceCommand.commandLine("cfx").getSubcommands().keySet())
                .containsExactlyInAnyOrderElementsOf(COMMANDS);
        CommandRun unknown = CommandRun.run("regres", "--formula", "y ~ x");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("regress");
    }

    @Test
    void everyCommandsHelpExitsWithZero() {
        List<List<String>> paths = new ArrayList<>();
        collect(AllianceCommand.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).extracting(path -> path.get(0)).containsAll(COMMANDS);
        assertThat(paths).contains(List.of("observe", "stats"), List.of("agreement", "alpha"));
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            // picocli reports a description it cannot format (a lone % in it) on System.err and prints it raw.
            ByteArrayOutputStream warnings = new ByteArrayOutputStream();
            PrintStream systemErr = System.err;
            CommandRun run;
            try {
                System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
                run = CommandRun.run(args.toArray(String[]::new));
            } finally {
                System.setErr(systemErr);
            }
            assertThat(run.exitCode())
                    .as("alliance %s --help: %s", String.join(" ", path), run.err())
                    .isZero();
            assertThat(run.out())
                    .as("alliance %s --help", String.join(" ", path))
                    .contains("Usage:");
            assertThat(warnings.toString(StandardCharsets.UTF_8))
                    .as("alliance %s --help formats every description", String.join(" ", path))
                    .doesNotContain("picocli WARN");
        }
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(sub.getKey());
            paths.add(subPath);
            collect(sub.getValue(), subPath, paths);
        }
    }

    /** One version source: {@code --version} and every result's provenance say the same (issue 12). */
    @Test
    void versionComesFromTheOneVersionSource() {
        CommandRun run = CommandRun.run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo(org.alliance.stats.provenance.Provenance.Software.ALLIANCE.toString());
        assertThat(run.out()).startsWith("alliance ");
    }

    @Test
    void anUnknownCommandIsBadInputWithExitCodeTwo() {
        CommandRun run = CommandRun.run("frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("frobnicate");
    }
}
