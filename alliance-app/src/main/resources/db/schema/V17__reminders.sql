-- Alliance schema, version 12 (issue 14, schedules and reminders). The same in SQLite and PostgreSQL.
-- A client's e-mail address or mobile number, entered by the professional with the client's consent, so the link to
-- a check-in can be sent to them. One per client; deleted with the client and when it has not been needed for 90
-- days (no open invitation, no schedule; docs/privacy.md).
CREATE TABLE client_contact (
    client_id BIGINT NOT NULL PRIMARY KEY REFERENCES client (id),
    -- EMAIL or SMS
    channel VARCHAR(10) NOT NULL,
    -- An e-mail address, or a mobile number in E.164 form (+31612345678).
    address VARCHAR(254) NOT NULL,
    -- When the professional recorded the client's consent (milliseconds since 1970-01-01 UTC), and who.
    consent_at BIGINT NOT NULL,
    consent_by BIGINT NOT NULL REFERENCES app_user (id)
);

-- A client's schedule of check-ins: after every meeting, or every N weeks (docs/rules.md, "Schedules").
CREATE TABLE client_schedule (
    client_id BIGINT NOT NULL PRIMARY KEY REFERENCES client (id),
    -- AFTER_MEETING or EVERY_N_WEEKS
    kind VARCHAR(20) NOT NULL,
    -- For EVERY_N_WEEKS: N (1 to 52); empty otherwise.
    weeks INT,
    instrument_id VARCHAR(100) NOT NULL,
    starts_at BIGINT NOT NULL,
    set_by BIGINT NOT NULL REFERENCES app_user (id)
);

-- Every message sent about an invitation. The row is written before the message goes out and is unique per
-- invitation and kind, so a retry, a restart or a second server never sends the same message twice.
CREATE TABLE invitation_message (
    id ${id_column},
    invitation_id BIGINT NOT NULL REFERENCES check_in_invitation (id),
    -- INVITE or REMINDER
    kind VARCHAR(10) NOT NULL,
    channel VARCHAR(10) NOT NULL,
    sent_at BIGINT NOT NULL,
    -- SENDING (written before the attempt), SENT, FAILED or NOT_CONFIGURED
    outcome VARCHAR(20) NOT NULL,
    UNIQUE (invitation_id, kind)
);

-- ShedLock's table: the scheduled job runs on one server at a time.
CREATE TABLE shedlock (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP NOT NULL,
    locked_at TIMESTAMP NOT NULL,
    locked_by VARCHAR(255) NOT NULL
);

-- When a professional last opened a client's page, so the caseload overview can mark answers sent since then.
CREATE TABLE client_seen (
    client_id BIGINT NOT NULL REFERENCES client (id),
    professional_id BIGINT NOT NULL REFERENCES app_user (id),
    seen_at BIGINT NOT NULL,
    PRIMARY KEY (client_id, professional_id)
);
