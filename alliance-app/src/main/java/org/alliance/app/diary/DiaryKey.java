package org.alliance.app.diary;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.alliance.app.system.KeyFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The diary's key, kept apart from the database: a file of its own ({@link KeyFile}, {@code alliance.diary.key-file}, default
 * {@code ./data/diary.key}, made with 256 random bits and owner-only permissions on first use). Back it up apart
 * from the database: without it the entries cannot be read, which is the point. AES-256-GCM, a random 96-bit nonce
 * per entry, and the author's id as associated data, so an entry moved to another author does not decrypt.
 */
@Component
class DiaryKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    DiaryKey(@Value("${alliance.diary.key-file:./data/diary.key}") Path file) {
        this.key = new SecretKeySpec(KeyFile.loadOrCreate(file, "diary"), "AES");
    }

    /** @return nonce and ciphertext */
    byte[][] seal(long authorId, byte[] plain) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return new byte[][] {nonce, run(Cipher.ENCRYPT_MODE, authorId, nonce, plain)};
    }

    byte[] open(long authorId, byte[] nonce, byte[] sealed) {
        return run(Cipher.DECRYPT_MODE, authorId, nonce, sealed);
    }

    private byte[] run(int mode, long authorId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(("alliance-diary:" + authorId).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a diary entry that does not decrypt under this key and author", e);
        }
    }
}
