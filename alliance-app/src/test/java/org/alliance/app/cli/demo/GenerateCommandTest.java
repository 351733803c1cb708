package org.alliance.app.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alliance.app.cli.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    /** Ten clients from seed 5, starting on 5 January 2026, written into {@code out}. */
    private static CommandRun generateSeedFive(Path out) {
        return CommandRun.run(
                "generate", "--seed", "5", "--clients", "10", "--start", "2026-01-05", "--out", out.toString());
    }

    @Test
    void writesTheSameFilesForTheSameSeed(@TempDir Path dir) throws Exception {
        CommandRun first = generateSeedFive(dir.resolve("a"));
        CommandRun second = generateSeedFive(dir.resolve("b"));
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("Generated 10 clients");
        assertThat(Files.readString(dir.resolve("a/answers.csv")))
                .isEqualTo(Files.readString(dir.resolve("b/answers.csv")));
    }

    @Test
    void generatedResponsesCanBeScoredDirectly(@TempDir Path dir) {
        CommandRun.run("generate", "--seed", "3", "--clients", "8", "--out", dir.toString());
        CommandRun score = CommandRun.run(
                "score",
                "--instrument",
                "alliance-client",
                dir.resolve("responses-alliance-client.csv").toString(),
                "--keep",
                "client_id,professional_id,date");
        assertThat(score.exitCode()).as(score.err()).isZero();
        assertThat(score.out()).contains("alliance-client@1.0.0");
    }

    @Test
    void badOptionsAreExitCodeTwoWithAMessage(@TempDir Path dir) {
        CommandRun badDate = CommandRun.run("generate", "--start", "23-11-2026", "--out", dir.toString());
        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).contains("--start must be a date like");
        CommandRun badCount = CommandRun.run("generate", "--clients", "0", "--out", dir.toString());
        assertThat(badCount.exitCode()).isEqualTo(2);
        assertThat(badCount.err()).contains("--clients must be between 1 and 100000");
        CommandRun noOut = CommandRun.run("generate");
        assertThat(noOut.exitCode()).isEqualTo(2);
    }
}
