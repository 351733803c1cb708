package org.alliance.app.research;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 fingerprints that the audit rows and the reports give of what left or entered the application (an
 * export, a linkage file, an outcome file, an analysis's input), as lower-case hex.
 */
final class Fingerprints {

    private Fingerprints() {}

    /** A digest to feed while a file streams by. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String sha256(byte[] bytes) {
        return hex(sha256().digest(bytes));
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
