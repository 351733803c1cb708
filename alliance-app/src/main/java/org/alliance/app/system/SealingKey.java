package org.alliance.app.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit key kept in a file of its own, apart from the database (the diary's key, the key that seals the
 * identity providers' client secrets), and what it seals: AES-256-GCM with a random 96-bit nonce per box and a
 * context (whose box it is: the diary entry's author, the provider's organisation) as associated data, so a box moved
 * to another context does not open. The file is read when it exists, else made with 256 random bits and owner-only
 * permissions. A copy of the database alone does not open what the key sealed; back the file up apart from it.
 */
public final class SealingKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String refusal;

    private SealingKey(byte[] key, String refusal) {
        this.key = new SecretKeySpec(key, "AES");
        this.refusal = refusal;
    }

    /**
     * The key in {@code file} (base64 of 32 bytes), made on first use.
     *
     * @param purpose what the key is for, in the messages about its file
     * @param refusal what is said when a box does not open under this key and context
     */
    public static SealingKey inFile(Path file, String purpose, String refusal) {
        return new SealingKey(loadOrCreate(file, purpose), refusal);
    }

    /** A sealed box: its nonce and the ciphertext with its tag, stored side by side. */
    public record Sealed(byte[] nonce, byte[] box) {}

    public Sealed seal(String context, byte[] plain) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return new Sealed(nonce, run(Cipher.ENCRYPT_MODE, context, nonce, plain));
    }

    public byte[] open(String context, byte[] nonce, byte[] box) {
        return run(Cipher.DECRYPT_MODE, context, nonce, box);
    }

    private byte[] run(int mode, String context, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(refusal, e);
        }
    }

    private static byte[] loadOrCreate(Path file, String purpose) {
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
