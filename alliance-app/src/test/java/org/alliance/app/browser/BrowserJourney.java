package org.alliance.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.alliance.app.TestWorld;
import org.alliance.app.checkin.CheckIns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * What the browser journeys share: one Chromium for the test class, addresses on the test server, a phone-sized
 * context, and axe audits of a page in every language, collected in {@link #violations}. Subclasses are
 * {@code @AllianceWebTest} classes with {@code @TestInstance(PER_CLASS)}.
 */
abstract class BrowserJourney {

    static final List<String> LANGUAGES = List.of("nl", "en", "nb", "da");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    CheckIns checkIns;

    Playwright playwright;
    Browser browser;
    final List<String> violations = new ArrayList<>();

    @BeforeAll
    void start() {
        playwright = Playwright.create();
        browser = Browsers.launch(playwright);
    }

    @AfterAll
    void stop() {
        if (playwright != null) {
            playwright.close();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    BrowserContext phone(boolean javaScript, int width) {
        return browser.newContext(new Browser.NewContextOptions()
                .setJavaScriptEnabled(javaScript)
                .setViewportSize(width, 720)
                .setIsMobile(true)
                .setHasTouch(true));
    }

    /** Signs in on the login page (in English) with the test password; the page ends where the login leads. */
    void signIn(Page page, String username) {
        signIn(page, username, TestWorld.PASSWORD);
    }

    /** A new page of the context, signed in as {@link #signIn(Page, String)} does. */
    Page signIn(BrowserContext context, String username) {
        Page page = context.newPage();
        signIn(page, username);
        return page;
    }

    /** A new desk-sized window (1024 × 800) of its own context, signed in. */
    Page signedInAtDesk(String username) {
        return signIn(browser.newContext(new Browser.NewContextOptions().setViewportSize(1024, 800)), username);
    }

    /** Signs in with this password (the demo's accounts have {@code demo}). */
    void signIn(Page page, String username, String password) {
        page.navigate(url("/login?lang=en"));
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    /** Opens a page (GET) in every language and records axe's findings; ends on the last language. */
    void auditInAllLanguages(Page page, String path) {
        for (String language : LANGUAGES) {
            page.navigate(url(path + (path.contains("?") ? "&" : "?") + "lang=" + language));
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language);
            violations.addAll(Browsers.violations(page));
        }
    }
}
