package org.alliance.app.coding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Times as people type and read them: {@code 75.5}, {@code 1:15.5} or {@code 1:01:15} (hours:minutes:seconds). */
final class TimeText {

    private TimeText() {}

    /** Milliseconds from text; throws {@link IllegalArgumentException} for anything else. */
    static long parse(String text) {
        String t = text.strip().replace(',', '.');
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty time");
        }
        String[] parts = t.split(":", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("'" + text + "' is not a time");
        }
        try {
            BigDecimal seconds = new BigDecimal(parts[parts.length - 1]);
            long whole = 0;
            for (int i = 0; i < parts.length - 1; i++) {
                long part = Long.parseLong(parts[i]);
                if (part < 0) {
                    throw new IllegalArgumentException("'" + text + "' is negative");
                }
                whole = whole * 60 + part;
            }
            if (parts.length > 1 && seconds.compareTo(BigDecimal.valueOf(60)) >= 0) {
                throw new IllegalArgumentException("'" + text + "' has 60 or more seconds");
            }
            BigDecimal ms = seconds.add(BigDecimal.valueOf(whole * 60))
                    .multiply(BigDecimal.valueOf(1000))
                    .setScale(0, RoundingMode.HALF_UP);
            if (ms.signum() < 0 || ms.compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
                throw new IllegalArgumentException("'" + text + "' is out of range");
            }
            return ms.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time");
        }
    }

    /** {@code m:ss.s}, or {@code h:mm:ss.s} from an hour on. */
    static String format(long ms) {
        long tenths = Math.round(ms / 100.0);
        long seconds = tenths / 10;
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        long t = tenths % 10;
        if (h > 0) {
            return String.format(Locale.ROOT, "%d:%02d:%02d.%d", h, m, s, t);
        }
        return String.format(Locale.ROOT, "%d:%02d.%d", m, s, t);
    }
}
