package org.alliance.app.organisation;

import java.time.Duration;
import org.alliance.core.alert.AlertThresholds;
import org.alliance.core.instrument.Language;
import org.alliance.core.release.ReleaseChoice;

/**
 * An organisation and its settings: the default release choice, alert thresholds, invitation lifetime and the
 * split-alliance alert threshold of joint meetings.
 *
 * @param splitThresholdPercent the split-alliance index (as % of the scale range) at or above which a joint
 *     meeting raises an alert; 1 to 100
 * @param language the language of a client's check-in when neither the client's browser nor the invitation names
 *     one of the four
 */
public record Organisation(
        long id,
        String name,
        ReleaseChoice defaultRelease,
        int dropThresholdPercent,
        int gapThresholdPercent,
        int invitationHours,
        int splitThresholdPercent,
        Language language) {

    public Organisation {
        if (splitThresholdPercent < 1 || splitThresholdPercent > 100) {
            throw new IllegalArgumentException(
                    "split-alliance threshold must be 1 to 100 %, got " + splitThresholdPercent);
        }
        if (invitationHours < 1 || invitationHours > 24 * 30) {
            throw new IllegalArgumentException("invitation hours must be 1 to 720, got " + invitationHours);
        }
    }

    public AlertThresholds thresholds() {
        return new AlertThresholds(dropThresholdPercent, gapThresholdPercent);
    }

    /** The split-alliance alert threshold as a share of the scale range, as {@code JointIndices.alert} takes it. */
    public double splitThreshold() {
        return splitThresholdPercent / 100.0;
    }

    public Duration invitationLifetime() {
        return Duration.ofHours(invitationHours);
    }
}
