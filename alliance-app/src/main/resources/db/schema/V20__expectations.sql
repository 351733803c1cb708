-- Expectations at intake, revisited (issue 17). At the client's first meeting the client (in the check-in, with
-- the check-in's release choice) and the professional (on the client page) say what they expect; at the revisit
-- meeting both say how it went. A client's answers are shown by the same release rule as the check-in they came
-- with: release_choice and submitted_at are the check-in's, check_in_id names it.
CREATE TABLE expectation_setting (
    organisation_id BIGINT PRIMARY KEY REFERENCES organisation (id),
    -- MEETING (the n-th meeting) or WEEKS (the first meeting n weeks after the intake)
    revisit_kind VARCHAR(10) NOT NULL,
    revisit_number INTEGER NOT NULL
);

CREATE TABLE expectation_answer (
    id ${id_column},
    client_id BIGINT NOT NULL REFERENCES client (id),
    meeting_id BIGINT NOT NULL REFERENCES meeting (id),
    -- client or professional
    perspective VARCHAR(20) NOT NULL,
    -- INTAKE or REVISIT
    occasion VARCHAR(10) NOT NULL,
    -- The client's check-in these answers came with; empty for the professional's own.
    check_in_id BIGINT REFERENCES check_in (id),
    -- The professional who answered; empty for the client's.
    author_id BIGINT REFERENCES app_user (id),
    release_choice VARCHAR(20) NOT NULL,
    language VARCHAR(5) NOT NULL,
    idempotency_key VARCHAR(64) NOT NULL UNIQUE,
    submitted_at BIGINT NOT NULL
);
CREATE INDEX expectation_answer_client ON expectation_answer (client_id);

CREATE TABLE expectation_item (
    answer_id BIGINT NOT NULL REFERENCES expectation_answer (id),
    -- hope, other, help or bring
    item_id VARCHAR(20) NOT NULL,
    -- 1 to 5; empty when only the text was given
    level INTEGER,
    text_value VARCHAR(400),
    PRIMARY KEY (answer_id, item_id)
);
