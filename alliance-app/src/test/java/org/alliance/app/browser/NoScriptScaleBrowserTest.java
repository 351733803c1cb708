package org.alliance.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.alliance.app.AllianceWebTest;
import org.alliance.app.TestWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 14, "the no-JavaScript 0–10 scale stays on one row at 320 px", in Debian's Chromium with JavaScript off:
 * the eleven answers of every 0–10 question of the session check are one row of targets at least 24 × 24 px (WCAG
 * 2.2's target size minimum), and nothing is wider than the screen. At 200 % text size (the root font doubled, as
 * a phone's text-size setting does) the row may wrap, but no two targets overlap, every number fits in its target
 * and the page still fits the screen. Before the fix the scale was two rows (0–5 and 6–10) of 44 px buttons.
 */
@AllianceWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoScriptScaleBrowserTest extends BrowserJourney {

    private static final List<String> QUESTIONS = List.of("relationship", "goals-topics", "way-of-working", "overall");

    @Test
    void theZeroToTenScaleIsOneRowOfTargetsAt320PxAndStaysUsableAtTwiceTheTextSize() {
        violations.clear();
        TestWorld world = new TestWorld(context);
        String token = world.invite("alliance-session-check").token();
        BrowserContext phone = phone(false, 320);
        Page client = phone.newPage();
        for (String language : LANGUAGES) {
            client.navigate(url("/c/" + token + "?lang=" + language));
            for (String question : QUESTIONS) {
                List<BoundingBox> targets = boxes(client.locator("#q-" + question + " .options label"));
                assertThat(targets).hasSize(11);
                for (BoundingBox target : targets) {
                    assertThat(target.y)
                            .as(question + ": one row in " + language)
                            .isEqualTo(targets.get(0).y);
                    assertThat(target.width)
                            .as(question + ": wide enough to tap")
                            .isGreaterThanOrEqualTo(24);
                    assertThat(target.height)
                            .as(question + ": high enough to tap")
                            .isGreaterThanOrEqualTo(24);
                }
                List<BoundingBox> radios = boxes(client.locator("#q-" + question + " .options input"));
                assertThat(radios)
                        .extracting(box -> box.y)
                        .as(question + ": the radio buttons too")
                        .containsOnly(radios.get(0).y);
                assertThat(targets.get(10).x + targets.get(10).width).isLessThanOrEqualTo(320);
                assertNoOverlap(question, targets);
                assertNumbersFit(client, question);
            }
            assertThat(scrollWidth(client))
                    .as("nothing wider than the screen in " + language)
                    .isLessThanOrEqualTo(320);
        }
        client.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/scale-320-no-js.png"))
                .setFullPage(true));

        for (String language : LANGUAGES) {
            client.navigate(url("/c/" + token + "?lang=" + language));
            client.evaluate("() => { document.documentElement.style.fontSize = '200%'; }");
            for (String question : QUESTIONS) {
                List<BoundingBox> targets = boxes(client.locator("#q-" + question + " .options label"));
                for (BoundingBox target : targets) {
                    assertThat(target.x + target.width)
                            .as(question + " at 200 %")
                            .isLessThanOrEqualTo(320);
                    assertThat(target.width).isGreaterThanOrEqualTo(24);
                }
                assertNoOverlap(question + " at 200 %", targets);
                assertNumbersFit(client, question);
            }
            assertThat(scrollWidth(client))
                    .as("nothing wider than the screen at 200 % in " + language)
                    .isLessThanOrEqualTo(320);
        }
        client.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/scale-320-no-js-200.png"))
                .setFullPage(true));

        // axe runs as a script: the same radio-button form in a context with JavaScript, without the slider.
        Page auditor = phone(true, 320).newPage();
        auditor.route(Pattern.compile(".*/js/slider[^/]*\\.js.*"), route -> route.abort());
        auditInAllLanguages(auditor, "/c/" + token);
        assertThat(auditor.locator("input.slider-range").count())
                .as("no slider: the radio buttons")
                .isZero();
        assertThat(violations).isEmpty();
    }

    private static List<BoundingBox> boxes(Locator locator) {
        List<BoundingBox> boxes = new ArrayList<>();
        for (int i = 0; i < locator.count(); i++) {
            boxes.add(locator.nth(i).boundingBox());
        }
        return boxes;
    }

    private static void assertNoOverlap(String question, List<BoundingBox> targets) {
        for (int i = 0; i < targets.size(); i++) {
            for (int j = i + 1; j < targets.size(); j++) {
                BoundingBox a = targets.get(i);
                BoundingBox b = targets.get(j);
                boolean apart =
                        a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
                assertThat(apart)
                        .as(question + ": answers " + i + " and " + j + " do not overlap")
                        .isTrue();
            }
        }
    }

    /** Every number fits inside its target: the label's content is not wider than the label. */
    private static void assertNumbersFit(Page page, String question) {
        Object clipped = page.evaluate(
                "q => Array.from(document.querySelectorAll('#q-' + q + ' .options label'))"
                        + ".filter(l => l.scrollWidth > l.clientWidth).map(l => l.textContent)",
                question);
        assertThat((List<?>) clipped)
                .as(question + ": numbers that do not fit their target")
                .isEmpty();
    }

    private static int scrollWidth(Page page) {
        return ((Number) page.evaluate("() => document.scrollingElement.scrollWidth")).intValue();
    }
}
