package org.alliance.app.organisation;

import java.time.Duration;
import org.alliance.core.alert.AlertThresholds;
import org.alliance.core.release.ReleaseChoice;

/** An organisation and its settings: the default release choice, alert thresholds and invitation lifetime. */
public record Organisation(
        long id,
        String name,
        ReleaseChoice defaultRelease,
        int dropThresholdPercent,
        int gapThresholdPercent,
        int invitationHours) {

    public Organisation {
        if (invitationHours < 1 || invitationHours > 24 * 30) {
            throw new IllegalArgumentException("invitation hours must be 1 to 720, got " + invitationHours);
        }
    }

    public AlertThresholds thresholds() {
        return new AlertThresholds(dropThresholdPercent, gapThresholdPercent);
    }

    public Duration invitationLifetime() {
        return Duration.ofHours(invitationHours);
    }
}
