-- Alliance schema, version 24 (issue 13, the professionals' side): the professionals' own questionnaire
-- (alliance-practice), answered once per study and wave by each professional of the study (docs/research.md,
-- "The professionals' questionnaire"). One script for SQLite and PostgreSQL (placeholder id_column, see
-- org.alliance.app.system.Migrations). A second answer for the same wave is refused, not stored (docs/rules.md).
CREATE TABLE practice_answer (
    id ${id_column},
    study_id BIGINT NOT NULL REFERENCES study (id),
    professional_id BIGINT NOT NULL REFERENCES app_user (id),
    -- the wave's name as in study_wave
    wave VARCHAR(40) NOT NULL,
    instrument_id VARCHAR(100) NOT NULL,
    instrument_version VARCHAR(40) NOT NULL,
    -- nl, en, nb or da: the language the form was answered in
    language VARCHAR(5) NOT NULL,
    -- the answers as item=value lines (e.g. competence-1=4); an item not answered has no line
    answers VARCHAR(2000) NOT NULL,
    submitted_at BIGINT NOT NULL,
    UNIQUE (study_id, professional_id, wave)
);
CREATE INDEX practice_answer_professional ON practice_answer (professional_id);
