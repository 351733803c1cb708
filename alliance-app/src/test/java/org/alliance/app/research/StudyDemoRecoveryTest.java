package org.alliance.app.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.util.List;
import java.util.Optional;
import org.alliance.app.TestWorld;
import org.alliance.app.demo.TestDemo;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.UserAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/**
 * The demo's study: started as {@code ./alliance demo} on a fresh database with a fixed clock, its synthetic register
 * outcomes give the Danish analysis, and the report's estimate of the alliance's effect covers the generator's
 * coefficient ({@link StudyDemoSeeder}) in its 95 % interval, for employment (logistic) and hours (linear) alike.
 * Started on three days (a leap day, a daylight-saving change, a date years ahead), since the demo lies before
 * "today": the recovery must not depend on the calendar.
 */
class StudyDemoRecoveryTest {

    /** The report's interval for a term: "[low, high]" in the coefficient table's last column. */
    private static double[] interval(StudyReport report, String term) {
        for (StudyReport.Table table : report.tables()) {
            for (List<String> row : table.rows()) {
                if (row.size() == 6 && row.get(0).equals(term)) {
                    String[] bounds = row.get(5).replaceAll("[\\[\\]]", "").split(",\\s*");
                    return new double[] {Double.parseDouble(bounds[0]), Double.parseDouble(bounds[1])};
                }
            }
        }
        throw new AssertionError("no coefficient " + term + " in " + report.tables() + " " + report.notes());
    }

    @ParameterizedTest(name = "demo started at {0}")
    @ValueSource(strings = {"2026-06-15T08:00:00Z", "2028-02-29T09:00:00Z", "2031-10-26T00:30:00Z"})
    void theReportRecoversTheGeneratorsEffectOfTheAlliance(String now) throws Exception {
        try (ConfigurableApplicationContext context = TestDemo.startedAt(now, "demo-study")) {
            CurrentUser researcher = context.getBean(UserAccounts.class).loadUserByUsername("research");
            List<Study> studies =
                    context.getBean(Studies.class).ofResearcher(researcher.organisationId(), researcher.id());
            assertThat(studies).extracting(Study::title).containsExactly(StudyDemoSeeder.TITLE);
            Study study = studies.get(0);
            OutcomeAnalysis analysis = context.getBean(OutcomeAnalysis.class);
            List<String> covariates = List.of("years_on_benefit", "age_band");

            StudyReport employed = analysis.run(
                    study,
                    new OutcomeAnalysis.Options(StudyDemoSeeder.EMPLOYED, Optional.empty(), covariates),
                    percent -> {});
            double[] ci = interval(employed, "alliance");
            assertThat(employed.figures().get("n")).as("clients in the model").isGreaterThanOrEqualTo(40.0);
            assertThat(StudyDemoSeeder.EMPLOYED_EFFECT)
                    .as("log-odds per alliance point within " + ci[0] + ".." + ci[1])
                    .isBetween(ci[0], ci[1]);

            StudyReport hours = analysis.run(
                    study,
                    new OutcomeAnalysis.Options(StudyDemoSeeder.HOURS, Optional.empty(), covariates),
                    percent -> {});
            double[] hoursCi = interval(hours, "alliance");
            assertThat(StudyDemoSeeder.HOURS_EFFECT)
                    .as("hours per alliance point within " + hoursCi[0] + ".." + hoursCi[1])
                    .isBetween(hoursCi[0], hoursCi[1]);
            assertThat(hoursCi[0]).as("the interval excludes no effect").isGreaterThan(0);
            double[] years = interval(hours, "years_on_benefit");
            assertThat(StudyDemoSeeder.HOURS_YEARS).isBetween(years[0], years[1]);

            // The professionals answered their own questionnaire with a positive relation to their clients' alliance;
            // in the open wave the first of them has not answered yet and is asked on the caseload page.
            StudyReport professionals = context.getBean(PracticeAnalysis.class).run(study, percent -> {});
            assertThat(professionals.figures())
                    .containsEntry("practice.wave1.n", 6.0)
                    .containsEntry("practice.wave2.n", 5.0);
            for (String key : List.of("wave1.competence", "wave1.belief", "wave2.competence", "wave2.belief")) {
                assertThat(professionals.figures().get("practice." + key + ".r"))
                        .as(key + " " + professionals.figures())
                        .isPositive();
            }
            CurrentUser asked = context.getBean(UserAccounts.class)
                    .loadUserByUsername(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                            .sql("SELECT MIN(username) FROM app_user WHERE role = 'PROFESSIONAL'"
                                    + " AND organisation_id = ?")
                            .param(study.organisationId())
                            .query(String.class)
                            .single());
            assertThat(context.getBean(PracticeAnswers.class).due(asked.organisationId(), asked.id()))
                    .extracting(PracticeAnswers.Due::wave)
                    .containsExactly("T2");

            // The register file the outcomes page offers is the one the demo imported, and it imports cleanly.
            MockMvc mvc = TestWorld.mvc((WebApplicationContext) context);
            String base = "/research/studies/" + study.id();
            assertThat(mvc.perform(get(base + "/outcomes").with(user(researcher)))
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .contains(base + "/demo-register.csv");
            MockHttpServletResponse download = mvc.perform(
                            get(base + "/demo-register.csv").with(user(researcher)))
                    .andReturn()
                    .getResponse();
            assertThat(download.getStatus()).isEqualTo(200);
            byte[] file = download.getContentAsByteArray();
            assertThat(Fingerprints.sha256(file))
                    .isEqualTo(context.getBean(StudyOutcomes.class)
                            .summary(study.id())
                            .orElseThrow()
                            .sha256());
            MvcResult preview = mvc.perform(multipart(base + "/outcomes/preview")
                            .file(new MockMultipartFile("file", "demo-register.csv", "text/csv", file))
                            .param("declarations", StudyDemoSeeder.DECLARATIONS)
                            .with(csrf())
                            .with(user(researcher)))
                    .andReturn();
            assertThat(((StudyOutcomeController.Preview)
                                    preview.getModelAndView().getModel().get("preview"))
                            .problems())
                    .isEmpty();
            CurrentUser professional = context.getBean(UserAccounts.class).loadUserByUsername("lead");
            assertThat(mvc.perform(get(base + "/demo-register.csv").with(user(professional)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isIn(403, 404);
        }
    }
}
