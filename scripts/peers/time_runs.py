#!/usr/bin/env python3
"""Times a command that needs a fresh folder for each run: copies SOURCE to
WORK/run-K for K = 1..N, runs the command there (every `{dir}` in it is
replaced by that folder), and prints the median wall and CPU seconds (user +
sys of the child) with millisecond precision, then every run's figures.

A run of mentormatch at 1,000 per side takes tens of milliseconds, which
`/usr/bin/time`'s 10 ms resolution cannot tell apart, and one run is at the
mercy of whatever else the machine does in that instant; the median of
several runs from identical fresh folders is the fair figure.

    time_runs.py SOURCE WORK N -- COMMAND ...

Output: `wall_s cpu_s` on the first line, then one `run K: wall_s cpu_s FOLDER`
line per run. Exits non-zero if any run fails (its stderr is in WORK/run-K.err).
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time


def main() -> int:
    if "--" not in sys.argv or sys.argv.index("--") != 4:
        print(__doc__, file=sys.stderr)
        return 2
    source, work, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    command = sys.argv[5:]
    walls, cpus = [], []
    folders = []
    for k in range(1, count + 1):
        # A new folder each time, never one deleted just before: ext4 looks
        # past recently freed inodes when it makes files, which slows the
        # runs' file creation for minutes after a deletion.
        folder = os.path.join(work, f"run-{k}")
        suffix = 1
        while os.path.exists(folder):
            suffix += 1
            folder = os.path.join(work, f"run-{k}.{suffix}")
        shutil.copytree(source, folder)
        argv = [part.replace("{dir}", folder) for part in command]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        with open(folder + ".err", "wb") as err:
            done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=err)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            print(f"run {k} failed with status {done.returncode}: see {folder}.err", file=sys.stderr)
            return 1
        folders.append(folder)
        walls.append(wall)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    print(f"{statistics.median(walls):.3f} {statistics.median(cpus):.3f}")
    for k, (wall, cpu, folder) in enumerate(zip(walls, cpus, folders), start=1):
        print(f"run {k}: {wall:.3f} {cpu:.3f} {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
