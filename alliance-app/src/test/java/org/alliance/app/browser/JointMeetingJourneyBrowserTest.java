package org.alliance.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.alliance.app.AllianceWebTest;
import org.alliance.app.TestWorld;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Role;
import org.alliance.app.system.UserAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A joint meeting in Debian's Chromium. The chair creates a meeting with two more professionals (one of another
 * organisation) and three network members (one absent), follows the guide step by step, records a decision,
 * interests, goals and a conflict, meets the balance check and closes. The client answers the joint check-in on
 * a 320 px phone with JavaScript off (one block per professional by name, no consent for the other
 * organisation), and again with JavaScript on, this time consenting. The professional of the other organisation
 * sees nothing of the client's answers before the consent, the map and the split index with its alert after it,
 * and nothing again from the moment the chair records the client's withdrawal. axe-core finds no WCAG 2.1 A/AA
 * violation on any page of the journey in any of the four languages. The two network members present answer
 * the partiality check-in through their own invitations and the chair sees each professional's balance index; the
 * administrator sets the split threshold (with an inline error for a wrong value) and the chair follows the client
 * over the joint meetings from the client's page.
 */
@AllianceWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JointMeetingJourneyBrowserTest extends BrowserJourney {

    private void click(Page page, String name) {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(name).setExact(true))
                .first()
                .click();
        // A click that submits a form returns once the next page starts; wait until it is all there.
        page.waitForLoadState();
    }

    /** An interest or goal ({@code kind}) of the party with this label, added through the chair's form. */
    private void addForParty(Page chair, String kind, String party, String text) {
        chair.locator("#" + kind + "-party")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(party));
        chair.locator("#" + kind).fill(text);
        click(chair, "Add " + kind);
    }

    /** Makes an invitation for the client from the meeting page; returns the short code. */
    private String inviteClient(Page chair, String meetingPath) {
        chair.navigate(url(meetingPath + "?lang=en"));
        click(chair, "Invite the client");
        assertThat(chair.url()).contains("/invitation");
        // Issue 14: the expiry as a person reads it, in the organisation's time zone — it used to be a raw instant
        // such as 2026-12-05T16:15:06.065840964Z.
        assertThat(chair.locator("main").textContent())
                .containsPattern("Valid until \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}\\.")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");
        return chair.locator(".short-code").textContent().strip();
    }

    /** Answers the joint check-in: bond 5 for the chair, 4 for the colleague, 2 for the outsider; team items 4. */
    private String answer(
            Page client, String code, Map<Long, String> bond, boolean consent, long outsider, boolean shareWithAll) {
        client.navigate(url("/c?lang=en"));
        client.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(code);
        click(client, "Continue");
        String formPath = client.url().substring(url("").length()).replaceAll("\\?.*", "");
        assertThat(client.locator("h1").textContent()).isEqualTo("Our meeting with several professionals");
        for (Map.Entry<Long, String> entry : bond.entrySet()) {
            for (String item : List.of("bond-trust", "bond-listened", "bond-respect", "bond-understood")) {
                client.locator("label[for='q-p" + entry.getKey() + "-" + item + "-" + entry.getValue() + "']")
                        .click();
            }
        }
        for (String item : List.of(
                "team-vision", "team-support", "voice-decisions", "voice-honest", "voice-central", "voice-conflicts")) {
            client.locator("label[for='q-" + item + "-4']").click();
        }
        if (consent) {
            client.locator("label[for='consent-" + outsider + "']").click();
        }
        // The release choice per professional block (preselected with the organisation's default, next meeting).
        for (Long professional : bond.keySet()) {
            client.locator("label[for='release-p" + professional + "-NOW']").click();
            // Who may see the block: only the professional concerned unless the client chooses all.
            assertThat(client.locator("#audience-p" + professional + "-CONCERNED")
                            .isChecked())
                    .isTrue();
            if (shareWithAll) {
                client.locator("label[for='audience-p" + professional + "-ALL_PROFESSIONALS']")
                        .click();
            }
        }
        client.locator("label[for='release-NOW']").click();
        String key = client.locator("input[name=idempotencyKey]").inputValue();
        click(client, "Send");
        assertThat(client.url()).contains("/c/thanks");
        assertThat(checkIns.countWithKey(key)).isEqualTo(1);
        return formPath;
    }

    /**
     * A network member answers the partiality check-in through their own invitation: the four partiality items
     * for each professional with the given value; one release choice (now) for all.
     */
    private void answerPartiality(Page member, String code, Map<Long, String> values) {
        member.navigate(url("/c?lang=en"));
        member.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(code);
        click(member, "Continue");
        assertThat(member.locator("h1").textContent()).isEqualTo("Did everyone have a place in the meeting?");
        assertThat(member.locator("input[name^='release-p']").count())
                .as("a network member has one release choice, not one per professional")
                .isZero();
        for (Map.Entry<Long, String> entry : values.entrySet()) {
            for (String item : List.of(
                    "partiality-every-side", "partiality-no-blame", "partiality-win-win", "partiality-dialogue")) {
                member.locator("label[for='q-p" + entry.getKey() + "-" + item + "-" + entry.getValue() + "']")
                        .click();
            }
        }
        member.locator("label[for='release-NOW']").click();
        click(member, "Send");
        assertThat(member.url()).contains("/c/thanks");
    }

    /** Makes an invitation for a network member from the meeting page; returns the short code. */
    private String inviteNetworkMember(Page chair, String meetingPath, String label) {
        chair.navigate(url(meetingPath + "?lang=en"));
        click(chair, "Invite " + label);
        assertThat(chair.url()).contains("/invitation");
        return chair.locator(".short-code").textContent().strip();
    }

    @Test
    void aChairRunsAThreeProfessionalMeetingAndOnlyConsentedResultsReachTheOtherOrganisation() {
        violations.clear();
        TestWorld world = new TestWorld(context);
        Organisations organisations = context.getBean(Organisations.class);
        UserAccounts accounts = context.getBean(UserAccounts.class);
        long elsewhere = organisations.create("Debt service " + world.suffix);
        accounts.create(elsewhere, null, "chris-" + world.suffix, "Chris Debt", TestWorld.PASSWORD, Role.PROFESSIONAL);
        CurrentUser outsider = accounts.loadUserByUsername("chris-" + world.suffix);
        CurrentUser colleague = world.otherProfessional;

        // The chair creates the meeting from the client's page.
        Page chair = signedInAtDesk(world.professional.username());
        auditInAllLanguages(chair, "/clients/" + world.client);
        chair.navigate(url("/clients/" + world.client + "?lang=en"));
        chair.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New joint meeting"))
                .click();
        String newPath = "/clients/" + world.client + "/joint/new";
        assertThat(chair.url()).contains(newPath);
        auditInAllLanguages(chair, newPath);
        chair.navigate(url(newPath + "?lang=en"));
        chair.locator("#professional-1").fill("nobody-" + world.suffix);
        click(chair, "Create the meeting");
        assertThat(chair.locator(".error-summary").textContent()).contains("Professional 1");
        chair.locator("#professional-1").fill(colleague.username());
        chair.locator("#professional-2").fill(outsider.username());
        chair.locator("#network-label-1").fill("Sam");
        chair.locator("#network-role-1").selectOption("PARTNER");
        chair.locator("#network-label-2").fill("Mira");
        chair.locator("#network-role-2").selectOption("CHILD");
        chair.locator("label[for='network-absent-2']").click();
        chair.locator("#network-label-3").fill("Noor");
        chair.locator("#network-role-3").selectOption("PARENT");
        click(chair, "Create the meeting");
        String meetingPath = chair.url().substring(url("").length()).replaceAll("[?#].*", "");
        assertThat(meetingPath).matches("/joint/\\d+");
        assertThat(chair.locator(".parties").textContent())
                .contains("Kim (client)")
                .contains("Chris Debt (Debt service " + world.suffix + ")")
                .contains("Mira (child, not in the room)");
        auditInAllLanguages(chair, meetingPath);

        // The guide: a note on each of the five steps, in order.
        chair.navigate(url(meetingPath + "?lang=en"));
        assertThat(chair.locator(".guide-step h3").allTextContents())
                .hasSize(5)
                .first()
                .isEqualTo("The client introduces themselves");
        for (String step : List.of(
                "introduce-client", "open-communication", "team-support", "shared-vision", "shared-decision-making")) {
            chair.locator("#note-" + step).fill("Noted on " + step);
            chair.locator("#step-" + step + " button").click();
        }
        assertThat(chair.locator("#step-shared-vision .notes").textContent()).contains("Noted on shared-vision");

        // Decision, interests, goals and a conflict.
        chair.locator("#decision").fill("Budget plan before the job search");
        chair.locator("#proposedBy")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Kim (client)"));
        chair.locator("label[for='agreement-YES']").click();
        click(chair, "Add decision");
        assertThat(chair.locator("#decisions caption").textContent()).contains("1 proposed by the client");
        addForParty(chair, "interest", "Kim (client)", "A calm home");
        addForParty(chair, "interest", "Sam (partner)", "Time with Mira");
        addForParty(chair, "interest", "Noor (parent)", "Mira keeps her school");
        addForParty(chair, "goal", "Kim (client)", "Move out in June");
        addForParty(chair, "goal", "Sam (partner)", "Stay until the summer");
        click(chair, "Note conflicting goals");

        // The balance check before closing: the absent child and the open conflict, worded without blame.
        click(chair, "Close the meeting");
        assertThat(chair.locator(".balance-findings").textContent())
                .contains("Mira is not in the room. What would matter to them?")
                .contains("“Move out in June” and “Stay until the summer” pull in different directions.");
        assertThat(chair.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close anyway"))
                        .count())
                .isEqualTo(1);
        chair.navigate(url(meetingPath + "?lang=en"));
        chair.locator("#interest-party")
                .selectOption(
                        new com.microsoft.playwright.options.SelectOption().setLabel("Mira (child, not in the room)"));
        chair.locator("#interest").fill("Both parents nearby");
        click(chair, "Add interest");
        chair.locator(".conflicts textarea").fill("Move out in August, after the holiday");
        click(chair, "Save option");
        assertThat(chair.locator("#balance").textContent()).contains("Every party’s interest is named");
        click(chair, "Close the meeting");
        assertThat(chair.locator(".meta").allTextContents()).contains("This meeting is closed.");
        chair.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        assertThat(chair.locator("main form").first().isVisible())
                .as("forms are left out on paper")
                .isFalse();
        assertThat(chair.locator(".guide").isVisible()).isTrue();
        chair.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));
        auditInAllLanguages(chair, meetingPath);

        // The client, JavaScript off, 320 px: one block per professional by name, no consent for Chris.
        String code = inviteClient(chair, meetingPath);
        Page phone = phone(false, 320).newPage();
        Map<Long, String> bond = new java.util.LinkedHashMap<>();
        bond.put(world.professional.id(), "5");
        bond.put(colleague.id(), "4");
        bond.put(outsider.id(), "2");
        phone.navigate(url("/c?lang=en"));
        phone.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(code);
        click(phone, "Continue");
        assertThat(phone.locator(".professional-block h2").allTextContents())
                .containsExactly(
                        "About " + world.professional.displayName(),
                        "About " + colleague.displayName(),
                        "About Chris Debt");
        assertThat(phone.locator("#q-p" + outsider.id() + "-bond-trust legend").textContent())
                .isEqualTo("I could trust Chris Debt.");
        phone.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/joint-checkin-320.png"))
                .setFullPage(true));
        String formPath = answer(phone, code, bond, false, outsider.id(), false);
        // Kept for the professional concerned (the default): the chair sees the client's rating of themselves,
        // not of the colleague or of Chris, and no split index.
        chair.navigate(url(meetingPath + "/results?lang=en"));
        assertThat(chair.locator(".alliance-table td").allTextContents())
                .contains("5.0")
                .doesNotContain("4.0", "2.0");
        assertThat(chair.locator(".split-index").count()).isZero();
        assertThat(chair.locator("main").textContent()).contains("seen only by the professional it is about");
        Page measure = phone(true, 320).newPage();
        String secondCode = inviteClient(chair, meetingPath);
        measure.navigate(url("/c/" + secondCode.replace("-", "") + "?lang=nb"));
        assertThat((Integer) measure.evaluate("() => document.documentElement.scrollWidth"))
                .as("nothing on the joint form is wider than a 320 px screen")
                .isLessThanOrEqualTo(320);
        auditInAllLanguages(measure, "/c/" + secondCode.replace("-", ""));

        // Chris (another organisation) sees only the professionals' own ratings: no consent yet.
        Page chris = signedInAtDesk(outsider.username());
        chris.navigate(url("/joint?lang=en"));
        chris.locator(".meetings a").first().click();
        assertThat(chris.url()).contains(meetingPath);
        assertThat(chris.locator("main form").count())
                .as("no forms for a professional who does not chair")
                .isZero();
        chris.navigate(url(meetingPath + "/results?lang=en"));
        assertThat(chris.locator(".access-reason").textContent())
                .contains("the client has not agreed to share their answers with you");
        assertThat(chris.locator(".alliance-table td").allTextContents()).doesNotContain("5.0", "2.0");
        assertThat(chris.locator(".split-index").count()).isZero();
        assertThat(chris.locator(".alert-list").count()).isZero();
        auditInAllLanguages(chris, meetingPath + "/results");
        auditInAllLanguages(chris, "/joint");

        // The client again, JavaScript on, now agreeing to share with Chris.
        Page phoneOn = phone(true, 390).newPage();
        // This time the client shares every block with all professionals of the meeting.
        answer(phoneOn, secondCode, bond, true, outsider.id(), true);

        chris.navigate(url(meetingPath + "/results?lang=en"));
        assertThat(chris.locator(".access-reason").textContent()).contains("the client agreed to share them with you");
        assertThat(chris.locator("svg.alliance-map")).isNotNull();
        assertThat(chris.locator(".alliance-table tbody tr").count()).isEqualTo(3);
        assertThat(chris.locator(".alliance-table").textContent())
                .contains("5.0")
                .contains("2.0");
        assertThat(chris.locator(".split-index").textContent()).contains("75 %").contains("25 %");
        assertThat(chris.locator(".alert-list").textContent()).contains("Split alliance");
        auditInAllLanguages(chris, meetingPath + "/results");

        // Each professional rates from their own side; the chair sees the map with the own ratings beside it.
        auditInAllLanguages(chair, meetingPath + "/rating");
        chair.navigate(url(meetingPath + "/rating?lang=en"));
        for (String item : List.of("bond-trust", "bond-listened", "bond-respect", "bond-understood", "team-support")) {
            chair.locator("label[for='q-" + item + "-5']").click();
        }
        click(chair, "Save");
        assertThat(chair.url()).contains(meetingPath + "/results");
        assertThat(chair.locator(".access-reason").textContent()).contains("you work for the organisation");
        assertThat(chair.locator("svg.alliance-map").innerHTML()).contains("own 5.0");
        auditInAllLanguages(chair, meetingPath + "/results");

        // The client withdraws consent (through the chair): from that moment Chris sees nothing of it.
        chair.navigate(url(meetingPath + "/results?lang=en"));
        click(chair, "The client withdraws consent for Chris Debt");
        assertThat(chair.locator(".consents").textContent()).contains("the client withdrew consent");
        chris.navigate(url(meetingPath + "/results?lang=en"));
        assertThat(chris.locator(".access-reason").textContent()).contains("withdrew their consent");
        assertThat(chris.locator(".alliance-table").textContent()).doesNotContain("2.0");
        assertThat(chris.locator(".split-index").count()).isZero();

        // The used link of the first check-in answers politely.
        Page auditor = phone(true, 320).newPage();
        auditInAllLanguages(auditor, formPath);

        // The network members answer the partiality check-in through their own invitations, on a phone: Sam sees
        // every professional as fair (5); Noor the chair (5), the colleague less (4), Chris least (2). The balance
        // index per professional is the range over the 4 scale points: 0 %, 25 %, 75 %, from 2 parties each.
        Map<Long, String> sam = new java.util.LinkedHashMap<>();
        Map<Long, String> noor = new java.util.LinkedHashMap<>();
        for (Map.Entry<Long, String> entry : bond.entrySet()) {
            sam.put(entry.getKey(), "5");
            noor.put(entry.getKey(), entry.getValue());
        }
        String samCode = inviteNetworkMember(chair, meetingPath, "Sam (partner)");
        // axe runs as a script, so the form is audited in a context with JavaScript; Sam answers without it.
        auditInAllLanguages(phone(true, 320).newPage(), "/c/" + samCode.replace("-", ""));
        answerPartiality(phone(false, 320).newPage(), samCode, sam);
        answerPartiality(phone(true, 320).newPage(), inviteNetworkMember(chair, meetingPath, "Noor (parent)"), noor);
        chair.navigate(url(meetingPath + "/results?lang=en"));
        assertThat(chair.locator("table.partiality tbody th").allTextContents())
                .containsExactly(world.professional.displayName(), colleague.displayName(), "Chris Debt");
        List<String> expected = List.of("0", "25", "75");
        for (int row = 0; row < 3; row++) {
            assertThat(chair.locator("table.partiality tbody tr")
                            .nth(row)
                            .locator("td")
                            .allTextContents())
                    .containsExactly(expected.get(row), "2");
        }
        auditInAllLanguages(chair, meetingPath + "/results");

        // The administrator sets the split threshold: a wrong value gets an inline error in every language.
        Page admin = signedInAtDesk(world.admin.username());
        auditInAllLanguages(admin, "/admin");
        for (String language : LANGUAGES) {
            admin.navigate(url("/admin?lang=" + language));
            admin.locator("#splitThresholdPercent").fill("0");
            admin.locator("form[action$='/admin/settings'] button[type=submit]").click();
            admin.waitForLoadState();
            assertThat(admin.locator("#split-error").isVisible()).isTrue();
            assertThat(admin.locator("#splitThresholdPercent").getAttribute("aria-invalid"))
                    .isEqualTo("true");
            violations.addAll(Browsers.violations(admin));
        }
        admin.navigate(url("/admin?lang=en"));
        admin.locator("#splitThresholdPercent").fill("30");
        click(admin, "Save");
        assertThat(admin.url()).contains("saved");
        assertThat(admin.locator("#splitThresholdPercent").inputValue()).isEqualTo("30");

        // The chair follows the client over the joint meetings, from the client's page: the voice (team voice
        // items all 4 → 4.0), not coded, the bonds 5.0 / 4.0 / 2.0 and the split index 75 % against 30 % now.
        chair.navigate(url("/clients/" + world.client + "?lang=en"));
        chair.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Joint meetings over time"))
                .click();
        chair.waitForLoadState();
        String trendsPath = "/clients/" + world.client + "/joint/trends";
        assertThat(chair.url()).contains(trendsPath);
        assertThat(chair.locator(".centrality-table tbody tr").first().textContent())
                .contains("4.0")
                .contains("not coded");
        assertThat(chair.locator(".bond-table tbody tr").first().locator("td").allTextContents())
                .containsExactly("5.0", "4.0", "2.0", "75 %");
        assertThat(chair.locator(".bond-trend").textContent()).contains("(30 %)");
        assertThat(chair.locator(".centrality svg").count()).isEqualTo(1);
        chair.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/joint-trends.png"))
                .setFullPage(true));
        auditInAllLanguages(chair, trendsPath);
        chair.navigate(url(trendsPath + "?lang=en"));
        chair.setViewportSize(320, 720);
        assertThat((Integer) chair.evaluate("() => document.documentElement.scrollWidth"))
                .as("nothing on the trends page is wider than a 320 px screen")
                .isLessThanOrEqualTo(320);

        assertThat(violations).isEmpty();
    }
}
