package org.alliance.core.demo;

import java.time.LocalDate;

/**
 * What to generate.
 *
 * @param seed the same seed and options give exactly the same data
 * @param clients number of clients, spread over the professionals
 * @param start date of the first intake; meetings run over about {@code months} months from there
 */
public record DemoOptions(long seed, int clients, LocalDate start, int months) {

    public DemoOptions {
        if (clients < 1 || clients > 100_000) {
            throw new IllegalArgumentException("clients must be between 1 and 100000, got " + clients);
        }
        if (months < 1 || months > 60) {
            throw new IllegalArgumentException("months must be between 1 and 60, got " + months);
        }
    }

    /** Sixty clients over the nine months up to {@code today}, as the demo shows. */
    public static DemoOptions demo(long seed, LocalDate today) {
        return new DemoOptions(seed, 60, today.minusMonths(9), 9);
    }
}
