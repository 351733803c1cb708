package org.alliance.app.cli.statistics;

import static org.alliance.app.cli.statistics.StatisticsCommandFixtures.data;
import static org.alliance.app.cli.statistics.StatisticsCommandFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.alliance.app.cli.ExitCodes;
import org.alliance.app.cli.statistics.StatisticsCommandFixtures.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15, "data as researchers have it": the statistics commands read CSV files as Excel and SPSS users have
 * them — undeclared missing codes, ';' with decimal commas, a byte-order mark, Windows-1252 — and every bad file
 * is exit 2 with file, line and column. The files are the committed data sets, rewritten by the test.
 */
class CsvInputTest {

    private static final String MODEL = "visual =~ x1 + x2 + x3; textual =~ x4 + x5 + x6; speed =~ x7 + x8 + x9";

    @TempDir
    Path dir;

    private static List<String> lines(String dataSet) throws Exception {
        return Files.readAllLines(Path.of(data(dataSet)), StandardCharsets.UTF_8);
    }

    private Path write(String name, List<String> lines, Charset charset) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, (String.join("\n", lines) + "\n").getBytes(charset));
        return file;
    }

    /** The committed file with one cell (line number as in an editor, 1 = header) replaced. */
    private Path withCell(String dataSet, int line, String column, String value) throws Exception {
        List<String> lines = new ArrayList<>(lines(dataSet));
        List<String> header = List.of(lines.get(0).replace("\"", "").split(","));
        String[] cells = lines.get(line - 1).split(",", -1);
        cells[header.indexOf(column)] = value;
        lines.set(line - 1, String.join(",", cells));
        return write("edited-" + dataSet, lines, StandardCharsets.UTF_8);
    }

    private static JsonNode json(Run run) {
        return JsonMapper.builder().build().readTree(run.out());
    }

    /**
     * An SPSS system file goes where a CSV file goes: regress on the .sav haven wrote equals lm on what read_sav gives
     * (user-missing answers dropped as NA), and the notes say so (alliance-core/src/test/r/sav.R).
     */
    @Test
    void anSpssSystemFileIsReadAsHavenReadsItAndRegressEqualsLm() throws Exception {
        Path sav = Path.of("..", "alliance-core", "src", "test", "resources", "sav");
        Run run = run(
                "regress",
                sav.resolve("survey-byte.sav").toString(),
                "--formula",
                "alliance_total_score_t1 ~ bond_1 + bond_2 + goal_1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("survey-byte.sav is an SPSS system file").contains("user-missing values");
        JsonNode coefficients = json(run).get("coefficients");
        List<String> reference = Files.readAllLines(sav.resolve("survey-lm.csv"), StandardCharsets.UTF_8);
        assertThat(json(run).get("model").get("n").asInt())
                .isEqualTo(Integer.parseInt(reference.get(1).split(",")[3]));
        assertThat(coefficients.size()).isEqualTo(reference.size() - 1);
        for (int i = 1; i < reference.size(); i++) {
            String[] cells = reference.get(i).replace("\"", "").split(",");
            JsonNode term = coefficients.get(i - 1);
            assertThat(term.get("term").asString()).isEqualTo(cells[0]);
            double estimate = Double.parseDouble(cells[1]);
            double se = Double.parseDouble(cells[2]);
            assertThat(term.get("estimate").asDouble())
                    .isCloseTo(estimate, org.assertj.core.api.Assertions.within(1e-10 * Math.abs(estimate)));
            assertThat(term.get("std_error").asDouble())
                    .isCloseTo(se, org.assertj.core.api.Assertions.within(1e-10 * Math.abs(se)));
        }
    }

    @Test
    void aDotInANumericPredictorIsNamedInsteadOfSilentlyMakingItAFactor() throws Exception {
        Path file = withCell("mtcars.csv", 12, "wt", ".");
        Run run = run("regress", file.toString(), "--formula", "mpg ~ wt");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains("column 'wt' would be read as text")
                .contains("line 12, column 7 (wt): \".\" is not a number")
                .contains("--na")
                .contains("--factor wt");
    }

    @Test
    void aDotInANumericClusterColumnIsNamedToo() throws Exception {
        Path file = withCell("mtcars.csv", 5, "gear", ".");
        Run run = run("regress", file.toString(), "--formula", "mpg ~ wt", "--cluster", "gear");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .contains("column 'gear' would be read as text")
                .contains("line 5, column 11 (gear)")
                .doesNotContain("--factor");
        Run declared = run("regress", file.toString(), "--formula", "mpg ~ wt", "--cluster", "gear", "--na", ".");
        assertThat(declared.exitCode()).as(declared.err()).isZero();
        assertThat(json(declared).at("/model/n").asInt()).isEqualTo(31);
    }

    @Test
    void declaredMissingCodesAreMissingInEveryStatisticsCommand() throws Exception {
        Path mtcars = withCell("mtcars.csv", 12, "wt", ".");
        Run regress = run("regress", mtcars.toString(), "--formula", "mpg ~ wt", "--na", ".,-999");
        assertThat(regress.exitCode()).as(regress.err()).isZero();
        JsonNode model = json(regress).get("model");
        assertThat(model.get("n").asInt()).isEqualTo(31);
        assertThat(json(regress).get("coefficients")).hasSize(2);

        Path hs = withCell("HolzingerSwineford1939.csv", 12, "x3", "-999");
        Run cfa = run("cfa", hs.toString(), "--model", MODEL, "--na", "-999");
        assertThat(cfa.exitCode()).as(cfa.err()).isZero();
        assertThat(json(cfa).at("/fit/ntotal").asInt()).isEqualTo(300);
        // -999 is a number, so undeclared it is silently a value: the reason the code must be declared.
        Run undeclared = run("cfa", hs.toString(), "--model", MODEL);
        assertThat(json(undeclared).at("/fit/ntotal").asInt()).isEqualTo(301);

        Path dotted = withCell("HolzingerSwineford1939.csv", 12, "x3", ".");
        Run reliability = run("reliability", dotted.toString(), "--items", "x1,x2,x3");
        assertThat(reliability.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(reliability.err()).contains("line 12, column 9 (x3): \".\" is not a number");
        Run declared = run("reliability", dotted.toString(), "--items", "x1,x2,x3", "--na", ".");
        assertThat(declared.exitCode()).as(declared.err()).isZero();
    }

    @Test
    void aSemicolonFileWithDecimalCommasGivesTheSameFitDetectedOrDeclared() throws Exception {
        List<String> dutch = new ArrayList<>();
        for (String line : lines("HolzingerSwineford1939.csv")) {
            dutch.add(line.replace(',', ';').replace('.', ','));
        }
        Path file = write("hs-nl.csv", dutch, StandardCharsets.UTF_8);
        Run original = run("cfa", data("HolzingerSwineford1939.csv"), "--model", MODEL);
        Run detected = run("cfa", file.toString(), "--model", MODEL);
        Run declared = run("cfa", file.toString(), "--model", MODEL, "--sep", ";", "--dec", ",");
        assertThat(detected.exitCode()).as(detected.err()).isZero();
        assertThat(declared.exitCode()).as(declared.err()).isZero();
        assertThat(detected.err()).contains("note:").contains("decimal commas");
        double chisq = json(original).at("/fit/chisq").doubleValue();
        assertThat(json(detected).at("/fit/chisq").doubleValue()).isEqualTo(chisq);
        assertThat(json(declared).at("/fit/chisq").doubleValue()).isEqualTo(chisq);
        assertThat(json(detected).at("/provenance/data_notes/0").stringValue()).contains("decimal commas");
    }

    @Test
    void aByteOrderMarkBeforeAQuotedHeaderIsRead() throws Exception {
        List<String> lines = new ArrayList<>(lines("HolzingerSwineford1939.csv"));
        assertThat(lines.get(0)).startsWith("\"id\"");
        lines.set(0, "\uFEFF" + lines.get(0));
        Path file = write("hs-bom.csv", lines, StandardCharsets.UTF_8);
        Run run = run("cfa", file.toString(), "--model", MODEL, "--group", "school");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json(run).at("/implied/0/label").stringValue()).isEqualTo("Pasteur");
    }

    @Test
    void aWindows1252FileIsReadWithANoteOrRefusedWithLineAndColumnWhenUtf8IsDeclared() throws Exception {
        UnaryOperator<String> rename = s -> s.replace("\"Pasteur\"", "\"Pasteur-Père\"");
        List<String> lines =
                lines("HolzingerSwineford1939.csv").stream().map(rename).toList();
        Path file = write("hs-1252.csv", lines, Charset.forName("windows-1252"));
        Run run = run("cfa", file.toString(), "--model", MODEL, "--group", "school");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("note: hs-1252.csv is not valid UTF-8").contains("line 2, character 20");
        assertThat(json(run).at("/implied/0/label").stringValue()).isEqualTo("Pasteur-Père");

        Run strict = run("cfa", file.toString(), "--model", MODEL, "--encoding", "UTF-8");
        assertThat(strict.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(strict.err()).contains("hs-1252.csv, line 2, character 20: byte 0xE8 is not valid UTF-8");
        assertThat(strict.err()).doesNotContain("MalformedInput");

        Run declared = run("cfa", file.toString(), "--model", MODEL, "--group", "school", "--encoding", "windows-1252");
        assertThat(declared.exitCode()).as(declared.err()).isZero();
        assertThat(declared.err()).doesNotContain("note:");
    }

    @Test
    void badFilesAreExitTwoWithFileAndLine() throws Exception {
        List<String> lines = new ArrayList<>(lines("mtcars.csv"));
        lines.set(4, lines.get(4) + ",1");
        Path extraCell = write("extra.csv", lines, StandardCharsets.UTF_8);
        Run run = run("regress", extraCell.toString(), "--formula", "mpg ~ wt");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("extra.csv, line 5: 13 cells, but the header has 12 columns");

        Run badOption = run("regress", data("mtcars.csv"), "--formula", "mpg ~ wt", "--dec", ";");
        assertThat(badOption.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        Run sameMarks = run("regress", data("mtcars.csv"), "--formula", "mpg ~ wt", "--sep", ",", "--dec", ",");
        assertThat(sameMarks.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sameMarks.err()).contains("cannot both be ','");
        Run unknownEncoding = run("regress", data("mtcars.csv"), "--formula", "mpg ~ wt", "--encoding", "klingon");
        assertThat(unknownEncoding.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknownEncoding.err()).contains("--encoding 'klingon'");
    }
}
