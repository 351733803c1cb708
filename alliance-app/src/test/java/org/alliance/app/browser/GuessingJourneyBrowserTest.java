package org.alliance.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.alliance.app.AllianceWebTest;
import org.alliance.app.TestWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Promise 4 (guessing short codes) in Debian's Chromium: one phone in a waiting room types wrong codes until it
 * must wait; it is told so in words, with the delay, and keeps what it typed. Another phone of the same address
 * (every browser here comes from localhost) types its right code at the same instant and gets its form: the limit
 * is per entry session with a growing delay, not a lock on the address. axe finds no violation on the wait page.
 */
@AllianceWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuessingJourneyBrowserTest extends BrowserJourney {

    private BrowserContext englishPhone() {
        return browser.newContext(new Browser.NewContextOptions()
                .setLocale("en-GB")
                .setJavaScriptEnabled(true) // axe needs it; the code page works the same without
                .setViewportSize(320, 720)
                .setIsMobile(true)
                .setHasTouch(true));
    }

    private Response type(Page page, String code) {
        page.navigate(url("/c?lang=en"));
        page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(code);
        return page.waitForNavigation(
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue"))
                        .click());
    }

    @Test
    void wrongCodesFromOneWaitingRoomDoNotLockOutAnotherClientOfTheSameAddress() {
        violations.clear();
        TestWorld world = new TestWorld(context);
        String rightCode = world.invite("alliance-session-check").shortCode();

        Page mistyping = englishPhone().newPage();
        for (int i = 0; i < 9; i++) {
            type(mistyping, "ZZZZ-ZZZZ");
        }
        Response waiting = type(mistyping, "ZZZZ-ZZZZ");
        assertThat(waiting.status()).as("the mistyping phone must wait").isEqualTo(429);
        assertThat(waiting.headers()).containsKey("retry-after");
        String said = mistyping.locator("main").textContent();
        assertThat(said).as("the delay in words").contains("Try again in 15 seconds");
        assertThat(mistyping
                        .getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
                        .inputValue())
                .as("the typed code is kept")
                .isEqualToIgnoringCase("ZZZZ-ZZZZ");
        violations.addAll(Browsers.violations(mistyping));

        Page neighbour = englishPhone().newPage();
        Response form = type(neighbour, rightCode.toLowerCase());
        assertThat(form.status()).as("another client of the same address").isEqualTo(200);
        assertThat(neighbour.url()).contains("/c/");
        assertThat(neighbour.locator("h1").textContent()).isNotBlank();

        assertThat(violations).as("axe violations").isEmpty();
    }
}
