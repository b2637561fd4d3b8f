"""Records -> one dated series: a row per date and category with the consensus total across sources.

Pure: reads only record dictionaries (Report.to_dict() or batch outputs) and returns rows; no I/O.

- consensus: the total given by most sources; on a tie an official post (the General Staff's own pages)
  wins over news, then the larger figure;
- daily: recomputed from the previous day's consensus total, beside `reported_daily` (what the
  reports themselves printed, by the same consensus); after a gap there is no previous day, so `daily`
  stays empty and the change since the last dated row is `change`, over `days` days;
- flags: `conflict` (sources disagree), `decrease` (the total went down: a correction),
  `gap` (dates missing before this row), `daily_mismatch` (reported daily != recomputed daily), and with
  `timeline --reference`, `reference` (a source's total differs from the reference series; check.flag_timeline).
Memory grows with dates x categories x distinct values, not with the number of records.
"""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterable, Sequence
from urllib.parse import urlsplit

from .model import CATEGORIES

FLAGS = ("conflict", "decrease", "gap", "daily_mismatch", "reference")
CSV_HEADER = ("date", "category", "total", "daily", "reported_daily", "sources", "flags", "change", "days")
OFFICIAL_HOSTS = ("mil.gov.ua", "mod.gov.ua", "kmu.gov.ua", "zsu.gov.ua", "mon.gov.ua")
OFFICIAL_PAGES = ("t.me/generalstaffzsu", "facebook.com/generalstaff.ua")


@dataclass
class Row:
    date: date
    category: str
    total: int
    daily: int | None
    reported_daily: int | None
    sources: int
    flags: list[str] = field(default_factory=list)
    values: dict[int, int] = field(default_factory=dict)   # every total given, and by how many sources
    reference: int | None = None   # --reference: the reference total of this date (check.flag_timeline)
    change: int | None = None   # total - the previous row's total (of this category), over `days` days
    days: int | None = None     # daily == change only when days == 1

    def to_dict(self) -> dict[str, Any]:
        record = {"date": self.date.isoformat(), "category": self.category, "total": self.total, "daily": self.daily,
                  "reported_daily": self.reported_daily, "sources": self.sources, "flags": list(self.flags),
                  "values": {str(k): v for k, v in sorted(self.values.items())}, "change": self.change,
                  "days": self.days}
        if self.reference is not None:
            record["reference"] = self.reference
        return record

    def csv_row(self) -> tuple[Any, ...]:
        return (self.date.isoformat(), self.category, self.total, _blank(self.daily), _blank(self.reported_daily),
                self.sources, ";".join(self.flags), _blank(self.change), _blank(self.days))


def _blank(value: int | None) -> Any:
    return "" if value is None else value


def official_matcher(patterns: Sequence[str] = ()) -> Callable[[dict[str, Any]], bool]:
    """Is a record an official post? Its source is on a General Staff / MoD site, or matches a --official glob."""
    lowered = [p.lower() for p in patterns]

    def is_official(record: dict[str, Any]) -> bool:
        source = str(record.get("source") or "").lower()
        if any(fnmatch.fnmatchcase(source, p) for p in lowered):
            return True
        if source.startswith(("http://", "https://")):
            host = urlsplit(source).hostname or ""
            if any(host == h or host.endswith("." + h) for h in OFFICIAL_HOSTS):
                return True
            return any(page in source for page in OFFICIAL_PAGES)
        return False

    return is_official


class _Cell:
    __slots__ = ("values", "official", "reported", "reported_official")

    def __init__(self):
        self.values: dict[int, int] = {}
        self.official: set[int] = set()
        self.reported: dict[int, int] = {}
        self.reported_official: set[int] = set()


def _consensus(counts: dict[int, int], official: set[int]) -> int:
    return max(counts, key=lambda v: (counts[v], v in official, v))


def record_date(record: dict[str, Any]) -> date | None:
    value = record.get("as_of")
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass
class Timeline:
    rows: list[Row]
    records: int = 0
    undated: int = 0
    duplicates: int = 0


def build_timeline(records: Iterable[dict[str, Any]], categories: Sequence[str] | None = None,
                   is_official: Callable[[dict[str, Any]], bool] | None = None) -> Timeline:
    """Rows in date order, then the canonical category order."""
    wanted = set(categories or CATEGORIES)
    is_official = is_official or official_matcher()
    cells: dict[tuple[date, str], _Cell] = {}
    seen: set[str] = set()
    result = Timeline(rows=[])
    for record in records:
        if "totals" not in record:
            continue   # an error record
        source = record.get("source")
        if source in seen:
            result.duplicates += 1
            continue
        seen.add(source)
        result.records += 1
        when = record_date(record)
        totals = record.get("totals") or {}
        if when is None:
            if totals:
                result.undated += 1
            continue
        official = is_official(record)
        daily = record.get("daily") or {}
        for category, value in totals.items():
            if category not in wanted or not isinstance(value, int):
                continue
            cell = cells.get((when, category))
            if cell is None:
                cell = cells[(when, category)] = _Cell()
            cell.values[value] = cell.values.get(value, 0) + 1
            if official:
                cell.official.add(value)
            reported = daily.get(category)
            if isinstance(reported, int):
                cell.reported[reported] = cell.reported.get(reported, 0) + 1
                if official:
                    cell.reported_official.add(reported)
    order = {c: i for i, c in enumerate(CATEGORIES)}
    previous: dict[str, Row] = {}
    for (when, category) in sorted(cells, key=lambda k: (k[0], order.get(k[1], 99))):
        cell = cells[(when, category)]
        total = _consensus(cell.values, cell.official)
        reported = _consensus(cell.reported, cell.reported_official) if cell.reported else None
        row = Row(date=when, category=category, total=total, daily=None, reported_daily=reported,
                  sources=sum(cell.values.values()), values=dict(cell.values))
        if len(cell.values) > 1:
            row.flags.append("conflict")
        before = previous.get(category)
        if before is not None:
            row.change, row.days = total - before.total, (when - before.date).days
            if total < before.total:
                row.flags.append("decrease")
            if row.days > 1:
                row.flags.append("gap")   # a change over months is not a day's losses: `daily` stays empty
            else:
                row.daily = row.change
                if reported is not None and reported != row.daily:
                    row.flags.append("daily_mismatch")
        previous[category] = row
        result.rows.append(row)
    return result
