#!/usr/bin/env python3
"""Build casualty_cli/data/reference.json.gz, the reference series `casualty check` uses offline, from the
PetroIvaniuk daily dataset (MIT, © 2022 Petro Ivaniuk; ../shared/data/petroivaniuk).

The snapshot keeps, per category, the cumulative total of every report date (stored as day-to-day changes,
gzipped: some 30 kB for the whole war) and, from the dataset's correction file, the daily increase the report
printed where it is not the change of the totals. The licence text and the snapshot's commit and date travel
inside the file (`casualty reference show` prints them).

    python scripts/make_reference.py [DATASET_DIR]
"""
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))

from casualty_cli.reference import FILE_NAME, load_reference  # noqa: E402

LICENCE_NOTE = "reference-LICENSE.txt"


def main(data_dir: Path, out: Path) -> None:
    reference = load_reference(data_dir)
    readme = (data_dir / "README.md").read_text("utf-8") if (data_dir / "README.md").exists() else ""
    commit = re.search(r"commit `([0-9a-f]{40})`", readme)
    reference.label = f"PetroIvaniuk dataset, snapshot {reference.last.isoformat()}"
    reference.meta = {
        "source": "PetroIvaniuk/2022-Ukraine-Russia-War-Dataset (GitHub), data/*.json",
        "url": "https://github.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset",
        "commit": commit.group(1) if commit else None,
        "snapshot": reference.last.isoformat(),
        "licence": "MIT",
        "licence_text": (data_dir / "LICENSE").read_text("utf-8"),
    }
    out.write_bytes(reference.to_bytes())
    # The licence travels beside the data too, readable without casualty.
    note = out.parent / LICENCE_NOTE
    note.write_text(f"{out.name}: a compact copy of the daily series of {reference.meta['source']},\n"
                    f"snapshot {reference.meta['snapshot']} (commit {reference.meta['commit']}), "
                    "built by scripts/make_reference.py.\nThe data are under the MIT licence:\n\n"
                    f"{reference.meta['licence_text']}", encoding="utf-8")
    print(f"{out}: {reference.describe()}, {len(reference.totals)} categories, {out.stat().st_size:,} bytes")


if __name__ == "__main__":
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "shared" / "data" / "petroivaniuk"
    main(data, HERE / "casualty_cli" / "data" / FILE_NAME)
