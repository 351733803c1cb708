package org.alliance.app.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.ToDoubleBiFunction;
import org.alliance.core.instrument.Language;
import org.alliance.stats.factor.CfaOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Reliability and factor structure on a study's own data: α with its intervals and ω per scale, the three-factor CFA
 * of the alliance questionnaire next to one factor with their fit indices and the difference test, measurement
 * invariance across the check-ins' languages (configural, metric, scalar), under ML and MLR, held back under the
 * small-number rule, and the report's R script (psych and lavaan) giving the same figures on the downloaded data.csv.
 */
class StudyStructureTest extends ReportPageTest {

    @Autowired
    Studies studies;

    @Autowired
    StructureAnalysis structure;

    @TempDir
    Path folder;

    /** Added to the level of an answer by language and item ({@code tasks-2}): a shift of the item's intercept. */
    private ToDoubleBiFunction<Language, String> shift = (language, item) -> 0;

    /** All clients answer in English. */
    private void setUp(int professionals, long seed) throws Exception {
        setUp(professionals, seed, 25, client -> Language.EN);
    }

    /**
     * {@code professionals} × 6 clients, each with two alliance check-ins (the report takes the first) in the client's
     * language. Answers follow three correlated factors: a client's general level plus a level per dimension plus
     * noise, rounded to 1..5; one answer in {@code missing} is left out.
     */
    private void setUp(int professionals, long seed, int missing, IntFunction<Language> languageOf) throws Exception {
        study = StudyLinkageTest.study(studies, world);
        Random random = new Random(seed);
        for (int p = 0; p < professionals; p++) {
            String name = "s" + p + "-" + world.suffix;
            long professional = world.newProfessional(name).id();
            for (int c = 0; c < 6; c++) {
                long client = world.newClient(professional, "S" + p + c);
                Language language = languageOf.apply(6 * p + c);
                double general = random.nextGaussian();
                for (int m = 0; m < 2; m++) {
                    long meeting = world.newMeeting(client, professional, LocalDate.of(2026, 3, 2 + 7 * m));
                    Map<String, Double> answers = new LinkedHashMap<>();
                    for (String scale : List.of("bond", "tasks", "goals")) {
                        double level = 3.4 + 0.7 * general + 0.5 * random.nextGaussian();
                        for (int i = 1; i <= 4; i++) {
                            if (random.nextInt(missing) == 0) {
                                continue;
                            }
                            long value = Math.round(level
                                    + shift.applyAsDouble(language, scale + "-" + i)
                                    + 0.6 * random.nextGaussian());
                            answers.put(scale + "-" + i, (double) Math.max(1, Math.min(5, value)));
                        }
                    }
                    Instant at = Instant.parse("2026-03-02T10:00:00Z").plusSeconds(7L * 86400 * m);
                    world.imported(meeting, client, language, at, answers);
                }
            }
        }
    }

    /** The report with the default estimator (MLR). */
    private String run() throws Exception {
        return run(Optional.empty());
    }

    private String run(Optional<String> estimator) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(
                        "/research/studies/" + study + "/reports/structure")
                .param("summary", "first");
        estimator.ifPresent(e -> request.param("estimator", e));
        return started(request, world.researcher);
    }

    /**
     * STATISTICS.md: α is closed form (1e-8); ω and CFA estimates at lavaan's convergence (1e-4); a model's own χ² and
     * df tighter. What rests on the estimates (scaled χ², scaling factors, differences of scaled χ²) at 1e-4.
     */
    private static double tolerance(String figure) {
        if (figure.startsWith("alpha.")) {
            return 1e-8;
        }
        if (figure.endsWith(".chisq") || figure.endsWith(".df") || figure.endsWith(".df.diff")) {
            return 1e-6;
        }
        return 1e-4;
    }

    /**
     * 108 clients: 54 in English, 50 in Norwegian, 4 in Danish (too few: left out of the invariance steps and named). One
     * answer in 100 is left out, so that most clients answered every item.
     */
    private void setUpThreeLanguages() throws Exception {
        setUp(18, 13, 100, k -> k % 27 == 26 ? Language.DA : k % 2 == 0 ? Language.EN : Language.NB);
    }

    @Test
    void theReportShowsAlphaOmegaBothModelsTheDifferenceTestAndInvarianceUnderMlrAndRReproducesThem() throws Exception {
        setUpThreeLanguages();
        String report = run();
        assertThat(report).matches("/research/studies/\\d+/reports/\\d+");
        String page = get(report).getContentAsString();
        assertThat(page)
                .contains("Reliability and factor structure")
                .contains("Reliability per scale: Our work together")
                .contains("95% interval (Feldt)")
                .contains("Factor analysis (CFA), Our work together: Bond, Tasks, Goals")
                .contains("One factor")
                .contains("3 correlated factors")
                .contains("One factor against Bond, Tasks, Goals, Our work together: difference test")
                .contains("Satorra–Bentler (2001) scaled χ² difference (MLR)")
                .contains("Measurement invariance across languages (en (")
                .contains("Metric (loadings equal) against Configural (same structure)")
                .containsPattern("measurement invariance across languages: left out, fewer than 5 clients who"
                        + " answered every item: da \\([0-4]\\)")
                .contains("bond =~ alliance_client_bond_1")
                .contains("rmsea.ci.upper")
                .contains("cfi.robust")
                .contains("alliance-client 1.0.0")
                .contains("estimator=MLR")
                .contains("psych and lavaan")
                .doesNotContain("outcomes.csv\"");
        StudyReport stored = stored(report);
        assertThat(stored.figures())
                .as(
                        "scaling factors %s, %s",
                        stored.figures().get("cfa.alliance-client.total.chisq.scaling.factor"),
                        stored.figures().get("cfa1.alliance-client.total.chisq.scaling.factor"))
                .containsKeys(
                        "alpha.alliance-client.bond.raw",
                        "alpha.alliance-client.goals.feldt.lower",
                        "omega.alliance-client.tasks",
                        "cfa.alliance-client.total.cfi",
                        "cfa.alliance-client.total.cfi.robust",
                        "cfa.alliance-client.total.std.bond.tasks",
                        "cfa1.alliance-client.total.chisq.scaled",
                        "lrt.alliance-client.total.chisq.diff",
                        "mi.alliance-client.total.configural.rmsea.robust",
                        "mi.alliance-client.total.scalar.chisq.diff")
                .containsEntry("cfa.alliance-client.total.df", 51.0)
                .containsEntry("cfa1.alliance-client.total.df", 54.0)
                .containsEntry("lrt.alliance-client.total.df.diff", 3.0)
                // Two groups of 12 items: configural 2 × 51; metric 9 loadings more; scalar 12 intercepts − 3 means.
                .containsEntry("mi.alliance-client.total.configural.df", 102.0)
                .containsEntry("mi.alliance-client.total.metric.df.diff", 9.0)
                .containsEntry("mi.alliance-client.total.scalar.df.diff", 9.0);
        assertThat(stored.figures().get("alpha.alliance-client.bond.raw")).isBetween(0.5, 1.0);
        // The data have three correlated factors with noise per dimension: one factor fits clearly worse.
        assertThat(stored.figures().get("lrt.alliance-client.total.pvalue")).isLessThan(0.05);
        assertReproducedInR(report, stored);

        String ml = run(Optional.of("ML"));
        assertThat(get(ml).getContentAsString())
                .contains("the χ² difference (ML), as lavTestLRT")
                .contains("estimator=ML")
                .doesNotContain("cfi.robust");
        StudyReport storedMl = stored(ml);
        assertThat(storedMl.figures())
                .containsKeys("lrt.alliance-client.total.chisq.diff", "mi.alliance-client.total.metric.chisq.diff")
                .doesNotContainKey("cfa.alliance-client.total.chisq.scaled");
        // ML and MLR share the point estimates, so the unscaled χ² is the same.
        assertThat(storedMl.figures().get("cfa.alliance-client.total.chisq"))
                .isCloseTo(stored.figures().get("cfa.alliance-client.total.chisq"), within(1e-6));
        assertReproducedInR(ml, storedMl);
    }

    /**
     * On 72 clients (seed 13) the one-factor model's MLR scaling factor is so much below the subscale model's that the
     * Satorra–Bentler (2001) correction of their difference is negative: lavaan warns and gives NA, and the report
     * shows no test either, but says why.
     */
    /**
     * The Norwegian clients answer Tasks item 2 one point higher than the others at the same level: scalar invariance
     * is rejected, and freeing that item's intercept (and only it) gives a partial scalar model that holds, under ML
     * and MLR; the R script's search with group.partial frees the same intercept and gives the same figures.
     */
    @Test
    void aRejectedScalarStepFreesTheShiftedInterceptAsGroupPartialInLavaanDoes() throws Exception {
        shift = (language, item) -> language == Language.NB && item.equals("tasks-2") ? 1.0 : 0;
        setUp(18, 13, 100, k -> k % 2 == 0 ? Language.EN : Language.NB);
        for (Optional<String> estimator : List.of(Optional.<String>empty(), Optional.of("ML"))) {
            String report = run(estimator);
            StudyReport stored = stored(report);
            String key = "mi.alliance-client.total.";
            assertThat(stored.figures().get(key + "metric.pvalue")).isGreaterThanOrEqualTo(0.05);
            assertThat(stored.figures().get(key + "scalar.pvalue")).isLessThan(0.05);
            assertThat(stored.figures())
                    .doesNotContainKey(key + "partial.metric.freed")
                    .containsEntry(key + "partial.scalar.freed", 1.0)
                    .containsEntry(key + "partial.scalar.reached", 1.0)
                    // One intercept fewer held equal than in the scalar step.
                    .containsEntry(key + "partial.scalar.df.diff", 8.0);
            assertThat(stored.figures().get(key + "partial.scalar.pvalue")).isGreaterThanOrEqualTo(0.05);
            assertThat(get(report).getContentAsString())
                    .contains("Partial measurement invariance, against the step before")
                    .contains("Partial scalar (some intercepts free): holds after freeing the intercept of"
                            + " alliance_client_tasks_2.")
                    .contains("lavaan’s group.partial");
            assertReproducedInR(report, stored);
        }
        // The progress moves while the models are fitted (after reading the data at 40 %), never backwards.
        List<Integer> seen = new ArrayList<>();
        structure.run(
                studies.find(world.organisation, study).orElseThrow(),
                new StructureAnalysis.Options(Optional.empty(), CfaOptions.Estimator.MLR),
                seen::add);
        assertThat(seen).isSorted().doesNotHaveDuplicates().contains(40, 90);
        assertThat(seen.stream().filter(p -> p > 40 && p < 90)).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aNegativeScalingCorrectionLeavesNoDifferenceTestAsInLavaan() throws Exception {
        setUp(12, 13, 100, k -> k % 18 == 17 ? Language.DA : k % 2 == 0 ? Language.EN : Language.NB);
        String report = run();
        assertThat(get(report).getContentAsString())
                .contains("One factor against Bond, Tasks, Goals, Our work together: difference test")
                .contains("the scaling correction of the difference is not positive")
                .contains("the scaled difference test cannot be computed");
        StudyReport stored = stored(report);
        assertThat(stored.figures())
                .containsKeys("cfa1.alliance-client.total.chisq.scaling.factor", "mi.alliance-client.total.metric.df")
                .doesNotContainKey("lrt.alliance-client.total.chisq.diff");
        assertReproducedInR(report, stored);
    }

    @Test
    void withOneLanguageTheReportSaysSoInsteadOfInvarianceFigures() throws Exception {
        setUp(8, 13);
        String report = run();
        String page = get(report).getContentAsString();
        assertThat(page)
                .contains("Factor analysis (CFA), Our work together: Bond, Tasks, Goals")
                .containsPattern("no measurement invariance across languages, fewer than two languages with at least 5"
                        + " clients who answered every item \\(en \\(\\d+\\)\\)");
        assertThat(stored(report).figures())
                .noneSatisfy((name, value) -> assertThat(name).startsWith("mi."));
    }

    @Test
    void anUnknownEstimatorIsRefused() throws Exception {
        setUp(1, 3);
        MockHttpServletResponse response = mvc.perform(
                        MockMvcRequestBuilders.post("/research/studies/" + study + "/reports/structure")
                                .param("summary", "first")
                                .param("estimator", "WLSMV")
                                .param("lang", "en")
                                .with(csrf())
                                .with(user(world.researcher)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString()).contains("Choose ML or MLR.");
    }

    /** Runs the report's R script on the export's data.csv and compares every figure, both ways. */
    private void assertReproducedInR(String report, StudyReport stored) throws Exception {
        String rscript = ExternalTools.require("Rscript", "r-base-core, r-cran-psych and r-cran-lavaan");
        Files.writeString(folder.resolve("data.csv"), export().get("data.csv"));
        Files.write(folder.resolve("report.R"), get(report + "/reproduce.R").getContentAsByteArray());
        String output = ExternalTools.run(folder, rscript, "report.R");
        Map<String, Double> printed = new HashMap<>();
        for (String line : output.split("\n")) {
            if (line.matches("(alpha|omega|cfa1?|lrt|mi)\\.[^=\\s]+=\\S+")) {
                int eq = line.indexOf('=');
                printed.put(
                        line.substring(0, eq),
                        Double.parseDouble(line.substring(eq + 1).strip()));
            }
        }
        List<String> wrong = new ArrayList<>();
        stored.figures().forEach((name, value) -> {
            Double r = printed.get(name);
            if (r == null || Math.abs(r - value) > tolerance(name) * Math.max(1, Math.abs(value))) {
                wrong.add(name + ": Alliance " + value + ", R " + r);
            }
        });
        assertThat(wrong).as(output).isEmpty();
        assertThat(printed.keySet())
                .as(output)
                .containsExactlyInAnyOrderElementsOf(stored.figures().keySet());
    }

    @Test
    void withFewerThanFiveProfessionalsNoFigureIsShown() throws Exception {
        setUp(4, 17);
        String report = run();
        String page = get(report).getContentAsString();
        assertThat(page)
                .contains("Our work together: not shown, fewer than 5 clients or professionals (24 clients, 4"
                        + " professionals).")
                .doesNotContain("95% interval (Feldt)");
        assertThat(stored(report).figures()).isEmpty();
    }
}
