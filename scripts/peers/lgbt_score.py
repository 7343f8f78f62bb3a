#!/usr/bin/env python3
"""Independent scorer for the LGBT+ network's published matching rules.

    lgbt_score.py MENTORS_CSV MENTEES_CSV PAIRS_CSV [--json]

The two people files are in the network's format (`email address`, `grade`,
`organisation`, `profession`, mentors' `characteristics`, mentees' `identity
to match` and `match with similar identity`). The pairs file has a header;
its first column naming "mentee" and first naming "mentor" hold each side's
email address or mentormatch id (the export's id, or the id mentormatch
derives from an email: `e-` + the first 16 hex digits of SHA-256 of the
lowercased address).

Every pair is checked: both people exist, different organisation, the mentor
1 or 2 grades above the mentee (AA, AO, EO, HEO, SEO, Grade 7, Grade 6,
SCS1-SCS4), nobody in more than 3 pairs, no pair twice. The score sums, per
pair: 12 for a 2-grade gap or 9 for 1; 10 for the same profession; 6 when the
mentee's identity to match is non-empty and among the mentor's
characteristics (the network's code gives these 6 points whatever "match with
similar identity" says; `score_if_gated` is the total when they count only
for mentees who answered yes).

Prints a summary (or one JSON object with --json); exits 1 when any pair
breaks a rule.
"""
import csv
import hashlib
import json
import sys
from collections import Counter

GRADES = ["AA", "AO", "EO", "HEO", "SEO", "Grade 7", "Grade 6", "SCS1", "SCS2", "SCS3", "SCS4"]
MAX_PAIRS = 3
GAP_POINTS = {1: 9, 2: 12}


def derived_id(email):
    return "e-" + hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def load_people(path):
    people = {}
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            email = row["email address"].strip()
            for key in (email.lower(), derived_id(email)):
                people[key] = row
            if row.get("id"):
                people[row["id"].strip()] = row
    return people


def column(header, side, other):
    """The pairs file's column for one side: `<side>_email`, else `<side>_id`,
    else the first header naming the side (and not the other)."""
    for name in (f"{side}_email", f"{side} email", f"{side}_id", f"{side} id"):
        if name in header:
            return header.index(name)
    for index, name in enumerate(header):
        if side in name and other not in name:
            return index
    sys.exit(f"pairs file: no {side} column in header {header}")


def read_pairs(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = [h.strip().lower() for h in next(reader)]
        mentee_col = column(header, "mentee", "mentor")
        mentor_col = column(header, "mentor", "mentee")
        width = max(mentee_col, mentor_col) + 1
        return [(row[mentee_col].strip(), row[mentor_col].strip()) if len(row) >= width else ("", "")
                for row in reader if row]


def lookup(people, key):
    return people.get(key.lower()) or people.get(key)


def characteristics(row):
    return {part.strip() for part in row.get("characteristics", "").split(",") if part.strip()}


def score(mentors_path, mentees_path, pairs_path):
    mentors, mentees = load_people(mentors_path), load_people(mentees_path)
    pairs = read_pairs(pairs_path)
    problems, seen = [], set()
    per_mentee, per_mentor = Counter(), Counter()
    total = gated = 0
    for number, (mentee_key, mentor_key) in enumerate(pairs, start=2):
        if not mentee_key or not mentor_key:
            problems.append(f"line {number}: too few fields or an empty id")
            continue
        mentee, mentor = lookup(mentees, mentee_key), lookup(mentors, mentor_key)
        if mentee is None or mentor is None:
            problems.append(f"line {number}: unknown {'mentee' if mentee is None else 'mentor'} '{mentee_key if mentee is None else mentor_key}'")
            continue
        a, b = mentee["email address"].lower(), mentor["email address"].lower()
        if (a, b) in seen:
            problems.append(f"line {number}: repeated pair")
        seen.add((a, b))
        per_mentee[a] += 1
        per_mentor[b] += 1
        if mentee["organisation"] == mentor["organisation"]:
            problems.append(f"line {number}: same organisation '{mentee['organisation']}'")
        gap = GRADES.index(mentor["grade"]) - GRADES.index(mentee["grade"])
        if gap not in GAP_POINTS:
            problems.append(f"line {number}: grade gap {gap} ({mentee['grade']} -> {mentor['grade']})")
            continue
        points = GAP_POINTS[gap]
        if mentee["profession"] == mentor["profession"]:
            points += 10
        identity = mentee.get("identity to match", "").strip()
        shares = identity != "" and identity in characteristics(mentor)
        total += points + (6 if shares else 0)
        gated += points + (6 if shares and mentee.get("match with similar identity", "").strip().lower() == "yes" else 0)
    for who, counts in (("mentee", per_mentee), ("mentor", per_mentor)):
        for key, n in sorted(counts.items()):
            if n > MAX_PAIRS:
                problems.append(f"{who} #{derived_id(key)} is in {n} pairs (most {MAX_PAIRS})")
    return {
        "pairs": len(pairs),
        "mentees_matched": len(per_mentee),
        "mentors_matched": len(per_mentor),
        "score": total,
        "score_if_gated": gated,
        "violations": len(problems),
        "problems": problems[:20],
    }


def main():
    args = [a for a in sys.argv[1:] if a != "--json"]
    if len(args) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    result = score(*args)
    if "--json" in sys.argv:
        print(json.dumps(result))
    else:
        print(f"pairs {result['pairs']}  mentees matched {result['mentees_matched']}  "
              f"mentors matched {result['mentors_matched']}  score {result['score']}  "
              f"(gated on 'match with similar identity': {result['score_if_gated']})  "
              f"violations {result['violations']}")
        for problem in result["problems"]:
            print("  " + problem, file=sys.stderr)
    sys.exit(1 if result["violations"] else 0)


if __name__ == "__main__":
    main()
