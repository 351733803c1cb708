package org.alliance.app.checkin;

import java.util.Map;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Language;
import org.alliance.core.release.ReleaseChoice;

/**
 * A completed questionnaire, already checked by {@code Scoring}.
 *
 * @param idempotencyKey the random key of the form; the same key twice is the same submission
 * @param answers numeric answers by item id; unanswered items are absent
 */
public record CheckInSubmission(
        Instrument instrument,
        Language language,
        ReleaseChoice release,
        String idempotencyKey,
        Map<String, Double> answers) {

    public CheckInSubmission {
        answers = Map.copyOf(answers);
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 64) {
            throw new IllegalArgumentException(
                    "idempotency key must be 1 to 64 characters, got '" + idempotencyKey + "'");
        }
    }
}
