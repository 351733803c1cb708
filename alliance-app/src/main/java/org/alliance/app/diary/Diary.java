package org.alliance.app.diary;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.system.SealingKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reflection diary's store. Every read and delete names the author: there is no way in this class to read
 * someone else's entry, and no other class reads {@code diary_entry}. The prompts' answers are kept as one
 * encrypted JSON object per entry.
 */
@Repository
public class Diary {

    /** The prompts of an entry, in the order the form asks them. */
    static final List<String> PROMPTS = List.of("wentWell", "powerImbalance", "myShare", "myNeeds");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final DiaryKey key;
    private final Clock clock;

    Diary(JdbcClient jdbc, DiaryKey key, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock;
    }

    /** One entry as its author reads it. */
    record Entry(long id, Optional<Long> meetingId, Instant createdAt, Map<String, String> answers) {}

    long write(long authorId, Optional<Long> meetingId, Map<String, String> answers) {
        SealingKey.Sealed sealed =
                key.seal(authorId, JSON.writeValueAsString(answers).getBytes(StandardCharsets.UTF_8));
        return jdbc.sql(
                        """
                        INSERT INTO diary_entry (author_id, meeting_id, created_at, nonce, ciphertext)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(authorId, meetingId.orElse(null), clock.millis(), sealed.nonce(), sealed.box())
                .query(Long.class)
                .single();
    }

    /** The author's entries, newest first. */
    List<Entry> of(long authorId) {
        return jdbc.sql(
                        """
                        SELECT id, meeting_id, created_at, nonce, ciphertext FROM diary_entry
                        WHERE author_id = ? ORDER BY created_at DESC, id DESC""")
                .param(authorId)
                .query((rs, row) -> {
                    long meeting = rs.getLong("meeting_id");
                    Optional<Long> meetingId = rs.wasNull() ? Optional.empty() : Optional.of(meeting);
                    byte[] plain = key.open(authorId, rs.getBytes("nonce"), rs.getBytes("ciphertext"));
                    Map<String, String> answers = JSON.readValue(
                            new String(plain, StandardCharsets.UTF_8),
                            new TypeReference<LinkedHashMap<String, String>>() {});
                    return new Entry(
                            rs.getLong("id"), meetingId, Instant.ofEpochMilli(rs.getLong("created_at")), answers);
                })
                .list();
    }

    /** Deletes every entry of this author (their account is erased); the number deleted. */
    public int deleteAllOf(long authorId) {
        return jdbc.sql("DELETE FROM diary_entry WHERE author_id = ?")
                .param(authorId)
                .update();
    }

    /** Deletes the author's own entry; false when there is none with this id for this author. */
    boolean delete(long authorId, long entryId) {
        return jdbc.sql("DELETE FROM diary_entry WHERE id = ? AND author_id = ?")
                        .params(entryId, authorId)
                        .update()
                == 1;
    }
}
