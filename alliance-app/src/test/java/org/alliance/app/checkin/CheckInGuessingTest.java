package org.alliance.app.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.app.PageTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Issue 14, "a whole office can be locked out": wrong short codes slow down the browser that types them, then the
 * address, but never a client with a link, and never a client who already typed the right code and is filling in
 * the form. Each test uses addresses of its own (the test context's clock stands still, so counts never age).
 */
class CheckInGuessingTest extends PageTest {

    private static final Pattern PASS = Pattern.compile("name=\"pass\" value=\"([^\"]+)\"");

    @Autowired
    CheckIns checkIns;

    private static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String address) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    private MockHttpServletResponse code(String code, String address, String browser) throws Exception {
        MockHttpServletRequestBuilder post =
                from(MockMvcRequestBuilders.post("/c"), address).param("code", code);
        if (browser != null) {
            post.cookie(new Cookie(CheckInGate.ENTRY_COOKIE, browser));
        }
        return mvc.perform(post).andReturn().getResponse();
    }

    private void someoneGuesses(String address, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            code("ZZZZ-ZZZ" + (i % 2 == 0 ? "Z" : "Y"), address, null);
        }
    }

    private MockHttpServletResponse send(String key, String address, String pass, String idempotencyKey)
            throws Exception {
        MockHttpServletRequestBuilder post = from(MockMvcRequestBuilders.post("/c/" + key), address)
                .param("idempotencyKey", idempotencyKey)
                .param("release", "NOW")
                .param("item-relationship", "8");
        if (pass != null) {
            post.param("pass", pass);
        }
        return mvc.perform(post).andReturn().getResponse();
    }

    @Test
    void aWholeOfficeIsNotLockedOutByOneClientsMistakes() throws Exception {
        String office = "198.51.100.40";
        for (int i = 0; i < 9; i++) {
            code("ZZZZ-ZZZZ", office, "mistyping-" + world.suffix);
        }
        MockHttpServletResponse mistyping = code("ZZZZ-ZZZZ", office, "mistyping-" + world.suffix);
        assertThat(mistyping.getStatus()).isEqualTo(429);
        assertThat(mistyping.getContentAsString()).contains("15 seconden");
        assertThat(mistyping.getContentAsString()).as("the typed code is kept").contains("ZZZZ-ZZZZ");

        IssuedInvitation invitation = world.invite("alliance-session-check");
        MockHttpServletResponse neighbour = code(invitation.shortCode(), office, "neighbour-" + world.suffix);
        assertThat(neighbour.getStatus())
                .as("another client in the same waiting room")
                .isEqualTo(302);
        assertThat(neighbour.getRedirectedUrl()).startsWith("/c/" + Secrets.normaliseCode(invitation.shortCode()));
    }

    @Test
    void aValidLinkIsNeverRefused() throws Exception {
        String office = "198.51.100.41";
        someoneGuesses(office, 40);
        assertThat(code("ZZZZ-ZZZZ", office, null).getStatus())
                .as("the address waits")
                .isEqualTo(429);

        IssuedInvitation invitation = world.invite("alliance-session-check");
        assertThat(mvc.perform(from(MockMvcRequestBuilders.get("/c/" + invitation.token()), office))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        String key = "link-" + world.suffix;
        assertThat(send(invitation.token(), office, null, key).getRedirectedUrl())
                .startsWith("/c/thanks");
        assertThat(checkIns.countWithKey(key)).isEqualTo(1);
    }

    @Test
    void aClientWhoTypedTheRightCodeIsNotRefusedWhileSendingTheForm() throws Exception {
        String office = "198.51.100.42";
        IssuedInvitation invitation = world.invite("alliance-session-check");
        String redirect =
                code(invitation.shortCode(), office, "client-" + world.suffix).getRedirectedUrl();
        MockHttpServletResponse form = mvc.perform(from(MockMvcRequestBuilders.get(redirect), office))
                .andReturn()
                .getResponse();
        assertThat(form.getStatus()).isEqualTo(200);
        Matcher pass = PASS.matcher(form.getContentAsString());
        assertThat(pass.find()).as("the form carries its pass").isTrue();

        // While the client fills in the form, someone at the same address guesses codes.
        someoneGuesses(office, 40);
        String shortCode = Secrets.normaliseCode(invitation.shortCode());
        assertThat(send(shortCode, office, null, "without-pass-" + world.suffix).getStatus())
                .as("the short code without the pass is just another guess")
                .isEqualTo(429);
        assertThat(send(shortCode, office, "forged" + pass.group(1).substring(6), "forged-" + world.suffix)
                        .getStatus())
                .isEqualTo(429);
        String key = "typed-" + world.suffix;
        assertThat(send(shortCode, office, pass.group(1), key).getRedirectedUrl())
                .startsWith("/c/thanks");
        assertThat(checkIns.countWithKey(key)).isEqualTo(1);
    }
}
