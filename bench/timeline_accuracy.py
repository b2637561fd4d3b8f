"""Does `casualty timeline` reproduce the dataset? Reports generated from petroivaniuk (official list and
news prose for every day 2022-05-01 .. 2026-08-08) go through `casualty batch` and `casualty timeline`
(as real subprocesses); the series is compared with the dataset cell by cell (date x category), and
the dataset's real downward corrections must come out flagged `decrease`.

    python bench/timeline_accuracy.py [--from 2022-05-01] [--to 2026-08-08] [-j 2] [--keep DIR] [--data DIR]
"""
from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import DATA, check_data, load_days, write  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="start", default="2022-05-01")
    parser.add_argument("--to", dest="end", default="2026-08-08")
    parser.add_argument("-j", "--jobs", default="2")
    parser.add_argument("--keep", help="keep the generated files and outputs in this folder")
    parser.add_argument("--data", default=str(DATA), help="the petroivaniuk data folder")
    args = parser.parse_args()
    data = check_data(args.data)
    folder = args.keep or tempfile.mkdtemp(prefix="casualty-timeline-")
    os.makedirs(folder, exist_ok=True)
    articles, db, series = (os.path.join(folder, n) for n in ("articles.jsonl", "losses.db", "series.csv"))
    n = write(articles, None, args.start, args.end, data)
    started = time.perf_counter()
    cli = [sys.executable, "-m", "casualty_cli"]
    subprocess.run([*cli, "batch", articles, "-o", db, "-j", args.jobs, "-q"], check=False)
    subprocess.run([*cli, "timeline", db, "-f", "csv", "-o", series], check=True)
    seconds = time.perf_counter() - started

    start, end = date.fromisoformat(args.start), date.fromisoformat(args.end)
    all_days = load_days(data)
    days = [d for d in all_days if start <= d["date"] <= end]
    truth = {(d["date"].isoformat(), c): v for d in days for c, v in d["totals"].items()}
    got = {}
    flagged = set()
    with open(series, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            got[(row["date"], row["category"])] = int(row["total"])
            if "decrease" in row["flags"].split(";"):
                flagged.add((row["date"], row["category"]))
    agree = sum(1 for key, value in truth.items() if got.get(key) == value)
    missing = sum(1 for key in truth if key not in got)
    extra = sum(1 for key in got if key not in truth)
    # the dataset's own day-over-day decreases (official corrections)
    decreases, previous = set(), {}
    for d in all_days:
        for c, v in d["totals"].items():
            if c in previous and v < previous[c] and start <= d["date"] <= end:
                decreases.add((d["date"].isoformat(), c))
            previous[c] = v
    caught = decreases & flagged
    print(f"reports: {n:,} ({args.start} .. {args.end}), batch + timeline in {seconds:.1f} s")
    print(f"cells: {len(truth):,}; agree {agree:,} = {100 * agree / max(1, len(truth)):.2f}%"
          f" (missing {missing:,}, wrong {len(truth) - agree - missing:,}, cells not in the dataset {extra:,})")
    print(f"dataset decreases: {len(decreases)}; flagged decrease: {len(caught)}"
          + (f"; not flagged: {sorted(decreases - caught)}" if decreases - caught else ""))
    wrong = [(k, truth[k], got.get(k)) for k in sorted(truth) if got.get(k) != truth[k]][:10]
    for key, want, have in wrong:
        print(f"  {key[0]} {key[1]}: dataset {want}, timeline {have}")


if __name__ == "__main__":
    main()
