package org.alliance.app.checkin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An invitation for a meeting that was not answered while it worked (docs/rules.md, "Missed check-ins").
 *
 * @param lifetime how long that invitation worked (the organisation's setting when it was made)
 */
public record MissedCheckIn(
        long meetingId, LocalDate meetingDate, String instrumentId, Instant expiredAt, Duration lifetime) {}
