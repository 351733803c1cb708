#!/usr/bin/env python3
"""Fills a migrated Alliance SQLite database (the demo's) with a study for the benchmarks (bench/export/run.sh and
bench/analysis/run.sh share it, so the two benchmarks write the tables the same way as the schema changes).

    fill_study.py DATABASE CLIENTS MEETINGS_PER_CLIENT STUDY_TITLE [--professionals N] [--factors]
                  [--languages nl,en,nb,da] [--shift-dates] [--outcomes]

Adds N professionals (default 1) in a new team of the organisation of the demo account `research`, CLIENTS clients
spread over them, each with MEETINGS_PER_CLIENT meetings a week apart and one released alliance-client check-in per
meeting, in the listed languages in turn (default nl). The twelve answers are
  - uniform on 1..5, every item answered (default), or
  - with --factors: three correlated factors (bond, tasks, goals: a client's general level, a level per dimension,
    noise per item, rounded to 1..5; one answer in 50 left out).
Adds a study of that team and questionnaire with `research` as its researcher (dates shifted with --shift-dates) and
prints the study id. With --outcomes, also a register outcome per client as the outcome import stores it:
`employed_6m` (yes-no, more likely with a higher alliance) and the covariate `age_band`. Answers come from a fixed
seed: two runs give the same data.
"""
import argparse
import math
import os
import random
import sqlite3
from datetime import date, timedelta

NOW_MS = 1_700_000_000_000
START = date(2025, 1, 6)
BATCH = 2000
SCALES = ("bond", "tasks", "goals")


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("clients", type=int)
    parser.add_argument("meetings", type=int)
    parser.add_argument("title")
    parser.add_argument("--professionals", type=int, default=1)
    parser.add_argument("--factors", action="store_true")
    parser.add_argument("--languages", default="nl")
    parser.add_argument("--shift-dates", action="store_true")
    parser.add_argument("--outcomes", action="store_true")
    return parser.parse_args()


def answers_of(check_in, general, factors):
    """The (check_in, item, value) rows of one check-in."""
    rows = []
    for scale in SCALES:
        level = 3.4 + 0.7 * general + 0.5 * random.gauss(0, 1) if factors else None
        for i in range(1, 5):
            if factors:
                if random.randrange(50) == 0:
                    continue
                value = max(1, min(5, round(level + 0.6 * random.gauss(0, 1))))
            else:
                value = random.randint(1, 5)
            rows.append((check_in, f"{scale}-{i}", float(value)))
    return rows


def main():
    args = arguments()
    random.seed(42)
    languages = args.languages.split(",")
    db = sqlite3.connect(args.database, timeout=300)
    organisation, researcher = db.execute(
        "SELECT organisation_id, id FROM app_user WHERE username = 'research'").fetchone()
    with db:
        team = db.execute("INSERT INTO team (organisation_id, name) VALUES (?, ?) RETURNING id",
                          (organisation, f"Bench {args.title}")).fetchone()[0]
        professionals = [db.execute(
            "INSERT INTO app_user (organisation_id, team_id, username, display_name, password_hash, role, enabled,"
            " created_at) VALUES (?, ?, ?, ?, '{noop}x', 'PROFESSIONAL', 1, ?) RETURNING id",
            (organisation, team, f"bench-{args.title}-p{p}", f"Bench {p}", NOW_MS)).fetchone()[0]
            for p in range(args.professionals)]
    levels = {}
    for first in range(0, args.clients, BATCH):
        with db:
            for c in range(first, min(first + BATCH, args.clients)):
                professional = professionals[c % len(professionals)]
                client = db.execute(
                    "INSERT INTO client (organisation_id, team_id, professional_id, alias, internal_id, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                    (organisation, team, professional, f"B{c}", f"bench-{args.title}-{c}", NOW_MS)).fetchone()[0]
                general = random.gauss(0, 1) if args.factors else 0.0
                levels[client] = general
                language = languages[c % len(languages)]
                answers = []
                for m in range(args.meetings):
                    meeting = db.execute(
                        "INSERT INTO meeting (client_id, professional_id, meeting_date, kind, created_at)"
                        " VALUES (?, ?, ?, 'REGULAR', ?) RETURNING id",
                        (client, professional, (START + timedelta(weeks=m)).isoformat(), NOW_MS)).fetchone()[0]
                    check_in = db.execute(
                        "INSERT INTO check_in (meeting_id, client_id, instrument_id, instrument_version, perspective,"
                        " language, release_choice, idempotency_key, submitted_at, released_at)"
                        " VALUES (?, ?, 'alliance-client', '1.0.0', 'client', ?, 'NOW', ?, ?, ?) RETURNING id",
                        (meeting, client, language, f"bench-{args.title}-{c}-{m}", NOW_MS, NOW_MS)).fetchone()[0]
                    answers.extend(answers_of(check_in, general, args.factors))
                db.executemany("INSERT INTO answer (check_in_id, item_id, numeric_value) VALUES (?, ?, ?)", answers)
    with db:
        study = db.execute(
            "INSERT INTO study (organisation_id, title, purpose, legal_basis, starts_on, ends_on, language,"
            " shift_dates, include_free_text, pseudonym_secret, created_by, created_at)"
            " VALUES (?, ?, 'benchmark', 'none', '2025-01-01', '2030-12-31', 'en', ?, 0, ?, ?, ?) RETURNING id",
            (organisation, args.title, 1 if args.shift_dates else 0, os.urandom(32), researcher, NOW_MS)).fetchone()[0]
        db.execute("INSERT INTO study_team (study_id, team_id) VALUES (?, ?)", (study, team))
        db.execute("INSERT INTO study_instrument (study_id, instrument_id) VALUES (?, 'alliance-client')", (study,))
        db.execute("INSERT INTO study_researcher (study_id, user_id) VALUES (?, ?)", (study, researcher))
        if args.outcomes:
            add_outcomes(db, study, researcher, levels)
    print(study)


def add_outcomes(db, study, researcher, levels):
    db.execute("INSERT INTO study_variable (study_id, name, kind, type, position) VALUES (?, 'employed_6m',"
               " 'OUTCOME', 'yes-no', 0)", (study,))
    db.execute("INSERT INTO study_variable (study_id, name, kind, type, position) VALUES (?, 'age_band',"
               " 'COVARIATE', 'category', 1)", (study,))
    outcomes, covariates = [], []
    for client, general in levels.items():
        p = 1 / (1 + math.exp(-(-0.5 + 0.6 * general)))
        outcomes.append((study, client, "1" if random.random() < p else "0"))
        covariates.append((study, client, random.choice(("18-29", "30-49", "50+"))))
    db.executemany("INSERT INTO study_outcome (study_id, client_id, name, observed_on, value)"
                   " VALUES (?, ?, 'employed_6m', '2025-09-01', ?)", outcomes)
    db.executemany("INSERT INTO study_covariate (study_id, client_id, name, value) VALUES (?, ?, 'age_band', ?)",
                   covariates)
    db.execute("INSERT INTO study_outcome_import (study_id, file_name, sha256, row_count, client_count, imported_by,"
               " imported_at) VALUES (?, 'bench.csv', ?, ?, ?, ?, ?)",
               (study, "0" * 64, len(outcomes), len(outcomes), researcher, NOW_MS))


if __name__ == "__main__":
    main()
