"""`casualty timeline` around the pure core: records in (batch outputs or articles), rows out
(table, csv, json), and charts (in the terminal, or an SVG / PNG file)."""
from __future__ import annotations

import csv
import json
import os
from datetime import date
from typing import Any, Iterator, Sequence, TextIO

from .batch import expand_inputs, map_tasks
from .csvsafe import safe_row, unneutralise
from .errors import CasualtyError
from .model import CATEGORIES
from .options import ArticleFields, ParseOptions
from .timeline import CSV_HEADER, Row

ROLE_COLUMNS = (("total", "totals"), ("daily", "daily"), ("previous", "previous"))


def _looks_like_records(path: str) -> bool:
    """A JSONL file of records (batch/parse output) rather than of articles."""
    with open(path, "rb") as handle:
        for line in handle:
            if line.strip():
                try:
                    first = json.loads(line)
                except ValueError:
                    return False
                return isinstance(first, dict) and ("totals" in first or ("error" in first and "source" in first))
    return False


def _csv_records(path: str) -> Iterator[dict[str, Any]]:
    """Records back from tidy CSV (`parse -f csv` or `batch -o x.csv`): consecutive rows of one source."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"source", "category", "total"} <= set(reader.fieldnames):
            raise CasualtyError(f"{path}: not a casualty CSV (needs source, category, total columns)")
        record: dict[str, Any] | None = None
        for row in reader:
            row["source"] = unneutralise(row["source"] or "")
            if row.get("error"):
                row["error"] = unneutralise(row["error"])
            if record is None or row["source"] != record["source"]:
                if record is not None:
                    yield record
                record = {"source": row["source"], "published": row.get("published") or None,
                          "as_of": row.get("as_of") or None, "totals": {}, "daily": {}, "previous": {}}
            if row.get("error"):
                record = {"source": row["source"], "error": row["error"]}
                continue
            if row.get("category") and "totals" in record:
                for column, role in ROLE_COLUMNS:
                    if row.get(column):
                        record[role][row["category"]] = int(row[column])
        if record is not None:
            yield record


def read_records(inputs: Sequence[str], from_list: Sequence[str], fields: ArticleFields, options: ParseOptions,
                 jobs: int, stdin=None) -> Iterator[dict[str, Any]]:
    """Records from batch outputs as they are, and from anything else by running the extraction."""
    for spec in inputs:
        lower = spec.lower()
        if lower.endswith((".db", ".sqlite", ".sqlite3")) and os.path.isfile(spec):
            from .store import read_records as db_records

            yield from db_records(spec)
        elif lower.endswith(".csv") and os.path.isfile(spec):
            yield from _csv_records(spec)
        elif lower.endswith((".jsonl", ".ndjson")) and os.path.isfile(spec) and _looks_like_records(spec):
            with open(spec, encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        yield json.loads(line)
        else:
            yield from _extracted([spec], (), fields, options, jobs, stdin)
    if from_list:
        yield from _extracted((), from_list, fields, options, jobs, stdin)


def _extracted(inputs, from_list, fields, options, jobs, stdin) -> Iterator[dict[str, Any]]:
    for results in map_tasks(expand_inputs(inputs, from_list, fields, stdin), options, jobs=jobs):
        for _key, records in results:
            yield from records


# ---------------------------------------------------------------- output

def write_csv(rows: Sequence[Row], out: TextIO, with_reference: bool = False) -> None:
    """`with_reference` adds a last column, the reference total (timeline --reference)."""
    writer = csv.writer(out, lineterminator="\n")
    if with_reference:
        writer.writerow((*CSV_HEADER, "reference"))
        writer.writerows(safe_row((*row.csv_row(), row.reference)) for row in rows)
        return
    writer.writerow(CSV_HEADER)
    writer.writerows(safe_row(row.csv_row()) for row in rows)


def write_json(rows: Sequence[Row], out: TextIO) -> None:
    out.write("[\n")
    for index, row in enumerate(rows):
        out.write(("  " if index == 0 else ", ") + json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
    out.write("]\n")


def write_table(rows: Sequence[Row], out: TextIO, color: bool, with_reference: bool = False) -> None:
    from rich.table import Table

    from .render import make_console

    console = make_console(out, no_color=not color, force_terminal=color, highlight=False,
                           width=None if color else 110)
    table = Table(show_header=True, header_style="bold")
    for name, justify in (("date", "left"), ("category", "left"), ("total", "right"), ("daily", "right"),
                          ("reported", "right"), ("sources", "right"), ("flags", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    if with_reference:
        table.add_column("reference", justify="right")
    for row in rows:
        flags = ", ".join(row.flags)
        cells = [row.date.isoformat(), row.category, f"{row.total:,}", _change(row), _signed(row.reported_daily),
                 str(row.sources), f"[yellow]{flags}[/]" if flags and color else flags]
        if with_reference:
            cells.append("" if row.reference is None else f"{row.reference:,}")
        table.add_row(*cells)
    console.print(table)


def _signed(value: int | None) -> str:
    return "" if value is None else f"{value:+,}"


def _change(row: Row) -> str:
    """The day's change, or after a gap the change since the last dated row, named with its days."""
    if row.daily is not None or row.change is None:
        return _signed(row.daily)
    return f"{row.change:+,} in {row.days:,} days"


def _series(rows: Sequence[Row]) -> dict[str, list[Row]]:
    series: dict[str, list[Row]] = {}
    for row in rows:
        series.setdefault(row.category, []).append(row)
    order = {c: i for i, c in enumerate(CATEGORIES)}
    return dict(sorted(series.items(), key=lambda kv: order.get(kv[0], 99)))


BLOCKS = "▁▂▃▄▅▆▇█"


def write_chart(rows: Sequence[Row], out: TextIO, width: int = 60) -> None:
    """A sparkline per category (the total, resampled to `width` columns), decreases marked below it."""
    for category, points in _series(rows).items():
        step = max(1, -(-len(points) // width))
        buckets = [points[i:i + step] for i in range(0, len(points), step)]
        values = [b[-1].total for b in buckets]
        low, high = min(values), max(values)
        span = (high - low) or 1
        line = "".join(BLOCKS[min(7, int((v - low) / span * 7.999))] for v in values)
        marks = "".join("v" if any("decrease" in p.flags for p in b) else " " for b in buckets).rstrip()
        out.write(f"{category:<18} {line}  {points[0].date} {points[0].total:,} → {points[-1].date} "
                  f"{points[-1].total:,}\n")
        if marks:
            out.write(f"{'  decreases':<18} {marks}\n")


def write_plot(rows: Sequence[Row], path: str) -> None:
    """One panel per category: SVG written here, PNG with matplotlib (`pip install 'casualty[plot]'`)."""
    series = _series(rows)
    if not series:
        raise CasualtyError("nothing to plot: no dated totals")
    if path.lower().endswith(".svg"):
        from .output import atomic_text_file

        with atomic_text_file(path) as handle:
            handle.write(_svg(series))
    elif path.lower().endswith(".png"):
        try:
            import matplotlib
        except ImportError:
            raise CasualtyError("--plot FILE.png needs matplotlib: pip install 'casualty[plot]' "
                                "(or write FILE.svg, which needs nothing)") from None
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, axes = plt.subplots(len(series), 1, figsize=(10, 1.6 * len(series)), sharex=True, squeeze=False)
        for ax, (category, points) in zip(axes[:, 0], series.items()):
            ax.plot([p.date for p in points], [p.total for p in points], linewidth=1)
            down = [p for p in points if "decrease" in p.flags]
            ax.scatter([p.date for p in down], [p.total for p in down], color="red", s=12, zorder=3)
            ax.set_ylabel(category, rotation=0, ha="right", fontsize=8)
        fig.tight_layout()
        fig.savefig(path)
        plt.close(fig)
    else:
        raise CasualtyError(f"{path}: --plot writes .svg or .png")


def _date_ticks(first: date, last: date, most: int = 8) -> list[tuple[date, str]]:
    """Where the date axis is labelled: month starts (every 1, 2, 3, 6 or 12 months, at most `most`), or
    for a span of less than two months its first and last day."""
    months = []
    year, month = first.year, first.month
    while True:
        start = date(year, month, 1)
        if start > last:
            break
        if start >= first:
            months.append(start)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if len(months) < 2:
        return [(day, day.isoformat()) for day in sorted({first, last})]
    for step in (1, 2, 3, 6, 12, 24, 60):
        chosen = [m for m in months if (m.year * 12 + m.month - 1) % step == 0]
        if len(chosen) <= most:
            break
    return [(m, f"{m:%Y}" if step >= 12 else f"{m:%Y-%m}") for m in chosen]


def _svg(series: dict[str, list[Row]]) -> str:
    from html import escape

    width, panel, left, pad, axis = 900, 90, 150, 10, 24
    first = min(p[0].date for p in series.values())
    last = max(p[-1].date for p in series.values())
    days = max(1, last.toordinal() - first.toordinal())
    bottom = panel * len(series) + pad
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{bottom + axis}" '
             f'font-family="sans-serif" font-size="11">', '<rect width="100%" height="100%" fill="white"/>']

    def x_of(day: date) -> float:
        return round(left + (day.toordinal() - first.toordinal()) / days * (width - left - pad), 1)

    # The date axis: a rule under the panels, and a labelled tick (with a faint grid line) per chosen date.
    parts.append(f'<line x1="{left}" y1="{bottom}" x2="{width - pad}" y2="{bottom}" stroke="#999"/>')
    for day, label in _date_ticks(first, last):
        x = x_of(day)
        parts.append(f'<line x1="{x}" y1="{pad}" x2="{x}" y2="{bottom + 4}" stroke="#ddd"/>')
        parts.append(f'<text x="{x}" y="{bottom + 16}" text-anchor="middle" fill="#444">{label}</text>')
    for index, (category, points) in enumerate(series.items()):
        top = index * panel + pad
        low, high = min(p.total for p in points), max(p.total for p in points)
        span = (high - low) or 1

        def xy(row: Row) -> tuple[float, float]:
            y = top + panel - 20 - (row.total - low) / span * (panel - 30)
            return x_of(row.date), round(y, 1)

        coords = " ".join(f"{x},{y}" for x, y in map(xy, points))
        parts.append(f'<text x="5" y="{top + panel / 2}">{escape(category)}</text>')
        parts.append(f'<text x="5" y="{top + panel / 2 + 14}" fill="#666">{low:,}–{high:,}</text>')
        parts.append(f'<polyline fill="none" stroke="#1f5fa8" stroke-width="1" points="{coords}"/>')
        for row in points:
            if "decrease" in row.flags:
                x, y = xy(row)
                parts.append(f'<circle cx="{x}" cy="{y}" r="3" fill="#c00"><title>{row.date} decrease'
                             f'</title></circle>')
    parts.append("</svg>\n")
    return "\n".join(parts)
