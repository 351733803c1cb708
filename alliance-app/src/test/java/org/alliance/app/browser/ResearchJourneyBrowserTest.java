package org.alliance.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.alliance.app.AllianceApplication;
import org.alliance.app.research.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13 as a new researcher lives it, in Debian's Chromium on the demo (its own SQLite file, the clock at
 * 2026-06-15): signed in as {@code research}, from the demo study to its export (the downloaded zip read with every
 * label by GNU PSPP and by R), the synthetic register file the outcomes page offers imported (checked, then stored),
 * and the three analyses run from the reports page (the outcome on the alliance with its random-intercept model, the
 * factor structure, the professionals' questionnaire), each report waited for and read. axe-core finds no WCAG 2.1
 * A/AA violation on the study, outcomes and reports pages in any language, nor on a finished report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResearchJourneyBrowserTest extends BrowserJourney {

    private static final String TITLE = "Alliance and work (demo)";

    private ConfigurableApplicationContext demo;

    @TempDir
    Path folder;

    @BeforeAll
    void startDemo() {
        demo = new SpringApplicationBuilder(AllianceApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(
                        "--spring.profiles.active=demo",
                        "--server.port=0",
                        "--alliance.clock.fixed=2026-06-15T08:00:00Z",
                        "--spring.datasource.url=jdbc:sqlite:target/test-db/research-journey-" + UUID.randomUUID()
                                + ".db?journal_mode=WAL&busy_timeout=10000&foreign_keys=true&synchronous=NORMAL"
                                + "&transaction_mode=IMMEDIATE",
                        "--logging.level.org.flywaydb=warn",
                        "--logging.level.root=warn");
        port = demo.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        context = demo;
    }

    @AfterAll
    void stopDemo() {
        if (demo != null) {
            demo.close();
        }
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    @Test
    void aResearcherGoesFromTheDemosAnswersToTheExportTheRegisterAndTheThreeAnalyses() throws Exception {
        Page page = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true))
                .newPage();
        signIn(page, "research", "demo");
        page.navigate(url("/research?lang=en"));
        page.getByRole(AriaRole.LINK, named(TITLE)).click();
        String study = URI.create(page.url()).getPath();
        assertThat(study).matches("/research/studies/\\d+");
        auditInAllLanguages(page, study);

        // The export, as the researcher downloads it, opens with its labels in PSPP and in R.
        page.navigate(url(study + "?lang=en"));
        Download export = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, named("Download the export (zip)"))
                .click());
        Path files = Files.createDirectories(folder.resolve("export"));
        int entries = unzip(export.path(), files);
        assertThat(entries).isGreaterThanOrEqualTo(5);
        assertThat(files.resolve("data.csv")).exists();
        String pspp = ExternalTools.pspp(files, "study.sps", "DISPLAY DICTIONARY.\n");
        assertThat(pspp)
                .containsPattern("\\|client +\\| +1\\|.+\\|Nominal")
                .containsPattern("\\|alliance_client_bond_1 +\\|.+\\|Ordinal")
                .containsPattern("da +\\|Dansk");
        String r = ExternalTools.rscript(
                files,
                """
                source("study.R")
                cat("rows", nrow(data), "\\n", sep = "|")
                cat("label", attr(data$alliance_client_bond_1, "label"), "\\n", sep = "|")
                cat("labels", length(attr(data$alliance_client_bond_1, "labels")), "\\n", sep = "|")
                """);
        long dataRows = Files.readAllLines(files.resolve("data.csv")).size() - 1L;
        assertThat(r).contains("rows|" + dataRows + "|").containsPattern("label\\|[^|\\n]{5,}\\|");
        assertThat(r).doesNotContain("labels|0|");

        // The synthetic register file the outcomes page offers: downloaded, checked, stored.
        page.navigate(url(study + "?lang=en"));
        page.getByRole(AriaRole.LINK, named("Import outcomes")).click();
        auditInAllLanguages(page, study + "/outcomes");
        page.navigate(url(study + "/outcomes?lang=en"));
        Download register = page.waitForDownload(
                () -> page.getByRole(AriaRole.LINK, named("Synthetic register file (demo-register.csv)"))
                        .click());
        String declarations = page.locator(".notice pre").textContent();
        page.locator("#file").setInputFiles(register.path());
        page.locator("#declarations").fill(declarations);
        page.getByRole(AriaRole.BUTTON, named("Check the file")).click();
        assertThat(page.locator(".error-summary").count()).isZero();
        violations.addAll(Browsers.violations(page));
        page.getByRole(AriaRole.BUTTON, named("Store the outcomes")).click();
        assertThat(page.getByText("The outcomes are stored.").first().isVisible())
                .isTrue();

        // The three analyses, each run from the reports page and read when done.
        auditInAllLanguages(page, study + "/reports");
        String outcome = analysis(page, study, "outcome-heading");
        assertThat(outcome)
                .contains("employed_6m on the alliance")
                .contains("Coefficients on the log-odds scale (logistic regression")
                .contains("random intercept per professional")
                .contains("Reproduce in R");
        violations.addAll(Browsers.violations(page));
        String structure = analysis(page, study, "structure-heading");
        assertThat(structure).contains("α").contains("CFI").contains("Reproduce in R");
        String professionals = analysis(page, study, "practice-heading");
        assertThat(professionals).contains("Pearson").contains("Reproduce in R");
        violations.addAll(Browsers.violations(page));

        assertThat(violations).isEmpty();
    }

    /** Runs the analysis of one section of the reports page and returns the finished report's text. */
    private String analysis(Page page, String study, String section) {
        page.navigate(url(study + "/reports?lang=en"));
        page.locator("section[aria-labelledby='" + section + "'] button[type='submit']")
                .click();
        assertThat(page.url()).matches(".*/reports/\\d+.*");
        Locator reproduce = page.getByRole(AriaRole.HEADING, named("Reproduce in R"));
        reproduce.waitFor(new Locator.WaitForOptions().setTimeout(120_000));
        return page.locator("main").innerText();
    }

    private static int unzip(Path zip, Path into) throws IOException {
        int count = 0;
        try (InputStream bytes = Files.newInputStream(zip);
                ZipInputStream in = new ZipInputStream(bytes)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).isTrue();
                Files.write(target, in.readAllBytes());
                count++;
            }
        }
        return count;
    }
}
