package org.alliance.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliance.app.cli.observe.TestCodings;
import org.alliance.stats.provenance.Provenance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The JSON of the commands is a contract: these outputs are compared character for character (keys, their order,
 * nulls) with the files under {@code src/test/resources/json-contract}, which were written by the commands as they
 * were before their JSON was built from records (issue 12). {@code JSON_CONTRACT_WRITE=1} rewrites the files.
 */
class JsonContractTest {

    private static final Path EXPECTED = Path.of("src", "test", "resources", "json-contract");
    private static final Path INPUT = Path.of("target", "json-contract");
    private static final String BFI = Path.of("..", "alliance-stats", "src", "test", "resources", "data", "bfi.csv")
            .toString();

    private static String data(String name) {
        return Path.of("..", "alliance-stats", "src", "test", "resources", "data", name)
                .toString();
    }

    private static final String DECIMAL_COMMAS =
            """
            a;b;c
            1,5;2,5;3
            2,5;3,5;4,5
            3;4;4
            4,5;4;5,5
            """;

    private static final String MEETING = TestCodings.MEETING;

    /** The same meeting coded by ben, who heard team support where anna heard open communication at 0.5 s. */
    private static final String SECOND_CODER =
            MEETING.replace(",anna,", ",ben,").replace("open-communication,500,", "team-support,500,");

    private static final String CODERS =
            """
            A,B,C
            1,1,2
            2,2,2
            3,3,3
            1,,1
            """;

    private static String[] arguments(String name) {
        String meeting = INPUT.resolve("meeting.csv").toString();
        String second = INPUT.resolve("second.csv").toString();
        return switch (name) {
            case "reliability" -> new String[] {"reliability", BFI, "--items", "A1,A2,A3,A4,A5", "--reverse", "A1"};
            case "alpha" ->
                new String[] {"agreement", "alpha", INPUT.resolve("coders.csv").toString(), "--level", "ordinal"};
            case "regress" -> new String[] {"regress", data("mtcars.csv"), "--formula", "mpg ~ wt + hp"};
            case "correlate" -> new String[] {"correlate", data("mtcars.csv"), "mpg", "wt", "hp"};
            case "correlate-spearman" -> new String[] {"correlate", BFI, "A1", "A2", "age", "--method", "spearman"};
            case "logistic" ->
                new String[] {"regress", data("mtcars.csv"), "--formula", "am ~ wt", "--family", "binomial"};
            case "mixed" ->
                new String[] {"mixed", data("sleepstudy.csv"), "--formula", "Reaction ~ Days + (1 | Subject)"};
            case "cluster" ->
                new String[] {"regress", data("mtcars.csv"), "--formula", "mpg ~ wt + hp", "--cluster", "cyl"};
            case "robust" ->
                new String[] {"regress", data("mtcars.csv"), "--formula", "mpg ~ wt + hp", "--robust", "hc3"};
            case "cluster-twoway" ->
                new String[] {"regress", data("PetersenCL.csv"), "--formula", "y ~ x", "--cluster", "firm,year"};
            case "logistic-robust" ->
                new String[] {
                    "regress",
                    data("mtcars.csv"),
                    "--formula",
                    "am ~ wt + hp",
                    "--family",
                    "binomial",
                    "--robust",
                    "hc3"
                };
            case "logistic-cluster" ->
                new String[] {
                    "regress",
                    data("mtcars.csv"),
                    "--formula",
                    "am ~ wt + hp",
                    "--family",
                    "binomial",
                    "--cluster",
                    "cyl,gear"
                };
            case "mixed-binomial" ->
                new String[] {
                    "mixed",
                    data("cbpp.csv"),
                    "--formula",
                    "prop ~ period + (1 | herd)",
                    "--family",
                    "binomial",
                    "--weights",
                    "size",
                    "--factor",
                    "period"
                };
            case "mixed-ml" ->
                new String[] {"mixed", data("sleepstudy.csv"), "--formula", "Reaction ~ Days + (Days | Subject)", "--ml"
                };
            case "mixed-unconverged" ->
                new String[] {
                    "mixed",
                    data("sleepstudy.csv"),
                    "--formula",
                    "Reaction ~ Days + (Days | Subject)",
                    "--max-evaluations",
                    "5"
                };
            case "cfa" ->
                new String[] {
                    "cfa",
                    data("HolzingerSwineford1939.csv"),
                    "--model",
                    "visual =~ x1 + x2 + x3; textual =~ x4 + x5 + x6"
                };
            case "cfa-mi" ->
                new String[] {
                    "cfa",
                    data("HolzingerSwineford1939.csv"),
                    "--model",
                    "visual =~ x1 + x2 + x3; textual =~ x4 + x5 + x6",
                    "--modification-indices",
                    "--mi-minimum",
                    "1",
                    "--mi-sort"
                };
            case "cfa-compare" ->
                new String[] {
                    "cfa",
                    data("HolzingerSwineford1939.csv"),
                    "--model",
                    "visual =~ x1 + x2 + x3; textual =~ x4 + x5 + x6",
                    "--group",
                    "school",
                    "--compare",
                    "--group-partial",
                    "x3~1"
                };
            case "notes" ->
                new String[] {"reliability", INPUT.resolve("commas.csv").toString(), "--items", "a,b,c"};
            case "stats" -> new String[] {"observe", "stats", meeting};
            case "transitions" -> new String[] {"observe", "transitions", meeting, "--lag", "1"};
            case "pattern" ->
                new String[] {"observe", "pattern", meeting, "--sequence", "team-support>introducing-client"};
            case "cohen" -> new String[] {"observe", "agreement", meeting, second, "--method", "cohen"};
            case "alignment" -> new String[] {"observe", "agreement", meeting, second, "--method", "alignment"};
            case "time-unit" ->
                new String[] {"observe", "agreement", meeting, second, "--method", "time-unit", "--unit-ms", "1000"};
            case "convert" ->
                new String[] {
                    "observe",
                    "convert",
                    meeting,
                    INPUT.resolve("converted.csv").toString()
                };
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The commands whose JSON is a contract, by the name of their file. */
    static List<String> contracts() {
        return List.of(
                "reliability",
                "regress",
                "correlate",
                "correlate-spearman",
                "logistic",
                "cluster",
                "robust",
                "cluster-twoway",
                "logistic-robust",
                "logistic-cluster",
                "mixed-ml",
                "mixed-binomial",
                "mixed-unconverged",
                "mixed",
                "cfa",
                "cfa-mi",
                "cfa-compare",
                "notes",
                "alpha",
                "stats",
                "transitions",
                "pattern",
                "cohen",
                "alignment",
                "convert");
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void jsonStaysAsItWas(String name) throws IOException {
        writeInputs();
        CommandRun run = CommandRun.run(arguments(name));
        // A fit that did not converge prints its figures (marked not valid) and fails with 1.
        assertThat(run.exitCode()).as(run.err()).isEqualTo(name.endsWith("unconverged") ? ExitCodes.FAILURE : 0);
        Path expected = EXPECTED.resolve(name + ".json");
        if (System.getenv("JSON_CONTRACT_WRITE") != null) {
            Files.writeString(expected, run.out(), StandardCharsets.UTF_8);
        }
        // The software's version is "development" from classes and the release number from the jars that verify
        // builds: the contract is that it is there and is the one version source, not which number it is.
        String software = "\"software\" : \"" + Provenance.Software.ALLIANCE + "\"";
        assertThat(run.out()).contains(software);
        assertThat(withoutVersion(run.out()))
                .isEqualTo(withoutVersion(Files.readString(expected, StandardCharsets.UTF_8)));
    }

    /** Every statistic and every command besides (time-unit kappa too) says where its result comes from. */
    static List<String> results() {
        List<String> all = new java.util.ArrayList<>(contracts());
        all.add("time-unit");
        return all;
    }

    /**
     * Every statistic's result on the command line carries the one provenance record (issue 12): the software's one
     * version, and the method with options and data file for the statistics, the command line for the observation
     * commands.
     */
    @ParameterizedTest
    @MethodSource("results")
    void everyResultSaysWhereItComesFrom(String name) throws IOException {
        writeInputs();
        CommandRun run = CommandRun.run(arguments(name));
        JsonNode provenance = new ObjectMapper().readTree(run.out()).get("provenance");
        assertThat(provenance).as(run.out()).isNotNull();
        assertThat(provenance.get("software").asString()).isEqualTo(Provenance.Software.ALLIANCE.toString());
        if (provenance.has("command")) {
            assertThat(provenance.get("command").asString()).isEqualTo(String.join(" ", arguments(name)));
        } else {
            assertThat(provenance.get("method").asString()).isNotBlank();
            assertThat(provenance.get("options").isObject()).isTrue();
            assertThat(provenance.get("data").asString()).endsWith(".csv");
            assertThat(provenance.get("rows_in_file").asInt()).isPositive();
        }
    }

    private static void writeInputs() throws IOException {
        Files.createDirectories(INPUT);
        Files.writeString(INPUT.resolve("meeting.csv"), MEETING);
        Files.writeString(INPUT.resolve("second.csv"), SECOND_CODER);
        Files.writeString(INPUT.resolve("coders.csv"), CODERS);
        Files.writeString(INPUT.resolve("commas.csv"), DECIMAL_COMMAS);
    }

    private static String withoutVersion(String json) {
        return json.replaceAll("\"software\" : \"alliance [^\"]*\"", "\"software\" : \"alliance VERSION\"");
    }
}
