package org.alliance.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import org.alliance.app.AllianceWebTest;
import org.alliance.app.TestWorld;
import org.alliance.app.research.Studies;
import org.alliance.app.research.Study;
import org.alliance.app.research.TestStudy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, the professionals' own questionnaire in Debian's Chromium: a professional of a study finds it on the
 * caseload page (the clock reads 2026-06-15, inside wave T2), sends it with nothing chosen and is shown every sentence
 * still to answer, answers with the mouse on the answers' labels and is back on the caseload page with a confirmation;
 * a second visit says the wave is answered. axe-core finds no WCAG 2.1 A/AA violation on the form in any language,
 * nor on the form showing its errors, nor once answered.
 */
@AllianceWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PracticeBrowserTest extends BrowserJourney {

    private static final String[] ITEMS = {
        "competence-1", "competence-2", "competence-3", "competence-4", "belief-1", "belief-2", "belief-3", "belief-4"
    };

    @Test
    void aProfessionalAnswersTheQuestionnaireOfTheOpenWave() {
        TestWorld world = new TestWorld(context);
        long study = context.getBean(Studies.class)
                .create(
                        TestStudy.of(world.organisation, world.team)
                                .title("Practice " + world.suffix)
                                .waves(new Study.Wave("T2", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)))
                                .build(),
                        world.admin.id());
        String form = "/practice/studies/" + study + "/waves/T2";
        BrowserContext desk = browser.newContext();
        Page page = desk.newPage();
        signIn(page, world.professional.username());
        auditInAllLanguages(page, form);

        page.navigate(url("/caseload?lang=en"));
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("Questionnaire for study Practice " + world.suffix + ", wave T2"))
                .click();
        assertThat(page.url()).contains(form);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers"))
                .click();
        assertThat(page.locator(".error-summary li").count()).isEqualTo(ITEMS.length);
        assertThat(page.locator(".error-summary").textContent())
                .contains("I know how to build a good working relationship with my clients.");
        violations.addAll(Browsers.violations(page));

        for (int i = 0; i < ITEMS.length; i++) {
            page.locator("label[for='q-" + ITEMS[i] + "-" + (1 + i % 5) + "']").click();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers"))
                .click();
        assertThat(page.url()).contains("/caseload");
        assertThat(page.getByText("Thank you. Your answers are saved.").isVisible())
                .isTrue();
        String stored = context.getBean(JdbcClient.class)
                .sql("SELECT answers FROM practice_answer WHERE study_id = ? AND professional_id = ?")
                .params(study, world.professional.id())
                .query(String.class)
                .single();
        for (int i = 0; i < ITEMS.length; i++) {
            assertThat(stored).contains(ITEMS[i] + "=" + (1 + i % 5) + "\n");
        }

        page.navigate(url(form + "?lang=en"));
        assertThat(page.getByText("You have answered this questionnaire for wave T2.", new Page.GetByTextOptions())
                        .isVisible())
                .isTrue();
        auditInAllLanguages(page, form);
        desk.close();

        assertThat(violations).isEmpty();
    }
}
