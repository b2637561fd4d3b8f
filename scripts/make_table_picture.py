#!/usr/bin/env python3
"""Draw docs/table.svg, the README's picture of the table, from a sample (rerun after changing the table)."""
import io
from pathlib import Path

from rich.console import Console

from casualty_cli import parse_text
from casualty_cli.render import table_renderables

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = "samples/seed-like-2022-10-06.txt"

record = parse_text((ROOT / SAMPLE).read_text(encoding="utf-8"), published="2022-10-06").to_dict()
record["source"] = SAMPLE
console = Console(record=True, width=80, file=io.StringIO(), force_terminal=True)
for renderable in table_renderables([record]):
    console.print(renderable)
console.save_svg(str(ROOT / "docs" / "table.svg"), title=f"casualty parse --published 2022-10-06 {SAMPLE}")
