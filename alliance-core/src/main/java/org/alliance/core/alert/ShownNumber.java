package org.alliance.core.alert;

import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Scores are judged as they are shown (docs/rules.md, "Numbers on the page and the rules"): rounded to two
 * decimals, half away from zero. The alert rules compare these rounded numbers, and the pages show them, so a
 * gap shown as 0.8 is a gap of 0.8 for the rule too, and 0.75 is never shown as 0.8.
 *
 * <p>Two decimals are enough for every threshold: a threshold is a whole percentage of a scale's range, and the
 * built-in ranges are 4 and 10 points, so a threshold is a multiple of 0.04 or 0.1 points.
 */
public final class ShownNumber {

    private ShownNumber() {}

    /** The value rounded to two decimals, half away from zero. */
    public static double round(double value) {
        return Math.signum(value) * (Math.round(Math.abs(value) * 100) / 100.0);
    }

    /**
     * The rounded value as text with a point: one decimal when the second is 0 ("3.0", "4.5"), else two ("0.75",
     * "3.08").
     */
    public static String text(double value) {
        return text(value, '.');
    }

    /**
     * The rounded value as {@link #text(double)} gives it, with the decimal separator of the language: "4,75" in
     * Dutch, Norwegian and Danish, "4.75" in English. The digits are the same, so the rules still judge what is shown.
     */
    public static String text(double value, Locale locale) {
        return text(value, DecimalFormatSymbols.getInstance(locale).getDecimalSeparator());
    }

    private static String text(double value, char separator) {
        long hundredths = Math.round(Math.abs(value) * 100);
        String sign = value < 0 && hundredths > 0 ? "-" : "";
        long whole = hundredths / 100;
        long fraction = hundredths % 100;
        if (fraction % 10 == 0) {
            return sign + whole + separator + fraction / 10;
        }
        return sign + whole + separator + (fraction < 10 ? "0" : "") + fraction;
    }
}
