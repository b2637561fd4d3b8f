"""The labelled development corpus through `casualty check`: which documents have figures that differ from the
official series, and how. Prints one line per such document (its id, the figure, the reference, the
explanation), for a person to look at each (a misprint in the text, a date problem, or our error).

Reads ../shared/corpus/dev at run time and prints ids and figures only (no text of the documents). Each
document is checked as `casualty check --published DATE` would check it, plus, where the labels give the
figures, a check of the labelled record: a difference in both is the text's, one in ours only is the parser's.

    python bench/check_corpus.py [--corpus DIR] [--all]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from casualty_cli.check import check_record, parse_for_check  # noqa: E402
from casualty_cli.reference import embedded  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"


def describe(result) -> list[str]:
    lines = []
    if result.report_of:
        lines.append(f"whole article: {result.report_of.text}")
    if result.note and result.status != "match":
        lines.append(result.note)
    for f in result.figures:
        if f.status in ("differs", "undated") and not (result.report_of and f.status == "differs"):
            why = f.explanations[0].text if f.explanations else (
                "in the reports of " + ", ".join(map(str, f.dates)) if f.dates else "not explained")
            ref = f" (reference {f.reference:,} on {f.reference_date})" if f.reference is not None else ""
            lines.append(f"{f.role}.{f.category} = {f.value:,}{ref}: {why}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--all", action="store_true", help="also list documents that match or were not checked")
    args = parser.parse_args()
    reference = embedded()
    statuses = Counter()
    for path in sorted(Path(args.corpus).glob("*.json")):
        doc = json.loads(path.read_text("utf-8"))
        record = parse_for_check(doc["text"], published=doc.get("published"))
        record["source"] = doc["id"]
        ours = check_record(record, reference)
        gold = doc.get("gold") or {}
        labelled = {"source": doc["id"], "as_of": gold.get("as_of"), "previous_as_of": gold.get("previous_as_of"),
                    **{role: gold.get(role) or {} for role in ("totals", "daily", "previous")}}
        theirs = check_record(labelled, reference)
        statuses[(ours.status, theirs.status)] += 1
        if ours.status == "match" and theirs.status == "match" and not args.all:
            continue
        if ours.status == "unchecked" and theirs.status == "unchecked" and not args.all:
            continue
        print(f"{doc['id']}  ours: {ours.status} (as_of {ours.as_of})  labels: {theirs.status} "
              f"(as_of {theirs.as_of})")
        for line in describe(ours):
            print(f"    ours   {line}")
        for line in describe(theirs):
            print(f"    labels {line}")
    print("\n(ours, labels) statuses:", dict(statuses))


if __name__ == "__main__":
    main()
