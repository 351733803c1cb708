package org.alliance.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.alliance.app.AllianceWebTest;
import org.alliance.app.TestWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 17 in Debian's Chromium: a client's low answers bring the conversation prompts onto the client page; the
 * card for that signal opens and prints (A6, without the site's header); the "discussed" form works with
 * JavaScript off, its error at its field; the self-check, the learning team page, the team page (caseload next to alliance) and the intervision summary open. axe-core finds no WCAG
 * 2.1 A/AA violation on any of these pages in any of the four languages.
 */
@AllianceWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationJourneyBrowserTest extends BrowserJourney {

    @Test
    void promptsForALowScoreACardThatPrintsAndTheDiscussedFormWithoutJavaScript() {
        violations.clear();
        TestWorld world = new TestWorld(context);
        // The client answers "never" (1) to every question: a low score.
        Page client = phone(false, 320).newPage();
        client.navigate(url("/c/" + world.invite("alliance-client").token() + "?lang=en"));
        for (String scale : List.of("bond", "tasks", "goals")) {
            for (int i = 1; i <= 4; i++) {
                client.locator("label[for='q-" + scale + "-" + i + "-1']").click();
            }
        }
        client.locator("label[for='release-NOW']").click();
        client.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        assertThat(client.url()).contains("/c/thanks");

        // Without JavaScript: the prompts beside the signal, then the card.
        BrowserContext noScript = browser.newContext(
                new Browser.NewContextOptions().setJavaScriptEnabled(false).setViewportSize(1024, 800));
        Page professional = signIn(noScript, world.professional.username());
        professional.navigate(url("/clients/" + world.client + "?lang=en"));
        String prompts = professional.locator(".prompts").first().textContent();
        assertThat(prompts)
                .contains("Low score")
                .contains("Be transparent")
                .contains("What did you expect from me that you have not had yet?");
        professional
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Print the card: Low score"))
                .click();
        assertThat(professional.url()).endsWith("/conversation/cards?signal=low");
        assertThat(professional.locator(".prompt-card")).isNotNull();
        assertThat(professional.locator(".prompt-card").count()).isEqualTo(1);

        // The card as printed: the site's header and the page's own heading are gone, one A6 page holds it.
        BrowserContext desk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1024, 800));
        Page auditor = signIn(desk, world.professional.username());
        auditor.navigate(url("/conversation/cards?signal=low&lang=en"));
        auditor.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(auditor.locator(".site-header").isVisible()).isFalse();
        assertThat(auditor.locator("h1").isVisible()).isFalse();
        assertThat(auditor.locator(".prompt-card h2").isVisible()).isTrue();
        byte[] pdf = auditor.pdf(new Page.PdfOptions()
                .setPreferCSSPageSize(true)
                .setPath(Path.of("target/screenshots/conversation-card-low.pdf")));
        String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF");
        assertThat(text.split("/Type\\s*/Page[^s]", -1).length - 1)
                .as("one card, one page")
                .isEqualTo(1);
        auditor.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        // The discussed form without JavaScript: the missing answer is shown at its field, then it is saved.
        professional.navigate(url("/clients/" + world.client + "?lang=en"));
        professional.getByLabel("What changed? (may stay empty)").fill("We now start with the letters");
        professional.locator("form.discussed-form button").click();
        assertThat(professional.locator("#err-discussed-answer").textContent())
                .isEqualTo("Choose whether you discussed it.");
        assertThat(professional.getByLabel("What changed? (may stay empty)").inputValue())
                .isEqualTo("We now start with the letters");
        professional.getByLabel("Yes, discussed").check();
        professional.locator("form.discussed-form button").click();
        assertThat(professional.url()).contains("/clients/" + world.client);
        assertThat(professional.locator("table.discussed-table").textContent())
                .contains("Low score")
                .contains("Yes, discussed")
                .contains("We now start with the letters");

        // A joint meeting for the self-check page; the team lead's learning page.
        long joint = world.jointMeeting(LocalDate.of(2026, 3, 3), world.otherProfessional);
        auditInAllLanguages(auditor, "/clients/" + world.client);
        auditInAllLanguages(auditor, "/conversation/cards");
        auditInAllLanguages(auditor, "/clients/" + world.client + "/intervision");
        auditInAllLanguages(auditor, "/joint/" + joint + "/self-check");
        auditInAllLanguages(auditor, "/joint/" + joint + "/results");
        Page lead = signIn(
                browser.newContext(new Browser.NewContextOptions().setViewportSize(1024, 800)),
                world.teamLead.username());
        auditInAllLanguages(lead, "/team/learning");
        auditInAllLanguages(lead, "/team");
        auditInAllLanguages(lead, "/team/organisation");
        assertThat(violations).isEmpty();
    }
}
