-- Alliance schema, version 11 (issue 13): research studies. One script for SQLite and PostgreSQL (placeholders
-- id_column and bytes_column, see org.alliance.app.system.Migrations). An administrator creates a study of their
-- organisation and assigns researchers of the same organisation; a researcher sees only the studies they are
-- assigned to. Dates are ISO text (YYYY-MM-DD), instants epoch milliseconds, as in version 1.
CREATE TABLE study (
    id ${id_column},
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    title VARCHAR(200) NOT NULL,
    purpose VARCHAR(4000) NOT NULL,
    legal_basis VARCHAR(4000) NOT NULL,
    -- the period: check-ins about meetings from starts_on to ends_on (both included) belong to the study
    starts_on VARCHAR(10) NOT NULL,
    ends_on VARCHAR(10) NOT NULL,
    -- nl, en, nb or da: the language of the export's labels
    language VARCHAR(5) NOT NULL,
    -- the export moves every date of a client back by a fixed number of days (0 to 364) derived from the secret
    shift_dates BOOLEAN NOT NULL,
    -- the export holds free-text answers only when this is set
    include_free_text BOOLEAN NOT NULL,
    -- 256 random bits that key the study pseudonyms (HMAC-SHA-256); never shown, never exported
    pseudonym_secret ${bytes_column} NOT NULL,
    created_by BIGINT NOT NULL REFERENCES app_user (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX study_organisation ON study (organisation_id);

-- The teams whose clients take part.
CREATE TABLE study_team (
    study_id BIGINT NOT NULL REFERENCES study (id),
    team_id BIGINT NOT NULL REFERENCES team (id),
    PRIMARY KEY (study_id, team_id)
);

-- The questionnaires the study uses (instrument ids; the version is the one each check-in was answered with).
CREATE TABLE study_instrument (
    study_id BIGINT NOT NULL REFERENCES study (id),
    instrument_id VARCHAR(100) NOT NULL,
    PRIMARY KEY (study_id, instrument_id)
);

-- Waves such as T1, T2: a check-in about a meeting dated from starts_on to ends_on belongs to the wave.
CREATE TABLE study_wave (
    study_id BIGINT NOT NULL REFERENCES study (id),
    name VARCHAR(40) NOT NULL,
    starts_on VARCHAR(10) NOT NULL,
    ends_on VARCHAR(10) NOT NULL,
    PRIMARY KEY (study_id, name)
);

-- The researchers (accounts with role RESEARCHER of the study's organisation) who see the study.
CREATE TABLE study_researcher (
    study_id BIGINT NOT NULL REFERENCES study (id),
    user_id BIGINT NOT NULL REFERENCES app_user (id),
    PRIMARY KEY (study_id, user_id)
);
CREATE INDEX study_researcher_user ON study_researcher (user_id);
