package org.alliance.core.research;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Study pseudonyms: HMAC-SHA-256 (RFC 2104, FIPS 198-1) of the kind of person and their internal id, keyed by a
 * random 256-bit secret of the study. The same person gets the same pseudonym in every export of a study; without
 * the secret nobody can compute it from the id, and two studies' pseudonyms of one person cannot be linked.
 *
 * <p>A pseudonym is the kind's letter, a hyphen and the first 12 characters (60 bits) of the RFC 4648 base32 text
 * of the hash, e.g. {@code C-7QK2M4XJ9ABC}. Among 100 000 people of one kind the chance that two share a pseudonym
 * is about n²/2⁶¹ ≈ 4·10⁻⁹.
 *
 * <p>The same key also gives each client a fixed shift of dates ({@link #dayShift}), so a study that shifts dates
 * keeps the intervals within a person true, as REDCap's de-identified export does.
 *
 * <p>Not thread-safe (it keeps one {@link Mac}): one instance per export.
 */
public final class StudyPseudonyms {

    /** Length of a study secret in bytes (256 bits). */
    public static final int SECRET_BYTES = 32;

    /** Characters of the base32 text kept in a pseudonym. */
    public static final int LENGTH = 12;

    /** Dates are shifted back by 0 to this many days. */
    public static final int MAX_SHIFT_DAYS = 364;

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    /** Whose pseudonym: the letter it starts with and the word hashed with the id. */
    public enum Kind {
        CLIENT('C', "client"),
        PROFESSIONAL('P', "professional");

        private final char letter;
        private final String word;

        Kind(char letter, String word) {
            this.letter = letter;
            this.word = word;
        }

        public char letter() {
            return letter;
        }
    }

    private final Mac mac;

    /** @param secret the study's secret, exactly {@value #SECRET_BYTES} bytes */
    public StudyPseudonyms(byte[] secret) {
        if (secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("a study secret has " + SECRET_BYTES + " bytes, got " + secret.length);
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** A new random secret for a study. */
    public static byte[] newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    /** The study pseudonym of a person, e.g. {@code C-7QK2M4XJ9ABC}. */
    public String pseudonym(Kind kind, long id) {
        byte[] hash = hash(kind.word + ":" + id);
        return kind.letter + "-" + base32(hash, LENGTH);
    }

    /**
     * How many days (0 to {@value #MAX_SHIFT_DAYS}) this client's dates are moved back when the study shifts dates.
     * Fixed for a client within a study, different across studies, unknown without the secret.
     */
    public int dayShift(long clientId) {
        byte[] hash = hash("date-shift:" + clientId);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (hash[i] & 0xff);
        }
        // The first 64 bits as an unsigned number: the remainder's bias is below 2^-50.
        return (int) Long.remainderUnsigned(value, MAX_SHIFT_DAYS + 1);
    }

    private byte[] hash(String message) {
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The first {@code characters} characters of the RFC 4648 base32 text of {@code bytes} (no padding). */
    static String base32(byte[] bytes, int characters) {
        if (characters * 5 > bytes.length * 8) {
            throw new IllegalArgumentException(characters + " base32 characters need more than " + bytes.length
                    + " bytes: " + Arrays.toString(bytes));
        }
        StringBuilder text = new StringBuilder(characters);
        int buffer = 0;
        int bits = 0;
        int next = 0;
        while (text.length() < characters) {
            if (bits < 5) {
                buffer = (buffer << 8) | (bytes[next++] & 0xff);
                bits += 8;
            }
            text.append(BASE32[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
        return text.toString();
    }
}
