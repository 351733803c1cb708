-- Observation coding of meetings (issue 6). Version 4. The SQLite and PostgreSQL files differ only in the id
-- column type. Only codes are stored: the recording itself never reaches the server.

-- One coder's coding of one meeting (kind CODER), or a settled version made from two coders (kind SETTLED).
CREATE TABLE coding_session (
    id ${id_column},
    meeting_id BIGINT NOT NULL REFERENCES meeting (id),
    coder_id BIGINT NOT NULL REFERENCES app_user (id),
    -- CODER or SETTLED
    kind VARCHAR(10) NOT NULL,
    -- For a settled version: the two coder sessions it was made from.
    first_source_id BIGINT REFERENCES coding_session (id),
    second_source_id BIGINT REFERENCES coding_session (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (meeting_id, coder_id, kind)
);
CREATE INDEX coding_session_meeting ON coding_session (meeting_id);

-- One coded event. event_key is made by the browser, so an autosave sent twice stores one event.
CREATE TABLE coding_event (
    id ${id_column},
    session_id BIGINT NOT NULL REFERENCES coding_session (id),
    event_key VARCHAR(64) NOT NULL,
    actor VARCHAR(100) NOT NULL,
    -- verbal or non-verbal
    modality VARCHAR(20) NOT NULL,
    code VARCHAR(100) NOT NULL,
    start_ms BIGINT NOT NULL,
    -- Empty for a point event, and for a state event that is still running.
    end_ms BIGINT,
    -- POINT or STATE
    kind VARCHAR(10) NOT NULL,
    comment VARCHAR(1000) NOT NULL DEFAULT '',
    updated_at BIGINT NOT NULL,
    UNIQUE (session_id, event_key)
);
