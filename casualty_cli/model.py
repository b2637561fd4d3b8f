"""The record `casualty` produces: one Report per document, shaped by ../shared/spec/output.md.

Everything here is plain data. Renderers, writers and the time series read only `Report.to_dict()`,
so the contract is defined once, here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

CATEGORIES: tuple[str, ...] = (
    "personnel", "tanks", "afv", "artillery", "mlrs", "air_defense", "aircraft", "helicopters", "uav",
    "cruise_missiles", "ships", "submarines", "vehicles", "fuel_tanks", "special_equipment", "srbm",
    "ground_robots",
)
ROLES: tuple[str, ...] = ("totals", "daily", "previous")
GENERAL_STAFF = "General Staff of the Armed Forces of Ukraine"


# Span, Claim and Check are named tuples rather than frozen dataclasses: just as immutable and read the same way,
# but made several times faster (a frozen dataclass sets each field through object.__setattr__), and every
# report makes a dozen of them.
class Span(NamedTuple):
    """Where a figure came from: character offsets into the parsed text, and the text there."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


class Claim(NamedTuple):
    """A loss figure from another party than the report's author (Russian officials, Mediazona, ...)."""

    by: str
    side: str            # whose losses: "russia" or "ukraine"
    what: str            # deaths, casualties, wounded, ...
    value: int           # the figure, or the upper bound of a range
    low: int | None = None
    qualifier: str | None = None  # in English whatever the language: "more than", "about", "up to"
    as_of: date | None = None
    span: Span | None = None
    period: str | None = None  # "day", "week", "month", "year" for a rate or a sum over a period; None for a total

    def to_dict(self) -> dict[str, Any]:
        return {"by": self.by, "side": self.side, "what": self.what, "value": self.value, "low": self.low,
                "qualifier": self.qualifier, "as_of": _iso(self.as_of), "period": self.period}


class Check(NamedTuple):
    check: str
    category: str
    ok: bool

    def to_dict(self) -> dict[str, Any]:
        return {"check": self.check, "category": self.category, "ok": self.ok}


@dataclass
class Report:
    """What one document says; `to_dict()` is the output contract."""

    source: str = "-"
    published: date | None = None
    language: str | None = None
    as_of: date | None = None
    since: date | None = None
    reporter: str | None = None
    totals: dict[str, int] = field(default_factory=dict)
    daily: dict[str, int] = field(default_factory=dict)
    previous: dict[str, int] = field(default_factory=dict)
    previous_as_of: date | None = None
    directions: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    evidence: dict[str, Span] = field(default_factory=dict)
    title: str | None = None

    @property
    def has_figures(self) -> bool:
        return bool(self.totals or self.daily or self.previous or self.claims)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "published": _iso(self.published),
            "language": self.language,
            "as_of": _iso(self.as_of),
            "since": _iso(self.since),
            "reporter": self.reporter,
            "totals": _ordered(self.totals),
            "daily": _ordered(self.daily),
            "previous": _ordered(self.previous),
            "previous_as_of": _iso(self.previous_as_of),
            "directions": list(self.directions),
            "claims": [c.to_dict() for c in self.claims],
            "checks": [c.to_dict() for c in self.checks],
            "evidence": {k: v.to_dict() for k, v in self.evidence.items()},
            "title": self.title,
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _ordered(figures: dict[str, int]) -> dict[str, int]:
    """Categories in the canonical order, so output is stable whatever order the text used."""
    return {c: figures[c] for c in CATEGORIES if c in figures}
