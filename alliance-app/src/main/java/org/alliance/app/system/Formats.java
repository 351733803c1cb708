package org.alliance.app.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.alliance.core.alert.ShownNumber;

/**
 * Numbers, dates and times as a person reads them in their language: "4,75" and "15 jun. 2026" in Dutch, "4.75"
 * and "15 Jun 2026" in English; times in the organisation's time zone, never a raw instant. Scores keep the
 * precision the rules judge ({@link ShownNumber}). Files for other programs (CSV, JSON) keep the ISO forms.
 */
public final class Formats {

    private Formats() {}

    /** A score as shown and judged: two decimals at most, with the language's decimal separator. */
    public static String score(double value, Locale locale) {
        return ShownNumber.text(value, locale);
    }

    /** A date, e.g. "15 jun. 2026" (nl), "15 Jun 2026" (en), "15. jun. 2026" (nb), "15. jun. 2026" (da). */
    public static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(english(locale))
                .format(date);
    }

    /** An instant as a date and time of day in the given zone, e.g. "15 jun. 2026 10:00". */
    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(english(locale))
                .withZone(zone)
                .format(instant);
    }

    /** Plain "en" would give the American order (Jun 15, 2026); Alliance's English readers are European. */
    private static Locale english(Locale locale) {
        return locale.getLanguage().equals("en") ? Locale.UK : locale;
    }
}
