package org.alliance.core.demo;

import java.time.LocalDate;

/**
 * What to generate.
 *
 * <p>The window is counted in days ({@value #DAYS_PER_MONTH} a month), never in calendar months, so the same seed
 * gives the same number of meetings per client whatever the calendar between {@code start} and the end holds
 * (February, leap years, 31-day months).
 *
 * @param seed the same seed and options give exactly the same data
 * @param clients number of clients, spread over the professionals
 * @param start first day of the window; the last meetings lie just before {@link #end()}
 * @param months length of the window, {@value #DAYS_PER_MONTH} days a month
 */
public record DemoOptions(long seed, int clients, LocalDate start, int months) {

    /** Days in a generated month: the window is the same length in days on every date. */
    public static final int DAYS_PER_MONTH = 30;

    public DemoOptions {
        if (clients < 1 || clients > 100_000) {
            throw new IllegalArgumentException("clients must be between 1 and 100000, got " + clients);
        }
        if (months < 1 || months > 60) {
            throw new IllegalArgumentException("months must be between 1 and 60, got " + months);
        }
    }

    /** {@code clients} clients whose meetings end just before {@code today}, over {@code months} months. */
    public static DemoOptions endingOn(long seed, int clients, LocalDate today, int months) {
        return new DemoOptions(seed, clients, today.minusDays((long) months * DAYS_PER_MONTH), months);
    }

    /** Sixty clients over the nine months up to {@code today}, as the demo shows. */
    public static DemoOptions demo(long seed, LocalDate today) {
        return endingOn(seed, 60, today, 9);
    }

    /** The day after the window: "today" of the demo. No meeting lies on or after it. */
    public LocalDate end() {
        return start.plusDays(days());
    }

    /** Length of the window in days. */
    public int days() {
        return months * DAYS_PER_MONTH;
    }
}
