package org.alliance.app.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.alliance.app.system.CurrentUser;
import org.alliance.core.instrument.Language;
import org.alliance.core.research.StudyPseudonyms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The Danish analysis on a small study (six professionals, three clients each): run from the analyses page, kept as
 * a report with its provenance, the small-number rule, and the report's R script giving the same numbers on the
 * downloaded files.
 */
class StudyAnalysisTest extends ReportPageTest {

    @Autowired
    Studies studies;

    @TempDir
    Path folder;

    /** A study whose clients answer alliance-client in March; {@code professionals} × 3 clients. */
    private void setUp(int professionals, long seed) throws Exception {
        study = StudyLinkageTest.study(studies, world);
        StudyPseudonyms pseudonyms = new StudyPseudonyms(studies.secret(study));
        Random random = new Random(seed);
        StringBuilder register = new StringBuilder("study_pseudonym;outcome;date;value;age_band;years_on_benefit\n");
        for (int p = 0; p < professionals; p++) {
            String name = "p" + p + "-" + world.suffix;
            long professional = world.newProfessional(name).id();
            for (int c = 0; c < 3; c++) {
                long client = world.newClient(professional, "C" + p + c);
                double level = 2 + random.nextInt(4);
                double sum = 0;
                for (int m = 0; m < 2; m++) {
                    long meeting = world.newMeeting(client, professional, LocalDate.of(2026, 3, 2 + 7 * m));
                    Map<String, Double> answers = new LinkedHashMap<>();
                    for (String scale : List.of("bond", "tasks", "goals")) {
                        for (int i = 1; i <= 4; i++) {
                            double value = Math.max(1, Math.min(5, level + random.nextInt(3) - 1));
                            answers.put(scale + "-" + i, value);
                            sum += value;
                        }
                    }
                    Instant at =
                            Instant.parse("2026-03-0" + (2 + m) + "T10:00:00Z").plusSeconds(7L * 86400 * m);
                    world.imported(meeting, client, Language.EN, at, answers);
                }
                double alliance = sum / 24;
                double hours = 4 + 3 * alliance + random.nextGaussian() * 2;
                int years = random.nextInt(6);
                register.append(pseudonyms.pseudonym(StudyPseudonyms.Kind.CLIENT, client))
                        .append(";hours;30-09-2026;")
                        .append(String.format(java.util.Locale.ROOT, "%.2f", hours)
                                .replace('.', ','))
                        .append(';')
                        .append(c % 2 == 0 ? "18-29" : "30-49")
                        .append(';')
                        .append(years)
                        .append('\n');
                // Employed more often with a higher alliance (logistic, for glm and glmer).
                boolean employed = random.nextDouble() < 1 / (1 + Math.exp(-0.8 * (alliance - 3.5)));
                register.append(pseudonyms.pseudonym(StudyPseudonyms.Kind.CLIENT, client))
                        .append(";employed;30-09-2026;")
                        .append(employed ? "yes" : "no")
                        .append(';')
                        .append(c % 2 == 0 ? "18-29" : "30-49")
                        .append(';')
                        .append(years)
                        .append('\n');
            }
        }
        byte[] file = register.toString().getBytes(StandardCharsets.UTF_8);
        MockHttpServletResponse checked = mvc.perform(
                        MockMvcRequestBuilders.multipart("/research/studies/" + study + "/outcomes/preview")
                                .file(new MockMultipartFile("file", "register.csv", "text/csv", file))
                                .param(
                                        "declarations",
                                        "hours number\nemployed yes-no\nage_band category\nyears_on_benefit number")
                                .with(csrf())
                                .with(user(world.researcher)))
                .andReturn()
                .getResponse();
        assertThat(checked.getStatus()).as(checked.getContentAsString()).isEqualTo(200);
        assertThat(mvc.perform(MockMvcRequestBuilders.post("/research/studies/" + study + "/outcomes")
                                .param("sha256", Fingerprints.sha256(file))
                                .with(csrf())
                                .with(user(world.researcher)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
    }

    private String run(CurrentUser who) throws Exception {
        return run(who, "hours");
    }

    private String run(CurrentUser who, String outcome) throws Exception {
        return started(
                MockMvcRequestBuilders.post("/research/studies/" + study + "/reports/outcome")
                        .param("outcome", outcome)
                        .param("summary", "first")
                        .param("covariates", "age_band", "years_on_benefit"),
                who);
    }

    @Test
    void theReportShowsTheClusteredRegressionWithItsProvenanceAndRReproducesIt() throws Exception {
        setUp(6, 7);
        String report = run(world.researcher);
        assertThat(report).matches("/research/studies/\\d+/reports/\\d+");
        String page = get(report).getContentAsString();
        assertThat(page)
                .contains("hours on the alliance")
                .contains("Professionals (clusters)")
                .contains("alliance")
                .contains("age_band30-49")
                .contains("vcovCL(fit, cluster = ~ professional)")
                .contains("Coefficients with a random intercept per professional")
                .contains("lmer(REML = TRUE) of y ~ alliance + age_band + years_on_benefit + (1 | professional)")
                .contains("alliance-client 1.0.0")
                .doesNotContain("http-equiv=\"refresh\"");
        assertThat(get("/research/studies/" + study + "/reports").getContentAsString())
                .contains("hours");

        StudyReport stored = stored(report);
        assertThat(stored.figures()).containsEntry("n", 18.0).containsKey("coef.alliance.estimate");

        // The same report as a PDF: every table row and every provenance line, as the page shows them.
        MockHttpServletResponse pdf = get(report + "/report.pdf");
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        String pdfText;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.getContentAsByteArray())) {
            pdfText = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        for (StudyReport.Table table : stored.tables()) {
            // a long caption wraps in the PDF: compared with the line breaks as spaces
            assertThat(pdfText.replaceAll("\\s+", " ")).contains(table.caption().replaceAll("\\s+", " "));
            for (List<String> row : table.rows()) {
                assertThat(pdfText.replaceAll("\\s+", " ")).contains(String.join(" ", row));
            }
        }
        java.util.Locale language =
                studies.find(world.organisation, study).orElseThrow().language().locale();
        stored.provenanceLines(context.getBean(org.springframework.context.MessageSource.class), language)
                .forEach((name, value) -> assertThat(pdfText.replaceAll("\\s+", " "))
                        .contains((name + ": " + value).replaceAll("\\s+", " ")));

        reproducesInR(report, stored);
    }

    /**
     * Runs the report's R script on the files the researcher downloads; the figures agree: the regression to 1e-8
     * relative (STATISTICS.md), the random-intercept model to 1e-4 (lme4's own convergence is loose).
     */
    private void reproducesInR(String report, StudyReport stored) throws Exception {
        String rscript =
                ExternalTools.require("Rscript", "r-base-core, r-cran-sandwich, r-cran-lmtest and r-cran-lme4");
        Files.writeString(folder.resolve("data.csv"), export().get("data.csv"));
        Files.write(
                folder.resolve("outcomes.csv"),
                get("/research/studies/" + study + "/outcomes.csv").getContentAsByteArray());
        Files.write(folder.resolve("report.R"), get(report + "/reproduce.R").getContentAsByteArray());
        String output = ExternalTools.run(folder, rscript, "report.R");
        Map<String, Double> printed = ExternalTools.printed(output, "coef\\..+|n|mixed\\..+");
        Map<String, Double> regression = new java.util.TreeMap<>(stored.figures());
        Map<String, Double> mixed = new java.util.TreeMap<>();
        stored.figures().forEach((name, value) -> {
            if (name.startsWith("mixed.")) {
                mixed.put(name, regression.remove(name));
            }
        });
        assertThat(mixed).containsKeys("mixed.coef.alliance.estimate", "mixed.variance.professional");
        // STATISTICS.md: OLS and sandwich SEs agree with R to 1e-8 relative; lme4's own convergence is loose, so
        // the random-intercept model to 1e-4.
        assertThat(ExternalTools.differences(regression, printed, 1e-8))
                .as(output)
                .isEmpty();
        assertThat(ExternalTools.differences(mixed, printed, 1e-4)).as(output).isEmpty();
    }

    @Test
    void aYesNoOutcomeIsFittedByLogisticRegressionAndGlmerAndRReproducesBoth() throws Exception {
        setUp(6, 7);
        String report = run(world.researcher, "employed");
        String page = get(report).getContentAsString();
        assertThat(page)
                .contains("Coefficients on the log-odds scale (logistic regression")
                .contains("Coefficients on the log-odds scale with a random intercept per professional")
                .contains(
                        "glmer(family = binomial) of y ~ alliance + age_band + years_on_benefit + (1 | professional)");
        StudyReport stored = stored(report);
        reproducesInR(report, stored);
    }

    @Test
    void withFewerThanFiveProfessionalsNothingIsShown() throws Exception {
        setUp(4, 11);
        String page = get(run(world.researcher)).getContentAsString();
        assertThat(page)
                .contains("Not shown: fewer than 5 clients or professionals (12 clients, 4 professionals).")
                .doesNotContain("Standard error");
    }

    @Test
    void aRunningReportRefreshesItselfAndShowsItsProgress() throws Exception {
        setUp(0, 1);
        StudyReports reports = context.getBean(StudyReports.class);
        long id = reports.create(study, "OUTCOME", "outcome=hours", world.researcher.id());
        reports.progress(id, 40);
        String page = get("/research/studies/" + study + "/reports/" + id).getContentAsString();
        assertThat(page).contains("http-equiv=\"refresh\"").contains("40 %").contains("The analysis is running.");
    }
}
