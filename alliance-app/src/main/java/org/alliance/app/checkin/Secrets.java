package org.alliance.app.checkin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

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

    static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
