package org.alliance.core.instrument;

import java.util.Locale;

/**
 * How a scale score is made from its items: the mean (or the mean times the number of items, a "prorated
 * sum") of the answered items, but only when at least {@code minAnsweredShare} of the scale's items are
 * answered; otherwise the score is missing. Stated in plain words in docs/rules.md.
 */
public record ScoringRule(Method method, double minAnsweredShare) {

    /** Mean of answered items, at least 75 % answered: the default of every instrument. */
    public static final ScoringRule DEFAULT = new ScoringRule(Method.MEAN, 0.75);

    public enum Method {
        MEAN,
        PRORATED_SUM;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public ScoringRule {
        if (!(minAnsweredShare > 0 && minAnsweredShare <= 1)) {
            throw new IllegalArgumentException(
                    "minAnsweredShare must be above 0 and at most 1, got " + minAnsweredShare);
        }
    }

    /** The rule in words, as recorded in the provenance of every score. */
    public String describe() {
        // Math.round, not String.format: this runs for every score a page shows, and the formatter was costly there.
        String share = Math.round(minAnsweredShare * 100) + "%";
        return switch (method) {
            case MEAN -> "mean of answered items; missing when fewer than " + share + " of the items are answered";
            case PRORATED_SUM ->
                "mean of answered items times the number of items; missing when fewer than " + share
                        + " of the items are answered";
        };
    }
}
