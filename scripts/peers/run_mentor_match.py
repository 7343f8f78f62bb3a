#!/usr/bin/env python3
"""Runs the LGBT+ network's matcher (mentor-match 7.0.1, top-level module
`matching`) exactly as the network drives it, on a folder holding
`mentors.csv` and `mentees.csv` in the network's format, and writes the pairs.

    run_mentor_match.py DATA_DIR PAIRS_CSV

How the network drives the library (from its app, jonodrew/mentor-match):
- grades map to their position in AA, AO, EO, HEO, SEO, Grade 7, Grade 6,
  SCS1, SCS2, SCS3, SCS4; a mentor's "characteristics" cell is split on ", ";
  a mentee's "identity to match" is one value;
- rules: same organisation disqualifies; a grade gap above 2 or at most 0
  disqualifies; an existing pair disqualifies; 12 points for a gap of 2, 9 for
  1; 10 for the same profession; 6 when the mentee's identity to match is
  non-empty and among the mentor's characteristics;
- three rounds of the Hungarian algorithm (munkres) over the full grid, each
  round with an unmatched bonus of 6 points for a pair where either person has
  no match yet; the library's `process_data` builds each round's grid lazily,
  after the previous round's pairs are recorded.

Prints one line of JSON: seconds (matching only, files read included), pairs.
The pairs file has columns mentee_email, mentor_email.
"""
import csv
import json
import operator
import sys
import time
from pathlib import Path

import matching.rules.rule as rl
from matching.mentee import Mentee
from matching.mentor import Mentor
from matching.process import process_data

GRADES = ["AA", "AO", "EO", "HEO", "SEO", "Grade 7", "Grade 6", "SCS1", "SCS2", "SCS3", "SCS4"]
ROUNDS = 3
UNMATCHED_BONUS = 6


def person_kwargs(row):
    """The library's Person fields from one row of the network's files."""
    return {
        "first name": row["first name"],
        "last name": row["last name"],
        "email": row["email address"],
        "role": row["job title"],
        "grade": GRADES.index(row["grade"]),
        "organisation": row["organisation"],
        "profession": row["profession"],
    }


class NetworkMentor(Mentor):
    def __init__(self, row):
        self.characteristics = row.get("characteristics", "").split(", ")
        super().__init__(**person_kwargs(row))


class NetworkMentee(Mentee):
    def __init__(self, row):
        self.characteristic = row.get("identity to match", "")
        super().__init__(**person_kwargs(row))


def network_rules():
    return [
        rl.Disqualify(lambda m: m.mentee.organisation == m.mentor.organisation),
        rl.Disqualify(rl.Grade(target_diff=2, logical_operator=operator.gt).evaluate),
        rl.Disqualify(rl.Grade(target_diff=0, logical_operator=operator.le).evaluate),
        rl.Disqualify(lambda m: m.mentee in m.mentor.mentees),
        rl.Grade(2, operator.eq, {True: 12, False: 0}),
        rl.Grade(1, operator.eq, {True: 9, False: 0}),
        rl.Generic({True: 10, False: 0}, lambda m: m.mentee.profession == m.mentor.profession),
        rl.Generic(
            {True: 6, False: 0},
            lambda m: m.mentee.characteristic != "" and m.mentee.characteristic in m.mentor.characteristics,
        ),
    ]


def read(path, cls):
    with open(path, newline="", encoding="utf-8") as f:
        return [cls(row) for row in csv.DictReader(f)]


def main():
    data, out = Path(sys.argv[1]), Path(sys.argv[2])
    start = time.perf_counter()
    mentors = read(data / "mentors.csv", NetworkMentor)
    mentees = read(data / "mentees.csv", NetworkMentee)
    all_rules = [network_rules() + [rl.UnmatchedBonus(UNMATCHED_BONUS)] for _ in range(ROUNDS)]
    mentors, mentees = process_data(mentors, mentees, all_rules)
    seconds = time.perf_counter() - start
    pairs = sorted((mentee.email, mentor.email) for mentee in mentees for mentor in mentee.mentors)
    with open(out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["mentee_email", "mentor_email"])
        writer.writerows(pairs)
    print(json.dumps({"seconds": round(seconds, 3), "pairs": len(pairs)}))


if __name__ == "__main__":
    main()
