#!/usr/bin/env python3
"""Writes a large sign-up export in the default template for benchmarks.
Usage: gen_signups.py OUT.csv MEGABYTES [SEED]"""
import csv, random, sys

out, megabytes = sys.argv[1], int(sys.argv[2])
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
grades = ["AO", "EO", "HEO", "SEO", "G7", "G6", "SCS1"]
depts = ["HM Revenue & Customs", "Department for Work and Pensions", "Home Office", "Ministry of Justice", "Cabinet Office"]
profs = ["Policy", "Operational Delivery", "Digital, Data and Technology", "Finance", "Project Delivery"]
skills = ["Stakeholder management", "proj mgmt", "Python", "SQL", "Agile delivery", "Coaching", "Line management",
          "Ministerial briefing", "Data visualisation", "Risk management", "Negotiation", "Excel"]
header = ["id", "given_name", "family_name", "email", "role", "grade", "department", "profession", "location",
          "skills_offered", "skills_wanted", "capacity", "cohort", "line_manager_email", "consent", "signed_up_at"]
limit = megabytes * 1024 * 1024
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(header)
    n = 0
    while f.tell() < limit:
        n += 1
        role = rng.choice(["mentor", "mentee", "mentee"])
        w.writerow([f"P{n:07d}", "Alex", "Smith", f"alex.smith{n}@example.gov.uk", role, rng.choice(grades),
                    rng.choice(depts), rng.choice(profs), "Leeds", "; ".join(rng.sample(skills, 4)),
                    "; ".join(rng.sample(skills, 3)), "2" if role == "mentor" else "", "general",
                    f"manager{n % 5000}@example.gov.uk", "yes", "2026-11-02T09:30:00Z"])
