-- Issue 17, the partiality self-check: after a joint meeting a professional of that meeting (the chair, and any
-- other who wants) rates themselves on the five points of multi-directed partiality, each 1-5 on the scale the
-- network members' partiality check-in uses. One row per meeting and professional: rating again replaces it.
-- Seen only by the professionals of that meeting (docs/rules.md); erased with the client (privacy/ClientErasure).
CREATE TABLE partiality_self_check (
    id ${id_column},
    joint_meeting_id BIGINT NOT NULL REFERENCES joint_meeting (id),
    professional_id BIGINT NOT NULL REFERENCES app_user (id),
    every_side INTEGER NOT NULL,
    no_culprit INTEGER NOT NULL,
    win_win INTEGER NOT NULL,
    situation_not_person INTEGER NOT NULL,
    dialogue INTEGER NOT NULL,
    rated_at BIGINT NOT NULL,
    UNIQUE (joint_meeting_id, professional_id)
);

-- Issue 17, the learning team: a team's learning plan (its goals) and its sessions (date and notes, the closing
-- session's among them). About the team as a whole: no client and no professional is named in these tables.
CREATE TABLE team_learning_plan (
    team_id BIGINT NOT NULL PRIMARY KEY REFERENCES team (id),
    goals VARCHAR(2000) NOT NULL,
    updated_by BIGINT NOT NULL REFERENCES app_user (id),
    updated_at BIGINT NOT NULL
);
CREATE TABLE team_learning_session (
    id ${id_column},
    team_id BIGINT NOT NULL REFERENCES team (id),
    session_date VARCHAR(10) NOT NULL,
    notes VARCHAR(2000) NOT NULL,
    created_by BIGINT NOT NULL REFERENCES app_user (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX team_learning_session_team ON team_learning_session (team_id, session_date);
