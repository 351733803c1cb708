package org.alliance.app.caseload;

import java.util.Locale;
import java.util.Optional;
import org.alliance.app.system.CurrentUser;

/**
 * A section another feature adds to the professional's client page (for example the expectations, issue 17). The
 * client page has already checked that the client is the professional's own. Implementations are Spring beans; this
 * package knows only this interface, so the feature depends on the caseload and not the other way round.
 */
public interface ClientPagePart {

    /** What this part shows on the page of {@code client} for {@code professional}, or empty. */
    Optional<Shown> on(CurrentUser professional, Client client, Locale locale);

    /**
     * @param template the template holding fragment {@code part(content)}
     * @param content what the fragment shows
     */
    record Shown(String template, Object content) {}
}
