package org.alliance.core.alert;

import org.alliance.core.instrument.CutOff;

/** One alert on one scale, carrying the numbers that made the rule fire so it can be shown in words. */
public sealed interface Alert permits Alert.BelowCutOff, Alert.Drop, Alert.Gap {

    /** Rounding slack, so that a drop of exactly the threshold counts however the scores were computed. */
    double TOLERANCE = 1e-9;

    String scale();

    /** Which rule fired: {@code below-cut-off}, {@code drop} or {@code gap}. */
    String rule();

    /** The client's latest score is on the flagged side of the instrument's cut-off. */
    record BelowCutOff(String scale, double score, CutOff cutOff) implements Alert {
        @Override
        public String rule() {
            return "below-cut-off";
        }
    }

    /** The client's score fell since the previous meeting by at least {@code threshold} points. */
    record Drop(String scale, double previous, double current, double threshold) implements Alert {
        public Drop {
            if (!(previous - current >= threshold - TOLERANCE)) {
                throw new IllegalArgumentException(
                        "a drop from " + previous + " to " + current + " is below the threshold " + threshold);
            }
        }

        @Override
        public String rule() {
            return "drop";
        }
    }

    /** The professional rated the same meeting higher than the client by at least {@code threshold} points. */
    record Gap(String scale, double client, double professional, double threshold) implements Alert {
        public Gap {
            if (!(professional - client >= threshold - TOLERANCE)) {
                throw new IllegalArgumentException("a gap of " + (professional - client) + " is below " + threshold);
            }
        }

        @Override
        public String rule() {
            return "gap";
        }
    }
}
