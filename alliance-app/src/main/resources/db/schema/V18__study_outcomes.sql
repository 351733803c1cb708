-- Alliance schema, version 18 (issue 13, second slice): register and follow-up outcomes of a study, imported as a
-- CSV keyed by study pseudonym (docs/research.md, "Outcomes"). The same in SQLite and PostgreSQL. An import replaces
-- the study's outcomes, covariates and declarations as a whole, in one transaction.

-- The declared type of every outcome name and covariate of the study's current import.
CREATE TABLE study_variable (
    study_id BIGINT NOT NULL REFERENCES study (id),
    name VARCHAR(64) NOT NULL,
    -- OUTCOME or COVARIATE
    kind VARCHAR(10) NOT NULL,
    -- yes-no, number, category or date
    type VARCHAR(10) NOT NULL,
    -- the order of the file (outcomes first as they occur, then the covariate columns)
    position INTEGER NOT NULL,
    PRIMARY KEY (study_id, name)
);

-- One outcome of one client at one date. The value is in the normal form of its type (1/0, a dot-decimal number, an
-- ISO date, the category's text); NULL when the file left it empty (missing).
CREATE TABLE study_outcome (
    study_id BIGINT NOT NULL REFERENCES study (id),
    client_id BIGINT NOT NULL REFERENCES client (id),
    name VARCHAR(64) NOT NULL,
    observed_on VARCHAR(10) NOT NULL,
    value VARCHAR(100),
    PRIMARY KEY (study_id, client_id, name, observed_on)
);

-- A covariate of one client (age band, gender, years on benefit, ...), as the register gives it; missing ones have no row.
CREATE TABLE study_covariate (
    study_id BIGINT NOT NULL REFERENCES study (id),
    client_id BIGINT NOT NULL REFERENCES client (id),
    name VARCHAR(64) NOT NULL,
    value VARCHAR(100) NOT NULL,
    PRIMARY KEY (study_id, client_id, name)
);

-- The study's current import: which file (its SHA-256), how many rows, who and when. The audit log keeps every import.
CREATE TABLE study_outcome_import (
    study_id BIGINT NOT NULL PRIMARY KEY REFERENCES study (id),
    file_name VARCHAR(200) NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    row_count INTEGER NOT NULL,
    client_count INTEGER NOT NULL,
    imported_by BIGINT NOT NULL REFERENCES app_user (id),
    imported_at BIGINT NOT NULL
);

-- A file uploaded for preview and not stored yet, one per study and account; replaced by the next upload, deleted when
-- the file is stored.
CREATE TABLE study_outcome_upload (
    study_id BIGINT NOT NULL REFERENCES study (id),
    user_id BIGINT NOT NULL REFERENCES app_user (id),
    file_name VARCHAR(200) NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    declarations VARCHAR(4000) NOT NULL,
    content ${bytes_column} NOT NULL,
    uploaded_at BIGINT NOT NULL,
    PRIMARY KEY (study_id, user_id)
);
