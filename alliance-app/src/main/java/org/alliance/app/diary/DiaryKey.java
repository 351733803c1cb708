package org.alliance.app.diary;

import java.nio.file.Path;
import org.alliance.app.system.SealingKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The diary's key, kept apart from the database: a file of its own ({@link SealingKey}, {@code alliance.diary.key-file},
 * default {@code ./data/diary.key}, made with 256 random bits and owner-only permissions on first use). Back it up
 * apart from the database: without it the entries cannot be read, which is the point. AES-256-GCM, a random 96-bit
 * nonce per entry, and the author's id as associated data, so an entry moved to another author does not decrypt.
 */
@Component
class DiaryKey {

    private final SealingKey key;

    DiaryKey(@Value("${alliance.diary.key-file:./data/diary.key}") Path file) {
        this.key = SealingKey.inFile(file, "diary", "a diary entry that does not decrypt under this key and author");
    }

    SealingKey.Sealed seal(long authorId, byte[] plain) {
        return key.seal(context(authorId), plain);
    }

    byte[] open(long authorId, byte[] nonce, byte[] sealed) {
        return key.open(context(authorId), nonce, sealed);
    }

    private static String context(long authorId) {
        return "alliance-diary:" + authorId;
    }
}
