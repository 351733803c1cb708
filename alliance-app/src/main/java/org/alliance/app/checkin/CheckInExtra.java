package org.alliance.app.checkin;

import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Language;

/**
 * A block of questions another feature adds to the client's plain check-in form (for example the expectations at
 * intake, issue 17). It rides on the check-in: the same link or short code, the same form, the same release choice
 * and the same transaction, so it is stored exactly when the check-in is and never without it. Implementations are
 * Spring beans; this package knows only this interface, so the feature depends on the check-in and not the other
 * way round.
 */
public interface CheckInExtra {

    /**
     * What this feature asks on the form of this invitation, filled with what the form sent so far (nothing on the
     * first view), or empty when it asks nothing there.
     *
     * @param sent the form's fields as posted (empty when the form is first shown)
     */
    Optional<Block> block(Invitation invitation, Map<String, String> sent, Language language);

    /**
     * Stores the block's answers with the check-in just stored from {@code submission}, in the same transaction.
     * Called only when the check-in was stored now and the block was {@link Block#acceptable() acceptable}.
     */
    void store(Invitation invitation, Block block, CheckInSubmission submission);

    /**
     * A block on the form.
     *
     * @param template the template holding fragment {@code block(content)} that shows it
     * @param content what the fragment shows (the feature's own type)
     * @param acceptable whether it may be stored as sent; if not, the form comes back with the block's own errors
     */
    record Block(String template, Object content, boolean acceptable) {}
}
