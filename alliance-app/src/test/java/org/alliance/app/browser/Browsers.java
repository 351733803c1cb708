package org.alliance.app.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/** Debian's Chromium driven by Playwright, and axe-core checks of WCAG 2.1 A and AA rules. */
final class Browsers {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Browsers() {}

    /** Chromium headless; fails on CI and skips locally when it is not installed. */
    static Browser launch(Playwright playwright) {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = CHROMIUM + " is missing: install Debian's chromium package (as .ci/run does)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    /** The WCAG 2.1 A/AA violations axe finds on the page, one line each (empty when there are none). */
    static List<String> violations(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_21_AA).analyze();
        return results.getViolations().stream()
                .map(Browsers::describe)
                .map(v -> page.url() + " [" + page.locator("html").getAttribute("lang") + "]: " + v)
                .toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getHelp() + ") at "
                + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", "));
    }
}
