package org.alliance.app.cli.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliance.app.cli.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command end to end on the committed Holzinger-Swineford data (the estimator itself is tested in stats). */
class CfaCommandTest {

    private static final String HS = Path.of(
                    "..", "alliance-stats", "src", "test", "resources", "data", "HolzingerSwineford1939.csv")
            .toString();
    private static final String MODEL = "visual =~ x1 + x2 + x3; textual =~ x4 + x5 + x6; speed =~ x7 + x8 + x9";

    private static JsonNode json(CommandRun run) {
        return JsonMapper.builder().build().readTree(run.out());
    }

    @Test
    void jsonHasParametersFitImpliedWarningsAndProvenanceWithLavaansNames() {
        CommandRun run = CommandRun.run("cfa", HS, "--model", MODEL);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = json(run);
        // lavaan 0.6.14: chisq 85.306, df 24, CFI .931, RMSEA .092, SRMR .065
        assertThat(doc.at("/fit/chisq").doubleValue()).isCloseTo(85.3055, within(1e-3));
        assertThat(doc.at("/fit/df").doubleValue()).isEqualTo(24);
        assertThat(doc.at("/fit/cfi").doubleValue()).isCloseTo(0.931, within(5e-4));
        assertThat(doc.at("/fit/rmsea").doubleValue()).isCloseTo(0.092, within(5e-4));
        assertThat(doc.at("/fit/srmr").doubleValue()).isCloseTo(0.065, within(5e-4));
        JsonNode first = doc.at("/parameters/0");
        assertThat(first.propertyNames())
                .contains("lhs", "op", "rhs", "group", "est", "se", "z", "pvalue", "ci.lower", "ci.upper", "std.all");
        assertThat(first.get("lhs").stringValue()).isEqualTo("visual");
        assertThat(first.get("z").isNull()).isTrue();
        assertThat(doc.at("/parameters/1/est").doubleValue()).isCloseTo(0.5535, within(1e-4));
        assertThat(doc.at("/implied/0/cov/0/0").doubleValue()).isCloseTo(1.35837, within(1e-4));
        assertThat(doc.at("/warnings").isArray()).isTrue();
        assertThat(doc.at("/provenance/options/estimator").stringValue()).isEqualTo("ml");
        assertThat(doc.at("/provenance/software").stringValue()).startsWith("alliance ");
        assertThat(doc.at("/provenance/conventions").stringValue()).contains("lavaan");
    }

    /** lavTestLRT(configural, metric, scalar) on HS by school (alliance-stats/src/test/r/cfa.R). */
    @Test
    void compareFitsTheInvarianceStepsAndTestsEachAgainstTheOneBeforeAsLavTestLrt() throws Exception {
        CommandRun run = CommandRun.run("cfa", HS, "--model", MODEL, "--group", "school", "--compare");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = json(run);
        assertThat(doc.at("/valid").booleanValue()).isTrue();
        List<String> reference = lavaan("compare-hs-invariance.csv");
        for (int i = 0; i < 3; i++) {
            String[] cells = reference.get(i + 1).replace("\"", "").split(",");
            assertThat(doc.at("/steps/" + i + "/fit/chisq").doubleValue())
                    .isCloseTo(Double.parseDouble(cells[4]), within(1e-6));
            if (i > 0) {
                assertThat(doc.at("/tests/" + (i - 1) + "/chisq_diff").doubleValue())
                        .isCloseTo(Double.parseDouble(cells[5]), within(1e-6));
                assertThat(doc.at("/tests/" + (i - 1) + "/df_diff").doubleValue())
                        .isEqualTo(Double.parseDouble(cells[7]));
            }
        }
        assertThat(doc.at("/steps/2/step").stringValue()).isEqualTo("scalar");
        assertThat(doc.at("/tests/1/restricted").stringValue()).isEqualTo("scalar");
        assertThat(doc.at("/tests/1/delta_cfi").doubleValue()).isNegative();
        CommandRun text = CommandRun.run(
                "cfa",
                HS,
                "--model",
                MODEL,
                "--group",
                "school",
                "--compare",
                "--estimator",
                "mlr",
                "--group-partial",
                "x3~1,x7~1",
                "--format",
                "text");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("left free: x3~1, x7~1")
                .contains("scalar vs metric")
                .contains("Satorra-Bentler (2001) scaled");
    }

    /** modindices(cfa(HS)) of alliance-stats/src/test/r/cfa.R (hs-ml-mi.csv), every row, then filtered and sorted. */
    @Test
    void modificationIndicesAreLavaansRowsInJsonAndText() throws Exception {
        CommandRun run = CommandRun.run("cfa", HS, "--model", MODEL, "--modification-indices");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rows = json(run).at("/modification_indices");
        List<String> reference = lavaan("hs-ml-mi.csv");
        assertThat(rows.size()).isEqualTo(reference.size() - 1).isEqualTo(54);
        for (int i = 1; i < reference.size(); i++) {
            String[] f = reference.get(i).replace("\"", "").split(",");
            JsonNode row = rows.get(i - 1);
            assertThat(row.get("lhs").stringValue()
                            + row.get("op").stringValue()
                            + row.get("rhs").stringValue())
                    .isEqualTo(f[0] + f[1] + f[2]);
            // lavaan's default fit stops at gradient ~1e-6: mi and epc agree to ~5e-5 relative (docs/cfa.md).
            assertThat(row.get("mi").doubleValue())
                    .as(f[0] + f[1] + f[2])
                    .isCloseTo(Double.parseDouble(f[4]), within(1e-4 * Math.max(1, Double.parseDouble(f[4]))));
            assertThat(row.get("epc").doubleValue()).isCloseTo(Double.parseDouble(f[5]), within(1e-4));
            assertThat(row.get("sepc.all").doubleValue()).isCloseTo(Double.parseDouble(f[7]), within(1e-4));
        }
        assertThat(json(run).at("/provenance/options/mi.minimum").doubleValue()).isZero();

        CommandRun sorted = CommandRun.run(
                "cfa", HS, "--model", MODEL, "--modification-indices", "--mi-minimum", "10", "--mi-sort");
        JsonNode top = json(sorted).at("/modification_indices");
        // lavaan: visual =~ x9 36.411, x7 ~~ x8 34.145, visual =~ x7 18.631, x8 ~~ x9 14.946
        assertThat(top.size()).isEqualTo(4);
        assertThat(top.get(0).get("rhs").stringValue()).isEqualTo("x9");
        assertThat(top.get(1).get("lhs").stringValue() + top.get(1).get("rhs").stringValue())
                .isEqualTo("x7x8");
        assertThat(top.get(3).get("mi").doubleValue()).isCloseTo(14.946, within(1e-3));

        CommandRun text = largestIndicesAsText();
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("Modification indices (ML expected information, mi >= 10.000, largest first):")
                .containsPattern("visual +=~ +x9 +36\\.411 +0\\.577 +0\\.519 +0\\.515");
        assertThat(CommandRun.run("cfa", HS, "--model", MODEL).out()).doesNotContain("modification_indices");
    }

    @Test
    void modificationIndicesRefuseWhatIsNotImplemented() {
        assertRefused("add --modification-indices", "--mi-sort");
        assertRefused("add --modification-indices", "--mi-minimum", "3.84");
        assertRefused("--mi-minimum must be a number at least 0", "--modification-indices", "--mi-minimum", "-1");
    }

    @Test
    void compareGivesEachStepsModificationIndicesAsLavaan() throws java.io.IOException {
        CommandRun run =
                CommandRun.run("cfa", HS, "--model", MODEL, "--group", "school", "--compare", "--modification-indices");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode steps = json(run).at("/steps");
        String[] references = {"hs-configural", "hs-metric", "hs-scalar"};
        for (int s = 0; s < references.length; s++) {
            // lavaan: modindices(fit) of cfa(..., group = "school", group.equal = ...) for each step (cfa.R).
            List<String> lines = lavaan(references[s] + "-mi.csv");
            JsonNode rows = steps.get(s).get("modification_indices");
            assertThat(rows.size()).as(references[s]).isEqualTo(lines.size() - 1);
            for (int r = 1; r < lines.size(); r++) {
                String[] cells = lines.get(r).replace("\"", "").split(",");
                JsonNode row = rows.get(r - 1);
                assertThat(row.get("lhs").stringValue() + row.get("op").stringValue()
                                + row.get("rhs").stringValue() + "/"
                                + row.get("group").intValue())
                        .isEqualTo(cells[0] + cells[1] + cells[2] + "/" + cells[3]);
                double lavaan = Double.parseDouble(cells[4]);
                // lavaan's own stopping point moves its indices by up to 1e-3 relative (CfaModificationIndicesTest).
                assertThat(row.get("mi").doubleValue())
                        .as(references[s] + " " + lines.get(r))
                        .isCloseTo(lavaan, within(3e-3 * Math.max(Math.abs(lavaan), 0.01)));
            }
        }
        CommandRun text = largestIndicesAsText("--group", "school", "--compare");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("Step configural:")
                .contains("Step metric:")
                .contains("Step scalar:")
                .contains("mi >= 10.000, largest first");
    }

    /** lavaan: lavTestScore(cfa(..., group = "school", group.equal = c("loadings", "intercepts"))), cfa.R. */
    @Test
    void scoreTestsAreLavTestScoreInJsonAndText() throws java.io.IOException {
        String[] scalar = {"cfa", HS, "--model", MODEL, "--group", "school", "--group-equal", "loadings,intercepts"};
        CommandRun run = CommandRun.run(append(scalar, "--score-tests"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode tests = json(run).at("/score_tests");
        List<String> lines = lavaan("hs-scalar-score.csv");
        String[] total = lines.get(1).replace("\"", "").split(",");
        assertThat(tests.get("chisq").doubleValue()).isCloseTo(Double.parseDouble(total[3]), within(1e-2));
        assertThat(tests.get("df").intValue()).isEqualTo(Integer.parseInt(total[4]));
        JsonNode rows = tests.get("univariate");
        assertThat(rows.size()).isEqualTo(lines.size() - 2);
        for (int r = 2; r < lines.size(); r++) {
            String[] cells = lines.get(r).replace("\"", "").split(",");
            JsonNode row = rows.get(r - 2);
            assertThat(row.get("lhs").stringValue() + "==" + row.get("rhs").stringValue())
                    .isEqualTo(cells[0] + "==" + cells[2]);
            double lavaan = Double.parseDouble(cells[3]);
            assertThat(row.get("chisq").doubleValue())
                    .as(lines.get(r))
                    .isCloseTo(lavaan, within(Math.max(1e-3 * lavaan, 1e-4)));
        }
        // .p27. == .p63.: the intercept of x3, the largest (19.193)
        assertThat(rows.get(8).get("parameter").stringValue()).isEqualTo("x3~1");
        assertThat(rows.get(8).get("other_group").intValue()).isEqualTo(2);
        CommandRun text = CommandRun.run(append(scalar, "--score-tests", "--format", "text"));
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("Score tests of the equality constraints (lavTestScore)")
                .contains("total: X2 46.95")
                .contains("x3~1 (1 = 2)");
        CommandRun none = CommandRun.run("cfa", HS, "--model", MODEL, "--score-tests");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("the model has none");
        // With --compare: the metric and the scalar step, each with its own constraints (hs-metric-score.csv: 6).
        CommandRun steps =
                CommandRun.run("cfa", HS, "--model", MODEL, "--group", "school", "--compare", "--score-tests");
        assertThat(steps.exitCode()).as(steps.err()).isZero();
        JsonNode doc = json(steps);
        assertThat(doc.at("/steps/0/score_tests").isMissingNode()).isTrue();
        assertThat(doc.at("/steps/1/score_tests/df").intValue()).isEqualTo(6);
        assertThat(doc.at("/steps/2/score_tests/chisq").doubleValue())
                .isCloseTo(Double.parseDouble(total[3]), within(1e-2));
        CommandRun stepsText = CommandRun.run(
                "cfa", HS, "--model", MODEL, "--group", "school", "--compare", "--score-tests", "--format", "text");
        assertThat(stepsText.out())
                .contains("Step metric:")
                .contains("Step scalar:")
                .contains("lavTestScore");
    }

    @Test
    void modificationIndicesUnderFimlMatchLavaan() {
        // bfi has missing values in 21 of its 25 items; lavaan: cfa(bfi_model, bfi, missing = "ml"), modindices(fit).
        String bfi = Path.of("..", "alliance-stats", "src", "test", "resources", "data", "bfi.csv")
                .toString();
        String model = "agree =~ A1 + A2 + A3 + A4 + A5; consc =~ C1 + C2 + C3 + C4 + C5; extra =~ E1 + E2 + E3 + E4"
                + " + E5; neuro =~ N1 + N2 + N3 + N4 + N5; open =~ O1 + O2 + O3 + O4 + O5";
        CommandRun run = CommandRun.run(
                "cfa",
                bfi,
                "--model",
                model,
                "--missing",
                "ml",
                "--modification-indices",
                "--mi-minimum",
                "100",
                "--mi-sort");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode top = json(run).at("/modification_indices");
        // lavaan: 17 rows with mi >= 100, the largest N1 ~~ N2 (mi 444.004, epc 0.807), then extra =~ N4 (219.497).
        assertThat(top.size()).isEqualTo(17);
        assertThat(top.get(0).get("lhs").stringValue()
                        + top.get(0).get("op").stringValue()
                        + top.get(0).get("rhs").stringValue())
                .isEqualTo("N1~~N2");
        assertThat(top.get(0).get("mi").doubleValue()).isCloseTo(444.004, within(0.5));
        assertThat(top.get(0).get("epc").doubleValue()).isCloseTo(0.8074, within(1e-3));
        assertThat(top.get(1).get("rhs").stringValue()).isEqualTo("N4");
        assertThat(top.get(1).get("mi").doubleValue()).isCloseTo(219.497, within(0.5));
    }

    @Test
    void compareAndGroupPartialRefuseWhatCannotWorkWithExitTwo() {
        assertRefused("--compare needs --group COLUMN", "--compare");
        assertRefused("leave out --group-equal", "--group", "school", "--compare", "--group-equal", "loadings");
        assertRefused(
                "--group-partial frees parameters that --group-equal holds equal",
                "--group",
                "school",
                "--group-partial",
                "x3~1");
        String[] metric = {"--group", "school", "--group-equal", "loadings", "--group-partial"};
        assertRefused("the model has no free loading visual=~x9", append(metric, "visual=~x9"));
        assertRefused("--group-partial 'x3~~x4': write a loading as factor=~item", append(metric, "x3~~x4"));
    }

    /** cfa on HS with MODEL and these options is exit 2 with this in its message. */
    private static void assertRefused(String message, String... options) {
        CommandRun run = CommandRun.run(append(new String[] {"cfa", HS, "--model", MODEL}, options));
        assertThat(run.exitCode()).as(String.join(" ", options)).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }

    private static String[] append(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void mlrAddsTheScaledTest() {
        CommandRun run = CommandRun.run("cfa", HS, "--model", MODEL, "--estimator", "mlr");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = json(run);
        assertThat(doc.at("/fit/chisq.scaled").doubleValue()).isCloseTo(87.132, within(1e-3));
        assertThat(doc.at("/fit/chisq.scaling.factor").doubleValue()).isCloseTo(0.979, within(5e-4));
        assertThat(doc.at("/fit/cfi.robust").doubleValue()).isCloseTo(0.92986, within(1e-5));
    }

    @Test
    void groupsAreNumberedInOrderOfFirstAppearance() {
        CommandRun run = CommandRun.run(
                "cfa", HS, "--model", MODEL, "--group", "school", "--group-equal", "loadings,intercepts");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = json(run);
        assertThat(doc.at("/implied/0/label").stringValue()).isEqualTo("Pasteur");
        assertThat(doc.at("/implied/1/label").stringValue()).isEqualTo("Grant-White");
        // lavaan 0.6.14 scalar invariance model: chisq 164.103 on 60 df
        assertThat(doc.at("/fit/chisq").doubleValue()).isCloseTo(164.1028, within(1e-3));
        assertThat(doc.at("/fit/df").doubleValue()).isEqualTo(60);
    }

    @Test
    void textReadsLikeLavaansSummary(@TempDir Path dir) throws Exception {
        Path modelFile = dir.resolve("model.lav");
        Files.writeString(modelFile, "# HS three factors\n" + MODEL.replace("; ", "\n") + "\n");
        CommandRun run = CommandRun.run("cfa", HS, "--model-file", modelFile.toString(), "--format", "text");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Test statistic")
                .contains("85.306")
                .contains("Latent Variables:")
                .contains("  visual =~")
                .contains("Comparative Fit Index (CFI)")
                .contains("0.931");
    }

    @Test
    void regressionsAndDefinedParametersArePrintedInJsonAndText() throws Exception {
        String model = MODEL + "; speed ~ a*visual + b*textual; both := a + b";
        CommandRun run = CommandRun.run("cfa", HS, "--model", model);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rows = json(run).get("parameters");
        double a = Double.NaN;
        double b = Double.NaN;
        JsonNode both = null;
        for (JsonNode row : rows) {
            String key = row.get("lhs").asString()
                    + row.get("op").asString()
                    + row.get("rhs").asString();
            switch (key) {
                case "speed~visual" -> a = row.get("est").asDouble();
                case "speed~textual" -> b = row.get("est").asDouble();
                case "both:=a+b" -> both = row;
                default -> {
                    // other rows
                }
            }
        }
        // lavaan 0.6.14, sem() on the same model (alliance-stats/src/test/resources/reference/cfa/sem/hs-ml).
        String reference = Files.readAllLines(Path.of(
                        "..",
                        "alliance-stats",
                        "src",
                        "test",
                        "resources",
                        "reference",
                        "cfa",
                        "sem",
                        "hs-ml-parameters.csv"))
                .stream()
                .filter(l -> l.startsWith("\"speed\",\"~\",\"visual\""))
                .findFirst()
                .orElseThrow();
        assertThat(a).isCloseTo(Double.parseDouble(reference.split(",")[3].replace("\"", "")), within(1e-4));
        assertThat(both).isNotNull();
        assertThat(both.get("est").asDouble()).isCloseTo(a + b, within(1e-12));
        assertThat(both.get("se").asDouble()).isPositive();
        CommandRun text = CommandRun.run("cfa", HS, "--model", model, "--format", "text");
        assertThat(text.out())
                .contains("Regressions:")
                .contains("  speed ~")
                .contains("    visual (a)")
                .contains("Defined Parameters:")
                .contains("    both ");
    }

    @Test
    void aModelFileThatIsNotUtf8IsBadInputNotARawDecodingError(@TempDir Path dir) throws Exception {
        Path modelFile = dir.resolve("model.lav");
        Files.write(modelFile, ("# Jørgen's model\n" + MODEL.replace("; ", "\n")).getBytes("windows-1252"));
        CommandRun run = CommandRun.run("cfa", HS, "--model-file", modelFile.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("model.lav: the model file is not valid UTF-8")
                .doesNotContain("Malformed");
    }

    @Test
    void badSyntaxIsExitTwoWithLineAndColumn() {
        CommandRun run = CommandRun.run("cfa", HS, "--model", "visual =~ x1 + + x2");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 1, column 16").contains("missing term");
    }

    @Test
    void unknownVariableIsExitTwoAndListsTheColumns() {
        CommandRun run = CommandRun.run("cfa", HS, "--model", "f =~ x1 + x2 + x42");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("x42").contains("the columns are");
    }

    @Test
    void optionsNotImplementedSaySo() {
        CommandRun wlsmv = CommandRun.run("cfa", HS, "--model", MODEL, "--estimator", "wlsmv");
        assertThat(wlsmv.exitCode()).isEqualTo(2);
        assertThat(wlsmv.err()).contains("not implemented");
        CommandRun residuals =
                CommandRun.run("cfa", HS, "--model", MODEL, "--group", "school", "--group-equal", "residuals");
        assertThat(residuals.exitCode()).isEqualTo(2);
        assertThat(residuals.err()).contains("not implemented");
    }

    /** Refused until 2026-12-07 ("not implemented"); now lavaan's cfa(bfi_model, bfi, estimator = "MLR", missing = "ml"). */
    @Test
    void robustFimlMatchesLavaanInJsonAndText() throws java.io.IOException {
        String bfi = Path.of("..", "alliance-stats", "src", "test", "resources", "data", "bfi.csv")
                .toString();
        String model = "agree =~ A1 + A2 + A3 + A4 + A5; consc =~ C1 + C2 + C3 + C4 + C5; extra =~ E1 + E2 + E3 + E4"
                + " + E5; neuro =~ N1 + N2 + N3 + N4 + N5; open =~ O1 + O2 + O3 + O4 + O5";
        CommandRun run = CommandRun.run("cfa", bfi, "--model", model, "--estimator", "mlr", "--missing", "ml");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode fit = json(run).at("/fit");
        java.util.Map<String, Double> lavaan = new java.util.HashMap<>();
        for (String line : lavaan("bfi-fiml-mlr-fit.csv")) {
            String[] cells = line.replace("\"", "").split(",");
            if (!cells[0].equals("name") && !cells[1].equals("NA")) {
                lavaan.put(cells[0], Double.parseDouble(cells[1]));
            }
        }
        for (String name : List.of("chisq.scaled", "chisq.scaling.factor", "cfi.robust", "rmsea.robust")) {
            assertThat(fit.get(name).doubleValue())
                    .as(name)
                    .isCloseTo(lavaan.get(name), within(1e-5 * lavaan.get(name)));
        }
        CommandRun text = CommandRun.run(
                "cfa", bfi, "--model", model, "--estimator", "mlr", "--missing", "ml", "--format", "text");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("MLR").contains("full-information ML").contains("Scaling correction factor");
    }

    private static final String HS_ORDINAL = Path.of(
                    "..", "alliance-stats", "src", "test", "resources", "data", "HolzingerSwineford1939-ordinal.csv")
            .toString();

    /** lavaan 0.6.14, cfa(HS, ordered = all) on HS cut into 3-4 categories (alliance-stats/src/test/r/wlsmv.R). */
    @Test
    void orderedItemsAreFittedByWlsmvWithThresholdsInJsonAndText() {
        CommandRun run = CommandRun.run("cfa", HS_ORDINAL, "--model", MODEL, "--ordered", "all");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = json(run);
        assertThat(doc.at("/provenance/options/estimator").stringValue()).isEqualTo("wlsmv");
        assertThat(doc.at("/fit/chisq").doubleValue()).isCloseTo(44.636658, within(1e-5));
        assertThat(doc.at("/fit/chisq.scaled").doubleValue()).isCloseTo(63.942687, within(1e-5));
        assertThat(doc.at("/fit/cfi.scaled").doubleValue()).isCloseTo(0.961791, within(1e-6));
        // the RMSEA intervals as lavaan's fitMeasures (wlsmv-hs3-fit.csv)
        assertThat(doc.at("/fit/rmsea.ci.lower").doubleValue()).isCloseTo(0.0279655, within(1e-6));
        assertThat(doc.at("/fit/rmsea.ci.upper.scaled").doubleValue()).isCloseTo(0.0968839, within(1e-6));
        assertThat(doc.at("/fit/rmsea.pvalue.scaled").doubleValue()).isCloseTo(0.0337389, within(1e-6));
        JsonNode threshold = doc.at("/parameters/9");
        assertThat(threshold.get("lhs").stringValue()
                        + threshold.get("op").stringValue()
                        + threshold.get("rhs").stringValue())
                .isEqualTo("x1|t1");
        assertThat(threshold.get("est").doubleValue()).isCloseTo(-0.605494, within(1e-6));
        CommandRun listed = CommandRun.run(
                "cfa", HS_ORDINAL, "--model", MODEL, "--ordered", "x1,x2,x3,x4,x5,x6,x7,x8,x9", "--format", "text");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out())
                .containsPattern("Estimator +WLSMV")
                .contains("Thresholds:")
                .contains("x1|t1")
                .contains("63.943")
                .contains("Shift parameter")
                .containsPattern("90 Percent confidence interval - lower +0\\.028")
                .containsPattern("90 Percent confidence interval - upper +0\\.097");
    }

    /**
     * lavaan 0.6.14, cfa(HS, ordered = all, group = "school") on HS cut into 3-4 categories (wlsmv.R): every row of
     * parameterEstimates and the fit measures, at WlsmvEstimatorTest's tolerances (estimates 1e-5 relative, chi-square
     * statistics and indices 1e-6).
     */
    @Test
    void orderedItemsWithGroupsAreConfiguralAsLavaan() {
        String[] args = {"cfa", HS_ORDINAL, "--model", MODEL, "--ordered", "all", "--group", "school"};
        JsonNode doc = jsonOf(args);
        double deviation =
                Math.max(parametersMatch(doc, "wlsmv-hs3-school", 1e-5), fitMatches(doc, "wlsmv-hs3-school"));
        System.out.printf("wlsmv-hs3-school: largest relative deviation from lavaan %.3g%n", deviation);
        assertThat(doc.at("/provenance/options/group").stringValue()).isEqualTo("school");
        assertThat(doc.at("/provenance/options/group.equal").size()).isZero();
        // WlsmvEstimator passed its options as the reference and the reference as the options: the text's first line
        // read "Confirmatory factor analysis (estimator=WLSMV, ... conventions)"
        assertThat(doc.at("/provenance/conventions").stringValue()).startsWith("lavaan ");
        assertThat(doc.at("/implied/1/label").stringValue()).isEqualTo("Grant-White");
        CommandRun text = CommandRun.run(append(args, "--format", "text"));
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .startsWith("Confirmatory factor analysis (lavaan ")
                .contains("Group 1 [Pasteur]:")
                .contains("Group 2 [Grant-White]:")
                .contains("Scales y*:");
        assertThat(text.out().split("Thresholds:", -1)).hasSize(3);
    }

    /**
     * lavaan 0.6.14, cfa(HS, ordered = all, group = "school", group.equal = c("thresholds", "loadings")) (wlsmv.R):
     * thresholds and loadings shared, scale factors and latent means free in group 2. As WlsmvEstimatorTest: lavaan's
     * BFGS polish at the usual tolerances, the solution lavaan printed at 1e-4.
     */
    @Test
    void orderedItemsWithThresholdsAndLoadingsEqualAreLavaansScalarModel() {
        String[] args = {
            "cfa",
            HS_ORDINAL,
            "--model",
            MODEL,
            "--ordered",
            "all",
            "--group",
            "school",
            "--group-equal",
            "thresholds,loadings"
        };
        JsonNode doc = jsonOf(args);
        String polished = "wlsmv-hs3-school-scalar-polished";
        double deviation = Math.max(parametersMatch(doc, polished, 1e-5), fitMatches(doc, polished));
        double printed = parametersMatch(doc, "wlsmv-hs3-school-scalar", 1e-4);
        System.out.printf(
                "wlsmv-hs3-school-scalar: largest relative deviation from lavaan %.3g (polished), %.3g (printed)%n",
                deviation, printed);
        assertThat(doc.at("/provenance/options/group.equal").toString()).isEqualTo("[\"loadings\",\"thresholds\"]");
        // the scale factor of x1 and the mean of visual in group 2, as the text prints them
        String scale = reference(polished, "x1", "~*~", "x1", 2);
        String mean = reference(polished, "visual", "~1", "", 2);
        CommandRun text = CommandRun.run(append(args, "--format", "text"));
        assertThat(text.exitCode()).as(text.err()).isZero();
        String group2 = text.out().substring(text.out().indexOf("Group 2 [Grant-White]:"));
        assertThat(group2.substring(group2.indexOf("Scales y*:")))
                .containsPattern("\\n    x1 +" + java.util.regex.Pattern.quote(scale) + " +\\S+ +\\S+ +\\S+ +1\\.000");
        assertThat(group2.substring(group2.indexOf("Intercepts:"), group2.indexOf("Thresholds:")))
                .containsPattern("\\n    visual +" + java.util.regex.Pattern.quote(mean) + " +\\S+");
    }

    @Test
    void orderedGroupsRefuseWhatIsNotImplementedWithExitTwo() {
        String[] groups = {"--ordered", "all", "--group", "school", "--group-equal"};
        String supported = "WLSMV with several groups supports no --group-equal (configural) or thresholds,loadings"
                + " (scale factors and latent means then free in groups 2 and up, as lavaan); --group-equal ";
        assertRefusedOrdinal(supported + "thresholds is not implemented", append(groups, "thresholds"));
        assertRefusedOrdinal(supported + "loadings is not implemented", append(groups, "loadings"));
        String intercepts = "--group-equal intercepts does not apply to --ordered items: their intercepts are fixed at"
                + " 0 and their thresholds take that place; use --group-equal thresholds,loadings";
        assertRefusedOrdinal(intercepts, append(groups, "loadings,intercepts"));
        assertRefusedOrdinal(intercepts, append(groups, "thresholds,loadings,intercepts"));
        assertRefusedOrdinal(
                "--ordered (WLSMV) with --group-partial is not implemented",
                append(groups, "thresholds,loadings", "--group-partial", "visual=~x2"));
        assertRefusedOrdinal(
                "--ordered (WLSMV) with --compare is not implemented",
                "--ordered",
                "all",
                "--group",
                "school",
                "--compare");
        assertRefusedOrdinal(
                "--ordered (WLSMV) with --score-tests is not implemented",
                append(groups, "thresholds,loadings", "--score-tests"));
        assertRefusedOrdinal(
                "--ordered (WLSMV) with --modification-indices is not implemented",
                "--ordered",
                "all",
                "--group",
                "school",
                "--modification-indices");
        assertRefusedOrdinal(
                "--ordered (WLSMV) with --missing ml (WLSMV uses complete cases, lavaan's default) is not implemented",
                "--ordered",
                "all",
                "--group",
                "school",
                "--missing",
                "ml");
        assertRefusedOrdinal(
                "--group-equal needs --group COLUMN", "--ordered", "all", "--group-equal", "thresholds,loadings");
        String continuous =
                "--group-equal thresholds applies to ordered (ordinal) items, fitted by WLSMV; continuous items have"
                        + " intercepts";
        assertRefused(continuous, "--group", "school", "--group-equal", "thresholds");
        assertRefused(continuous, "--group", "school", "--group-equal", "thresholds,loadings");
        assertRefused(
                "--group-equal 'residuals' is not implemented; use loadings or loadings,intercepts (continuous items)"
                        + " or thresholds,loadings (--ordered items)",
                "--group",
                "school",
                "--group-equal",
                "residuals");
    }

    /** cfa on the ordinal HS with MODEL and these options is exit 2 with exactly this message, and prints nothing. */
    private static void assertRefusedOrdinal(String message, String... options) {
        CommandRun run = CommandRun.run(append(new String[] {"cfa", HS_ORDINAL, "--model", MODEL}, options));
        assertThat(run.exitCode()).as(String.join(" ", options)).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("error: " + message);
        assertThat(run.out()).isEmpty();
    }

    private static JsonNode jsonOf(String... args) {
        CommandRun run = CommandRun.run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = json(run);
        assertThat(doc.at("/valid").booleanValue()).isTrue();
        return doc;
    }

    /**
     * Every row of the JSON parameters against lavaan's parameterEstimates in {@code <caseName>-parameters.csv} (same
     * order, lhs, op, rhs, group, label), est, se and std.all within {@code relative} of lavaan's (plus
     * {@code relative / 10} absolute, WlsmvEstimatorTest's rule); the largest relative deviation seen.
     */
    private static double parametersMatch(JsonNode doc, String caseName, double relative) {
        List<java.util.Map<String, String>> rows = referenceRows(caseName + "-parameters.csv");
        JsonNode parameters = doc.get("parameters");
        assertThat(parameters.size()).as(caseName).isEqualTo(rows.size());
        double largest = 0;
        for (int k = 0; k < rows.size(); k++) {
            java.util.Map<String, String> r = rows.get(k);
            JsonNode p = parameters.get(k);
            String name = r.get("lhs") + r.get("op") + r.get("rhs") + " group " + r.get("group");
            assertThat(p.get("lhs").stringValue() + p.get("op").stringValue()
                            + p.get("rhs").stringValue() + " group "
                            + p.get("group").intValue())
                    .isEqualTo(name);
            assertThat(p.get("label").stringValue()).as(name + " label").isEqualTo(r.get("label"));
            for (String[] column : new String[][] {{"est", "est"}, {"se", "se"}, {"std.all", "std.all"}}) {
                largest =
                        Math.max(largest, close(p.get(column[0]), r.get(column[1]), relative, name + " " + column[0]));
            }
        }
        return largest;
    }

    /** The fit measures of {@code <caseName>-fit.csv} that a reader of a WLSMV fit looks at, within 1e-6 relative. */
    private static double fitMatches(JsonNode doc, String caseName) {
        java.util.Map<String, String> fit = new java.util.HashMap<>();
        for (java.util.Map<String, String> r : referenceRows(caseName + "-fit.csv")) {
            fit.put(r.get("name"), r.get("value"));
        }
        double largest = 0;
        for (String m : List.of(
                "npar",
                "chisq",
                "df",
                "pvalue",
                "chisq.scaled",
                "df.scaled",
                "pvalue.scaled",
                "chisq.scaling.factor",
                "baseline.chisq",
                "baseline.df",
                "cfi",
                "tli",
                "cfi.scaled",
                "tli.scaled",
                "rmsea",
                "rmsea.scaled",
                "rmsea.ci.lower.scaled",
                "rmsea.ci.upper.scaled",
                "srmr")) {
            assertThat(fit).as(caseName + " has " + m).containsKey(m);
            largest = Math.max(largest, close(doc.at("/fit").get(m), fit.get(m), 1e-6, caseName + " " + m));
        }
        return largest;
    }

    /** {@code actual} within {@code relative} of lavaan's {@code expected} (plus relative / 10 absolute); the deviation. */
    private static double close(JsonNode actual, String expected, double relative, String what) {
        if (expected.equals("NA")) {
            assertThat(actual.isNull()).as(what + " (lavaan: NA)").isTrue();
            return 0;
        }
        double e = Double.parseDouble(expected);
        double a = actual.doubleValue();
        assertThat(a).as(what).isCloseTo(e, within(relative * Math.abs(e) + relative / 10));
        return Math.abs(a - e) / Math.max(Math.abs(e), 1e-1);
    }

    /** lavaan's estimate of this row, as the text prints it (three decimals). */
    private static String reference(String caseName, String lhs, String op, String rhs, int group) {
        return referenceRows(caseName + "-parameters.csv").stream()
                .filter(r -> r.get("lhs").equals(lhs)
                        && r.get("op").equals(op)
                        && r.get("rhs").equals(rhs)
                        && r.get("group").equals(String.valueOf(group)))
                .map(r -> String.format(java.util.Locale.ROOT, "%.3f", Double.parseDouble(r.get("est"))))
                .findFirst()
                .orElseThrow();
    }

    /** A reference CSV of wlsmv.R (reference/cfa), each row by its header's names. */
    private static List<java.util.Map<String, String>> referenceRows(String file) {
        try {
            List<String> lines = lavaan(file);
            String[] header = lines.get(0).replace("\"", "").split(",", -1);
            List<java.util.Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.replace("\"", "").split(",", -1);
                java.util.Map<String, String> row = new java.util.HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void orderedRefusesWhatIsNotImplementedWithExitTwo() {
        assertRefused("--ordered (WLSMV) with --missing ml", "--ordered", "all", "--missing", "ml");
        assertRefused("--ordered (WLSMV) with --modification-indices", "--ordered", "all", "--modification-indices");
        assertRefused("--estimator mlr with --ordered is not implemented", "--ordered", "all", "--estimator", "mlr");
        assertRefused("not ordered: x2", "--ordered", "x1");
        // HS's continuous scores are not categories
        assertRefused("whole numbers", "--ordered", "all");
    }

    /** Issue 15: this stopped with "did not converge", exit 0 and χ² 110.845 against lavaan's 110.830. */
    @Test
    void metricInvarianceByGradeConvergesAsLavaanForMlAndMlrWithAndWithoutStdLv() {
        for (String estimator : new String[] {"ml", "mlr"}) {
            for (boolean stdLv : new boolean[] {false, true}) {
                String name = "grade-" + (stdLv ? "stdlv" : "marker") + "-loadings-" + estimator;
                List<String> args = new ArrayList<>(List.of(
                        "cfa",
                        HS,
                        "--model",
                        MODEL,
                        "--group",
                        "grade",
                        "--group-equal",
                        "loadings",
                        "--estimator",
                        estimator));
                if (stdLv) {
                    args.add("--std-lv");
                }
                CommandRun run = CommandRun.run(args.toArray(String[]::new));
                assertThat(run.exitCode()).as(name + ": " + run.err()).isZero();
                JsonNode doc = json(run);
                String reference = "reference/cfa/invariance/" + name + "-fit.csv";
                assertThat(doc.at("/valid").booleanValue()).as(name).isTrue();
                assertThat(doc.at("/converged").booleanValue()).as(name).isTrue();
                assertThat(doc.at("/fit/df").doubleValue())
                        .as(name)
                        .isEqualTo(StatisticsCommandFixtures.reference(reference, "df", "value"));
                double chisq = StatisticsCommandFixtures.reference(reference, "chisq", "value");
                assertThat(doc.at("/fit/chisq").doubleValue()).as(name).isCloseTo(chisq, within(1e-8 * chisq));
                assertThat(doc.at("/fit/ntotal").doubleValue()).isEqualTo(300);
            }
        }
    }

    @Test
    void aFitThatDidNotConvergeExitsOneAndIsMarkedNotValid() {
        String[] args = {
            "cfa", HS, "--model", MODEL, "--group", "grade", "--group-equal", "loadings", "--max-iterations", "2"
        };
        CommandRun run = CommandRun.run(args);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("did not converge");
        JsonNode doc = json(run);
        assertThat(doc.propertyNames().iterator().next()).isEqualTo("valid");
        assertThat(doc.at("/valid").booleanValue()).isFalse();
        assertThat(doc.at("/converged").booleanValue()).isFalse();
        assertThat(doc.at("/not_valid_because").stringValue()).contains("none of the figures is a valid result");
        assertThat(doc.at("/provenance/options/max_iterations").intValue()).isEqualTo(2);

        List<String> text = new ArrayList<>(List.of(args));
        text.addAll(List.of("--format", "text"));
        CommandRun textRun = CommandRun.run(text.toArray(String[]::new));
        assertThat(textRun.exitCode()).isEqualTo(1);
        assertThat(textRun.out())
                .startsWith("*** NOT VALID")
                .contains("Optimiser converged")
                .contains("NO after");
        assertThat(textRun.out().strip()).endsWith("***");
    }

    @Test
    void aConvergedFitIsValid() {
        CommandRun run = CommandRun.run("cfa", HS, "--model", MODEL);
        assertThat(run.exitCode()).isZero();
        assertThat(json(run).at("/valid").booleanValue()).isTrue();
        assertThat(CommandRun.run("cfa", HS, "--model", MODEL, "--format", "text")
                        .out())
                .doesNotContain("NOT VALID");
    }

    @Test
    void aModelIsRequired() {
        CommandRun run = CommandRun.run("cfa", HS);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--model");
    }

    /** A reference output of alliance-stats/src/test/r/cfa.R (lavaan), one line a row after the header. */
    private static List<String> lavaan(String file) throws java.io.IOException {
        return Files.readAllLines(
                Path.of("..", "alliance-stats", "src", "test", "resources", "reference", "cfa", file));
    }

    /** The text output of cfa on HS with the modification indices of 10 and more, largest first ({@code more}: other options). */
    private static CommandRun largestIndicesAsText(String... more) {
        List<String> arguments = new ArrayList<>(List.of("cfa", HS, "--model", MODEL));
        arguments.addAll(List.of(more));
        arguments.addAll(List.of("--modification-indices", "--mi-minimum", "10", "--mi-sort", "--format", "text"));
        return CommandRun.run(arguments.toArray(String[]::new));
    }
}
