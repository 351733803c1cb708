#!/usr/bin/env python3
"""Fills a migrated Alliance SQLite database (the demo's) with a large study for bench/export/run.sh.

    fill.py DATABASE CLIENTS MEETINGS_PER_CLIENT STUDY_TITLE

Adds CLIENTS clients to a new team of the organisation of the demo account `research`, each with
MEETINGS_PER_CLIENT meetings a week apart and one released alliance-client check-in (all twelve items answered)
per meeting, and a study of that team and questionnaire with `research` as its researcher. Prints the study id.
Answers are generated from a fixed seed, so two runs give the same database.
"""
import os
import random
import sqlite3
import sys
from datetime import date, timedelta

database, clients, per_client, title = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
random.seed(42)
db = sqlite3.connect(database, timeout=300)


organisation, researcher = db.execute(
    "SELECT organisation_id, id FROM app_user WHERE username = 'research'").fetchone()
professional = db.execute(
    "SELECT id FROM app_user WHERE organisation_id = ? AND role = 'PROFESSIONAL' ORDER BY id LIMIT 1",
    (organisation,)).fetchone()[0]
now_ms = 1_700_000_000_000
items = [f"{scale}-{i}" for scale in ("bond", "tasks", "goals") for i in range(1, 5)]
with db:
    team = db.execute("INSERT INTO team (organisation_id, name) VALUES (?, ?) RETURNING id",
                      (organisation, f"Bench {title}")).fetchone()[0]
start = date(2025, 1, 6)
batch = 2000
for first in range(0, clients, batch):
    with db:
        for c in range(first, min(first + batch, clients)):
            client = db.execute(
                "INSERT INTO client (organisation_id, team_id, professional_id, alias, internal_id, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                (organisation, team, professional, f"B{c}", f"bench-{title}-{c}", now_ms)).fetchone()[0]
            answers = []
            for m in range(per_client):
                day = (start + timedelta(weeks=m)).isoformat()
                meeting = db.execute(
                    "INSERT INTO meeting (client_id, professional_id, meeting_date, kind, created_at)"
                    " VALUES (?, ?, ?, 'REGULAR', ?) RETURNING id",
                    (client, professional, day, now_ms)).fetchone()[0]
                check_in = db.execute(
                    "INSERT INTO check_in (meeting_id, client_id, instrument_id, instrument_version, perspective,"
                    " language, release_choice, idempotency_key, submitted_at, released_at)"
                    " VALUES (?, ?, 'alliance-client', '1.0.0', 'client', 'nl', 'NOW', ?, ?, ?) RETURNING id",
                    (meeting, client, f"bench-{title}-{c}-{m}", now_ms, now_ms)).fetchone()[0]
                answers.extend((check_in, item, float(random.randint(1, 5))) for item in items)
            db.executemany("INSERT INTO answer (check_in_id, item_id, numeric_value) VALUES (?, ?, ?)", answers)
with db:
    study = db.execute(
        "INSERT INTO study (organisation_id, title, purpose, legal_basis, starts_on, ends_on, language, shift_dates,"
        " include_free_text, pseudonym_secret, created_by, created_at)"
        " VALUES (?, ?, 'benchmark', 'none', '2025-01-01', '2030-12-31', 'en', 1, 0, ?, ?, ?) RETURNING id",
        (organisation, title, os.urandom(32), researcher, now_ms)).fetchone()[0]
    db.execute("INSERT INTO study_team (study_id, team_id) VALUES (?, ?)", (study, team))
    db.execute("INSERT INTO study_instrument (study_id, instrument_id) VALUES (?, 'alliance-client')", (study,))
    db.execute("INSERT INTO study_researcher (study_id, user_id) VALUES (?, ?)", (study, researcher))
print(study)
