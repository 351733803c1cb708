-- The professional's private reflection diary (issue 17). Only the author reads an entry: the text is encrypted
-- with AES-256-GCM under a key the server keeps apart from the database (alliance.diary.key-file), so a copy of
-- the database alone holds no readable entry. Nothing but the author's id, the meeting and the time is in clear.
CREATE TABLE diary_entry (
    id ${id_column},
    author_id BIGINT NOT NULL REFERENCES app_user (id),
    meeting_id BIGINT REFERENCES meeting (id),
    created_at BIGINT NOT NULL,
    nonce ${bytes_column} NOT NULL,
    ciphertext ${bytes_column} NOT NULL
);
CREATE INDEX diary_entry_author ON diary_entry (author_id, created_at);
