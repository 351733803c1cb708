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

/** {@code alliance regress}: exit codes, JSON contract and agreement with R's fixtures (1e-9 relative). */
class RegressCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MTCARS = data("mtcars.csv");

    @Test
    void aTransformedResponseIsFittedAsLmDoes() {
        Run run = run("regress", MTCARS, "--formula", "log(mpg) ~ wt + factor(cyl)");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode root = JSON.readTree(run.out());
        for (String term : java.util.List.of("(Intercept)", "wt", "factor(cyl)6", "factor(cyl)8")) {
            assertThat(coefficient(root, term).get("estimate").asDouble())
                    .as(term)
                    .isCloseTo(
                            reference("reference/formulas/log-response-coefficients.csv", term, "estimate"),
                            within(1e-9
                                    * Math.abs(reference(
                                            "reference/formulas/log-response-coefficients.csv", term, "estimate"))));
        }
        assertThat(run("regress", MTCARS, "--formula", "log(mpg) ~ wt", "--format", "text")
                        .out())
                .contains("log(mpg) ~ wt");
        Run outside = run("regress", MTCARS, "--formula", "log(am) ~ wt");
        assertThat(outside.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(outside.err()).contains("log(am) is not defined for am = 0");
    }

    @Test
    void linearModelJsonMatchesLm() {
        Run run = run("regress", MTCARS, "--formula", "mpg ~ wt + hp + cyl", "--factor", "cyl");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        JsonNode cyl6 = coefficient(root, "cyl6");
        String fixture = "reference/regression/mtcars-coefficients.csv";
        assertRelative(cyl6.get("estimate").asDouble(), reference(fixture, "cyl6", "estimate"));
        assertRelative(cyl6.get("std_error").asDouble(), reference(fixture, "cyl6", "std_error"));
        assertRelative(cyl6.get("p_value").asDouble(), reference(fixture, "cyl6", "p_value"));
        String standardized = "reference/regression/mtcars-standardized.csv";
        assertRelative(cyl6.get("std_estimate").asDouble(), reference(standardized, "cyl6", "std_estimate"));
        assertRelative(
                coefficient(root, "wt").get("std_estimate").asDouble(), reference(standardized, "wt", "std_estimate"));
        assertThat(coefficient(root, "(Intercept)").get("std_estimate").isNull())
                .isTrue();
        assertRelative(
                root.get("model").get("r_squared").asDouble(),
                reference("reference/regression/mtcars-model.csv", "r_squared", "value"));
        assertThat(root.get("model").get("n").asInt()).isEqualTo(32);
        assertThat(root.get("warnings").isArray()).isTrue();
        assertThat(root.get("provenance").get("software").asString()).startsWith("alliance ");
        assertThat(root.get("provenance").get("method").asString()).contains("Householder QR");
    }

    @Test
    void clusterOptionGivesCr1StandardErrors() {
        Run run = run("regress", MTCARS, "--formula", "mpg ~ wt + hp + cyl", "--factor", "cyl", "--cluster", "gear");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        assertRelative(
                coefficient(root, "wt").get("std_error").asDouble(),
                reference("reference/regression/mtcars-cr1-gear-coefficients.csv", "wt", "std_error"));
        assertThat(root.get("model").get("clusters").asInt()).isEqualTo(3);
    }

    @Test
    void robustHc3AndReferenceLevel() {
        Run hc3 = run("regress", MTCARS, "--formula", "mpg ~ wt + hp + cyl", "--factor", "cyl", "--robust", "hc3");
        assertRelative(
                coefficient(JSON.readTree(hc3.out()), "hp").get("std_error").asDouble(),
                reference("reference/regression/mtcars-hc3-coefficients.csv", "hp", "std_error"));

        Run releveled = run("regress", MTCARS, "--formula", "mpg ~ wt + hp + cyl", "--reference", "cyl=8");
        assertThat(releveled.exitCode()).as(releveled.err()).isZero();
        assertRelative(
                coefficient(JSON.readTree(releveled.out()), "cyl4")
                        .get("estimate")
                        .asDouble(),
                reference("reference/regression/mtcars-cyl8-coefficients.csv", "cyl4", "estimate"));
    }

    @Test
    void logisticModelJsonHasOddsRatiosMatchingGlm() {
        Run run = run("regress", MTCARS, "--formula", "am ~ wt + hp", "--family", "binomial");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        String fixture = "reference/regression/mtcars-logistic-coefficients.csv";
        assertRelative(coefficient(root, "wt").get("odds_ratio").asDouble(), reference(fixture, "wt", "odds_ratio"));
        assertRelative(
                coefficient(root, "hp").get("or_conf_high").asDouble(), reference(fixture, "hp", "or_conf_high"));
        assertRelative(
                root.get("model").get("deviance").asDouble(),
                reference("reference/regression/mtcars-logistic-model.csv", "deviance", "value"));
        assertThat(root.get("model").get("r_squared").isNull()).isTrue();
    }

    @Test
    void separationIsReportedAsAWarning() {
        String separated = StatisticsCommandFixtures.STATS_RESOURCES
                .resolve("reference/regression/separated.csv")
                .toString();

        Run run = run("regress", separated, "--formula", "y ~ x + z", "--family", "binomial");

        assertThat(run.exitCode()).isZero();
        JsonNode warnings = JSON.readTree(run.out()).get("warnings");
        assertThat(warnings.size()).isGreaterThan(0);
        assertThat(warnings.get(0).asString()).contains("fitted probabilities numerically 0 or 1", "separated");
    }

    @Test
    void textOutputReadsLikeSummaryLm() {
        Run run = run("regress", MTCARS, "--formula", "mpg ~ wt + hp", "--format", "text");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("(Intercept)", "Std. Error", "Residual standard error", "on 29 degrees of freedom")
                .contains("Multiple R-squared");
    }

    @Test
    void unknownColumnIsABadInputNamingTheColumns() {
        Run run = run("regress", MTCARS, "--formula", "mpg ~ weight");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("error:", "'weight'", "mpg, cyl");
    }

    @Test
    void nonNumericResponseIsABadInputNamingRowAndColumn() {
        Run run = run("regress", MTCARS, "--formula", "model ~ wt");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("line 2, column 1 (model)", "not a number");
    }

    @Test
    void malformedFormulaIsABadInput() {
        Run run = run("regress", MTCARS, "--formula", "mpg = wt");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--formula", "'~'");
    }

    @Test
    void robustAndClusterTogetherIsABadInput() {
        Run run = run("regress", MTCARS, "--formula", "mpg ~ wt", "--robust", "hc3", "--cluster", "gear");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("not both");
    }

    @Test
    void logisticClusterDefaultsToVcovClOnAGlm() {
        Run run = run("regress", MTCARS, "--formula", "am ~ wt + hp", "--family", "binomial", "--cluster", "cyl");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        String fixture = "reference/robust/mtcars-glm-cyl-cr0-coefficients.csv";
        assertRelative(coefficient(root, "wt").get("std_error").asDouble(), reference(fixture, "wt", "std_error"));
        assertRelative(coefficient(root, "hp").get("p_value").asDouble(), reference(fixture, "hp", "p_value"));
        JsonNode model = root.get("model");
        assertThat(model.get("standard_errors").asString()).isEqualTo("cr0");
        assertThat(model.get("cluster_counts").get("cyl").asInt()).isEqualTo(3);
        JsonNode wald = model.get("wald_test");
        assertThat(wald.get("test").asString()).isEqualTo("chisq");
        assertThat(wald.has("df_residual")).isFalse();
        assertRelative(
                wald.get("statistic").asDouble(),
                reference("reference/robust/wald.csv", "mtcars-glm-cyl-cr0", "statistic"));
        assertThat(wald.get("in_r").asString())
                .isEqualTo("lmtest::waldtest(fit, vcov = vcovCL(fit, cluster = ~ cyl)," + " test = \"Chisq\")");
    }

    @Test
    void logisticHc2AndClusteredCr1AsChosen() {
        Run hc2 = run("regress", MTCARS, "--formula", "am ~ wt + hp", "--family", "binomial", "--robust", "hc2");
        assertRelative(
                coefficient(JSON.readTree(hc2.out()), "wt").get("std_error").asDouble(),
                reference("reference/robust/mtcars-glm-hc2-coefficients.csv", "wt", "std_error"));

        Run cr1 = run(
                "regress",
                MTCARS,
                "--formula",
                "am ~ wt + hp",
                "--family",
                "binomial",
                "--cluster",
                "cyl",
                "--robust",
                "CR1");
        assertThat(cr1.exitCode()).as(cr1.err()).isZero();
        assertRelative(
                coefficient(JSON.readTree(cr1.out()), "hp").get("std_error").asDouble(),
                reference("reference/robust/mtcars-glm-cyl-cr1-coefficients.csv", "hp", "std_error"));
    }

    @Test
    void twoWayClusteringReplacesTheFTestByTheRobustWaldTestInText() {
        Run run = run(
                "regress", data("PetersenCL.csv"), "--formula", "y ~ x", "--cluster", "firm,year", "--format", "text");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("CR1 cluster-robust by firm (500 clusters) and year (10 clusters)")
                .contains("vcovCL(fit, cluster = ~ firm + year)")
                .contains("Robust Wald test of all slopes: F = 373.3", "on 1 and 4998 DF")
                .doesNotContain("F-statistic");
    }

    @Test
    void fewerClustersThanSlopesWarnInsteadOfATest() {
        Run run = run("regress", MTCARS, "--formula", "mpg ~ wt + hp + cyl", "--factor", "cyl", "--cluster", "gear");

        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("model").has("wald_test")).isFalse();
        assertThat(root.get("warnings").get(0).asString()).contains("no robust Wald test of the 4 slopes");
    }

    @Test
    void unknownRobustTypeIsABadInputListingTheTypes() {
        Run run = run("regress", MTCARS, "--formula", "mpg ~ wt", "--robust", "hc4");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("'hc4'", "hc0, hc1, hc2, hc3, cr0 or cr1");
    }

    @Test
    void clusteredTypeWithoutClusterColumnIsABadInput() {
        Run run = run("regress", MTCARS, "--formula", "mpg ~ wt", "--robust", "cr1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--cluster");
    }

    @Test
    void formulasAsRWritesThemGiveRsTermNamesAndFigures() throws Exception {
        Run run = run("regress", MTCARS, "--formula", "mpg ~ wt * factor(cyl)");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode root = JSON.readTree(run.out());
        assertThat(terms(root))
                .containsExactly(
                        "(Intercept)", "wt", "factor(cyl)6", "factor(cyl)8", "wt:factor(cyl)6", "wt:factor(cyl)8");
        String coefficients = "reference/formulas/wt-times-cyl-coefficients.csv";
        assertRelative(
                coefficient(root, "wt:factor(cyl)8").get("std_error").asDouble(),
                reference(coefficients, "wt:factor(cyl)8", "std_error"));
        assertRelative(
                root.get("model").get("r_squared").asDouble(),
                reference("reference/formulas/wt-times-cyl-model.csv", "r_squared", "value"));
    }

    @Test
    void weightsAndNoInterceptMatchLm() throws Exception {
        Run run = run("regress", MTCARS, "--formula", "mpg ~ wt + hp", "--weights", "carb");
        Run none = run("regress", MTCARS, "--formula", "mpg ~ 0 + wt + factor(cyl)");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode root = JSON.readTree(run.out());
        assertRelative(
                coefficient(root, "hp").get("std_error").asDouble(),
                reference("reference/formulas/weighted-coefficients.csv", "hp", "std_error"));
        assertThat(root.get("provenance").get("options").get("weights").asString())
                .isEqualTo("carb");
        JsonNode withoutIntercept = JSON.readTree(none.out());
        assertThat(terms(withoutIntercept)).containsExactly("wt", "factor(cyl)4", "factor(cyl)6", "factor(cyl)8");
        assertRelative(
                withoutIntercept.get("model").get("r_squared").asDouble(),
                reference("reference/formulas/no-intercept-factor-model.csv", "r_squared", "value"));
    }

    @Test
    void collateChoosesRsReferenceLevel() throws Exception {
        String nordic = data("nordic.csv");
        Run danish = run("regress", nordic, "--formula", "y ~ place", "--collate", "da-DK");
        Run c = run("regress", nordic, "--formula", "y ~ place", "--collate", "c");

        // R: levels(factor(place)) starts with Arendal in da_DK (Aalborg is read as Ålborg, after Z) and Aalborg in C
        assertThat(JSON.readTree(danish.out())
                        .get("coefficients")
                        .get(1)
                        .get("term")
                        .asString())
                .isEqualTo("placeBergen");
        assertThat(JSON.readTree(danish.out())
                        .get("provenance")
                        .get("options")
                        .get("collate")
                        .asString())
                .isEqualTo("da-DK");
        assertThat(JSON.readTree(c.out()).get("coefficients").get(1).get("term").asString())
                .isEqualTo("placeArendal");
        Run bad = run("regress", nordic, "--formula", "y ~ place", "--collate", "?");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void unsupportedFormulaSyntaxIsABadInputWithThePosition() {
        Run poly = run("regress", MTCARS, "--formula", "mpg ~ poly(wt, 2)");
        Run power = run("regress", MTCARS, "--formula", "mpg ~ (wt + hp)^2");
        Run unknown = run("regress", MTCARS, "--formula", "mpg ~ ns(wt)");

        assertThat(poly.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(poly.err()).contains("error: --formula: formula 'mpg ~ poly(wt, 2)', at character 7 ('poly')");
        assertThat(power.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(power.err()).contains("at character 16 ('^')");
        assertThat(unknown.err()).contains("unknown function ns()");
    }

    @Test
    void logOfZeroNamesTheRowAndTheFileLine() {
        Run run = run("regress", MTCARS, "--formula", "mpg ~ log(am)");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        // mtcars row 4 (Hornet 4 Drive) has am = 0; the file's line is 5 (the header is line 1)
        assertThat(run.err()).contains("log(am) is not defined for am = 0 in data row 4", "line 5)");
    }

    @Test
    void dotUsesEveryOtherColumn() throws Exception {
        Run run = run("regress", data("iris.csv"), "--formula", "Sepal.Length ~ .");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertRelative(
                coefficient(JSON.readTree(run.out()), "Speciesvirginica")
                        .get("estimate")
                        .asDouble(),
                reference("reference/formulas/dot-coefficients.csv", "Speciesvirginica", "estimate"));
    }

    private static java.util.List<String> terms(JsonNode root) {
        java.util.List<String> terms = new java.util.ArrayList<>();
        root.get("coefficients").forEach(c -> terms.add(c.get("term").asString()));
        return terms;
    }

    private static JsonNode coefficient(JsonNode root, String term) {
        for (JsonNode c : root.get("coefficients")) {
            if (c.get("term").asString().equals(term)) {
                return c;
            }
        }
        throw new AssertionError("no coefficient " + term + " in " + root);
    }

    private static void assertRelative(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
    }
}
