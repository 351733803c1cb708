package org.alliance.app.cli.statistics;

import static org.alliance.app.cli.statistics.StatisticsCommandFixtures.data;
import static org.alliance.app.cli.statistics.StatisticsCommandFixtures.reference;
import static org.alliance.app.cli.statistics.StatisticsCommandFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliance.app.cli.ExitCodes;
import org.alliance.app.cli.statistics.StatisticsCommandFixtures.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code alliance correlate}: exit codes, JSON and agreement with R's cor.test (fixtures of correlation.R). */
class CorrelateCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MTCARS = data("mtcars.csv");
    private static final String PEARSON = "reference/correlation/pearson.csv";
    private static final String SPEARMAN = "reference/correlation/spearman.csv";

    @Test
    void everyPairIsCorrelatedInTheOrderGiven() {
        Run run = run("correlate", MTCARS, "mpg", "wt", "hp");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rows = JSON.readTree(run.out()).get("correlations");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("x").asString()).isEqualTo("mpg");
        assertThat(rows.get(0).get("y").asString()).isEqualTo("wt");
        assertThat(rows.get(1).get("y").asString()).isEqualTo("hp");
        assertThat(rows.get(2).get("x").asString()).isEqualTo("wt");
        // the first mtcars row of the fixture is mpg and wt at 0.95
        JsonNode mpgWt = rows.get(0);
        assertRelative(mpgWt.get("estimate").asDouble(), reference(PEARSON, "mtcars", "estimate"));
        assertRelative(mpgWt.get("statistic").asDouble(), reference(PEARSON, "mtcars", "statistic"));
        assertRelative(mpgWt.get("p_value").asDouble(), reference(PEARSON, "mtcars", "p_value"));
        assertRelative(mpgWt.get("conf_low").asDouble(), reference(PEARSON, "mtcars", "conf_low"));
        assertRelative(mpgWt.get("conf_high").asDouble(), reference(PEARSON, "mtcars", "conf_high"));
        assertThat(mpgWt.get("df").asInt()).isEqualTo(30);
        assertThat(mpgWt.get("conf_level").asDouble()).isEqualTo(0.95);
        JsonNode provenance = JSON.readTree(run.out()).get("provenance");
        assertThat(provenance.get("method").asString()).contains("cor.test");
        assertThat(provenance.get("options").get("r_equivalent").asString())
                .isEqualTo("cor.test(x, y, conf.level = 0.95)");
    }

    @Test
    void missingValuesDropRowsPairByPair() {
        Run run = run("correlate", data("bfi.csv"), "A1", "A2", "--level", "0.95");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode row = JSON.readTree(run.out()).get("correlations").get(0);
        assertThat(row.get("n").asInt()).isEqualTo(2757);
        assertThat(row.get("rows_dropped").asInt()).isEqualTo(43);
        assertRelative(row.get("p_value").asDouble(), reference(PEARSON, "bfi", "p_value"));
    }

    @Test
    void levelChangesTheInterval() {
        Run run = run("correlate", MTCARS, "mpg", "wt", "--level", "0.9");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode row = JSON.readTree(run.out()).get("correlations").get(0);
        // cor.test(mtcars$mpg, mtcars$wt, conf.level = 0.9)$conf.int (fourth row of the fixture)
        assertThat(row.get("conf_low").asDouble()).isCloseTo(-0.92591514988401946, within(1e-12));
        assertThat(row.get("conf_high").asDouble()).isCloseTo(-0.76908720785974927, within(1e-12));
    }

    @Test
    void spearmanMatchesCorTestWithoutTheExactDistribution() {
        Run run = run("correlate", MTCARS, "mpg", "wt", "--method", "spearman");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        JsonNode row = root.get("correlations").get(0);
        assertRelative(row.get("estimate").asDouble(), reference(SPEARMAN, "mtcars", "estimate"));
        assertRelative(row.get("statistic").asDouble(), reference(SPEARMAN, "mtcars", "statistic"));
        assertRelative(row.get("p_value").asDouble(), reference(SPEARMAN, "mtcars", "p_value"));
        assertThat(row.has("conf_low")).isFalse();
        assertThat(root.get("provenance").get("options").get("conf_level").isNull())
                .isTrue();
    }

    @Test
    void textOutputIsATable() {
        Run run = run("correlate", MTCARS, "mpg", "wt", "--format", "text");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Pearson", "95 % confidence interval")
                .containsPattern("mpg +wt +-0\\.8676594 +-9\\.559044 +30 ");
    }

    @Test
    void oneVariableIsABadInput() {
        Run run = run("correlate", MTCARS, "mpg");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void aLevelOutsideZeroAndOneOrForSpearmanIsABadInput() {
        Run run = run("correlate", data("longley.csv"), "GNP", "Employed", "--level", "1.5");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--level", "between 0 and 1");

        Run spearmanLevel = run("correlate", MTCARS, "mpg", "wt", "--method", "spearman", "--level", "0.9");
        assertThat(spearmanLevel.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(spearmanLevel.err()).contains("no interval");
    }

    /** lavCor(ordered = ...) on bfi's A1-A5 with complete rows (alliance-stats/src/test/r/polychoric.R). */
    @Test
    void polychoricMatchesLavaanOnOrdinalItems(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(data("bfi.csv")));
        List<String> complete = new ArrayList<>();
        complete.add("A1,A2,A3");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            boolean full = true;
            for (int i = 0; i < 5; i++) {
                full &= !cells[i].isEmpty() && !cells[i].equals("NA");
            }
            if (full) {
                complete.add(cells[0] + "," + cells[1] + "," + cells[2]);
            }
        }
        Path file = dir.resolve("agreeableness.csv");
        Files.write(file, complete);
        Run run = run("correlate", file.toString(), "A1", "A2", "A3", "--method", "polychoric");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rows = JSON.readTree(run.out()).get("correlations");
        List<String> reference = Files.readAllLines(Path.of(
                "..", "alliance-stats", "src", "test", "resources", "reference", "correlation", "polychoric.csv"));
        assertThat(rows.get(0).get("estimate").asDouble())
                .isCloseTo(Double.parseDouble(reference.get(1).replace("\"", "").split(",")[3]), within(1e-8));
        assertThat(rows.get(2).get("estimate").asDouble()) // A2-A3
                .isCloseTo(Double.parseDouble(reference.get(5).replace("\"", "").split(",")[3]), within(1e-8));
        assertThat(rows.get(0).get("thresholds_x")).hasSize(5);
        assertThat(rows.get(0).get("n").asInt()).isEqualTo(2709);
        assertThat(JSON.readTree(run.out())
                        .at("/provenance/options/r_equivalent")
                        .asString())
                .contains("lavCor");
        Run notOrdinal = run("correlate", MTCARS, "mpg", "wt", "--method", "polychoric");
        assertThat(notOrdinal.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notOrdinal.err()).contains("mpg and wt: a polychoric correlation needs ordered categories");
    }

    @Test
    void aTextColumnIsABadInputNamingRowAndColumn() {
        Run run = run("correlate", MTCARS, "mpg", "model");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("column 1 (model)", "not a number");
    }

    private static void assertRelative(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
    }
}
