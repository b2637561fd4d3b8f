#!/usr/bin/env python3
"""Start-up cost of the command beside the interpreter importing its three core libraries.

    python bench/startup.py [--runs 15]

Prints the best wall-clock time of `casualty --version`, of `casualty parse` and `casualty check` on a small
file, and of `python -c "import click, regex, dateutil.parser"`, and their ratios (targets: 1.5x, 2.5x, 3x).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "official-list-2022-10-06.txt"


def best(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return min(times)


def measure(runs: int = 15) -> None:
    python = sys.executable
    base = best([python, "-c", "import click, regex, dateutil.parser"], runs)
    version = best([python, "-m", "casualty_cli", "--version"], runs)
    parse = best([python, "-m", "casualty_cli", "parse", str(SAMPLE)], runs)
    check = best([python, "-m", "casualty_cli", "check", str(SAMPLE)], runs)
    print("start-up (best of %d runs)" % runs)
    print(f"  import click, regex, dateutil  {base * 1000:6.0f} ms")
    print(f"  casualty --version             {version * 1000:6.0f} ms  ({version / base:.2f}x; target 1.5x)")
    print(f"  casualty parse small.txt       {parse * 1000:6.0f} ms  ({parse / base:.2f}x; target 2.5x)")
    print(f"  casualty check small.txt       {check * 1000:6.0f} ms  ({check / base:.2f}x; target 3x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    measure(parser.parse_args().runs)


if __name__ == "__main__":
    main()
