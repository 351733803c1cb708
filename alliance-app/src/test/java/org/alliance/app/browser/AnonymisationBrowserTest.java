package org.alliance.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.alliance.app.AllianceWebTest;
import org.alliance.app.TestWorld;
import org.alliance.app.research.Studies;
import org.alliance.app.research.TestStudy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16 in Debian's Chromium: the administrator turns on "anonymise instead of erase", reads in the dry run which
 * client is anonymised and why, sees the erase page say so, and meets the study page's inline error for a study with
 * free text. axe-core finds no WCAG 2.1 A/AA violation on these pages in any language.
 */
@AllianceWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnonymisationBrowserTest extends BrowserJourney {

    @Autowired
    Studies studies;

    private long study(TestWorld world, String title, boolean freeText, boolean allows) {
        return studies.create(
                TestStudy.of(world.organisation, world.team)
                        .title(title)
                        .shiftDates(true)
                        .includeFreeText(freeText)
                        .allowsAnonymisation(allows)
                        .build(),
                world.admin.id());
    }

    @Test
    void anAdministratorSeesWhoIsAnonymisedAndWhy() {
        TestWorld world = new TestWorld(context);
        study(world, "Follow-up", false, true);
        long withFreeText = study(world, "Interviews", true, false);
        BrowserContext desk = browser.newContext();
        Page admin = desk.newPage();
        signIn(admin, world.admin.username());

        admin.navigate(url("/admin/retention?lang=en"));
        admin.getByLabel("Erase after (months after the last meeting)").fill("3");
        admin.getByLabel("Anonymise instead of erase for clients in a study that allows it")
                .check();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(admin.locator("table.due").textContent()).contains("Anonymised", "Study: Follow-up.");
        auditInAllLanguages(admin, "/admin/retention");
        auditInAllLanguages(admin, "/admin/clients/" + world.client + "/erase");
        admin.navigate(url("/admin/clients/" + world.client + "/erase?lang=en"));
        assertThat(admin.locator("#anonymise-notice").textContent())
                .contains("is anonymised instead of erased, because of the study: Follow-up");

        admin.navigate(url("/admin/studies/" + withFreeText + "?lang=en"));
        admin.getByLabel("This study may keep anonymised answers after a client is erased")
                .check();
        admin.locator("section[aria-labelledby=anonymisation-heading] button").click();
        assertThat(admin.locator(".error-summary").textContent()).contains("cannot export free-text answers");
        assertThat(admin.getByLabel("This study may keep anonymised answers after a client is erased")
                        .getAttribute("aria-invalid"))
                .isEqualTo("true");
        violations.addAll(Browsers.violations(admin));
        auditInAllLanguages(admin, "/admin/studies/" + withFreeText);
        desk.close();

        assertThat(violations).isEmpty();
    }
}
