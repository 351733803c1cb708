package org.alliance.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.alliance.app.AllianceWebTest;
import org.alliance.app.TestWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An administrator creates a study in Debian's Chromium, first with every field wrong, then right; the researcher
 * finds it on the research page. axe-core finds no WCAG 2.1 A/AA violation on the study pages in any language, nor
 * on the form showing its errors.
 */
@AllianceWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudyBrowserTest extends BrowserJourney {

    @Test
    void anAdministratorCreatesAStudyAndItsResearcherOpensIt() {
        TestWorld world = new TestWorld(context);
        BrowserContext desk = browser.newContext();
        Page admin = signIn(desk, world.admin.username());
        auditInAllLanguages(admin, "/admin/studies");

        admin.navigate(url("/admin/studies?lang=en"));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the study"))
                .click();
        assertThat(admin.locator(".error-summary").textContent()).contains("Enter a title", "Choose at least one team");
        assertThat(admin.getByLabel("Title").getAttribute("aria-invalid")).isEqualTo("true");
        violations.addAll(Browsers.violations(admin));

        admin.getByLabel("Title").fill("Alliance and work");
        admin.getByLabel("Purpose").fill("Does the alliance predict employment?");
        admin.getByLabel("Legal basis").fill("Consent of the clients");
        admin.getByLabel("First day").fill("2026-01-01");
        admin.getByLabel("Last day").fill("2026-12-31");
        admin.getByLabel("Team " + world.suffix).check();
        admin.getByLabel("Our work together (alliance-client@1.0.0)").check();
        admin.getByLabel("Waves (optional)").fill("T1 2026-01-01 2026-06-30");
        admin.getByLabel("Name research-" + world.suffix + " (research-" + world.suffix + ")")
                .check();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the study"))
                .click();
        assertThat(admin.locator("h1").textContent()).isEqualTo("Alliance and work");
        String study = admin.url().replaceAll(".*/admin/studies/(\\d+).*", "$1");
        auditInAllLanguages(admin, "/admin/studies/" + study);
        desk.close();

        BrowserContext researcherDesk = browser.newContext();
        Page researcher = signIn(researcherDesk, world.researcher.username());
        auditInAllLanguages(researcher, "/research");
        researcher.navigate(url("/research?lang=en"));
        researcher
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alliance and work"))
                .click();
        assertThat(researcher.url()).endsWith("/research/studies/" + study);
        assertThat(researcher.getByText("T1: 2026-01-01 to 2026-06-30").isVisible())
                .isTrue();
        auditInAllLanguages(researcher, "/research/studies/" + study);
        researcherDesk.close();

        assertThat(violations).isEmpty();
    }
}
