#!/usr/bin/env python3
"""Writes a random solver instance for scripts/compare-solvers.

edges.csv: mentee,mentor,mentee_score,mentor_score; each mentee has
CANDIDATES distinct random mentors and integer scores in 0..100.
caps.csv: id,capacity; mentees 1 (so the `matching` package applies),
mentors 1-3. Ids are zero-padded so byte order is numeric order.
The same arguments and seed always give the same files.
"""
import argparse
import os
import random

parser = argparse.ArgumentParser()
parser.add_argument("--mentees", type=int, required=True)
parser.add_argument("--mentors", type=int, required=True)
parser.add_argument("--candidates", type=int, required=True)
parser.add_argument("--seed", type=int, default=20261128)
parser.add_argument("--out", required=True)
args = parser.parse_args()

rng = random.Random(args.seed)
os.makedirs(args.out, exist_ok=True)
with open(os.path.join(args.out, "edges.csv"), "w") as edges:
    edges.write("mentee,mentor,mentee_score,mentor_score\n")
    population = range(args.mentors)
    k = min(args.candidates, args.mentors)
    for mentee in range(args.mentees):
        rows = []
        for mentor in rng.sample(population, k):
            rows.append(f"e{mentee:07d},r{mentor:07d},{rng.randint(0, 100)},{rng.randint(0, 100)}\n")
        edges.write("".join(rows))
with open(os.path.join(args.out, "caps.csv"), "w") as caps:
    caps.write("id,capacity\n")
    caps.write("".join(f"r{mentor:07d},{rng.randint(1, 3)}\n" for mentor in range(args.mentors)))
