-- Wrong short codes and links per network address (version 6), so that the limit holds across restarts and
-- across several app servers on one database. The SQLite and PostgreSQL files differ only in the id column type.
-- The address is stored as its SHA-256 hash; rows older than the limit's window (15 minutes) are deleted.
CREATE TABLE failed_attempt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    address_hash VARCHAR(64) NOT NULL,
    -- Milliseconds since 1970-01-01 UTC, like the other timestamps.
    attempted_at BIGINT NOT NULL
);
CREATE INDEX failed_attempt_address ON failed_attempt (address_hash, attempted_at);
CREATE INDEX failed_attempt_time ON failed_attempt (attempted_at);
