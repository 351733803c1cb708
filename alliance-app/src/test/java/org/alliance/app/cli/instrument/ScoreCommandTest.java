package org.alliance.app.cli.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alliance.app.cli.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ScoreCommandTest {

    private static final String HEADER = "respondent,relationship,goals-topics,way-of-working,overall\n";

    private static Path write(Path dir, String csv) throws Exception {
        Path file = dir.resolve("answers.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void scoresEachRespondentAsCsvWithTheMissingDataRuleAndCutOffFlags(@TempDir Path dir) throws Exception {
        Path file = write(dir, HEADER + "a,10,9,9,10\nb,4,,6,5\nc,10,,,\n");
        CommandRun run = CommandRun.run("score", "--instrument", "alliance-session-check", file.toString());
        assertThat(run.exitCode()).isZero();
        String[] lines = run.out().strip().split("\\R");
        assertThat(lines[0]).startsWith("respondent,bond,bond_answered,bond_flag,goals");
        // a: mean 9.5, not below 7; b: 3 of 4 answered -> mean 5, flagged; c: 1 of 4 -> total missing
        assertThat(lines[1]).contains(",9.5,4/4,,");
        assertThat(lines[2]).contains(",5,3/4,total < 7,");
        assertThat(lines[3]).startsWith("c,10,1/1,,").contains(",,1/4,,");
    }

    @Test
    void jsonCarriesScoresAndProvenance(@TempDir Path dir) throws Exception {
        Path file = write(dir, HEADER + "a,10,9,9,10\n");
        CommandRun run =
                CommandRun.run("score", "--instrument", "alliance-session-check", "--format", "json", file.toString());
        assertThat(run.exitCode()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.at("/respondents/0/scales/total/score").doubleValue()).isEqualTo(9.5);
        assertThat(json.at("/provenance/instrument_version").stringValue()).isEqualTo("1.1.0");
        assertThat(json.at("/provenance/rules/total").stringValue()).contains("75%");
    }

    @Test
    void badValuesAreAllReportedWithRowAndColumnAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path file = write(dir, HEADER + "a,10,9,9,10\nb,11,9,9,10\nc,5,five,9,10\n");
        Path out = dir.resolve("scores.csv");
        CommandRun run = CommandRun.run(
                "score", "--instrument", "alliance-session-check", file.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "line 3, column 2 (relationship): 11 is not allowed; the answer must be a whole number from 0 to 10")
                .contains("line 4, column 3 (goals-topics): \"five\" is not a number");
        assertThat(out).doesNotExist();
    }

    @Test
    void aColumnThatIsNotAnItemIsNamedWithTheWayOut(@TempDir Path dir) throws Exception {
        Path file = write(dir, "respondent,date,relationship\na,2026-01-01,5\n");
        CommandRun run = CommandRun.run("score", "--instrument", "alliance-session-check", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'date' (column 2) is not an item").contains("--keep");
        CommandRun kept =
                CommandRun.run("score", "--instrument", "alliance-session-check", "--keep", "date", file.toString());
        assertThat(kept.exitCode()).isZero();
        assertThat(kept.out()).contains("a,2026-01-01,5,1/1");
    }

    /** --keep copied each kept column once per row (quadratic: 20 000 rows took 22.6 s); each row keeps its own. */
    @Test
    void keptColumnsStayWithTheirRowsInALargeFile(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("respondent,date,client,relationship\n");
        int n = 5000;
        for (int i = 0; i < n; i++) {
            csv.append("r")
                    .append(i)
                    .append(",2026-01-")
                    .append(1 + i % 28)
                    .append(",c")
                    .append(i * 7 % 1000)
                    .append(',')
                    .append(i % 11)
                    .append('\n');
        }
        Path file = write(dir, csv.toString());
        CommandRun run = CommandRun.run(
                "score", "--instrument", "alliance-session-check", "--keep", "date,client", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\\R");
        assertThat(lines).hasSize(n + 1);
        for (int i = 0; i < n; i++) {
            assertThat(lines[i + 1])
                    .as("row " + i)
                    .startsWith("r" + i + ",2026-01-" + (1 + i % 28) + ",c" + (i * 7 % 1000) + ",");
        }
    }

    @Test
    void anUnknownInstrumentListsTheKnownOnes(@TempDir Path dir) throws Exception {
        Path file = write(dir, HEADER);
        CommandRun run = CommandRun.run("score", "--instrument", "srs", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no instrument 'srs'").contains("alliance-client");
    }
}
