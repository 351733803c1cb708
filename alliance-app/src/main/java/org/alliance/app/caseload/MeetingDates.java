package org.alliance.app.caseload;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A meeting date as a form sends it: {@code YYYY-MM-DD} with a four-digit year. {@link LocalDate#parse} also
 * accepts "+10000-01-01", which does not fit the ten characters of {@code meeting.meeting_date} (PostgreSQL refuses
 * it) and would sort before "2026-…" as text; such a date is a typing mistake, answered with an error on the form.
 */
public final class MeetingDates {

    private static final Pattern FORM_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private MeetingDates() {}

    /** The date, or empty when the text is no date of the years 0000–9999. */
    public static Optional<LocalDate> parse(String text) {
        if (!FORM_DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
