package org.alliance.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.alliance.app.AllianceWebTest;
import org.alliance.app.TestWorld;
import org.alliance.app.checkin.Invitations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 17, the expectations round trip in Debian's Chromium: the client answers the expectations at intake on a
 * 320 px phone with JavaScript off; the professional answers theirs on the client page; at the revisit meeting (the
 * 4th, the default) both say how it went; the professional sees expected next to experienced for both sides. axe-core
 * finds no WCAG 2.1 A/AA violation on the check-in forms, the client page or the administrator's setting, in any of
 * the four languages.
 */
@AllianceWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpectationsJourneyBrowserTest extends BrowserJourney {

    private static final String HOPE = "Less stress about money";
    private static final String WENT = "The letters are opened again";
    private static final String PRO_HOPE = "A budget the client keeps";
    private static final String PRO_WENT = "Budget kept for two months";

    /** The client's check-in through its link on a phone without JavaScript: the questionnaire, then the block. */
    private void clientAnswers(Page client, String token, int level, String text) {
        client.navigate(url("/c/" + token + "?lang=en"));
        for (String scale : List.of("bond", "tasks", "goals")) {
            for (int i = 1; i <= 4; i++) {
                client.locator("label[for='q-" + scale + "-" + i + "-4']").click();
            }
        }
        String when = text.equals(HOPE) ? "intake" : "revisit";
        client.locator("label[for='xc-" + when + "-hope-" + level + "']").click();
        client.locator("label[for='xc-" + when + "-other-4']").click();
        client.locator("#t-c-" + when + "-hope").fill(text);
        client.locator("label[for='release-NOW']").click();
        client.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        assertThat(client.url()).contains("/c/thanks");
    }

    private void professionalAnswers(Page professional, TestWorld world, String when, int level, String text) {
        professional.navigate(url("/clients/" + world.client + "?lang=en"));
        professional
                .locator("#expectations summary")
                .nth(when.equals("intake") ? 0 : 1)
                .click();
        professional.locator("label[for='xp-" + when + "-hope-" + level + "']").click();
        professional.locator("#t-p-" + when + "-hope").fill(text);
        professional.locator("form:has(#t-p-" + when + "-hope) button").click();
        assertThat(professional.url()).contains("/clients/" + world.client);
        assertThat(professional.locator("#expectations .notice").textContent()).contains("Your answers are saved.");
    }

    @Test
    void bothSidesSayWhatTheyExpectAndHowItWentAndTheProfessionalSeesThemSideBySide() {
        violations.clear();
        TestWorld world = new TestWorld(context);
        world.newMeeting(world.client, world.professional.id(), LocalDate.of(2026, 3, 16));
        world.newMeeting(world.client, world.professional.id(), LocalDate.of(2026, 4, 1));
        long revisit = world.newMeeting(world.client, world.professional.id(), LocalDate.of(2026, 4, 20));
        String intakeToken = world.invite("alliance-client").token();
        String revisitToken = context.getBean(Invitations.class)
                .issue(revisit, "alliance-client", world.professional.id(), Duration.ofHours(72))
                .token();

        // axe on both forms in every language (a JavaScript-enabled page; the HTML is the same the phone gets).
        Page auditor = phone(true, 320).newPage();
        auditInAllLanguages(auditor, "/c/" + intakeToken);
        assertThat((Integer) auditor.evaluate("() => document.documentElement.scrollWidth"))
                .as("nothing on the intake form is wider than a 320 px screen")
                .isLessThanOrEqualTo(320);
        auditInAllLanguages(auditor, "/c/" + revisitToken);

        // The client at intake, on a phone without JavaScript.
        Page client = phone(false, 320).newPage();
        client.navigate(url("/c/" + intakeToken + "?lang=en"));
        assertThat(client.locator("#expectations-heading").textContent()).isEqualTo("What do you expect?");
        client.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/expectations-intake-320.png"))
                .setFullPage(true));
        clientAnswers(client, intakeToken, 5, HOPE);

        Page professional = signedInAtDesk(world.professional.username());
        professionalAnswers(professional, world, "intake", 4, PRO_HOPE);

        // At the revisit meeting both say how it went.
        client.navigate(url("/c/" + revisitToken + "?lang=en"));
        assertThat(client.locator("#expectations-heading").textContent()).isEqualTo("How did it go?");
        clientAnswers(client, revisitToken, 3, WENT);
        professionalAnswers(professional, world, "revisit", 3, PRO_WENT);

        professional.navigate(url("/clients/" + world.client + "?lang=en"));
        String clientTable =
                professional.locator("#expectations table.data").first().textContent();
        assertThat(clientTable)
                .contains("What I hope for")
                .contains("5 of 5 (Very much)")
                .contains(HOPE)
                .contains("3 of 5 (Partly)")
                .contains(WENT);
        String ownTable =
                professional.locator("#expectations table.data").last().textContent();
        assertThat(ownTable).contains(PRO_HOPE).contains(PRO_WENT).contains("4 of 5 (Quite a lot)");
        professional.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/expectations-client-page.png"))
                .setFullPage(true));
        auditInAllLanguages(professional, "/clients/" + world.client);

        Page admin = signedInAtDesk(world.admin.username());
        auditInAllLanguages(admin, "/admin/expectations");

        assertThat(violations).isEmpty();
    }
}
