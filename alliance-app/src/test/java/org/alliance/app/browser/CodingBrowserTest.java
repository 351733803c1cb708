package org.alliance.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.alliance.app.AllianceWebTest;
import org.alliance.app.TestWorld;
import org.alliance.app.coding.CodedEvent;
import org.alliance.app.coding.Codings;
import org.alliance.core.observation.Modality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A coding session in Debian's Chromium: the professional picks a silent WAV written by this test (played from
 * an object URL; no request carries it), codes by keyboard, deletes and undoes, reloads and finds every event
 * (autosaved); with JavaScript off the plain form adds an event. axe-core finds no WCAG 2.1 A/AA violation on
 * the coding, agreement and client pages in any of the four languages.
 */
@AllianceWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodingBrowserTest extends BrowserJourney {

    @Autowired
    Codings codings;

    @TempDir
    Path folder;

    private final List<String> scriptErrors = new ArrayList<>();

    /** Three seconds of silence: 8 kHz, 16-bit mono PCM in a RIFF/WAVE container. */
    static Path silentWav(Path file) throws IOException {
        int rate = 8000;
        int samples = rate * 3;
        int dataBytes = samples * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
        b.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
        b.putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2);
        b.putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        Files.write(file, b.array());
        return file;
    }

    private void audit(Page page, String path, boolean waitForScript) {
        for (String language : LANGUAGES) {
            page.navigate(url(path + (path.contains("?") ? "&" : "?") + "lang=" + language));
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language);
            if (waitForScript) {
                page.waitForTimeout(300);
                assertThat(scriptErrors).isEmpty();
                page.waitForSelector("#coder[data-ready=yes]");
            }
            violations.addAll(Browsers.violations(page));
        }
    }

    /** A new page of the context, signed in, whose script errors and failed requests go into scriptErrors. */
    private Page signInWatched(BrowserContext context, String username) {
        Page page = context.newPage();
        context.onWebError(error -> scriptErrors.add(error.error()));
        context.onResponse(r -> {
            if (r.status() >= 400) {
                scriptErrors.add(r.status() + " " + r.request().method() + " " + r.url() + " " + r.text());
            }
        });
        context.onConsoleMessage(m -> {
            if (m.type().equals("error") && !m.text().contains("404")) {
                scriptErrors.add(m.text());
            }
        });
        signIn(page, username);
        return page;
    }

    private static void waitUntil(Supplier<Boolean> condition, String what) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.get(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.get()).as(what).isTrue();
    }

    @Test
    void aCoderCodesALocalRecordingByKeyboardAndFindsEveryEventAfterAReload() throws Exception {
        violations.clear();
        TestWorld world = new TestWorld(context);
        BrowserContext desk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1024, 800));
        Page page = signInWatched(desk, world.professional.username());
        audit(page, "/coding/meetings/" + world.meeting, false);

        page.navigate(url("/coding/meetings/" + world.meeting + "?lang=en"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Code this meeting"))
                .click();
        String sessionPath = page.url().substring(url("").length()).replaceAll("\\?.*", "");
        assertThat(sessionPath).startsWith("/coding/sessions/");
        long session = Long.parseLong(sessionPath.substring("/coding/sessions/".length()));
        audit(page, sessionPath, true);
        page.navigate(url(sessionPath + "?lang=en"));
        page.waitForSelector("#coder[data-ready=yes]");
        assertThat(page.locator(".privacy").textContent()).contains("The recording never leaves your computer");

        // Every request from here on is recorded: none may carry the recording.
        List<Request> requests = new ArrayList<>();
        page.onRequest(requests::add);
        Path wav = silentWav(folder.resolve("meeting.wav"));
        page.locator("#media").setInputFiles(wav);
        assertThat(page.locator("#player").getAttribute("src")).startsWith("blob:");
        assertThat(page.locator("#player").isVisible()).isTrue();

        // Keyboard only: play, client opens communication (start … stop), professional A supports (point),
        // switch to non-verbal, professional A starts vision (left running).
        page.locator("h1").click();
        page.keyboard().press("p");
        page.keyboard().press("1");
        page.keyboard().press("o");
        page.waitForTimeout(400);
        page.keyboard().press("o");
        page.keyboard().press("2");
        page.keyboard().press("Shift+S");
        page.keyboard().press("m");
        page.keyboard().press("v");
        page.keyboard().press("p");
        waitUntil(() -> codings.events(session).size() == 3, "three events autosaved");
        waitUntil(
                () -> codings.events(session).stream()
                        .anyMatch(e -> e.code().equals("open-communication") && e.endMs() != null),
                "the stopped state has its end");
        List<CodedEvent> saved = codings.events(session);
        assertThat(saved)
                .extracting(CodedEvent::code)
                .containsExactlyInAnyOrder("open-communication", "team-support", "vision-goals");
        CodedEvent support = saved.stream()
                .filter(e -> e.code().equals("team-support"))
                .findFirst()
                .orElseThrow();
        assertThat(support.kind()).isEqualTo(CodedEvent.Kind.POINT);
        assertThat(support.actor()).isEqualTo("professional-a");
        CodedEvent vision = saved.stream()
                .filter(e -> e.code().equals("vision-goals"))
                .findFirst()
                .orElseThrow();
        assertThat(vision.running()).isTrue();
        assertThat(vision.modality()).isEqualTo(Modality.NON_VERBAL);
        assertThat(page.locator("#timeline svg rect.timeline-event").count()).isEqualTo(3);

        // Delete with the button, then undo with the key.
        page.locator("#event-rows tr", new Page.LocatorOptions().setHasText("Team support"))
                .locator("button:has-text('Delete')")
                .click();
        waitUntil(() -> codings.events(session).size() == 2, "deleted");
        page.locator("h1").click();
        page.keyboard().press("u");
        waitUntil(() -> codings.events(session).size() == 3, "undone");

        // The player reads the file through its blob: URL inside the browser; what goes to the server is small.
        List<Request> toServer =
                requests.stream().filter(r -> r.url().startsWith(url(""))).toList();
        assertThat(toServer).isNotEmpty();
        for (Request request : toServer) {
            byte[] body = request.postDataBuffer();
            assertThat(body == null ? 0 : body.length)
                    .as("request %s %s carries no recording", request.method(), request.url())
                    .isLessThan(2000);
            // A GET (the favicon the browser fetches after the page) has no body and no content type.
            String type = request.headerValue("content-type");
            assertThat(type == null ? "" : type)
                    .as("type of %s %s", request.method(), request.url())
                    .doesNotContain("multipart");
        }

        // Offline: a conflict coded now cannot be saved, and the tab is closed. Opened again online, the screen
        // sends what it kept in the browser: a closed tab loses nothing.
        desk.setOffline(true);
        page.locator("h1").click();
        page.keyboard().press("1");
        page.keyboard().press("Shift+C");
        page.waitForTimeout(500);
        assertThat(codings.events(session)).hasSize(3);
        page.close();
        desk.setOffline(false);
        scriptErrors.removeIf(e -> e.contains("ERR_INTERNET_DISCONNECTED") || e.contains("Failed to fetch"));
        Page again = desk.newPage();
        again.navigate(url(sessionPath + "?lang=en"));
        again.waitForSelector("#coder[data-ready=yes]");
        waitUntil(() -> codings.events(session).size() == 4, "the event kept offline is saved");
        assertThat(again.locator("#event-rows tr").count()).isEqualTo(4);
        assertThat(again.locator("#event-rows").textContent())
                .contains("Open communication")
                .contains("Team support")
                .contains("running");
        audit(again, sessionPath, true);

        // Without JavaScript: the message, the table and the plain form.
        BrowserContext plain = browser.newContext(
                new Browser.NewContextOptions().setJavaScriptEnabled(false).setViewportSize(320, 720));
        Page form = signInWatched(plain, world.professional.username());
        form.navigate(url(sessionPath + "?lang=en"));
        assertThat(form.locator(".no-script").isVisible()).isTrue();
        assertThat(form.locator("#coder").isVisible()).isFalse();
        assertThat(form.locator("#event-rows tr").count()).isEqualTo(4);
        form.locator("#f-code").selectOption("conflict");
        form.locator("#f-start").fill("0:02.5");
        form.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save event"))
                .click();
        form.waitForLoadState();
        assertThat(form.locator("#event-rows tr").count())
                .as(() -> form.url() + ": " + form.locator("main").textContent())
                .isEqualTo(5);
        // A CSV file imported with the plain multipart form (CSRF token in the form body).
        Path csv = folder.resolve("coded.csv");
        Files.writeString(csv, "actor,code,onset_ms,offset_ms\nclient,shared-decision,4000,5000\n");
        form.locator("#import-file").setInputFiles(csv);
        form.locator("form[enctype='multipart/form-data'] button").click();
        form.waitForLoadState();
        assertThat(form.locator("#event-rows tr").count())
                .as(() -> form.url() + ": " + form.locator("main").textContent())
                .isEqualTo(6);
        Files.writeString(csv, "actor,code,onset_ms\nclient,shared-decision,later\n");
        form.locator("#import-file").setInputFiles(csv);
        form.locator("form[enctype='multipart/form-data'] button").click();
        assertThat(form.locator("#import-error").textContent()).contains("line 2, column onset_ms");
        // That refusal (status 422) was meant; nothing else may have failed.
        scriptErrors.removeIf(e -> e.contains("422"));
        // (axe needs JavaScript, so it checks the pages above; this one shares their markup.)
        plain.close();

        // A second coder, so the agreement page has figures and places to settle.
        long other = codings.openSession(world.meeting, world.researcher.id());
        codings.save(
                other,
                new CodedEvent(
                        "r1", "client", Modality.VERBAL, "open-communication", 0, 900L, CodedEvent.Kind.STATE, ""));
        codings.save(
                other,
                new CodedEvent(
                        "r2", "professional-a", Modality.VERBAL, "conflict", 500, null, CodedEvent.Kind.POINT, ""));
        Page agreement = desk.newPage();
        audit(agreement, "/coding/meetings/" + world.meeting + "/agreement", false);
        assertThat(agreement.locator("#kappas").isVisible()).isTrue();
        agreement
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem den afklarede version"))
                .click();
        assertThat(agreement.url()).contains("settled");
        audit(agreement, "/coding/meetings/" + world.meeting, false);
        audit(agreement, "/clients/" + world.client, false);
        assertThat(agreement.locator(".observation").count()).isEqualTo(1);

        assertThat(violations).isEmpty();
        assertThat(scriptErrors).isEmpty();
    }
}
