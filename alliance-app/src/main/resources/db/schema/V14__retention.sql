-- Retention (issue 16): an organisation may erase clients a set number of months after their last meeting.
-- Empty: clients are kept until an administrator erases them.
ALTER TABLE organisation ADD COLUMN retention_months INTEGER;

-- The daily retention run, claimed once per organisation and day: with several servers the first to insert the
-- row runs it, the others find the row and do nothing.
CREATE TABLE retention_run (
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    run_date VARCHAR(10) NOT NULL,
    started_at BIGINT NOT NULL,
    erased INTEGER,
    PRIMARY KEY (organisation_id, run_date)
);
