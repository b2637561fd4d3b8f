#!/usr/bin/env python3
"""Extractor speed beside its floor: parse_text over the dev corpus vs one regex pass finding every number.

    python bench/extractor.py [--corpus ../shared/corpus/dev] [--rounds 20]

The floor is what reading the texts costs at the least: a single compiled pattern that finds every
number. The extractor must run at no less than 1/40 of that rate (issue 2) and aims at 1/20 (issue 6).
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import regex

from casualty_cli import parse_text

NUMBER = regex.compile(r"\d+(?:[.,\u00a0\u2009\u202f ]\d{3})*")


def load(corpus: Path) -> list[tuple[str, str | None]]:
    docs = []
    for path in sorted(corpus.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        docs.append((doc["text"], doc.get("published")))
    return docs


def rates(fns, docs, rounds: int) -> list[float]:
    """Documents per second of each function, best of `rounds` passes (the least disturbed by other processes).

    The passes take turns (one of each per round), so that every function meets the machine in the same states:
    a machine that slows down for a while (shared cores, caches) then slows them all, not only the one timed then.
    """
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for index, fn in enumerate(fns):
            start = time.process_time()  # CPU time: fair when other processes share the cores
            for text, published in docs:
                fn(text, published)
            best[index] = min(best[index], time.process_time() - start)
    return [len(docs) / seconds for seconds in best]


DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"


def measure(corpus: Path = DEFAULT_CORPUS, rounds: int = 20) -> None:
    """Print parse_text's rate beside the floor's."""
    docs = load(corpus)
    if not docs:
        raise SystemExit(f"bench/extractor.py: no documents (*.json) in {corpus}; give --corpus")
    parse_text(docs[0][0], published=docs[0][1])  # load the lexicons outside the timing
    floor, extractor = rates([lambda text, _: sum(1 for _ in NUMBER.finditer(text)),
                              lambda text, published: parse_text(text, published=published)], docs, rounds)
    print(f"extractor over {len(docs)} documents ({sum(len(t) for t, _ in docs) / len(docs):,.0f} characters on average)")
    print(f"  number regex (floor) {floor:>10,.0f} docs/s")
    print(f"  parse_text           {extractor:>10,.0f} docs/s ({1000 / extractor:.2f} ms a document)")
    print(f"  ratio                1/{floor / extractor:.0f} of the floor (targets: 1/40, then 1/20)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    measure(args.corpus, args.rounds)


if __name__ == "__main__":
    main()
