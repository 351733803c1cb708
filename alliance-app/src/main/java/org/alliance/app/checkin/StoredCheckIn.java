package org.alliance.app.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.alliance.core.release.ReleaseChoice;

/** A stored check-in with its answers, as read back for the professional's and team lead's pages. */
public record StoredCheckIn(
        long id,
        long meetingId,
        LocalDate meetingDate,
        String instrumentId,
        String instrumentVersion,
        String perspective,
        ReleaseChoice release,
        Instant submittedAt,
        boolean released,
        Map<String, Double> answers) {

    public StoredCheckIn {
        answers = Map.copyOf(answers);
    }
}
