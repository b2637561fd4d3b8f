"""Is an article quoting the General Staff right? Every figure of a parse record against the reference series.

check_record is pure: a record (Report.to_dict()) and a Reference in, a CheckResult out; no I/O, no click,
no rich (the renderers at the bottom import rich only for tables). parse_for_check reads an article for it.

Each figure is compared with the reference on the article's date: the total and the daily of the report of
`as_of`, the previous total of `previous_as_of` (else the day before). A figure that differs is explained
where the series can explain it, by the slips people make when they retell the report:

  other_day          the figure of another report (a total copied from an older article; the day's change
                     taken from the wrong day)
  other_category     another category's figure of that day (helicopters under aircraft)
  transposed_digits  two neighbouring digits swapped (8,756 for 8,765)
  dropped_digit      one digit left out (63,263 for 632,630)
  doubled_digit      one digit typed twice (6,322,630 for 632,630)
  wrong_digit        one digit wrong (30,070 for 31,070); ranked low, as a nearby figure of a slow series
                     looks the same
  rounded            a rounding passed off as exact (633,000 for 632,630)

and, for the whole article, `report_of_other_day`: every figure is that of one other report (yesterday's
report dated today). When several explanations fit, the most telling comes first and the others are kept
as alternatives. An article without a date is checked against the report most of its totals come from, and
the dates whose report has them all are listed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Sequence, TextIO

from .model import CATEGORIES, ROLES
from .reference import Reference

FIGURE_KINDS = ("other_day", "other_category", "transposed_digits", "dropped_digit", "doubled_digit", "wrong_digit",
                "rounded")
RECORD_KINDS = ("report_of_other_day",)
STATUSES = ("match", "differs", "no_reference", "undated")
RECORD_STATUSES = ("match", "differs", "unchecked")
ROLE_WORDS = {"totals": "total", "daily": "daily", "previous": "previous"}
NEAR_DAYS = 7          # another report's total is "near" within this many days either side
DAILY_SHIFT = 2           # a day's change is looked for only this many days either side: small numbers recur
MAX_LISTED_DATES = 5      # dates listed for an undated article's figures
CSV_HEADER = ("source", "as_of", "role", "category", "value", "reference", "reference_date", "status", "kind",
              "explanation")


@dataclass
class Explanation:
    kind: str
    text: str
    date: date | None = None
    category: str | None = None
    also: list[date] = field(default_factory=list)   # other_day: other dates with the same figure (a flat series)
    read_as: str | None = None   # "totals": the parser read the figure as a day's loss, the slip is in a total
    strength: float = 0      # ranks explanations; not output

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "date": _iso(self.date), "also": [d.isoformat() for d in self.also],
                "category": self.category, "read_as": self.read_as, "text": self.text}


@dataclass
class FigureCheck:
    role: str
    category: str
    value: int
    status: str                                   # match | differs | no_reference | undated
    reference: int | None = None
    reference_date: date | None = None
    explanations: list[Explanation] = field(default_factory=list)
    dates: list[date] = field(default_factory=list)   # undated: the dates whose report has this figure

    def to_dict(self) -> dict[str, Any]:
        first = self.explanations[0].to_dict() if self.explanations else None
        return {"role": self.role, "category": self.category, "value": self.value, "status": self.status,
                "reference": self.reference, "reference_date": _iso(self.reference_date), "explanation": first,
                "alternatives": [e.to_dict() for e in self.explanations[1:]],
                "dates": [d.isoformat() for d in self.dates]}


@dataclass
class CheckResult:
    source: str
    published: str | None
    as_of: str | None
    status: str                                   # match | differs | unchecked
    reference: str
    figures: list[FigureCheck] = field(default_factory=list)
    report_of: Explanation | None = None          # the whole article is another day's report
    date_matches: list[date] = field(default_factory=list)
    note: str | None = None

    @property
    def differs(self) -> bool:
        return self.status == "differs"

    @property
    def unverified(self) -> bool:
        return self.status != "match" or any(f.status == "no_reference" for f in self.figures)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "published": self.published, "as_of": self.as_of, "status": self.status,
                "reference": self.reference, "note": self.note,
                "report_of": self.report_of.to_dict() if self.report_of else None,
                "date_matches": [d.isoformat() for d in self.date_matches],
                "figures": [f.to_dict() for f in self.figures]}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _day(value: Any) -> int | None:
    try:
        return date.fromisoformat(str(value)[:10]).toordinal() if value else None
    except ValueError:
        return None


def _figures(record: dict[str, Any]) -> list[tuple[str, str, int]]:
    """(role, category, value) of the record, with the implausible totals parse_for_check found (in their role)."""
    order = {c: i for i, c in enumerate(CATEGORIES)}
    implausible = record.get("implausible") or {}
    found = []
    for role in ROLES:
        figures = {**(implausible.get(role) or {}), **(record.get(role) or {})}
        for category, value in sorted(figures.items(), key=lambda kv: order.get(kv[0], 99)):
            if isinstance(value, int) and not isinstance(value, bool):
                found.append((role, category, value))
    return found


class _Lookup:
    """The reference value of a role, on the day it refers to."""

    def __init__(self, reference: Reference, day: int, previous_day: int):
        self.reference, self.day, self.previous_day = reference, day, previous_day

    def expected(self, role: str, category: str, day: int | None = None) -> int | None:
        day = self.day if day is None else day
        if role == "totals":
            return self.reference.total(category, day)
        if role == "daily":
            daily = self.reference.daily(category, day)
            # A report never prints a negative increase: on a day a total was corrected down, what it printed is
            # not known from the totals.
            return daily if daily is None or daily >= 0 else None
        return self.reference.total(category, day - (self.day - self.previous_day))

    def matches(self, role: str, category: str, value: int, day: int | None = None) -> bool:
        if self.expected(role, category, day) == value:
            return True
        # A daily that equals the change of the totals is right too, where a correction made the printed one differ.
        day = self.day if day is None else day
        return role == "daily" and value >= 0 and self.reference.change(category, day) == value


def check_record(record: dict[str, Any], reference: Reference) -> CheckResult:
    """Every figure of one parse record against the reference."""
    result = CheckResult(source=str(record.get("source")), published=record.get("published"),
                         as_of=record.get("as_of"), status="unchecked", reference=reference.describe())
    figures = _figures(record)
    if not figures:
        result.note = "no figures found"
        return result
    day = _day(record.get("as_of"))
    inferred = day is None
    if inferred:
        day = _infer_day(result, figures, reference)
        if day is None:
            return result
        previous_day = day - 1
    else:
        previous_day = _day(record.get("previous_as_of")) or day - 1
    lookup = _Lookup(reference, day, previous_day)
    totals_given = {category for role, category, _ in figures if role == "totals"}
    for role, category, value in figures:
        expected = lookup.expected(role, category)
        refers_to = date.fromordinal(previous_day if role == "previous" else day)
        if lookup.matches(role, category, value):
            result.figures.append(FigureCheck(role, category, value, "match", value, refers_to))
        elif expected is None:
            result.figures.append(FigureCheck(role, category, value, "no_reference", reference_date=refers_to))
        else:
            explanations = _explain(lookup, role, category, value, expected)
            if role == "daily" and category not in totals_given:
                explanations = _as_total(lookup, category, value, explanations)
            result.figures.append(FigureCheck(role, category, value, "differs", expected, refers_to, explanations))
    if not inferred:   # a date taken from the figures cannot be the wrong one for them
        result.report_of = _other_report(lookup, result.figures)
    if result.report_of:
        shifted = result.report_of.date.toordinal()
        for figure in result.figures:
            if figure.status == "differs":
                figure.explanations.sort(key=lambda e: not (e.kind == "other_day" and e.date
                                                            and e.date.toordinal() == shifted))
    statuses = {f.status for f in result.figures}
    result.status = "differs" if "differs" in statuses else "match" if "match" in statuses else "unchecked"
    if result.status == "unchecked" and not inferred:
        result.note = (f"no reference for {record.get('as_of')} (the reference covers {reference.first} .. "
                       f"{reference.last}; `casualty reference update` fetches the newest)")
    return result


def _infer_day(result: CheckResult, figures: list[tuple[str, str, int]], reference: Reference) -> int | None:
    """No date in the text: the report most of its totals are from (dailies recur too often to date an
    article, so they only choose among the days the totals allow). Fills date_matches and the note; None
    (with every figure listed as `undated`) when the figures point to no report."""
    def days_for(role: str, category: str, value: int) -> set[int]:
        if role == "daily":
            span = range(reference.start, reference.start + len(reference.totals.get(category) or []))
            return {d for d in span if value >= 0 and value in (reference.daily(category, d),
                                                                reference.change(category, d))}
        shift = 1 if role == "previous" else 0   # a previous total is the total of the report before
        return {d + shift for d in reference.days_with_total(category, value)}

    per_figure = {(role, category): days_for(role, category, value) for role, category, value in figures}
    pinning = [key for key in per_figure if key[0] != "daily"]
    votes: dict[int, int] = {}
    for key in pinning:
        for d in per_figure[key]:
            votes[d] = votes.get(d, 0) + 1
    best = max(votes.values(), default=0)
    if pinning and best * 2 >= len(pinning):
        days = [d for d, n in votes.items() if n == best]
        daily_votes = {d: sum(d in per_figure[key] for key in per_figure if key[0] == "daily") for d in days}
        top = max(daily_votes.values())
        days = sorted(d for d in days if daily_votes[d] == top)
        result.date_matches = [date.fromordinal(d) for d in days]
        first, last = result.date_matches[0], result.date_matches[-1]
        which = f"the report of {first}" if first == last else f"the reports of {first} .. {last} ({len(days)})"
        if best == len(pinning):
            result.note = f"no date in the text: its totals are those of {which}"
        else:
            result.note = (f"no date in the text: {best} of its {len(pinning)} totals are those of {which}; "
                           "checked against it")
        return days[-1]
    if not pinning:
        # Day's losses alone recur too often to tell a slip from another day: they date the article only when
        # all of them (two at least) are those of one report and of no other.
        common = set.intersection(*per_figure.values())
        if len(per_figure) >= 2 and len(common) == 1:
            only = common.pop()
            result.date_matches = [date.fromordinal(only)]
            result.note = (f"no date in the text: its day's losses are those of the report of "
                           f"{result.date_matches[0]} alone")
            return only
    for role, category, value in figures:
        listed = [date.fromordinal(d) for d in sorted(per_figure[(role, category)])[-MAX_LISTED_DATES:]]
        result.figures.append(FigureCheck(role, category, value, "undated", dates=listed))
    result.status = "unchecked"
    result.note = ("no date in the text, and its figures point to no report" if pinning or not any(per_figure.values())
                   else "no date in the text, and day's losses alone cannot date it")
    return None


def _other_report(lookup: _Lookup, figures: Sequence[FigureCheck]) -> Explanation | None:
    """Every total (and daily, previous) is that of one other day's report: the article dated it wrongly. An
    article of day's losses only needs two of them, all from one report within a week."""
    totals = [f for f in figures if f.role == "totals" and f.status in ("match", "differs")]
    differing = [f for f in totals if f.status == "differs"]
    if differing:
        first = differing[0]
        candidates = sorted(lookup.reference.days_with_total(first.category, first.value),
                            key=lambda d: abs(d - lookup.day))
    else:
        dailies = [f for f in figures if f.role == "daily" and f.status in ("match", "differs")]
        if totals or len(dailies) < 2 or all(f.status == "match" for f in dailies):
            return None
        candidates = [lookup.day + offset for n in range(1, DAILY_SHIFT + 1) for offset in (-n, n)]
    for day in candidates:
        checkable = [f for f in figures if f.status in ("match", "differs")
                     and lookup.expected(f.role, f.category, day) is not None]
        if len(checkable) >= 1 and all(lookup.matches(f.role, f.category, f.value, day) for f in checkable):
            shift = day - lookup.day
            when = "the day before" if shift == -1 else "the day after" if shift == 1 else \
                f"{abs(shift)} days {'earlier' if shift < 0 else 'later'}"
            return Explanation("report_of_other_day", f"every figure is that of the report of "
                               f"{date.fromordinal(day)} ({when}): that report, dated {date.fromordinal(lookup.day)}",
                               date=date.fromordinal(day), strength=100)
    return None


def _explain(lookup: _Lookup, role: str, category: str, value: int, expected: int | None) -> list[Explanation]:
    """What the series says the article's figure is instead, most telling first."""
    found: list[Explanation] = []
    reference, day = lookup.reference, lookup.day
    word = ROLE_WORDS[role]
    # The figure of another day's report. A past report's figure is the likely slip (copied from an older
    # article); a later report's means the article's own date is wrong, so it ranks below a typing slip.
    base = lookup.previous_day if role == "previous" else day
    if role == "daily":   # small numbers recur: only the days around, nearest first
        days = [d for offset in range(1, DAILY_SHIFT + 1) for d in (day - offset, day + offset)
                if lookup.matches(role, category, value, d)]
    else:   # a previous total is some report's total too: the day named is that report's
        days = sorted((d for d in reference.days_with_total(category, value) if d != base),
                      key=lambda d: (abs(d - base), d > base))
    if days:
        other = days[0]
        shift = other - base
        if role == "daily":
            also = [d for d in days[1:] if abs(d - base) == abs(shift)]   # the day before and the day after alike
            strength = 6 if abs(shift) == 1 else 3 if shift < 0 else 2
        else:
            also = [d for d in days[1:] if abs(d - other) <= len(days)]   # the run of days with that total
            strength = (6 if -NEAR_DAYS <= shift < 0 else 3 if 0 < shift <= NEAR_DAYS
                        else 2 if abs(shift) <= 31 else 1)
        also = sorted(also)
        span = f"; also that of {_dates(also)}" if also else ""
        found.append(Explanation("other_day", f"the {word} of {date.fromordinal(other)} ({_days(shift)}{span})",
                                 date=date.fromordinal(other), also=[date.fromordinal(d) for d in also],
                                 strength=strength))
    if expected is not None and expected >= 0 and value >= 0:
        long = len(str(expected)) >= 3
        digit = _digit_slip(str(expected), str(value))
        if digit:
            texts = {"transposed_digits": "with two digits swapped", "dropped_digit": "with a digit dropped",
                     "doubled_digit": "with a digit doubled", "wrong_digit": "with one digit wrong"}
            # One wrong digit is also what any nearby figure of a slow series looks like: it ranks lower.
            strength = (2.5 if long else 1.5) if digit == "wrong_digit" else (5 if long else 3)
            found.append(Explanation(digit, f"{expected:,} {texts[digit]}", strength=strength))
        grain = reference.granularity(category, daily=role == "daily")
        rounding = _rounding(expected, value, grain)
        if rounding:
            found.append(Explanation("rounded", f"{expected:,} rounded to the {rounding:,}",
                                     strength=_rounding_strength(lookup, role, category, expected, rounding, grain,
                                                                 found)))
    # Another category's figure of the same day: likeliest from the line above or below in the report; small
    # numbers are shared by many categories by chance.
    neighbours = _neighbours(reference, day, category)
    for other_category in CATEGORIES:
        if other_category != category and lookup.matches(role, other_category, value):
            strength = 5 if other_category in neighbours else 3
            if value < (10 if role != "daily" else 100):
                strength = 1
            found.append(Explanation("other_category", f"the {word} of {other_category.replace('_', ' ')} that day",
                                     category=other_category, strength=strength))
            break
    found.sort(key=lambda e: -e.strength)   # stable: ties keep the order above
    return found


def _dates(days: list[int]) -> str:
    """'2024-03-01', '2024-03-01 and 2024-03-03', or '2024-03-01 .. 2024-03-09 (5 reports)'."""
    if len(days) == 1:
        return date.fromordinal(days[0]).isoformat()
    if len(days) == 2:
        return f"{date.fromordinal(days[0])} and {date.fromordinal(days[1])}"
    return f"{date.fromordinal(days[0])} .. {date.fromordinal(days[-1])} ({len(days)} reports)"


def _as_total(lookup: _Lookup, category: str, value: int, explanations: list[Explanation]) -> list[Explanation]:
    """A small total with a digit dropped ("15 special equipment units" for 715) reads as a day's loss to the
    parser, which has no total of the category then: the slips of the total are explanations too."""
    total = lookup.expected("totals", category)
    if total is None:
        return explanations
    extra = [e for e in _explain(lookup, "totals", category, value, total) if e.kind != "other_day" or e.strength > 1]
    for explanation in extra:
        explanation.read_as = "totals"
        explanation.text = f"as a total: {explanation.text}"
    return sorted(explanations + extra, key=lambda e: -e.strength)


def _days(shift: int) -> str:
    if shift == -1:
        return "the day before"
    if shift == 1:
        return "the day after"
    return f"{abs(shift)} days {'earlier' if shift < 0 else 'later'}"


# The order of the lines in the General Staff's list: a figure slips most easily to the line above or below.
LIST_ORDER = ("personnel", "tanks", "afv", "artillery", "mlrs", "air_defense", "aircraft", "helicopters", "uav",
              "srbm", "cruise_missiles", "ships", "submarines", "vehicles", "fuel_tanks", "special_equipment",
              "ground_robots")
# Besides neighbouring lines, the pairs people mix up by what they are.
KIN = ({"aircraft", "helicopters"}, {"tanks", "afv"}, {"artillery", "mlrs"}, {"uav", "cruise_missiles"},
       {"ships", "submarines"}, {"vehicles", "special_equipment"})


def _neighbours(reference: Reference, day: int, category: str) -> set[str]:
    """The categories on the lines next to `category` in that day's list, and its kin."""
    listed = [c for c in LIST_ORDER if reference.total(c, day) is not None or c == category]
    index = listed.index(category) if category in listed else -1
    near = {listed[i] for i in (index - 1, index + 1) if index >= 0 and 0 <= i < len(listed)}
    return near | {c for pair in KIN if category in pair for c in pair if c != category}


def _digit_slip(expected: str, value: str) -> str | None:
    """Which keyboard slip turns `expected` into `value`, if one does."""
    if len(value) == len(expected):
        diff = [i for i in range(len(value)) if value[i] != expected[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and value[diff[0]] == expected[diff[1]] \
                and value[diff[1]] == expected[diff[0]]:
            return "transposed_digits"
        if len(diff) == 1 and len(value) >= 3:
            return "wrong_digit"
    elif len(value) == len(expected) - 1:
        if any(expected[:i] + expected[i + 1:] == value for i in range(len(expected))):
            return "dropped_digit"
    elif len(value) == len(expected) + 1:
        if any(value[:i] + value[i + 1:] == expected and value[i] in (value[i - 1:i] + value[i + 1:i + 2])
               for i in range(len(value))):
            return "doubled_digit"
    return None


def _rounding(expected: int, value: int, grain: int = 1) -> int | None:
    """The power of ten `value` is `expected` rounded to (to the nearest, or down), if it is one. `grain` is the
    series' own: the General Staff gives personnel in tens, so only a rounding to hundreds or more shows."""
    unit = 1
    while value and value % (unit * 10) == 0:
        unit *= 10
    # Below 100 a round number is as likely a count as a rounding ("10 tanks in a day").
    if unit < 10 * grain or value < 100 or expected % unit == 0:
        return None
    nearest, down = (expected + unit // 2) // unit * unit, expected // unit * unit
    return unit if value in (nearest, down) else None


def _rounding_strength(lookup: _Lookup, role: str, category: str, expected: int, unit: int, grain: int,
                       found: list[Explanation]) -> float:
    """Rank a rounding against a nearby report's figure that is the same round number: which coincidence is
    likelier? A rounding lands on a nearby report's figure as often as those figures fill the rounding's
    range (often, for a series that moves by a few a week); a nearby report's figure is round by chance
    one time in unit/grain. Above neighbouring categories and most typing slips: a round figure is what a
    rounding always gives, and they only by chance."""
    strength = 7.0 if unit >= 100 * grain else 5.5
    nearby = [e for e in found if e.kind == "other_day" and e.strength >= 3]
    if not nearby:
        return strength
    window = 1 if role == "daily" else NEAR_DAYS
    values = {lookup.expected(role, category, lookup.day + offset) for offset in range(-window, window + 1)}
    inside = {v for v in values if v is not None and v != expected and abs(v - expected) < unit}
    share = len(inside) / (2 * unit / grain)
    return nearby[0].strength + (0.5 if share > grain / unit else -0.5)


def check_records(records: Iterable[dict[str, Any]], reference: Reference) -> Iterable[CheckResult]:
    for record in records:
        yield check_record(record, reference)


# ---------------------------------------------------------------- reading an article for a check

def parse_for_check(text: str, *, published: Any = None, language: str | None = None) -> dict[str, Any]:
    """The parse record, plus `implausible`: totals and previous totals the text gives with their words
    ("63,263 troops") that no report of the time could hold, which the parser rightly leaves out of its record.
    For a check they are the interesting ones: most are a dropped or doubled digit, or another category's
    figure. They are found by parsing again with any total allowed (the daily bounds stay)."""
    from .extract import parse_text

    record = parse_text(text, published=published, language=language).to_dict()
    wide = parse_text(text, published=published, language=language, any_total=True).to_dict()
    # Only figures the record lacks; a number the record already reads as a daily figure stays one.
    daily = record.get("daily") or {}
    record["implausible"] = {role: {c: v for c, v in (wide.get(role) or {}).items()
                                    if c not in (record.get(role) or {}) and daily.get(c) != v}
                             for role in ("totals", "previous")}
    return record


# ---------------------------------------------------------------- output

def csv_rows(result: CheckResult) -> Iterable[tuple[Any, ...]]:
    if not result.figures:
        yield (result.source, result.as_of, "", "", "", "", "", result.status, "", result.note or "")
    for figure in result.figures:
        first = figure.explanations[0] if figure.explanations else None
        text = first.text if first else ("; ".join(d.isoformat() for d in figure.dates) if figure.dates else "")
        yield (result.source, result.as_of, figure.role, figure.category, figure.value, figure.reference,
               _iso(figure.reference_date), figure.status, first.kind if first else "", text)


def write_csv(results: Iterable[CheckResult], out: TextIO) -> None:
    import csv

    from .csvsafe import safe_row

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for result in results:
        writer.writerows(safe_row(row) for row in csv_rows(result))


def write_table(results: Sequence[CheckResult], out: TextIO, *, color: bool, width: int | None = None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from .render import CATEGORY_LABELS

    console = Console(file=out, no_color=not color, highlight=False, force_terminal=color,
                      width=width or (None if color else 110), soft_wrap=False)
    verdicts = {"match": ("✓", "green"), "differs": ("✗", "bold red"), "no_reference": ("?", "yellow"),
                "undated": ("?", "yellow")}
    for index, result in enumerate(results):
        if index:
            console.print()
        head = Text()
        head.append(result.source, style="bold")
        for label, value in (("as of", result.as_of), ("published", result.published), ("reference", result.reference)):
            if value:
                head.append(f"\n{label}: ", style="dim")
                head.append(str(value))
        head.append("\nverdict: ", style="dim")
        head.append(result.status, style={"match": "green", "differs": "bold red"}.get(result.status, "yellow"))
        if result.report_of:
            head.append(f"\n{result.report_of.text}", style="bold red")
        if result.note:
            head.append(f"\n{result.note}", style="italic")
        console.print(head)
        if not result.figures:
            continue
        table = Table(show_header=True, header_style="bold")
        for name, justify in (("figure", "left"), ("category", "left"), ("article", "right"), ("reference", "right"),
                              ("", "center"), ("what it is", "left")):
            table.add_column(name, justify=justify)  # type: ignore[arg-type]
        for figure in result.figures:
            mark, style = verdicts[figure.status]
            if figure.explanations:
                why = figure.explanations[0].text
                if len(figure.explanations) > 1:
                    why += " (or: " + "; ".join(e.text for e in figure.explanations[1:]) + ")"
            elif figure.status == "no_reference":
                why = f"no reference for {_iso(figure.reference_date)}"
            elif figure.status == "undated":
                why = ("in the reports of " + ", ".join(d.isoformat() for d in figure.dates)) if figure.dates \
                    else "in no report"
            elif figure.status == "differs":
                why = "not explained by the series"
            else:
                why = ""
            table.add_row(ROLE_WORDS[figure.role], CATEGORY_LABELS.get(figure.category, figure.category),
                          f"{figure.value:,}", "" if figure.reference is None else f"{figure.reference:,}",
                          Text(mark, style=style), why)
        console.print(table)


# ---------------------------------------------------------------- timeline --reference

def flag_timeline(rows: Sequence[Any], reference: Reference) -> int:
    """Flag `reference` on each timeline row where a source's total differs from the reference (the row's
    `reference` becomes the reference total); returns how many rows were flagged."""
    flagged = 0
    for row in rows:
        expected = reference.total(row.category, row.date.toordinal())
        row.reference = expected
        if expected is not None and any(value != expected for value in row.values):
            row.flags.append("reference")
            flagged += 1
    return flagged
