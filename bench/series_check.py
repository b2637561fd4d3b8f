#!/usr/bin/env python3
"""End to end on real documents: the dev corpus through `casualty batch` and `casualty timeline`, against the
public daily series.

The labelled documents (../shared/corpus/dev, one JSON each: text, published, gold) are written to a temporary
JSONL file of articles, parsed by `casualty batch` (a real subprocess), and made one series by `casualty timeline`.
Each point of the series (date, category, total) is compared with the PetroIvaniuk daily series
(../shared/data/petroivaniuk, dated like the General Staff's reports) on its date. Printed:

  points   the share of series points equal to the public series (target >= 0.97), and each mismatch with the
           documents behind it;
  dated    of the documents whose totals the labels date (gold as_of set, gold totals non-empty), the share
           that put their totals on a date of the series (target >= 0.9), and how many on the labelled date.

    python bench/series_check.py [--corpus DIR] [--data DIR] [--fold K/N | --not-fold K/N] [-j 2] [--keep DIR]

--fold and --not-fold keep the documents the scorer (../shared/eval/score) keeps with the same option, so that
the mismatches of a fold left unseen need not be read.

Exit status: 0 when both targets are met, 1 when one is not, 2 when the corpus or the series is missing.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import load_days  # noqa: E402  (the public series, read into casualty's categories)

SHARED = Path(__file__).resolve().parents[2] / "shared"
POINTS_TARGET, DATED_TARGET = 0.97, 0.9


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "dev")
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "petroivaniuk")
    parser.add_argument("--fold", metavar="K/N", help="only fold K of N of the documents")
    parser.add_argument("--not-fold", metavar="K/N", help="every document but fold K of N")
    parser.add_argument("-j", "--jobs", default="2")
    parser.add_argument("--keep", type=Path, help="keep the articles, records and series in this folder")
    args = parser.parse_args()
    documents = sorted(args.corpus.glob("*.json")) if args.corpus.is_dir() else []
    if not documents or not (args.data / "russia_losses_equipment.json").is_file():
        print(f"series_check: needs the dev corpus ({args.corpus}) and the public series ({args.data}); "
              "not found", file=sys.stderr)
        return 2

    docs = [json.loads(path.read_text(encoding="utf-8")) for path in documents]
    if args.fold:
        docs = [doc for doc in docs if _in_fold(doc["id"], args.fold)]
    if args.not_fold:
        docs = [doc for doc in docs if not _in_fold(doc["id"], args.not_fold)]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="casualty-series-"))
    folder.mkdir(parents=True, exist_ok=True)
    articles, records_path, series_path = folder / "articles.jsonl", folder / "records.jsonl", folder / "series.csv"
    with articles.open("w", encoding="utf-8") as out:
        for doc in docs:
            # The source names the document; official posts are marked so that the timeline prefers them on a tie.
            article = {"text": doc["text"], "published": doc.get("published") or "",
                       "source": f"{doc.get('kind') or 'news'}/{doc['id']}"}
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    cli = [sys.executable, "-m", "casualty_cli"]
    fields = ["--text-field", "text", "--date-field", "published", "--source-field", "source"]
    # Exit 1 means some input failed: its error record is in the output and is reported below.
    subprocess.run([*cli, "batch", str(articles), *fields, "-o", str(records_path), "-j", args.jobs, "-q"],
                   check=False)
    subprocess.run([*cli, "timeline", str(records_path), "--official", "official/*", "-f", "csv",
                    "-o", str(series_path)], check=True)

    records = {}
    for line in records_path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        records[str(record.get("source", "")).partition("/")[2]] = record
    with series_path.open(encoding="utf-8", newline="") as handle:
        series = [(row["date"], row["category"], int(row["total"])) for row in csv.DictReader(handle)]
    public = {(day["date"].isoformat(), category): value
              for day in load_days(args.data) for category, value in day["totals"].items()}
    public_dates = {when for when, _ in public}

    points_ok = _report_points(series, public, public_dates, records) >= POINTS_TARGET
    dated_ok = _report_dated(docs, records) >= DATED_TARGET
    failed = [source for source, record in records.items() if "totals" not in record]
    if failed:
        print(f"inputs that failed in batch: {', '.join(sorted(failed))}")
    if not args.keep:
        for path in (articles, records_path, series_path):
            path.unlink(missing_ok=True)
        os.rmdir(folder)
    return 0 if points_ok and dated_ok else 1


def _in_fold(doc_id: str, spec: str) -> bool:
    """The scorer's fixed split by document id."""
    k, n = (int(part) for part in spec.split("/"))
    return int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % n == k - 1


def _report_points(series: list[tuple[str, str, int]], public: dict[tuple[str, str], int], public_dates: set[str],
                   records: dict[str, dict[str, Any]]) -> float:
    """The share of the points on dates the public series covers that equal it; each mismatch listed."""
    checked = [point for point in series if point[0] in public_dates]
    outside = [point for point in series if point[0] not in public_dates]
    equal = sum(public.get(point[:2]) == point[2] for point in checked)
    share = equal / len(checked) if checked else 0.0
    print(f"series points equal to the public series: {equal} of {len(checked)} = {share:.3f}"
          f" (target >= {POINTS_TARGET})"
          + (f"; {len(outside)} points on dates the public series does not cover" if outside else ""))
    # Which documents gave each point: to find the record (and so the rule) behind a mismatch.
    behind: dict[tuple[str, str], list[str]] = defaultdict(list)
    for source, record in records.items():
        for category, value in (record.get("totals") or {}).items():
            if record.get("as_of"):
                behind[(str(record["as_of"]), category)].append(f"{source}={value}")
    for when, category, total in checked:
        want = public.get((when, category))
        if want != total:
            print(f"  {when} {category}: series {total}, public {want if want is not None else 'none'}"
                  f"  <- {', '.join(sorted(behind[(when, category)]))}")
    for when, category, total in outside:
        print(f"  {when} {category}: series {total}, outside the public series"
              f"  <- {', '.join(sorted(behind[(when, category)]))}")
    return share


def _report_dated(docs: list[dict[str, Any]], records: dict[str, dict[str, Any]]) -> float:
    """Of the documents whose totals the labels date, the share whose record puts totals on a date."""
    labelled = [doc for doc in docs if doc["gold"].get("as_of") and doc["gold"].get("totals")]
    dated = [doc for doc in labelled
             if records.get(doc["id"], {}).get("as_of") and records.get(doc["id"], {}).get("totals")]
    right = [doc for doc in dated if str(records[doc["id"]]["as_of"]) == str(doc["gold"]["as_of"])]
    share = len(dated) / len(labelled) if labelled else 0.0
    print(f"documents with labelled dated totals that get a date in the series: {len(dated)} of {len(labelled)} = "
          f"{share:.3f} (target >= {DATED_TARGET}); on the labelled date: {len(right)}")
    for doc in labelled:
        record = records.get(doc["id"], {})
        if doc in right:
            continue
        got = record.get("as_of") if record.get("totals") else "no totals"
        print(f"  {doc['id']}: as_of {got or 'none'}, labelled {doc['gold']['as_of']}")
    return share


if __name__ == "__main__":
    sys.exit(main())
