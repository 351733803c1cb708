-- Alliance schema, version 5 (issue 5): the client's release choice per professional block of a joint check-in.
-- The same in SQLite and PostgreSQL. "Release rules apply per party": in the joint check-in the client chooses,
-- for the block of questions about each professional, when that professional sees the answers (now, at the next
-- meeting, only in team figures). check_in.release_choice stays the choice for the questions asked once (the
-- team questions). A check-in without rows here (from before V5, or a network member's) has one choice for all.
CREATE TABLE check_in_block_release (
    check_in_id BIGINT NOT NULL REFERENCES check_in (id),
    professional_id BIGINT NOT NULL REFERENCES app_user (id),
    -- NOW, NEXT_MEETING or TEAM_ONLY
    release_choice VARCHAR(20) NOT NULL,
    -- Set when the professional may see the block (at once for NOW, when the next meeting is opened for
    -- NEXT_MEETING); stays empty for TEAM_ONLY.
    released_at BIGINT,
    PRIMARY KEY (check_in_id, professional_id)
);
