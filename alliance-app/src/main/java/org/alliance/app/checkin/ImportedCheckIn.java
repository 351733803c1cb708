package org.alliance.app.checkin;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.Perspective;
import org.alliance.core.release.ReleaseChoice;

/**
 * A check-in from history, stored as it ended up (used to fill the demo database).
 *
 * @param releasedAt when the professional could first see it; empty while it is not released (and always for
 *     {@link ReleaseChoice#TEAM_ONLY})
 * @param answers numeric answers by item id; unanswered items are absent
 */
public record ImportedCheckIn(
        long meetingId,
        long clientId,
        String instrumentId,
        String instrumentVersion,
        Perspective perspective,
        Language language,
        ReleaseChoice release,
        String idempotencyKey,
        Instant submittedAt,
        Optional<Instant> releasedAt,
        Map<String, Double> answers) {

    public ImportedCheckIn {
        answers = Map.copyOf(answers);
        if (!CheckInSubmission.keyFits(idempotencyKey)) {
            throw new IllegalArgumentException(
                    "idempotency key must be 1 to 64 characters, got '" + idempotencyKey + "'");
        }
        if (release == ReleaseChoice.TEAM_ONLY && releasedAt.isPresent()) {
            throw new IllegalArgumentException("answers for team figures only are never released, got " + releasedAt);
        }
        if (releasedAt.isPresent() && releasedAt.get().isBefore(submittedAt)) {
            throw new IllegalArgumentException(
                    "released at " + releasedAt.get() + " before submitted at " + submittedAt);
        }
    }
}
