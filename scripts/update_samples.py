#!/usr/bin/env python3
"""Write samples/<name>.expected.json from the current extractor, for samples that have a .txt.

Run it only after reading the differences (`git diff samples/`): the expected files are the golden
answers that tests/test_samples.py holds the extractor to. The publication date comes from the
name's YYYY-MM-DD, as the README's examples pass it with --published.
"""
import json
import re
import sys
from pathlib import Path

from casualty_cli import parse_text

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
KEYS = ("published", "language", "as_of", "since", "reporter", "totals", "daily", "previous", "previous_as_of",
        "directions", "claims", "checks")


def published_of(name: str) -> str | None:
    found = re.search(r"\d{4}-\d{2}-\d{2}", name)
    return found.group() if found else None


def main(names: list[str]) -> None:
    for text_file in sorted(SAMPLES.glob("*.txt")):
        if names and text_file.stem not in names:
            continue
        record = parse_text(text_file.read_text(encoding="utf-8"), published=published_of(text_file.stem)).to_dict()
        expected = {key: record[key] for key in KEYS}
        target = text_file.with_suffix(".expected.json")
        target.write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {target.name}")


if __name__ == "__main__":
    main(sys.argv[1:])
