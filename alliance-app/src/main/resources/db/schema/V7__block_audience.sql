-- Alliance schema, version 7 (issue 14): who among the professionals of a joint meeting may see the client's
-- answers about one of them. The same in SQLite and PostgreSQL. CONCERNED (the default, also for blocks stored
-- before this version: the client was asked about each professional alone) or ALL_PROFESSIONALS.
ALTER TABLE check_in_block_release ADD COLUMN audience VARCHAR(20) NOT NULL DEFAULT 'CONCERNED';
