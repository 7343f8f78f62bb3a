#!/usr/bin/env python3
"""Runs a peer solver on an instance from solver-instance.py.

  solver-peers.py ortools DIR   # OR-Tools SimpleMinCostFlow, objective pairs,score
  solver-peers.py matching DIR  # matching 1.4.3 HospitalResident, resident-optimal

Prints one line of key=value: the solve time, pairs, total weight
(mentee_score + mentor_score over the pairs), and for `matching` writes
DIR/matching-pairs.csv (mentee,mentor sorted) for an exact comparison.
"""
import csv
import os
import sys
import time


def read(directory):
    edges = []
    with open(os.path.join(directory, "edges.csv")) as f:
        reader = csv.reader(f)
        next(reader)
        for mentee, mentor, a, b in reader:
            edges.append((mentee, mentor, int(a), int(b)))
    caps = {}
    with open(os.path.join(directory, "caps.csv")) as f:
        reader = csv.reader(f)
        next(reader)
        for ident, capacity in reader:
            caps[ident] = int(capacity)
    return edges, caps


def run_ortools(directory):
    import numpy as np
    from ortools.graph.python import min_cost_flow

    edges, caps = read(directory)
    mentees = sorted({e[0] for e in edges})
    mentors = sorted({e[1] for e in edges})
    mi = {m: i + 1 for i, m in enumerate(mentees)}
    ri = {r: len(mentees) + 1 + j for j, r in enumerate(mentors)}
    source, sink = 0, len(mentees) + len(mentors) + 1
    tails = [source] * len(mentees) + [mi[e[0]] for e in edges] + [ri[r] for r in mentors]
    heads = [mi[m] for m in mentees] + [ri[e[1]] for e in edges] + [sink] * len(mentors)
    capacities = [caps.get(m, 1) for m in mentees] + [1] * len(edges) + [caps.get(r, 1) for r in mentors]
    costs = [0] * len(mentees) + [-(e[2] + e[3]) for e in edges] + [0] * len(mentors)
    started = time.perf_counter()
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        np.array(tails, dtype=np.int32), np.array(heads, dtype=np.int32),
        np.array(capacities, dtype=np.int64), np.array(costs, dtype=np.int64))
    supply = sum(capacities[: len(mentees)])
    flow.set_node_supply(source, supply)
    flow.set_node_supply(sink, -supply)
    built = time.perf_counter()
    status = flow.solve_max_flow_with_min_cost()
    solved = time.perf_counter()
    if status != flow.OPTIMAL:
        sys.exit(f"ortools: status {status}")
    first = len(mentees)
    pairs = 0
    weight = 0
    for k, e in enumerate(edges):
        if flow.flow(first + k) > 0:
            pairs += 1
            weight += e[2] + e[3]
    print(f"build={built - started:.3f} solve={solved - built:.3f} pairs={pairs} weight={weight}")


def run_matching(directory):
    from matching.games import HospitalResident

    edges, caps = read(directory)
    resident_lists = {}
    hospital_lists = {}
    for mentee, mentor, a, b in edges:
        resident_lists.setdefault(mentee, []).append((-a, mentor))
        hospital_lists.setdefault(mentor, []).append((-b, mentee))
    # The same tie-breaks mentormatch documents: higher score, then smaller id.
    resident_prefs = {m: [r for _, r in sorted(l)] for m, l in resident_lists.items()}
    hospital_prefs = {r: [m for _, m in sorted(l)] for r, l in hospital_lists.items()}
    capacities = {r: caps.get(r, 1) for r in hospital_prefs}
    started = time.perf_counter()
    game = HospitalResident.create_from_dictionaries(resident_prefs, hospital_prefs, capacities)
    result = game.solve(optimal="resident")
    solved = time.perf_counter()
    pairs = sorted((resident.name, hospital.name) for hospital, residents in result.items() for resident in residents)
    weights = {(e[0], e[1]): e[2] + e[3] for e in edges}
    with open(os.path.join(directory, "matching-pairs.csv"), "w") as f:
        f.write("mentee,mentor\n")
        f.writelines(f"{m},{r}\n" for m, r in pairs)
    print(f"solve={solved - started:.3f} pairs={len(pairs)} weight={sum(weights[p] for p in pairs)}")


if __name__ == "__main__":
    # `matching` deep-copies its linked players recursively: give it a deep stack.
    import threading

    sys.setrecursionlimit(10_000_000)
    threading.stack_size(1 << 30)
    runner = {"ortools": run_ortools, "matching": run_matching}[sys.argv[1]]
    thread = threading.Thread(target=runner, args=(sys.argv[2],))
    thread.start()
    thread.join()
