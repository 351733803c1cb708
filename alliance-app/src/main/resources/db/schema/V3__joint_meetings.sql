-- Alliance schema, version 3: joint meetings (issue 5). The SQLite and PostgreSQL files differ only in the id
-- column type. A joint meeting is a row of meeting (kind JOINT, professional_id = the chair) with the parties,
-- the chair's notes along the guide, decisions, interests, goals and conflicts in the tables below. Check-ins
-- of a joint meeting reuse check_in_invitation, check_in and answer; the answers asked once per professional go
-- to answer_per_professional.

-- The split-alliance alert threshold as a percentage of the scale's range (see docs/rules.md).
ALTER TABLE organisation ADD COLUMN split_threshold_percent INTEGER NOT NULL DEFAULT 25;

CREATE TABLE joint_meeting (
    id ${id_column},
    meeting_id BIGINT NOT NULL UNIQUE REFERENCES meeting (id),
    chair_id BIGINT NOT NULL REFERENCES app_user (id),
    closed_at BIGINT,
    created_at BIGINT NOT NULL
);

-- The client, the professionals (by account, possibly of another organisation) and network members.
CREATE TABLE joint_party (
    id ${id_column},
    joint_meeting_id BIGINT NOT NULL REFERENCES joint_meeting (id),
    -- CLIENT, PROFESSIONAL or NETWORK_MEMBER
    kind VARCHAR(20) NOT NULL,
    -- set for professionals only
    user_id BIGINT REFERENCES app_user (id),
    -- PARTNER, PARENT, CHILD, FRIEND, INTERPRETER or OTHER; set for network members only
    network_role VARCHAR(20),
    -- how the party is shown ("partner", "Mira (daughter)"); never a client's full name
    label VARCHAR(100) NOT NULL,
    present BOOLEAN NOT NULL DEFAULT TRUE,
    UNIQUE (joint_meeting_id, user_id)
);
CREATE INDEX joint_party_user ON joint_party (user_id);

CREATE TABLE joint_step_note (
    id ${id_column},
    joint_meeting_id BIGINT NOT NULL REFERENCES joint_meeting (id),
    -- introduce-client, open-communication, team-support, shared-vision or shared-decision-making
    step VARCHAR(40) NOT NULL,
    note VARCHAR(4000) NOT NULL,
    written_at BIGINT NOT NULL
);

CREATE TABLE joint_decision (
    id ${id_column},
    joint_meeting_id BIGINT NOT NULL REFERENCES joint_meeting (id),
    decision VARCHAR(4000) NOT NULL,
    proposed_by BIGINT NOT NULL REFERENCES joint_party (id),
    -- YES, PARTLY or NO
    client_agreement VARCHAR(10) NOT NULL,
    written_at BIGINT NOT NULL
);

CREATE TABLE joint_interest (
    id ${id_column},
    joint_meeting_id BIGINT NOT NULL REFERENCES joint_meeting (id),
    party_id BIGINT NOT NULL REFERENCES joint_party (id),
    interest VARCHAR(4000) NOT NULL,
    written_at BIGINT NOT NULL
);

CREATE TABLE joint_goal (
    id ${id_column},
    joint_meeting_id BIGINT NOT NULL REFERENCES joint_meeting (id),
    party_id BIGINT NOT NULL REFERENCES joint_party (id),
    goal VARCHAR(4000) NOT NULL,
    written_at BIGINT NOT NULL
);

CREATE TABLE joint_goal_conflict (
    id ${id_column},
    joint_meeting_id BIGINT NOT NULL REFERENCES joint_meeting (id),
    goal_id BIGINT NOT NULL REFERENCES joint_goal (id),
    other_goal_id BIGINT NOT NULL REFERENCES joint_goal (id),
    win_win VARCHAR(4000),
    written_at BIGINT NOT NULL
);

-- The client's consent to share their joint-meeting results with one professional of another organisation: a
-- history of GIVEN and WITHDRAWN events; the latest one at a moment decides (ConsentRules).
CREATE TABLE joint_consent (
    id ${id_column},
    client_id BIGINT NOT NULL REFERENCES client (id),
    professional_id BIGINT NOT NULL REFERENCES app_user (id),
    action VARCHAR(10) NOT NULL,
    at BIGINT NOT NULL,
    -- "client" when given in the check-in, else the user name of the professional who recorded it
    recorded_by VARCHAR(100) NOT NULL
);
CREATE INDEX joint_consent_client ON joint_consent (client_id, professional_id);

-- Who answered, in a joint meeting: the professional who rated (their own view) or the network member.
ALTER TABLE check_in ADD COLUMN rater_id BIGINT REFERENCES app_user (id);
ALTER TABLE check_in ADD COLUMN joint_party_id BIGINT REFERENCES joint_party (id);
ALTER TABLE check_in_invitation ADD COLUMN joint_party_id BIGINT REFERENCES joint_party (id);

-- Answers to items asked once per professional (perProfessional: true), one block per professional.
CREATE TABLE answer_per_professional (
    check_in_id BIGINT NOT NULL REFERENCES check_in (id),
    professional_id BIGINT NOT NULL REFERENCES app_user (id),
    item_id VARCHAR(100) NOT NULL,
    numeric_value DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (check_in_id, professional_id, item_id)
);
