package org.alliance.core.instrument;

import java.util.Locale;

/**
 * A cut-off on a scale and what it means. Sources differ on whether "below 36" means {@code <} or {@code ≤},
 * so the comparison is stated, never assumed.
 */
public record CutOff(String scale, Comparison comparison, double value, LocalizedText meaning) {

    public enum Comparison {
        BELOW("<"),
        AT_OR_BELOW("≤");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** True when a score lies on the flagged side of this cut-off. */
    public boolean flags(double score) {
        return switch (comparison) {
            case BELOW -> score < value;
            case AT_OR_BELOW -> score <= value;
        };
    }

    /** The rule in words, e.g. "total < 9". */
    public String describe() {
        return scale + " " + comparison.symbol() + " " + formatNumber(value);
    }

    static String formatNumber(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }
}
