"""Records (Report.to_dict() output) to text: table, json, jsonl, csv.

Renderers read only the record dictionaries, so every format follows the one contract.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, TextIO

from .csvsafe import safe_row
from .model import CATEGORIES

FORMATS = ("auto", "table", "json", "jsonl", "csv")
CSV_HEADER = ("source", "published", "as_of", "category", "total", "daily", "previous")
CATEGORY_LABELS = {
    "personnel": "Personnel", "tanks": "Tanks", "afv": "Armoured fighting vehicles", "artillery": "Artillery systems",
    "mlrs": "MLRS", "air_defense": "Air defence systems", "aircraft": "Aircraft", "helicopters": "Helicopters",
    "uav": "Drones (UAV)", "cruise_missiles": "Cruise missiles", "ships": "Ships / boats", "submarines": "Submarines",
    "vehicles": "Vehicles and fuel tanks", "fuel_tanks": "Fuel tanks", "special_equipment": "Special equipment",
    "srbm": "Mobile SRBM systems", "ground_robots": "Ground robotic systems",
}


# What each cross-check of a row says, passed and failed, strongest first: the table names the check it
# made, since a row without a previous total can only be checked for change <= total.
CHECK_WORDS = {
    "daily == total - previous": ("change = total − previous", "change ≠ total − previous"),
    "total >= previous": ("total ≥ previous", "total < previous"),
    "daily <= total": ("change ≤ total", "change > total"),
}


def check_cell(checks: list[dict[str, Any]]) -> tuple[str, bool | None]:
    """('✗ what failed', False), ('✓ the strongest check passed', True), or ('', None) when none was made."""
    failed = [CHECK_WORDS.get(c["check"], (c["check"],) * 2)[1] for c in checks if not c["ok"]]
    if failed:
        return "✗ " + "; ".join(failed), False
    passed = [c["check"] for c in checks]
    for name, (words, _failed) in CHECK_WORDS.items():
        if name in passed:
            return "✓ " + words, True
    return ("✓ " + passed[0], True) if passed else ("", None)


def write_json(records: list[dict[str, Any]], out: TextIO) -> None:
    """One record as an object; several as an array."""
    payload: Any = records[0] if len(records) == 1 else records
    out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def csv_rows(record: dict[str, Any]) -> Iterable[tuple[Any, ...]]:
    """Tidy rows: one per category that has any figure."""
    for category in CATEGORIES:
        figures = [record.get(role, {}).get(category) for role in ("totals", "daily", "previous")]
        if any(v is not None for v in figures):
            yield (record.get("source"), record.get("published"), record.get("as_of"), category, *figures)


def write_csv(records: Iterable[dict[str, Any]], out: TextIO, header: bool = True) -> None:
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(CSV_HEADER)
    for record in records:
        for row in csv_rows(record):
            writer.writerow(safe_row(row))


def write_table(records: list[dict[str, Any]], out: TextIO, *, color: bool, evidence: bool = False,
                width: int | None = None) -> None:
    """A rich table per record: the date and reporter above, claims below, failed checks marked."""
    console = make_console(out, no_color=not color, highlight=False, force_terminal=color,
                           width=width or (None if color else 100), soft_wrap=False)
    for renderable in table_renderables(records, evidence=evidence):
        console.print(renderable)


def make_console(out: TextIO, **options: Any):
    """A rich Console on `out` that lets a closed pipe be a BrokenPipeError, as for every other format.

    rich's own reaction (Console.on_broken_pipe) is to exit with status 1 and no message, which turned
    `casualty parse -f table ... | head -1` into a failure; the commands end quietly with status 0 instead.
    """
    from rich.console import Console

    class _PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    return _PipeConsole(file=out, **options)


def table_renderables(records: list[dict[str, Any]], *, evidence: bool = False) -> Iterable[Any]:
    """What write_table prints, as rich renderables (scripts/make_table_picture.py draws them as SVG)."""
    from rich.table import Table
    from rich.text import Text

    for index, record in enumerate(records):
        if index:
            yield Text("")
        head = Text()
        head.append(str(record.get("source")), style="bold")
        facts = [("title", record.get("title")), ("as of", record.get("as_of")), ("since", record.get("since")),
                 ("published", record.get("published")), ("reporter", record.get("reporter")),
                 ("language", record.get("language"))]
        for label, value in facts:
            if value:
                head.append(f"\n{label}: ", style="dim")
                head.append(str(value))
        if record.get("directions"):
            head.append("\ndirections of greatest losses: ", style="dim")
            head.append(", ".join(record["directions"]))
        yield head
        checks: dict[str, list[dict[str, Any]]] = {}
        for check in record.get("checks", []):
            checks.setdefault(check["category"], []).append(check)
        rows = [c for c in CATEGORIES if any(c in record.get(r, {}) for r in ("totals", "daily", "previous"))]
        if not rows:
            yield Text("no figures found", style="italic")
        else:
            table = Table(show_header=True, header_style="bold")
            table.add_column("category")
            table.add_column("total", justify="right")
            table.add_column("change", justify="right")
            table.add_column("previous", justify="right")
            table.add_column("check")
            if evidence:
                table.add_column("evidence", overflow="fold")
            for category in rows:
                total = record.get("totals", {}).get(category)
                daily = record.get("daily", {}).get(category)
                previous = record.get("previous", {}).get(category)
                words, ok = check_cell(checks.get(category, []))
                cells = [CATEGORY_LABELS[category], _num(total), f"+{daily:,}" if daily is not None else "",
                         _num(previous), Text(words, style="green" if ok else "bold red") if words else ""]
                if evidence:
                    quotes = [record.get("evidence", {}).get(f"{role}.{category}") for role in ("totals", "daily", "previous")]
                    cells.append(" | ".join(repr(q["text"]) for q in quotes if q))
                table.add_row(*cells)
            yield table
        claims = record.get("claims") or []
        if claims:
            yield Text("Other parties' claims", style="bold")
            for claim in claims:
                yield _claim_line(claim)


# How a claim's period reads after its figure: "1,480 a day on average (UK MoD)".
_PERIOD_WORDS = {"day": "a day on average", "week": "in a week", "month": "in a month", "year": "in a year"}


def claim_text(claim: dict[str, Any]) -> str:
    """A claim in one line of English: "about 1,480 a day on average (UK MoD)", "6,756 deaths (Mediazona)"."""
    value = f"{claim['low']:,}–{claim['value']:,}" if claim.get("low") else f"{claim['value']:,}"
    qualifier = f"{claim['qualifier']} " if claim.get("qualifier") else ""
    period = _PERIOD_WORDS.get(claim.get("period") or "")
    what = f"{claim['what']} {period}" if period else claim["what"]
    side = "Ukrainian" if claim.get("side") == "ukraine" else "Russian"
    by = f" ({claim['by']})" if claim.get("by") else ""
    return f"{qualifier}{value} {side} {what}{by}"


def _claim_line(claim: dict[str, Any]) -> Any:
    from rich.text import Text

    line = Text("  • ")
    line.append(claim_text(claim))
    if claim.get("as_of"):
        line.append(f", as of {claim['as_of']}", style="dim")
    return line


def _num(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def render_to_string(records: list[dict[str, Any]], fmt: str) -> str:
    """Convenience for tests and the library: the text a format would print."""
    buffer = io.StringIO()
    {"json": write_json, "jsonl": write_jsonl, "csv": write_csv}[fmt](records, buffer)
    return buffer.getvalue()
