"""Every speed figure in one run: the extractor beside its floor, start-up, and `casualty batch`.

1. parse_text docs/s over the dev corpus beside one regex pass finding every number (bench/extractor.py);
2. start-up of `casualty --version` and a small `casualty parse` beside importing click, regex and
   dateutil (bench/startup.py);
3. whole-process throughput and peak memory of `casualty batch` over generated .txt reports;
4. saved web pages: `casualty batch` pages/s (-j 1, -j 2) beside one `trafilatura.bare_extraction` per page
   over the same pages (a process that imports trafilatura and extracts each file: start-up included on
   both sides), in interleaved rounds, the best round of each reported;
5. the Dask path: `casualty batch --scheduler` on a local cluster of the same cores (2 worker processes,
   one thread each) beside local `-j 2`, interleaved.

Reports are generated from the petroivaniuk dataset (bench/generate.py: official lists and news prose,
and pages around them); `casualty batch` runs as a real subprocess; docs/s is the wall clock of the whole
process, start-up included; peak memory is the largest resident set of the process tree, sampled every
0.1 s (main process + workers, summed), and the largest single process (getrusage).

    python bench/bench.py                                  # everything
    python bench/bench.py --batch-only -n 5000 --jobs 2 --memory 10000,30000
    python bench/bench.py --only pages,dask --rounds 5     # just the web pages and Dask comparisons

On a shared machine, say so beside the figures: the ratios come from interleaved runs, the rates do not.
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
from generate import DATA, check_data, write  # noqa: E402


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


BASELINE = """
import sys, time
import trafilatura
paths = sys.argv[1:]
for path in paths:
    with open(path, "rb") as handle:
        trafilatura.bare_extraction(handle.read().decode("utf-8"))
"""


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command[:4])} ... failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    return seconds


def pages(folder: str, count: int, data: Path, rounds: int) -> None:
    """Saved web pages through `casualty batch` beside one trafilatura.bare_extraction per page."""
    inputs = os.path.join(folder, f"pages-{count}")
    if not os.path.isdir(inputs):
        write(inputs, count, data_dir=data, html=True)
    files = sorted(str(p) for p in Path(inputs).rglob("*.html"))
    casualty = [sys.executable, "-m", "casualty_cli", "batch", inputs, "-q", "-o"]
    runs = {"trafilatura": [], "-j 1": [], "-j 2": []}
    for _ in range(rounds):   # interleaved: a machine that slows for a while slows every kind alike
        runs["trafilatura"].append(timed([sys.executable, "-c", BASELINE, *files]))
        runs["-j 1"].append(timed([*casualty, os.path.join(folder, "pages-j1.jsonl"), "-j", "1"]))
        runs["-j 2"].append(timed([*casualty, os.path.join(folder, "pages-j2.jsonl"), "-j", "2"]))
    best = {name: min(times) for name, times in runs.items()}
    rate = {name: count / seconds for name, seconds in best.items()}
    print(f"{count:,} saved web pages ({sum(os.path.getsize(f) for f in files) // count:,} bytes each on average), "
          f"best of {rounds} interleaved rounds, whole processes")
    print(f"  one trafilatura.bare_extraction per page: {rate['trafilatura']:,.0f} pages/s")
    print(f"  casualty batch -j 1: {rate['-j 1']:,.0f} pages/s = {rate['-j 1'] / rate['trafilatura']:.2f}x of it "
          f"(target 0.8x)")
    print(f"  casualty batch -j 2: {rate['-j 2']:,.0f} pages/s = {rate['-j 2'] / rate['-j 1']:.2f}x of -j 1 "
          f"(target 1.6x on a quiet two-core machine)")


def dask_path(folder: str, count: int, data: Path, rounds: int) -> None:
    """`batch --scheduler` on a local cluster of two one-thread worker processes beside local -j 2."""
    try:
        from distributed import LocalCluster
    except ImportError:
        print("Dask: not installed (pip install 'casualty[dask]'); skipped")
        return
    inputs = os.path.join(folder, f"reports-{count}")
    if not os.path.isdir(inputs):
        write(inputs, count, data_dir=data)
    casualty = [sys.executable, "-m", "casualty_cli", "batch", inputs, "-q", "-o"]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        timed([*casualty, os.path.join(folder, "dask-warm.jsonl"), "--scheduler", address])   # workers import once
        local, dask = [], []
        for _ in range(rounds):
            local.append(timed([*casualty, os.path.join(folder, "local-j2.jsonl"), "-j", "2"]))
            dask.append(timed([*casualty, os.path.join(folder, "dask.jsonl"), "--scheduler", address]))
    same = Path(folder, "local-j2.jsonl").read_bytes() == Path(folder, "dask.jsonl").read_bytes()
    print(f"{count:,} generated reports, Dask local cluster (2 worker processes x 1 thread) beside local -j 2, "
          f"best of {rounds} interleaved rounds")
    print(f"  local -j 2: {count / min(local):,.0f} docs/s ({min(local):.1f} s); Dask: {count / min(dask):,.0f} docs/s"
          f" ({min(dask):.1f} s) = {min(local) / min(dask):.2f}x of local (target 0.8x); same records: {same}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=20000, help="reports for the throughput and Dask runs")
    parser.add_argument("--jobs", default="1,2", help="comma-separated -j values")
    parser.add_argument("--memory", default="10000,100000", help="comma-separated input counts for memory ('' skips)")
    parser.add_argument("--pages", type=int, default=2000, help="saved web pages for the HTML comparison")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds of the page and Dask comparisons")
    parser.add_argument("--only", default="", help="comma-separated parts: extractor,startup,batch,pages,dask")
    parser.add_argument("--keep", help="work in this folder and keep it")
    parser.add_argument("--data", default=str(DATA), help="the petroivaniuk data folder (bench/generate.py)")
    parser.add_argument("--batch-only", action="store_true", help="skip the extractor and start-up figures")
    args = parser.parse_args()
    parts = set(args.only.split(",")) if args.only else {"extractor", "startup", "batch", "pages", "dask"}
    if args.batch_only:
        parts -= {"extractor", "startup"}
    data = check_data(args.data) if parts & {"batch", "pages", "dask"} else Path(args.data)
    if "extractor" in parts:
        extractor.measure()
    if "startup" in parts:
        startup.measure()
    folder = args.keep or tempfile.mkdtemp(prefix="casualty-bench-")
    os.makedirs(folder, exist_ok=True)
    try:
        if "batch" in parts:
            throughput(folder, args, data)
        if "pages" in parts:
            pages(folder, args.pages, data, args.rounds)
        if "dask" in parts:
            dask_path(folder, args.n, data, args.rounds)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def throughput(folder: str, args, data: Path) -> None:
    """-j 1 and -j 2 over generated .txt reports, and peak memory for growing numbers of JSONL articles."""
    inputs = os.path.join(folder, f"reports-{args.n}")
    if not os.path.isdir(inputs):
        write(inputs, args.n, data_dir=data)
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
            write(articles, count, data_dir=data)
        seconds, peak, _ = run([articles, "-o", os.path.join(folder, f"mem-{count}.db"), "-j", "2"])
        print(f"  memory, {count:,} JSONL articles -> SQLite, -j 2: peak {peak / 2**20:,.0f} MB (process tree),"
              f" {count / seconds:,.0f} docs/s")


if __name__ == "__main__":
    main()
