package org.alliance.app.cli.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alliance.app.cli.CommandRun;
import org.alliance.core.instrument.InstrumentCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstrumentCommandTest {

    @Test
    void aShippedInstrumentIsValid(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.yaml");
        Files.writeString(file, InstrumentCatalog.builtInSource("alliance-client"));
        CommandRun run = CommandRun.run("instrument", "validate", file.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("valid (client, 12 items, 4 scales, usable in nl, en, nb, da)");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void everyProblemIsPrintedWithFileLineAndPathAndTheExitCodeIsTwo(@TempDir Path dir) throws Exception {
        String broken = InstrumentCatalog.builtInSource("alliance-client")
                .replaceFirst("items: \\[bond-1, bond-2, bond-3, bond-4\\]", "items: [bond-1, bond-2, bond-3, bond-9]")
                .replaceFirst("  - id: tasks-2\n", "  - id: tasks-1\n");
        assertThat(broken).contains("bond-9");
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, broken);
        CommandRun run = CommandRun.run("instrument", "validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("INVALID (");
        assertThat(run.err())
                .containsPattern("broken\\.yaml:\\d+: scales\\[0\\]\\.items\\[3\\]: error: .*unknown item 'bond-9'")
                .containsPattern("broken\\.yaml:\\d+: items\\[5\\]\\.id: error: duplicate item id 'tasks-1'");
    }

    @Test
    void aMissingFileIsReported(@TempDir Path dir) {
        CommandRun run = CommandRun.run(
                "instrument", "validate", dir.resolve("nope.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("file not found");
    }

    @Test
    void localTextsAreCheckedAgainstTheSkeleton(@TempDir Path dir) throws Exception {
        Path skeleton = dir.resolve("wai.yaml");
        Files.writeString(skeleton, InstrumentCatalog.builtInSource("wai-sr-skeleton"));
        Path texts = dir.resolve("texts.yaml");
        Files.writeString(
                texts,
                "format: alliance-instrument-texts/1\ninstrument: wai-sr-skeleton\nversion: 1.0.0\n"
                        + "language: nl\nitems:\n  item-1: Tekst\n");
        CommandRun run = CommandRun.run("instrument", "validate", skeleton.toString(), "--texts", texts.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no text for item 'item-2'");
    }

    @Test
    void listShowsTheBuiltInInstrumentsAndWhichAreSkeletons() {
        CommandRun run = CommandRun.run("instrument", "list");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("alliance-session-check@1.1.0", "alliance-client@1.0.0", "alliance-professional@1.0.0")
                .contains("wai-sr-skeleton@1.0.0  (client, 12 items, 4 scales, texts not loaded (skeleton))");
    }
}
