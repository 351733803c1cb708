-- Alliance schema, version 9 (issue 16): first-run setup is claimed once across all servers on one database.
-- The same in SQLite and PostgreSQL. The setup page inserts the one row (id 1) in the same transaction as the
-- organisation and its administrator; a second server doing the same at the same moment fails on the primary
-- key and shows "setup is done". A database that already has accounts is claimed by this migration.
CREATE TABLE setup_claim (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    claimed_at BIGINT NOT NULL
);
INSERT INTO setup_claim (id, claimed_at) SELECT 1, 0 WHERE EXISTS (SELECT 1 FROM app_user);
