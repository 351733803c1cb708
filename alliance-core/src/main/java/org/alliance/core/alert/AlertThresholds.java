package org.alliance.core.alert;

/**
 * An organisation's alert thresholds, as a percentage of a scale's range so that one setting fits a 1–5 scale
 * and a 0–10 slider alike (15 % is 0.6 points on 1–5 and 1.5 points on 0–10).
 *
 * @param dropPercent a fall since the previous meeting of at least this share of the range raises an alert
 * @param gapPercent the professional's score above the client's by at least this share raises an alert
 */
public record AlertThresholds(int dropPercent, int gapPercent) {

    /** 15 % for a drop, 20 % for a gap: the values in docs/rules.md. */
    public static final AlertThresholds DEFAULT = new AlertThresholds(15, 20);

    public AlertThresholds {
        if (dropPercent < 1 || dropPercent > 100) {
            throw new IllegalArgumentException("drop threshold must be 1 to 100 %, got " + dropPercent);
        }
        if (gapPercent < 1 || gapPercent > 100) {
            throw new IllegalArgumentException("gap threshold must be 1 to 100 %, got " + gapPercent);
        }
    }
}
