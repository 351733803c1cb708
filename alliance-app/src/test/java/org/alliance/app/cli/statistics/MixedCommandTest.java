package org.alliance.app.cli.statistics;

import static org.alliance.app.cli.statistics.StatisticsCommandFixtures.data;
import static org.alliance.app.cli.statistics.StatisticsCommandFixtures.reference;
import static org.alliance.app.cli.statistics.StatisticsCommandFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alliance.app.cli.ExitCodes;
import org.alliance.app.cli.statistics.StatisticsCommandFixtures.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code alliance mixed}: exit codes, JSON contract and agreement with lme4's polished fixtures (1e-6 relative). */
class MixedCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SLEEPSTUDY = data("sleepstudy.csv");
    private static final String SLOPE = "reference/mixed/sleepstudy-slope-reml-polished";

    @Test
    void randomSlopeJsonMatchesLmer() {
        Run run = run("mixed", SLEEPSTUDY, "--formula", "Reaction ~ Days + (Days | Subject)");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("valid").asBoolean()).isTrue();
        JsonNode days = root.get("fixed_effects").get(1);
        assertThat(days.get("term").asString()).isEqualTo("Days");
        assertRelative(days.get("estimate").asDouble(), reference(SLOPE + "-fixed.csv", "Days", "estimate"), 1e-6);
        assertRelative(days.get("std_error").asDouble(), reference(SLOPE + "-fixed.csv", "Days", "std_error"), 1e-6);
        JsonNode model = root.get("model");
        assertThat(model.get("method").asString()).isEqualTo("REML");
        assertRelative(
                model.get("reml_criterion").asDouble(), reference(SLOPE + "-model.csv", "criterion", "value"), 1e-12);
        assertRelative(model.get("sigma").asDouble(), reference(SLOPE + "-model.csv", "sigma", "value"), 1e-5);
        assertThat(model.get("groups").get("Subject").asInt()).isEqualTo(18);
        assertThat(model.get("singular").asBoolean()).isFalse();
        assertThat(model.get("icc").isNull()).isTrue();
        JsonNode correlation = root.get("random_effects").get(2);
        assertThat(correlation.get("var2").asString()).isEqualTo("Days");
        assertThat(root.get("provenance").get("method").asString()).contains("lme4::lmer");
        assertThat(root.get("provenance").get("software").asString()).startsWith("alliance ");
    }

    private static final String CBPP = "reference/glmer/cbpp-period-polished";

    private static Run cbpp(String... more) {
        return cbppWith("prop ~ period + (1 | herd)", more);
    }

    private static Run cbppWith(String formula, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "mixed",
                data("cbpp.csv"),
                "--formula",
                formula,
                "--family",
                "binomial",
                "--weights",
                "size",
                "--factor",
                "period"));
        args.addAll(java.util.List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void binomialRandomInterceptJsonMatchesGlmer() {
        Run run = cbpp();

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("valid").asBoolean()).isTrue();
        for (String term : java.util.List.of("(Intercept)", "period2", "period3", "period4")) {
            JsonNode row = null;
            for (JsonNode f : root.get("fixed_effects")) {
                if (f.get("term").asString().equals(term)) {
                    row = f;
                }
            }
            assertThat(row).as(term).isNotNull();
            assertRelative(row.get("estimate").asDouble(), reference(CBPP + "-fixed.csv", term, "estimate"), 2e-6);
            assertRelative(row.get("std_error").asDouble(), reference(CBPP + "-fixed.csv", term, "std_error"), 2e-6);
            assertThat(row.get("p_value").asDouble()).isBetween(0.0, 1.0);
        }
        JsonNode model = root.get("model");
        assertThat(model.get("family").asString()).isEqualTo("binomial");
        assertRelative(model.get("log_lik").asDouble(), reference(CBPP + "-model.csv", "log_lik", "value"), 1e-11);
        assertRelative(model.get("aic").asDouble(), reference(CBPP + "-model.csv", "aic", "value"), 1e-11);
        assertThat(model.get("groups").get("herd").asInt()).isEqualTo(15);
        JsonNode herd = root.get("random_effects").get(0);
        assertRelative(herd.get("sdcor").asDouble(), reference(CBPP + "-model.csv", "theta", "value"), 2e-6);
        assertThat(root.get("provenance").get("method").asString()).contains("lme4::glmer");
        assertThat(root.get("provenance").get("options").get("weights").asString())
                .isEqualTo("size");
    }

    @Test
    void binomialTextFormat() {
        Run run = cbpp("--format", "text");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("Laplace approximation")
                .contains("family binomial")
                .contains("weights = size")
                .contains("z value")
                .contains("Pr(>|z|)")
                .contains("herd")
                .contains("-92.02657");
    }

    @Test
    void binomialNotConvergedIsExitOneAndMarkedNotValid() {
        Run run = cbpp("--max-evaluations", "20");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(JSON.readTree(run.out()).get("valid").asBoolean()).isFalse();
        assertThat(run.err()).contains("did not converge");
        assertThat(cbpp("--max-evaluations", "20", "--format", "text").out()).startsWith("*** NOT VALID");
    }

    @Test
    void binomialRandomSlopesAndWeightsWithoutBinomialAreExitTwo() {
        Run slope = run(
                "mixed",
                data("cbpp.csv"),
                "--formula",
                "prop ~ size + (size | herd)",
                "--family",
                "binomial",
                "--weights",
                "size");
        assertThat(slope.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(slope.err()).contains("one random intercept (1 | g) only");

        Run nested = run(
                "mixed",
                data("caseload.csv"),
                "--formula",
                "alliance ~ session + (1 | professional/client)",
                "--family",
                "binomial");
        assertThat(nested.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(nested.err()).contains("one random intercept (1 | g) only");

        Run gaussianWeights =
                run("mixed", SLEEPSTUDY, "--formula", "Reaction ~ Days + (1 | Subject)", "--weights", "Days");
        assertThat(gaussianWeights.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(gaussianWeights.err()).contains("--weights: only with --family binomial");

        Run notProportion =
                run("mixed", data("cbpp.csv"), "--formula", "incidence ~ period + (1 | herd)", "--family", "binomial");
        assertThat(notProportion.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notProportion.err()).contains("between 0 and 1");
    }

    @Test
    void noFixedInterceptAndATransformedResponseMatchLmer() {
        Run none = run("mixed", SLEEPSTUDY, "--formula", "Reaction ~ 0 + Days + (1 | Subject)");
        assertThat(none.exitCode()).as(none.err()).isEqualTo(ExitCodes.OK);
        JsonNode days = JSON.readTree(none.out()).get("fixed_effects").get(0);
        assertThat(days.get("term").asString()).isEqualTo("Days");
        String noIntercept = "reference/mixed/sleepstudy-nointercept-reml-polished";
        assertRelative(
                days.get("estimate").asDouble(), reference(noIntercept + "-fixed.csv", "Days", "estimate"), 1e-6);
        assertRelative(
                days.get("std_error").asDouble(), reference(noIntercept + "-fixed.csv", "Days", "std_error"), 1e-6);

        Run log = run("mixed", SLEEPSTUDY, "--formula", "log(Reaction) ~ Days + I(Days^2) + (1 | Subject)");
        assertThat(log.exitCode()).as(log.err()).isEqualTo(ExitCodes.OK);
        JsonNode root = JSON.readTree(log.out());
        String logReference = "reference/mixed/sleepstudy-log-reml-polished";
        assertRelative(
                root.get("fixed_effects").get(2).get("estimate").asDouble(),
                reference(logReference + "-fixed.csv", "I(Days^2)", "estimate"),
                1e-6);
        assertRelative(
                root.get("model").get("reml_criterion").asDouble(),
                reference(logReference + "-model.csv", "criterion", "value"),
                1e-12);

        Run binomial = cbppWith("prop ~ 0 + period + (1 | herd)");
        assertThat(binomial.exitCode()).as(binomial.err()).isEqualTo(ExitCodes.OK);
        assertRelative(
                JSON.readTree(binomial.out())
                        .get("fixed_effects")
                        .get(1)
                        .get("estimate")
                        .asDouble(),
                reference("reference/glmer/cbpp-nointercept-polished-fixed.csv", "period2", "estimate"),
                2e-6);
    }

    @Test
    void mlOptionAndTextFormat() {
        Run run = run("mixed", SLEEPSTUDY, "--formula", "Reaction ~ Days + (1 | Subject)", "--ml", "--format", "text");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("fit by maximum likelihood")
                .contains("Deviance: ")
                .contains("ICC: ")
                .contains("Subject")
                .contains("Days");
        Run json = run("mixed", SLEEPSTUDY, "--formula", "Reaction ~ Days + (1 | Subject)", "--ml");
        assertRelative(
                JSON.readTree(json.out()).get("model").get("deviance").asDouble(),
                reference("reference/mixed/sleepstudy-intercept-ml-polished-model.csv", "criterion", "value"),
                1e-12);
    }

    @Test
    void nestedGroupingFactorsOfTextColumns() {
        Run run = run(
                "mixed",
                data("caseload.csv"),
                "--formula",
                "alliance ~ session + experience + (1 | professional/client)");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode root = JSON.readTree(run.out());
        assertRelative(
                root.get("fixed_effects").get(2).get("estimate").asDouble(),
                reference("reference/mixed/caseload-nested-reml-polished-fixed.csv", "experience", "estimate"),
                1e-6);
        assertThat(root.get("model").get("groups").get("client:professional").asInt())
                .isGreaterThan(12);
    }

    @Test
    void singularFitIsOkButSaysSo() {
        Run run = run("mixed", data("Dyestuff2.csv"), "--formula", "Yield ~ 1 + (1 | Batch)");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("model").get("singular").asBoolean()).isTrue();
        assertThat(root.get("warnings").get(0).asString()).startsWith("boundary (singular) fit");
    }

    @Test
    void notConvergedIsExitOneAndMarkedNotValid() {
        Run run = run("mixed", SLEEPSTUDY, "--formula", "Reaction ~ Days + (Days | Subject)", "--max-evaluations", "5");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(JSON.readTree(run.out()).get("valid").asBoolean()).isFalse();
        assertThat(run.err()).contains("did not converge");

        Run text = run(
                "mixed",
                SLEEPSTUDY,
                "--formula",
                "Reaction ~ Days + (Days | Subject)",
                "--max-evaluations",
                "5",
                "--format",
                "text");
        assertThat(text.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(text.out()).startsWith("*** NOT VALID");
    }

    @Test
    void badFormulasAreExitTwoWithTheReason() {
        Run noRandom = run("mixed", SLEEPSTUDY, "--formula", "Reaction ~ Days");
        assertThat(noRandom.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(noRandom.err()).contains("--formula: ").contains("no random-effects term");

        Run uncorrelated = run("mixed", SLEEPSTUDY, "--formula", "Reaction ~ Days + (Days || Subject)");
        assertThat(uncorrelated.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(uncorrelated.err()).contains("uncorrelated");

        Run unknown = run("mixed", SLEEPSTUDY, "--formula", "Reaction ~ Days + (1 | Patient)");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("Patient");
    }

    @Test
    void sharedCsvOptionsApply(@TempDir Path dir) throws IOException {
        // The same sleepstudy data with ';' separators, decimal commas and '.' as a missing code in one row.
        java.util.List<String> lines = Files.readAllLines(Path.of(SLEEPSTUDY));
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replace(",", ";").replace(".", ",");
            if (i == 1) {
                line = line.substring(0, line.indexOf(';')) + ";.;" + line.substring(line.lastIndexOf(';') + 1);
            }
            csv.append(line).append('\n');
        }
        Path file = dir.resolve("sleep.csv");
        Files.writeString(file, csv);

        Run run = run(
                "mixed",
                file.toString(),
                "--sep",
                ";",
                "--dec",
                ",",
                "--na",
                ".",
                "--formula",
                "Reaction ~ Days + (1 | Subject)");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode model = JSON.readTree(run.out()).get("model");
        assertThat(model.get("n").asInt()).isEqualTo(179);
        assertThat(model.get("rows_dropped").asInt()).isEqualTo(1);
    }

    private static void assertRelative(double actual, double expected, double relative) {
        assertThat(actual).isCloseTo(expected, within(relative * Math.abs(expected)));
    }
}
