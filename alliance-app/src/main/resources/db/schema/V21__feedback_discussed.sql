-- Issue 17: after a meeting the professional records whether the feedback (a signal: low, drop, gap, missed,
-- split, expectations) was discussed with the client and, if they want, what changed. One row per meeting and
-- signal: recording again replaces it. Erased with the client (privacy/ClientErasure) and with the meeting.
CREATE TABLE feedback_discussed (
    id ${id_column},
    client_id BIGINT NOT NULL REFERENCES client (id),
    meeting_id BIGINT NOT NULL REFERENCES meeting (id),
    signal VARCHAR(20) NOT NULL,
    discussed BOOLEAN NOT NULL,
    what_changed VARCHAR(500),
    recorded_by BIGINT NOT NULL REFERENCES app_user (id),
    recorded_at BIGINT NOT NULL,
    UNIQUE (meeting_id, signal)
);
CREATE INDEX feedback_discussed_client ON feedback_discussed (client_id);
