#!/usr/bin/env python3
"""Writes a synthetic coded meeting in our event CSV (actor, modality, code, onset_ms, offset_ms, coder, comment):
N events (default 10 000) of four actors and the six codes of the joint-meetings scheme, alternating turns with
some overlap and some point events. Seeded, so every run writes the same file.

    python3 bench/observation/make-events.py 10000 > /tmp/events-10k.csv
"""
import random
import sys

CODES = ["introducing-client", "open-communication", "team-support", "vision-goals", "shared-decision", "conflict"]
ACTORS = ["client", "professional-a", "professional-b", "network-member"]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rng = random.Random(20261123)
    out = sys.stdout
    out.write("actor,modality,code,onset_ms,offset_ms,coder,comment\n")
    t = 0
    for i in range(n):
        actor = rng.choice(ACTORS)
        code = rng.choice(CODES)
        modality = "verbal" if rng.random() < 0.8 else "non-verbal"
        t += rng.randint(200, 4000)
        if rng.random() < 0.15:
            end = t  # point event
        else:
            end = t + rng.randint(500, 6000)
        out.write(f"{actor},{modality},{code},{t},{end},bench,\n")


if __name__ == "__main__":
    main()
