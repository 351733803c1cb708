-- Alliance schema, version 19 (issue 13, second slice): the analyses run on a study's own data, each kept as a dated
-- report (docs/research.md, "Analyses"). The same in SQLite and PostgreSQL.
CREATE TABLE study_report (
    id ${id_column},
    study_id BIGINT NOT NULL REFERENCES study (id),
    -- RELIABILITY or OUTCOME
    kind VARCHAR(20) NOT NULL,
    -- what the researcher chose, as key=value lines (outcome, summary, covariates)
    options VARCHAR(2000) NOT NULL,
    -- RUNNING, DONE or FAILED
    status VARCHAR(10) NOT NULL,
    -- 0 to 100 while it runs
    progress INTEGER NOT NULL,
    -- the finished report as JSON: tables, notes, provenance, the figures the R script reproduces, the R script
    content TEXT,
    created_by BIGINT NOT NULL REFERENCES app_user (id),
    created_at BIGINT NOT NULL,
    finished_at BIGINT
);
CREATE INDEX study_report_study ON study_report (study_id);
