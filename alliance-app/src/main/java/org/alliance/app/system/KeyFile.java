package org.alliance.app.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A 256-bit key kept in a file of its own, apart from the database (the diary's key, the key that seals the
 * identity providers' client secrets): read when it exists, else made with 256 random bits and owner-only
 * permissions. A copy of the database alone does not open what the key sealed; back the file up apart from it.
 */
public final class KeyFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFile() {}

    /** The key in {@code file} (base64 of 32 bytes), made on first use. */
    public static byte[] loadOrCreate(Path file, String purpose) {
        try {
            if (Files.exists(file)) {
                byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
                if (key.length != 32) {
                    throw new IllegalStateException(file + " (the " + purpose
                            + " key) does not hold a 256-bit key (base64 of 32 bytes); restore it from your backup");
                }
                return key;
            }
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the directory's permissions have to do.
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the " + purpose + " key " + file, e);
        }
    }
}
