package org.alliance.app.checkin;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Who may open a check-in: finds the invitation behind a link token or a short code, and answers a wrong, used or
 * expired one with its friendly page. A link token (256 bits) cannot be guessed and never asks the limiter. A short
 * code (about 40 bits) can, so every try of one goes through {@link AttemptLimiter} — except a form that was opened
 * with the right code: it carries a pass ({@link Secrets#pass}), so a client who typed their code once is never
 * refused while filling in and sending the form, however many wrong codes others type meanwhile.
 */
@Component
class CheckInGate {

    /** The entry-session cookie: which browser types the codes (a random value, no server state behind it). */
    static final String ENTRY_COOKIE = "alliance-entry";

    /** The request parameter and model attribute that carry the short-code pass. */
    static final String PASS = "pass";

    private final Invitations invitations;
    private final AttemptLimiter limiter;
    private final Clock clock;

    CheckInGate(Invitations invitations, AttemptLimiter limiter, Clock clock) {
        this.invitations = invitations;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** What stands behind a key. */
    sealed interface Entry permits Found, Unknown, MustWait {}

    /** @param pass for a short code, the pass that lets its form be used without counting again */
    record Found(Invitation invitation, Optional<String> pass) implements Entry {}

    record Unknown() implements Entry {}

    record MustWait(Duration left) implements Entry {}

    /**
     * The invitation behind a link token or short code.
     *
     * @param pass the pass a form opened with the right short code sends back, if any
     */
    Entry open(String key, Optional<String> pass, HttpServletRequest request, HttpServletResponse response) {
        if (key.length() > 200) {
            return new Unknown();
        }
        String code = Secrets.normaliseCode(key);
        if (code.isEmpty()) {
            return invitations
                    .find(key)
                    .<Entry>map(i -> new Found(i, Optional.empty()))
                    .orElseGet(Unknown::new);
        }
        if (pass.isPresent()) {
            Optional<Invitation> found = invitations.find(code);
            if (found.isPresent()
                    && Secrets.same(pass.get(), invitations.pass(found.get().id()))) {
                return new Found(found.get(), pass);
            }
        }
        AttemptLimiter.Attempt attempt = limiter.begin(guesser(request, response));
        if (attempt instanceof AttemptLimiter.Wait wait) {
            return new MustWait(wait.left());
        }
        Optional<Invitation> found = invitations.find(code);
        if (found.isEmpty()) {
            return new Unknown();
        }
        limiter.succeeded((AttemptLimiter.Go) attempt);
        return new Found(found.get(), Optional.of(invitations.pass(found.get().id())));
    }

    /**
     * The friendly page for a wrong, used or expired key, or for a guesser who must wait; none when the form may be
     * shown. Puts the pass of a found short code into the model, for the form to send back.
     */
    Optional<String> refusal(Entry entry, HttpServletResponse response, Model model) {
        if (entry instanceof MustWait wait) {
            mustWait(wait, response, model);
            return Optional.of("checkin/wait");
        }
        if (!(entry instanceof Found found)) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return Optional.of("checkin/unknown");
        }
        found.pass().ifPresent(p -> model.addAttribute(PASS, p));
        Invitation invitation = found.invitation();
        if (invitation.consumedAt().isPresent()) {
            response.setStatus(HttpStatus.GONE.value());
            return Optional.of("checkin/used");
        }
        if (invitation.expired(clock.instant())) {
            response.setStatus(HttpStatus.GONE.value());
            return Optional.of("checkin/expired");
        }
        return Optional.empty();
    }

    /** 429 with {@code Retry-After}, and the wait in whole seconds (rounded up) for the page to say. */
    static void mustWait(MustWait wait, HttpServletResponse response, Model model) {
        long seconds = Math.max(1, (wait.left().toMillis() + 999) / 1000);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        model.addAttribute("waitSeconds", seconds);
        model.addAttribute("waitMinutes", (seconds + 59) / 60);
    }

    /**
     * The guesser behind a request: its address and, when the browser kept our cookie, its entry session. A browser
     * without the cookie gets one now; until it sends it back only the address counts.
     */
    AttemptLimiter.Guesser guesser(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> entry = Optional.ofNullable(request.getCookies()).stream()
                .flatMap(Arrays::stream)
                .filter(c -> c.getName().equals(ENTRY_COOKIE))
                .map(Cookie::getValue)
                .findFirst();
        if (entry.isEmpty()) {
            giveEntryCookie(request, response);
        }
        return new AttemptLimiter.Guesser(request.getRemoteAddr(), entry);
    }

    /** Sets the entry-session cookie when the browser has none (the code form does this before the first try). */
    void giveEntryCookie(HttpServletRequest request, HttpServletResponse response) {
        boolean has = request.getCookies() != null
                && Arrays.stream(request.getCookies()).anyMatch(c -> c.getName().equals(ENTRY_COOKIE));
        if (has
                || response.containsHeader(HttpHeaders.SET_COOKIE)
                        && response.getHeaders(HttpHeaders.SET_COOKIE).stream()
                                .anyMatch(h -> h.startsWith(ENTRY_COOKIE + "="))) {
            return;
        }
        ResponseCookie cookie = ResponseCookie.from(ENTRY_COOKIE, Secrets.newToken())
                .path("/c")
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .maxAge(Duration.ofDays(1))
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
