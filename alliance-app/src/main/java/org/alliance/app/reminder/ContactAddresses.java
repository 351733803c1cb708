package org.alliance.app.reminder;

import java.util.Optional;
import java.util.regex.Pattern;
import org.alliance.core.instrument.Language;

/**
 * What the professional types as a client's address, checked and written one way: an e-mail address as typed
 * (trimmed), a mobile number in E.164 form. A number may be typed in E.164 ({@code +31 6 1234 5678}, {@code
 * 0031…}) or in the national form of the organisation's country, taken from its language: Dutch {@code 06…} (+31),
 * Norwegian and Danish eight digits (+47, +45), English {@code 07…} (+44). Spaces, dashes, dots and brackets are
 * ignored.
 */
public final class ContactAddresses {

    /** Deliberately loose: one @, something on both sides, a dot in the domain, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private ContactAddresses() {}

    /** The address in the stored form, or empty when it is not a valid address for the channel. */
    public static Optional<String> normalise(Channel channel, String typed, Language country) {
        String text = typed.strip();
        if (text.length() > 254) {
            return Optional.empty();
        }
        if (channel == Channel.EMAIL) {
            return EMAIL.matcher(text).matches() ? Optional.of(text) : Optional.empty();
        }
        String digits = text.replaceAll("[\\s().-]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        if (!digits.startsWith("+")) {
            digits = national(digits, country);
        }
        return E164.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** A national number in E.164, or the input unchanged (and then refused) when it has not the national form. */
    private static String national(String digits, Language country) {
        if (!digits.matches("[0-9]+")) {
            return digits;
        }
        return switch (country) {
            case NL -> digits.matches("0[0-9]{9}") ? "+31" + digits.substring(1) : digits;
            case EN -> digits.matches("0[0-9]{10}") ? "+44" + digits.substring(1) : digits;
            case NB -> digits.matches("[0-9]{8}") ? "+47" + digits : digits;
            case DA -> digits.matches("[0-9]{8}") ? "+45" + digits : digits;
        };
    }
}
