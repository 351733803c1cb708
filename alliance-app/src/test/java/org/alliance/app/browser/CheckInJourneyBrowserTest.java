package org.alliance.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.alliance.app.AllianceWebTest;
import org.alliance.app.TestWorld;
import org.alliance.app.checkin.StoredCheckIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The feedback loop in Debian's Chromium: the professional signs in and makes an invitation; the client types
 * the short code on a 320 px phone with JavaScript off and answers; a second submit of the same form stores
 * nothing new; the professional rates the meeting and sees the result, the gap and an alert. Again with
 * JavaScript on for the 0–10 session check, whose questions become sliders answered by keyboard. axe-core finds no WCAG 2.1 A/AA violation on
 * any page of the journey in any of the four languages.
 */
@AllianceWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckInJourneyBrowserTest extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    private Page signIn(BrowserContext context, TestWorld world) {
        Page page = context.newPage();
        auditInAllLanguages(page, "/login");
        signIn(page, world.professional.username());
        assertThat(page.url()).endsWith("/caseload");
        return page;
    }

    /** Makes an invitation on the client page in every language; returns the last short code. */
    private String invite(Page professional, TestWorld world, String instrument) {
        String code = null;
        for (String language : LANGUAGES) {
            professional.navigate(url("/clients/" + world.client + "?lang=" + language));
            violations.addAll(Browsers.violations(professional));
            professional.locator("#instrument-" + world.meeting).selectOption(instrument);
            professional
                    .locator("form:has(#instrument-" + world.meeting + ") button")
                    .click();
            assertThat(professional.url()).endsWith("/meetings/" + world.meeting + "/invitation");
            assertThat(professional.locator("svg.qr")).isNotNull();
            violations.addAll(Browsers.violations(professional));
            code = professional.locator(".short-code").textContent().strip();
        }
        return code;
    }

    @Test
    void aClientChecksInWithoutJavaScriptAndTheProfessionalSeesTheResultTheGapAndAnAlert() {
        violations.clear();
        TestWorld world = new TestWorld(context);
        BrowserContext desk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1024, 800));
        Page professional = signIn(desk, world);
        auditInAllLanguages(professional, "/caseload");
        String code = invite(professional, world, "alliance-client");

        BrowserContext phone = phone(false, 320);
        Page client = phone.newPage();
        client.navigate(url("/c?lang=en"));
        client.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(code.toLowerCase());
        client.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Continue"))
                .click();
        String formPath = client.url().substring(url("").length()).replaceAll("\\?.*", "");
        assertThat(formPath).startsWith("/c/");
        assertThat(client.locator("h1").textContent()).isEqualTo("Our work together");
        assertThat(client.locator("input[name=release][value=NEXT_MEETING]").isChecked())
                .as("the organisation's default release is preselected")
                .isTrue();
        client.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/checkin-320.png"))
                .setFullPage(true));
        Page measure = phone(true, 320).newPage();
        measure.navigate(url(formPath + "?lang=nb"));
        assertThat((Integer) measure.evaluate("() => document.documentElement.scrollWidth"))
                .as("nothing on the form is wider than a 320 px screen")
                .isLessThanOrEqualTo(320);

        // Answer: bond and goals "sometimes" (3), tasks "rarely" (2), released now.
        for (String scale : List.of("bond", "tasks", "goals")) {
            for (int i = 1; i <= 4; i++) {
                String value = scale.equals("tasks") ? "2" : "3";
                client.locator("label[for='q-" + scale + "-" + i + "-" + value + "']")
                        .click();
            }
        }
        client.locator("label[for='release-NOW']").click();
        String key = client.locator("input[name=idempotencyKey]").inputValue();
        assertThat(client.locator("input[name=_csrf]").count())
                .as("the check-in has no session, so no session-bound token")
                .isZero();
        client.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        assertThat(client.url()).contains("/c/thanks");
        assertThat(checkIns.countWithKey(key)).isEqualTo(1);

        // The same form sent again (a retry after a lost connection): thanks again, nothing new stored.
        FormData again = FormData.create().set("idempotencyKey", key).set("release", "NOW");
        for (String scale : List.of("bond", "tasks", "goals")) {
            for (int i = 1; i <= 4; i++) {
                again.set("item-" + scale + "-" + i, scale.equals("tasks") ? "2" : "3");
            }
        }
        APIResponse resent =
                client.request().post(url(formPath), RequestOptions.create().setForm(again));
        assertThat(resent.url()).contains("/c/thanks");
        assertThat(checkIns.countWithKey(key)).isEqualTo(1);

        // Axe audits need a JavaScript-enabled page; the HTML is the same one the JavaScript-off phone got.
        Page auditor = phone(true, 320).newPage();
        auditInAllLanguages(auditor, "/c");
        auditInAllLanguages(auditor, "/c/thanks");
        auditInAllLanguages(auditor, formPath);
        assertThat(auditor.locator("h1").textContent()).isEqualTo("Dette link er allerede brugt");

        // The professional rates the same meeting higher than the client did.
        auditInAllLanguages(professional, "/meetings/" + world.meeting + "/rating");
        professional.navigate(url("/meetings/" + world.meeting + "/rating?lang=en"));
        for (String scale : List.of("bond", "tasks", "goals")) {
            for (int i = 1; i <= 4; i++) {
                professional.locator("label[for='q-" + scale + "-" + i + "-5']").click();
            }
        }
        professional
                .getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(professional.url()).endsWith("/clients/" + world.client);

        auditInAllLanguages(professional, "/clients/" + world.client);
        // The caseload overview with a client's scores and signals, the diary and the two-step setup page.
        auditInAllLanguages(professional, "/caseload");
        auditInAllLanguages(professional, "/diary");
        auditInAllLanguages(professional, "/account/two-step");
        professional.navigate(url("/clients/" + world.client + "?lang=en"));
        String alerts = professional.locator(".alert-list").textContent();
        assertThat(alerts)
                .contains("Total: 2.67 is below the questionnaire’s cut-off")
                .contains("Tasks: you gave 5.0, your client 2.0");
        assertThat(professional.locator("table.gap").first().textContent()).contains("+3.0");
        assertThat(professional.locator("svg.chart")).isNotNull();
        assertThat(professional.locator("table.data").last().textContent()).contains("2 Mar 2026");
        auditInAllLanguages(professional, "/rules");

        assertThat(violations).isEmpty();
    }

    /**
     * JavaScript on: the 0–10 questions are sliders that start without a value. Sent untouched they send nothing
     * (the form says "answer at least one question", as without JavaScript). Two sliders are set by keyboard, one
     * by a tap and then through the "use buttons instead" radio buttons, one is left alone: exactly the three answers arrive and the
     * professional sees them. axe finds nothing on the slider page in any language.
     */
    @Test
    void aClientAnswersTheSlidersByKeyboardAndAnUntouchedSliderSendsNothing() {
        violations.clear();
        TestWorld world = new TestWorld(context);
        String token = world.invite("alliance-session-check").token();
        Page client = phone(true, 320).newPage();
        Map<String, String> unset = Map.of(
                "nl",
                "Nog niet beantwoord",
                "en",
                "Not answered yet",
                "nb",
                "Ikke besvart ennå",
                "da",
                "Ikke besvaret endnu");
        for (String language : LANGUAGES) {
            client.navigate(url("/c/" + token + "?lang=" + language));
            assertThat(client.locator("#q-relationship-slider").getAttribute("aria-valuetext"))
                    .as("the untouched slider says so in " + language)
                    .isEqualTo(unset.get(language));
            violations.addAll(Browsers.violations(client));
        }
        client.navigate(url("/c/" + token + "?lang=en"));
        Locator relationship = client.getByRole(
                AriaRole.SLIDER, new Page.GetByRoleOptions().setName("I felt at ease in this meeting."));
        Locator goals = client.getByRole(
                AriaRole.SLIDER,
                new Page.GetByRoleOptions().setName("The things I wanted to talk about got enough time."));
        assertThat(client.locator("input.slider-range").count()).isEqualTo(4);
        assertThat(client.locator("input[name='item-relationship']:checked").count())
                .as("the slider starts with no value")
                .isZero();
        assertThat(client.locator("label[for='q-relationship-8']").isVisible())
                .as("the radio buttons make way for the slider")
                .isFalse();
        assertThat((Integer) client.evaluate("() => document.documentElement.scrollWidth"))
                .as("the sliders fit a 320 px screen")
                .isLessThanOrEqualTo(320);

        // Sent untouched: nothing is posted for the sliders, so the form asks for an answer and stores nothing.
        String key = client.locator("input[name=idempotencyKey]").inputValue();
        client.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        assertThat(client.locator(".error-summary").textContent()).contains("Answer at least one question.");
        assertThat(checkIns.countWithKey(key)).isZero();
        violations.addAll(Browsers.violations(client));

        // Keyboard only: from "not answered" the first arrow starts at the middle (5): three presses make 8.
        relationship.focus();
        for (int i = 0; i < 3; i++) {
            client.keyboard().press("ArrowRight");
        }
        assertThat(relationship.getAttribute("aria-valuetext")).isEqualTo("8 of 10");
        assertThat(client.locator("#q-relationship-8").isChecked()).isTrue();
        goals.focus();
        client.keyboard().press("Home");
        assertThat(goals.getAttribute("aria-valuetext")).isEqualTo("0 of 10");
        for (int i = 0; i < 6; i++) {
            client.keyboard().press("ArrowUp");
        }
        assertThat(goals.getAttribute("aria-valuetext")).isEqualTo("6 of 10");
        client.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/slider-320.png"))
                .setFullPage(true));

        // By touch: a tap in the middle of the track, where the hidden thumb waits, is an answer too.
        client.locator("#q-way-of-working-slider").tap();
        assertThat(client.locator("#q-way-of-working-slider").getAttribute("aria-valuetext"))
                .isEqualTo("5 of 10");
        assertThat(client.locator("#q-way-of-working-5").isChecked()).isTrue();

        // The buttons stay within reach: switch, press a radio button, switch back; the slider shows the choice.
        client.locator("#q-way-of-working .slider-toggle").click();
        assertThat(client.locator("label[for='q-relationship-8']").isVisible()).isTrue();
        assertThat(client.locator("#q-relationship-8").isChecked()).isTrue();
        violations.addAll(Browsers.violations(client));
        client.locator("label[for='q-way-of-working-7']").click();
        client.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use the slider instead"))
                .first()
                .click();
        assertThat(client.locator("#q-way-of-working-slider").getAttribute("aria-valuetext"))
                .isEqualTo("7 of 10");
        assertThat(client.locator("#q-overall-slider").getAttribute("aria-valuetext"))
                .isEqualTo("Not answered yet");

        client.locator("label[for='release-NOW']").click();
        client.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        assertThat(client.url()).contains("/c/thanks");
        assertThat(checkIns.countWithKey(key)).isEqualTo(1);
        assertThat(checkIns.forClient(world.client, true))
                .singleElement()
                .extracting(StoredCheckIn::answers)
                .as("the untouched slider (overall) sent nothing")
                .isEqualTo(Map.of("relationship", 8.0, "goals-topics", 6.0, "way-of-working", 7.0));
        auditInAllLanguages(client, "/c/thanks");

        // The professional sees the answers on the client page.
        Page professional =
                signIn(browser.newContext(new Browser.NewContextOptions().setViewportSize(1024, 800)), world);
        professional.navigate(url("/clients/" + world.client + "?lang=en"));
        assertThat(professional.locator("table.data").first().textContent())
                .contains("8.0")
                .contains("6.0")
                .contains("7.0");

        assertThat(violations).isEmpty();
    }

    /**
     * Issue 14, "the phone's language is ignored" and "a client loses their answers when the server session is
     * gone", in a real browser: a phone set to Danish gets the form in Danish; the header's English link shows it
     * in English with the answer kept; then every cookie is gone (as after a restart or a timeout, the session
     * with it) and the form, sent as Chromium sends it (its own Origin and Sec-Fetch-Site headers), is stored,
     * as answered in English.
     */
    @Test
    void aDanishPhoneGetsDanishSwitchesToEnglishWithItsAnswersAndSendsAfterTheSessionIsGone() {
        violations.clear();
        TestWorld world = new TestWorld(context);
        String token = world.invite("alliance-client").token();
        BrowserContext phone = browser.newContext(new Browser.NewContextOptions()
                .setLocale("da-DK")
                .setViewportSize(320, 720)
                .setIsMobile(true)
                .setHasTouch(true));
        Page client = phone.newPage();
        client.navigate(url("/c/" + token));
        assertThat(client.locator("html").getAttribute("lang")).isEqualTo("da");
        violations.addAll(Browsers.violations(client));

        client.locator("label[for='q-bond-1-4']").click();
        client.locator("label[for='release-NOW']").click();
        String key = client.locator("input[name=idempotencyKey]").inputValue();
        client.locator(".languages a[hreflang=en]").click();
        client.locator("html[lang=en]").waitFor();
        assertThat(client.locator("#q-bond-1-4").isChecked())
                .as("the answer survives the switch")
                .isTrue();
        assertThat(client.locator("#release-NOW").isChecked()).isTrue();
        assertThat(client.locator("input[name=idempotencyKey]").inputValue()).isEqualTo(key);
        assertThat(checkIns.countWithKey(key)).as("switching stores nothing").isZero();
        violations.addAll(Browsers.violations(client));

        phone.clearCookies();
        client.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        assertThat(client.url()).contains("/c/thanks");
        assertThat(checkIns.countWithKey(key)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT language FROM check_in WHERE idempotency_key = ?")
                        .param(key)
                        .query(String.class)
                        .single())
                .isEqualTo("en");
        assertThat(violations).isEmpty();
    }
}
