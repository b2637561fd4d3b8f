"""Every speed figure in one run: the extractor beside its floor, start-up, and `casualty batch`.

1. parse_text docs/s over the dev corpus beside one regex pass finding every number (bench/extractor.py);
2. start-up of `casualty --version` and a small `casualty parse` beside importing click, regex and
   dateutil (bench/startup.py);
3. whole-process throughput and peak memory of `casualty batch`:

Generates reports from the petroivaniuk dataset (bench/generate.py: official lists and news prose),
runs `casualty batch` as a real subprocess, and prints docs/s (wall clock of the whole process,
start-up included) and peak memory: the largest resident set of the process tree, sampled every
0.1 s (main process + workers, summed), and the largest single process (getrusage).

    python bench/bench.py                                  # 20,000 files: -j 1 and -j 2; memory 10k vs 100k
    python bench/bench.py -n 5000 --jobs 2 --memory 10000,30000
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extractor  # noqa: E402
import startup  # noqa: E402
from generate import write  # noqa: E402


def _tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            with open(f"/proc/{current}/task/{current}/children") as handle:
                stack.extend(int(c) for c in handle.read().split())
        except (OSError, ValueError):
            pass
    return total


def run(args: list[str]) -> tuple[float, int, float]:
    """(seconds, peak tree RSS bytes, peak single-process RSS MB) of one `casualty batch` run."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "casualty_cli", "batch", *args, "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"casualty batch failed ({proc.returncode}): {err}")
    single = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak, single


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=20000, help="reports for the throughput runs")
    parser.add_argument("--jobs", default="1,2", help="comma-separated -j values")
    parser.add_argument("--memory", default="10000,100000", help="comma-separated input counts for memory ('' skips)")
    parser.add_argument("--keep", help="work in this folder and keep it")
    parser.add_argument("--batch-only", action="store_true", help="skip the extractor and start-up figures")
    args = parser.parse_args()
    if not args.batch_only:
        extractor.measure()
        startup.measure()
    folder = args.keep or tempfile.mkdtemp(prefix="casualty-bench-")
    os.makedirs(folder, exist_ok=True)
    try:
        inputs = os.path.join(folder, f"reports-{args.n}")
        if not os.path.isdir(inputs):
            write(inputs, args.n)
        print(f"{args.n:,} generated reports as .txt files (official lists and news prose), {os.cpu_count()} CPUs")
        for jobs in [j for j in args.jobs.split(",") if j]:
            out = os.path.join(folder, f"out-j{jobs}.jsonl")
            seconds, peak, single = run([inputs, "-o", out, "-j", jobs])
            print(f"  -j {jobs}: {args.n / seconds:,.0f} docs/s ({seconds:.1f} s), peak memory {peak / 2**20:,.0f} MB"
                  f" (process tree), largest process {single:,.0f} MB")
        outputs = [os.path.join(folder, f"out-j{j}.jsonl") for j in args.jobs.split(",") if j]
        if len(outputs) > 1:
            same = len({Path(o).read_bytes() for o in outputs}) == 1
            print(f"  records identical across -j {args.jobs}: {same}")
        for count in [int(c) for c in args.memory.split(",") if c]:
            articles = os.path.join(folder, f"articles-{count}.jsonl")
            if not os.path.exists(articles):
                write(articles, count)
            seconds, peak, _ = run([articles, "-o", os.path.join(folder, f"mem-{count}.db"), "-j", "2"])
            print(f"  memory, {count:,} JSONL articles -> SQLite, -j 2: peak {peak / 2**20:,.0f} MB (process tree),"
                  f" {count / seconds:,.0f} docs/s")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
