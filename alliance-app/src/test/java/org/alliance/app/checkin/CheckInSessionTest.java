package org.alliance.app.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.app.PageTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Issue 14, "a client loses their answers when the server session behind the form is gone": the check-in form is
 * sent in a request without the session it was shown in (a restart, a timeout, another server) and is stored.
 * Each MockMvc request here has a session of its own, as after a restart.
 */
class CheckInSessionTest extends PageTest {

    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    @Autowired
    CheckIns checkIns;

    /** The session check's form for the invitation, its one question answered 8, released now. */
    private static MockHttpServletRequestBuilder sessionCheck(IssuedInvitation invitation, String idempotencyKey) {
        return MockMvcRequestBuilders.post("/c/" + invitation.token())
                .param("idempotencyKey", idempotencyKey)
                .param("release", "NOW")
                .param("item-relationship", "8");
    }

    @Test
    void aClientLosesTheirAnswersWhenTheServerSessionBehindTheFormIsGone() throws Exception {
        IssuedInvitation invitation = world.invite("alliance-session-check");
        MockHttpServletResponse form = mvc.perform(MockMvcRequestBuilders.get("/c/" + invitation.token()))
                .andReturn()
                .getResponse();
        assertThat(form.getStatus()).isEqualTo(200);
        // The form's hidden fields as the page gave them (the idempotency key and a CSRF token of a session that
        // is gone now), one answer, and what Chromium sends with its own form under Referrer-Policy: no-referrer.
        MockHttpServletRequestBuilder post = MockMvcRequestBuilders.post("/c/" + invitation.token())
                .header("Origin", "null")
                .header("Sec-Fetch-Site", "same-origin")
                .param("release", "NOW")
                .param("item-relationship", "8");
        String key = null;
        Matcher hidden = HIDDEN.matcher(form.getContentAsString());
        while (hidden.find()) {
            post.param(hidden.group(1), hidden.group(2));
            if (hidden.group(1).equals("idempotencyKey")) {
                key = hidden.group(2);
            }
        }
        assertThat(key).isNotBlank();
        MockHttpServletResponse sent = mvc.perform(post).andReturn().getResponse();
        assertThat(sent.getStatus()).isEqualTo(302);
        assertThat(sent.getRedirectedUrl()).startsWith("/c/thanks");
        assertThat(checkIns.countWithKey(key)).isEqualTo(1);
    }

    @Test
    void theCheckInKeepsNothingOfTheClientInAServerSession() throws Exception {
        IssuedInvitation invitation = world.invite("alliance-session-check");
        var form = mvc.perform(MockMvcRequestBuilders.get("/c/" + invitation.token()))
                .andReturn();
        assertThat(form.getResponse().getStatus()).isEqualTo(200);
        assertThat(form.getRequest().getSession(false))
                .as("showing the form creates no session")
                .isNull();
        assertThat(form.getResponse().getContentAsString())
                .as("and no session-bound CSRF token in the form")
                .doesNotContain("name=\"_csrf\"");
        var sent = mvc.perform(sessionCheck(invitation, "sessionless-" + world.suffix))
                .andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).startsWith("/c/thanks");
        assertThat(sent.getRequest().getSession(false))
                .as("storing the answers creates none either")
                .isNull();
        var code = mvc.perform(MockMvcRequestBuilders.get("/c")).andReturn();
        assertThat(code.getRequest().getSession(false))
                .as("nor the page for a typed code")
                .isNull();
    }

    @Test
    void aFormWithoutAnyCookieOrTokenIsStoredToo() throws Exception {
        IssuedInvitation invitation = world.invite("alliance-session-check");
        String key = "no-session-" + world.suffix;
        MockHttpServletResponse sent =
                mvc.perform(sessionCheck(invitation, key)).andReturn().getResponse();
        assertThat(sent.getRedirectedUrl()).startsWith("/c/thanks");
        assertThat(checkIns.countWithKey(key)).isEqualTo(1);
    }

    @Test
    void aCheckInPostedFromAnotherSiteIsStillRefused() throws Exception {
        IssuedInvitation invitation = world.invite("alliance-session-check");
        String key = "forged-" + world.suffix;
        int crossSite = mvc.perform(MockMvcRequestBuilders.post("/c/" + invitation.token())
                        .header("Sec-Fetch-Site", "cross-site")
                        .param("idempotencyKey", key)
                        .param("item-relationship", "1"))
                .andReturn()
                .getResponse()
                .getStatus();
        int otherOrigin = mvc.perform(MockMvcRequestBuilders.post("/c/" + invitation.token())
                        .header("Origin", "https://elsewhere.example")
                        .param("idempotencyKey", key)
                        .param("item-relationship", "1"))
                .andReturn()
                .getResponse()
                .getStatus();
        int ownOrigin = mvc.perform(MockMvcRequestBuilders.post("/c")
                        .with(r -> {
                            r.setRemoteAddr("198.51.100.31");
                            return r;
                        })
                        .header("Origin", "http://localhost")
                        .param("code", "ZZZZ-ZZZZ"))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(crossSite).isEqualTo(403);
        assertThat(otherOrigin).isEqualTo(403);
        assertThat(checkIns.countWithKey(key)).isZero();
        assertThat(ownOrigin)
                .as("a wrong code from our own origin is just a wrong code")
                .isEqualTo(400);
    }

    @Test
    void aFormCarryingAnotherCheckInsKeyIsStoredNotAServerError() throws Exception {
        String key = "copied-" + world.suffix;
        IssuedInvitation first = world.invite("alliance-session-check");
        IssuedInvitation second = world.invite("alliance-session-check");
        for (IssuedInvitation invitation : new IssuedInvitation[] {first, second}) {
            MockHttpServletResponse sent =
                    mvc.perform(sessionCheck(invitation, key)).andReturn().getResponse();
            assertThat(sent.getRedirectedUrl()).startsWith("/c/thanks");
        }
        assertThat(checkIns.countWithKey(key)).as("the first keeps the key").isEqualTo(1);
        assertThat(checkIns.forClient(world.client, false))
                .as("both answers are stored")
                .hasSize(2);
    }
}
