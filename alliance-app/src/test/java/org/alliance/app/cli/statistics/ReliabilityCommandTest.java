package org.alliance.app.cli.statistics;

import static org.alliance.app.cli.statistics.StatisticsCommandFixtures.data;
import static org.alliance.app.cli.statistics.StatisticsCommandFixtures.reference;
import static org.alliance.app.cli.statistics.StatisticsCommandFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.alliance.app.cli.ExitCodes;
import org.alliance.app.cli.statistics.StatisticsCommandFixtures.Run;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code alliance reliability}: exit codes, JSON contract and agreement with psych::alpha (1e-10 relative). */
class ReliabilityCommandTest {

    private static final String BFI = data("bfi.csv");

    @Test
    void agreeablenessJsonMatchesPsychAlpha() {
        Run run = run("reliability", BFI, "--items", "A1,A2,A3,A4,A5", "--reverse", "A1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode reliability = JsonMapper.builder().build().readTree(run.out()).get("reliability");
        String summary = "reference/reliability/bfi-alpha.csv";
        assertThat(reliability.get("raw_alpha").asDouble())
                .isCloseTo(reference(summary, "agreeableness", "raw_alpha"), within(1e-10));
        assertThat(reliability.get("std_alpha").asDouble())
                .isCloseTo(reference(summary, "agreeableness", "std_alpha"), within(1e-10));
        assertThat(reliability.get("omega_total").asDouble())
                .isCloseTo(reference(summary, "agreeableness", "omega_total"), within(1e-6));
        assertThat(reliability.get("n").asInt()).isEqualTo(2800);
        assertThat(reliability.get("alpha_se").asDouble())
                .isCloseTo(reference(summary, "agreeableness", "alpha_se"), within(1e-12));
        JsonNode bounds = reliability.get("confidence_boundaries");
        assertThat(bounds.get("level").asDouble()).isEqualTo(0.95);
        assertThat(bounds.get("feldt").get("lower").asDouble())
                .isCloseTo(reference(summary, "agreeableness", "feldt_lower"), within(1e-10));
        assertThat(bounds.get("feldt").get("upper").asDouble())
                .isCloseTo(reference(summary, "agreeableness", "feldt_upper"), within(1e-10));
        assertThat(bounds.get("duhachek").get("lower").asDouble())
                .isCloseTo(reference(summary, "agreeableness", "duhachek_lower"), within(1e-10));
        assertThat(bounds.get("duhachek").get("upper").asDouble())
                .isCloseTo(reference(summary, "agreeableness", "duhachek_upper"), within(1e-10));
        JsonNode first = reliability.get("items").get(0);
        assertThat(first.get("item").asString()).isEqualTo("A1");
        assertThat(first.get("reverse_keyed").asBoolean()).isTrue();
        // r.drop of A1 is the first data row of the per-item fixture
        assertThat(first.get("r_drop").asDouble()).isCloseTo(0.30841773952202911, within(1e-10));
    }

    @Test
    void textOutputListsTheItems() {
        Run run = run("reliability", BFI, "--items", "A1,A2,A3", "--reverse", "A1", "--format", "text");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("raw alpha", "omega total", "A1-", "alpha if dropped", "95% confidence boundaries")
                .containsPattern("Feldt +0\\.\\d+ +0\\.\\d+ +0\\.\\d+")
                .containsPattern("Duhachek +0\\.\\d+ +0\\.\\d+ +0\\.\\d+");
    }

    @Test
    void unknownItemIsABadInput() {
        Run run = run("reliability", BFI, "--items", "A1,A9");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("'A9'");
    }

    @Test
    void reverseItemOutsideTheItemsIsABadInput() {
        Run run = run("reliability", BFI, "--items", "A1,A2", "--reverse", "C4");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--reverse C4");
    }

    @Test
    void nonNumericItemIsABadInputNamingRowAndColumn() {
        Run run = run("reliability", data("mtcars.csv"), "--items", "mpg,model");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("line 2, column 1 (model)", "not a number");
    }

    @Test
    void missingFileIsABadInput() {
        Run run = run("reliability", "no-such-file.csv", "--items", "A1,A2");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("file not found");
    }
}
