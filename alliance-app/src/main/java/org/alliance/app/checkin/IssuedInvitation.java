package org.alliance.app.checkin;

import java.time.Instant;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A newly issued invitation: the only moment the token and short code exist in plain form. */
public record IssuedInvitation(long id, String token, String shortCode, Instant expiresAt) {

    /** The short code as printed for the client, e.g. "ABCD-EFGH". */
    public String displayCode() {
        return Secrets.display(shortCode);
    }

    /**
     * Hands the link token, the short code and the expiry to the invitation page the redirect leads to (flash
     * attributes: shown once, then gone). The page reads them as {@code token}, {@code code} and
     * {@code expiresAtInstant}.
     */
    public void flashTo(RedirectAttributes redirect) {
        redirect.addFlashAttribute("token", token);
        redirect.addFlashAttribute("code", displayCode());
        redirect.addFlashAttribute("expiresAtInstant", expiresAt);
    }
}
