package org.alliance.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data set larger than the heap: a clear error with what to do, exit code 1, never the JVM's stack trace. */
class OutOfMemoryTest {

    @Test
    void dataThatDoesNotFitInTheHeapIsAClearErrorNotAStackTrace(@TempDir Path dir) throws Exception {
        // 200 000 rows × 20 columns: about 36 MB in the table alone, the model's columns and QR as much again each.
        Path csv = dir.resolve("wide.csv");
        long seed = 20261206;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("y");
            for (int j = 1; j < 20; j++) {
                header.append(",x").append(j);
            }
            out.write(header + "\n");
            for (int i = 0; i < 200_000; i++) {
                StringBuilder row = new StringBuilder();
                for (int j = 0; j < 20; j++) {
                    seed = seed * 6364136223846793005L + 1442695040888963407L;
                    row.append(j == 0 ? "" : ",")
                            .append(String.format(Locale.ROOT, "%.6f", (seed >>> 11) / (double) (1L << 53)));
                }
                out.write(row + "\n");
            }
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-Xmx32m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "regress",
                        "--formula",
                        "y ~ .",
                        csv.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isEqualTo(ExitCodes.FAILURE);
        assertThat(err)
                .contains("error: not enough memory")
                .contains("Java heap of 32 MB")
                .contains("ALLIANCE_XMX=1g")
                .doesNotContain("OutOfMemoryError")
                .doesNotContain("\tat ");
    }
}
