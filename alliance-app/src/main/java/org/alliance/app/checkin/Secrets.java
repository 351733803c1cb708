package org.alliance.app.checkin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets behind a check-in invitation: a 256-bit random token for the link and QR code, and an 8-character
 * short code for typing (about 40 bits; guessing is stopped by the per-address rate limit and the expiry). Only
 * their SHA-256 hashes are stored.
 */
final class Secrets {

    /** No 0/O, 1/I/L: easy to read aloud and to type from a card. */
    static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    static final int CODE_LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

    private Secrets() {}

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String newShortCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** "ABCD-EFGH": how the short code is shown. */
    static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4);
    }

    /** A typed short code without spaces or dashes, in capitals; empty when it cannot be a short code. */
    static String normaliseCode(String typed) {
        String code = SEPARATORS.matcher(typed).replaceAll("").toUpperCase(Locale.ROOT);
        if (code.length() != CODE_LENGTH) {
            return "";
        }
        for (char c : code.toCharArray()) {
            if (CODE_ALPHABET.indexOf(c) < 0) {
                return "";
            }
        }
        return code;
    }

    /**
     * What lets a form opened with a right short code be used again without counting as a new guess: an HMAC of the
     * invitation's id keyed with the hash of its 256-bit link token, which only the database knows. Nobody who has
     * not typed the right code can produce it.
     */
    static String pass(String tokenHash, long invitationId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tokenHash.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            byte[] sum = mac.doFinal(("short-code-pass:" + invitationId).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sum, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Compares two secrets in time that does not depend on where they differ. */
    static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
