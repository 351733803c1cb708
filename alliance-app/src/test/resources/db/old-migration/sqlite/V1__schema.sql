-- Alliance schema, version 1. The SQLite and PostgreSQL files differ only in the id column type (INTEGER PRIMARY KEY AUTOINCREMENT).
-- Instants are stored as epoch milliseconds (BIGINT) and calendar dates as ISO text (YYYY-MM-DD), so the
-- same SQL reads and writes them on both databases.

CREATE TABLE organisation (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name VARCHAR(200) NOT NULL,
    -- What a client's release choice starts as: NOW, NEXT_MEETING or TEAM_ONLY.
    default_release VARCHAR(20) NOT NULL DEFAULT 'NEXT_MEETING',
    -- Alert thresholds as a percentage of the scale's range (see docs/rules.md).
    drop_threshold_percent INTEGER NOT NULL DEFAULT 15,
    gap_threshold_percent INTEGER NOT NULL DEFAULT 20,
    invitation_hours INTEGER NOT NULL DEFAULT 72,
    created_at BIGINT NOT NULL
);

CREATE TABLE team (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    name VARCHAR(200) NOT NULL,
    UNIQUE (organisation_id, name)
);

CREATE TABLE app_user (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    team_id BIGINT REFERENCES team (id),
    username VARCHAR(100) NOT NULL UNIQUE,
    display_name VARCHAR(200) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    -- PROFESSIONAL, TEAM_LEAD, RESEARCHER or ADMIN
    role VARCHAR(20) NOT NULL,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    created_at BIGINT NOT NULL
);

-- Pseudonymous: an alias chosen by the professional and an internal id; no national id, no name.
CREATE TABLE client (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    team_id BIGINT NOT NULL REFERENCES team (id),
    professional_id BIGINT NOT NULL REFERENCES app_user (id),
    alias VARCHAR(100) NOT NULL,
    internal_id VARCHAR(100) NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (organisation_id, internal_id)
);
CREATE INDEX client_professional ON client (professional_id);
CREATE INDEX client_team ON client (team_id);

CREATE TABLE meeting (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id BIGINT NOT NULL REFERENCES client (id),
    professional_id BIGINT NOT NULL REFERENCES app_user (id),
    meeting_date VARCHAR(10) NOT NULL,
    -- INTAKE, REGULAR, JOINT or CLOSING
    kind VARCHAR(20) NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX meeting_client ON meeting (client_id, meeting_date);

CREATE TABLE check_in_invitation (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id BIGINT NOT NULL REFERENCES meeting (id),
    instrument_id VARCHAR(100) NOT NULL,
    -- SHA-256 of the one-time token and of the short code; the secrets themselves are never stored.
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    short_code_hash VARCHAR(64) NOT NULL UNIQUE,
    created_by BIGINT NOT NULL REFERENCES app_user (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    consumed_at BIGINT
);
CREATE INDEX invitation_meeting ON check_in_invitation (meeting_id);

CREATE TABLE check_in (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id BIGINT NOT NULL REFERENCES meeting (id),
    client_id BIGINT NOT NULL REFERENCES client (id),
    invitation_id BIGINT UNIQUE REFERENCES check_in_invitation (id),
    instrument_id VARCHAR(100) NOT NULL,
    instrument_version VARCHAR(40) NOT NULL,
    -- client or professional (the instrument's perspective)
    perspective VARCHAR(20) NOT NULL,
    language VARCHAR(5) NOT NULL,
    -- NOW, NEXT_MEETING or TEAM_ONLY; a professional's own rating is NOW.
    release_choice VARCHAR(20) NOT NULL,
    idempotency_key VARCHAR(64) NOT NULL UNIQUE,
    submitted_at BIGINT NOT NULL,
    -- Set when the professional may see the answers; stays empty for TEAM_ONLY.
    released_at BIGINT
);
CREATE INDEX check_in_client ON check_in (client_id, meeting_id);

CREATE TABLE answer (
    check_in_id BIGINT NOT NULL REFERENCES check_in (id),
    item_id VARCHAR(100) NOT NULL,
    numeric_value DOUBLE PRECISION,
    text_value VARCHAR(4000),
    PRIMARY KEY (check_in_id, item_id)
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at BIGINT NOT NULL,
    -- user name, "client" for an anonymous check-in, or "system"
    actor VARCHAR(100) NOT NULL,
    action VARCHAR(60) NOT NULL,
    subject VARCHAR(200) NOT NULL
);
