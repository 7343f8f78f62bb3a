#!/usr/bin/env python3
"""Writes a run-shaped instance of the optimal solver for scripts/bench-solver.

Shaped after the instance `mentormatch run` solves on one 100,000-person
cohort from `mentormatch generate --people 100000 --seed 1 --cohorts 1`
(67,082 mentees, 41,804 mentors, top-50 candidates each, mentor degree up to
~850 with median 55, mentee capacity 1 (96%) or 2, mentor capacity 1/2/3 in
70/20/10%, both side scores equal, totals 44..140 with few distinct values):

- PEOPLE people: 0.67 x PEOPLE mentees and 0.42 x PEOPLE mentors;
- each mentee has 50 distinct mentors drawn with Zipf-like popularity;
- a pair's side score is 22 + 2 x (shared skills, 0..24), larger for
  popular mentors, so the same mentors are everyone's best.

edges.csv: mentee,mentor,mentee_score,mentor_score; caps.csv: id,capacity.
Ids are zero-padded so byte order is numeric order. Deterministic for a seed.
"""
import argparse
import os

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("--people", type=int, required=True)
parser.add_argument("--candidates", type=int, default=50)
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--out", required=True)
args = parser.parse_args()

rng = np.random.default_rng(args.seed)
mentees = int(args.people * 0.67)
mentors = max(args.candidates, int(args.people * 0.42))
k = args.candidates

# Zipf-like popularity over a random order of mentors.
rank = rng.permutation(mentors) + 1
weight = 1.0 / np.power(rank, 0.55)
p = weight / weight.sum()
quality = 1.0 - (rank - 1) / mentors  # 1 for the most popular, ~0 for the least

os.makedirs(args.out, exist_ok=True)
with open(os.path.join(args.out, "edges.csv"), "w") as edges:
    edges.write("mentee,mentor,mentee_score,mentor_score\n")
    chunk = 20000
    for start in range(0, mentees, chunk):
        count = min(chunk, mentees - start)
        draws = rng.choice(mentors, size=(count, 3 * k), p=p)
        lines = []
        for row in range(count):
            seen = dict.fromkeys(draws[row].tolist())
            chosen = list(seen)[:k]
            if len(chosen) < k:
                extra = rng.choice(mentors, size=4 * k, replace=False).tolist()
                chosen = list(dict.fromkeys(chosen + extra))[:k]
            chosen.sort()
            shared = np.clip(rng.binomial(12, 0.35, size=k) + np.round(quality[chosen] * 12), 0, 24)
            mentee = start + row
            for mentor, s in zip(chosen, shared.tolist()):
                score = 22 + 2 * int(s)
                lines.append(f"e{mentee:07d},r{mentor:07d},{score},{score}\n")
        edges.write("".join(lines))
with open(os.path.join(args.out, "caps.csv"), "w") as caps:
    caps.write("id,capacity\n")
    mentee_caps = rng.choice([1, 2], size=mentees, p=[0.96, 0.04])
    mentor_caps = rng.choice([1, 2, 3], size=mentors, p=[0.7, 0.2, 0.1])
    caps.write("".join(f"e{i:07d},{c}\n" for i, c in enumerate(mentee_caps.tolist())))
    caps.write("".join(f"r{j:07d},{c}\n" for j, c in enumerate(mentor_caps.tolist())))
