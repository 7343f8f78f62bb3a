#!/usr/bin/env python3
"""Compares builds of mentormatch on one data folder, side by side: N fresh
runs of each build, the builds taking turns run by run (ABAB…, reversed every
other round), every run folder copied before the first run and nothing
deleted until the end (ext4 slows file creation for a while after many
deletions). Prints each build's median, quartiles and fastest whole-run wall
time in milliseconds, its median CPU time (user + system, from the child's
rusage: steadier than wall time when the change is a few milliseconds), and
the median of each `stage` log line.

This machine's speed moves by a quarter from one minute to the next, so two
builds timed a few minutes apart cannot be compared; interleaved runs can.

    interleave_runs.py DATA N WORK BIN... [-- RUN_ARGS...]

DATA holds the exports and `mentormatch.toml`; only the config and the files
whose names it holds are copied into the run folders. RUN_ARGS default to
`--as-of 2026-11-28T02:00:00Z`. Example (the LGBT+ comparison's data):

    python3 fixtures/peers/lgbt-network/generate.py --per-side 1000 --seed 1 --out /tmp/lgbt
    cp fixtures/peers/lgbt-network/mentormatch.toml /tmp/lgbt/
    scripts/peers/interleave_runs.py /tmp/lgbt 25 /tmp/lgbt-runs old/mentormatch new/mentormatch
"""
import collections
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time


def main() -> int:
    args = sys.argv[1:]
    run_args = ["--as-of", "2026-11-28T02:00:00Z"]
    if "--" in args:
        run_args = args[args.index("--") + 1:]
        args = args[:args.index("--")]
    if len(args) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    data, count, work, binaries = args[0], int(args[1]), args[2], args[3:]
    os.makedirs(work, exist_ok=False)
    # Only the config and the files it names are copied: a data folder may
    # also hold large leftovers (profiles, old run output) that would be
    # copied into every run folder.
    with open(os.path.join(data, "mentormatch.toml"), encoding="utf-8") as config:
        named = config.read()
    files = [name for name in sorted(os.listdir(data)) if os.path.isfile(os.path.join(data, name))]
    inputs = [name for name in files if name == "mentormatch.toml" or name in named]
    skipped = [name for name in files if name not in inputs]
    if skipped:
        print(f"not copied (the config does not name them): {', '.join(skipped)}", file=sys.stderr)
    folders = {}
    for number, binary in enumerate(binaries):
        for run in range(count):
            folder = os.path.join(work, f"build-{number + 1}-run-{run + 1}")
            os.makedirs(folder)
            for name in inputs:
                shutil.copy(os.path.join(data, name), folder)
            folders[(binary, run)] = folder
    time.sleep(1)
    walls = collections.defaultdict(list)
    cpus = collections.defaultdict(list)
    stages = collections.defaultdict(lambda: collections.defaultdict(list))
    for run in range(count):
        order = binaries if run % 2 == 0 else list(reversed(binaries))
        for binary in order:
            folder = folders[(binary, run)]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(
                [binary, "run", "--config", os.path.join(folder, "mentormatch.toml"), *run_args],
                capture_output=True, text=True)
            walls[binary].append((time.perf_counter() - started) * 1000)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[binary].append(
                (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
            if done.returncode != 0:
                print(f"{binary}: run {run + 1} failed ({done.returncode}):\n{done.stderr[-2000:]}", file=sys.stderr)
                return 1
            for match in re.finditer(r"stage (\S+) ([\d.]+)s", done.stderr):
                stages[binary][match.group(1)].append(float(match.group(2)) * 1000)
    for number, binary in enumerate(binaries):
        times = sorted(walls[binary])
        quartiles = statistics.quantiles(times, n=4) if len(times) > 1 else [times[0]] * 3
        line = "  ".join(f"{name} {statistics.median(values):.0f}" for name, values in stages[binary].items())
        print(f"build {number + 1} ({binary}): median {statistics.median(times):.1f} ms, "
              f"quartiles {quartiles[0]:.1f}–{quartiles[2]:.1f}, fastest {times[0]:.1f}, "
              f"CPU median {statistics.median(cpus[binary]):.1f} ms; stages (ms) {line}")
    print(f"run folders: {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
