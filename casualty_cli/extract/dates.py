"""Dates in the text: numeric ranges ("from 24.02.22 to 06.10.22"), month-name dates ("Sept. 22",
"21 November 2024"), ISO dates and weekday names, each with its span and what the year depends on.

Choosing which date is the report's (`as_of`) happens in resolve.py; this module only finds and
resolves dates, and never invents one: a date whose year cannot be known stays unresolved.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, timedelta

import regex

from .lexicon import FLAGS, WORD_END, WORD_START, Lexicon, alternation, lookup

INVASION = date(2022, 2, 24)
FIRST_YEAR_END = date(2023, 2, 23)


def parse_iso_date(value: str | None) -> date | None:
    """'2024-11-21' -> date; '2024-11' -> the 1st of that month; anything else -> None."""
    if not value:
        return None
    value = str(value).strip()
    try:
        if len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 1)
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Published:
    """The publication date and whether its day is known (metadata sometimes gives only the month)."""

    day: date
    exact: bool = True

    @property
    def latest(self) -> date:
        """The last day the publication can be: the day itself, or the month's end when only the month is known."""
        if self.exact:
            return self.day
        following = (self.day.replace(day=28) + timedelta(days=4)).replace(day=1)
        return following - timedelta(days=1)

    @classmethod
    def from_value(cls, value: date | str | None) -> "Published | None":
        if value is None or value == "":
            return None
        if isinstance(value, date):
            return cls(value)
        parsed = parse_iso_date(value)
        if parsed is None:
            return None
        return cls(parsed, exact=len(str(value).strip()) >= 10)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: int | None
    month: int | None
    year: int | None          # as written (4 digits); None when the text omits it
    weekday: int | None = None
    range_start: "DateMention | None" = None   # for the end of "from X to Y"
    kind: str = "date"        # date | weekday | month (a month and year only)

    @property
    def is_invasion_start(self) -> bool:
        return self.day == 24 and self.month == 2 and self.year in (None, 2022)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


@functools.lru_cache(maxsize=None)
def _patterns(code: str, months: str, weekdays: str, range_start: str, range_end: str):
    numeric = r"(?P<{p}d>\d{{1,2}})\.(?P<{p}m>\d{{1,2}})(?:\.(?P<{p}y>\d{{4}}|\d{{2}}))?(?![\d])"
    rng = regex.compile(
        rf"{WORD_START}(?:{range_start})\s+{numeric.format(p='a')}\s*(?:{range_end}|[\-\u2013\u2014])\s*{numeric.format(p='b')}",
        FLAGS)
    single = regex.compile(rf"(?<![\d.])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}|\d{{2}})(?![\d.])", FLAGS)
    iso = regex.compile(r"(?<![\d])(?P<y>20\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?![\d])")
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th|\.|-?го|-?е)?"
    year = r"(?:,?\s*(?P<year>(?:19|20)\d\d)(?![\d])(?:\s*(?:року|р\.|года|г\.|yılı))?)?"
    month = rf"(?P<month>{months})\.?"
    month_first = regex.compile(rf"{WORD_START}{month}\s+{day}(?![\d]){year}", FLAGS) if months else None
    day_first = regex.compile(rf"(?<![\d.]){day}\s*(?:of\s+)?{month}{WORD_END}{year}", FLAGS) if months else None
    month_year = regex.compile(rf"{WORD_START}{month}\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)(?![\d])", FLAGS) if months else None
    weekday = regex.compile(rf"{WORD_START}(?P<wd>{weekdays}){WORD_END}", FLAGS) if weekdays else None
    return rng, single, iso, month_first, day_first, month_year, weekday


def find_dates(text: str, lex: Lexicon) -> list[DateMention]:
    """Every date mention, in text order, without overlaps (ranges first, then the longest forms)."""
    dates = lex.raw.get("dates", {})
    rng, single, iso, month_first, day_first, month_year, weekday = _patterns(
        lex.code, alternation(dates.get("months", {}).keys()), alternation(dates.get("weekdays", {}).keys()),
        alternation(dates.get("range_start", ["from"])), alternation(dates.get("range_end", ["to"])))
    found: list[DateMention] = []

    def free(start: int, end: int) -> bool:
        return not any(m.start < end and start < m.end for m in found)

    for m in rng.finditer(text):
        first = DateMention(m.start("ad"), m.end("am") if not m.group("ay") else m.end("ay"),
                            int(m.group("ad")), int(m.group("am")), _year(m.group("ay")))
        found.append(DateMention(m.start(), m.end(), int(m.group("bd")), int(m.group("bm")), _year(m.group("by")),
                                 range_start=first))
    for pattern in (iso, single):
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                found.append(DateMention(m.start(), m.end(), int(m.group("d")), int(m.group("m")), _year(m.group("y"))))
    for pattern in (month_first, day_first):
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            month = lookup(lex.months, m.group("month"))
            if month and free(m.start(), m.end()) and 1 <= int(m.group("day")) <= 31:
                found.append(DateMention(m.start(), m.end(), int(m.group("day")), month, _year(m.group("year"))))
    if month_year is not None:
        for m in month_year.finditer(text):
            month = lookup(lex.months, m.group("month"))
            if month and free(m.start(), m.end()):
                found.append(DateMention(m.start(), m.end(), None, month, int(m.group("year")), kind="month"))
    if weekday is not None:
        for m in weekday.finditer(text):
            if free(m.start(), m.end()):
                found.append(DateMention(m.start(), m.end(), None, None, None,
                                         weekday=lookup(lex.weekdays, m.group("wd")), kind="weekday"))
    found.sort(key=lambda d: d.start)
    return _attach_weekdays(found, text)


def _attach_weekdays(found: list[DateMention], text: str) -> list[DateMention]:
    """"Tuesday, August 8": the weekday belongs to the date beside it, which fixes its year."""
    out: list[DateMention] = []
    for mention in found:
        if out and out[-1].kind == "weekday" and mention.kind == "date" and mention.range_start is None:
            gap = text[out[-1].end:mention.start]
            if len(gap) <= 3 and not gap.strip(" ,"):
                weekday = out.pop()
                mention = DateMention(weekday.start, mention.end, mention.day, mention.month, mention.year,
                                      weekday=weekday.weekday)
        out.append(mention)
    return out


@dataclass(frozen=True)
class YearContext:
    """What a date without a year can lean on."""

    published: Published | None
    first_year: bool          # the text dates the count "from 24.02" without a year: the first year of the war
    text_year: int | None     # the latest year the text names (other than the invasion's), when no published
    epoch: date | None = None  # when the figures' magnitude says the report was made
    named_days: tuple[tuple[int, date], ...] = ()  # "в среду, 2 марта": weekdays the text itself dates


def resolve(mention: DateMention, ctx: YearContext) -> date | None:
    """The calendar date of a mention, or None when it cannot be known."""
    if mention.kind == "month":
        return None
    if mention.kind == "weekday":
        if mention.weekday is None:
            return None
        if ctx.published is None or not ctx.published.exact:
            # "на утро среды" after "в среду, 2 марта": the day the text has already dated, if only one.
            days = {day for weekday, day in ctx.named_days if weekday == mention.weekday}
            return days.pop() if len(days) == 1 else None
        back = (ctx.published.day.weekday() - mention.weekday) % 7
        return ctx.published.day - timedelta(days=back)
    day, month = mention.day, mention.month
    if not day or not month or not 1 <= month <= 12:
        return None
    if mention.year:
        return _safe_date(mention.year, month, day)
    official_range = mention.range_start is not None and mention.range_start.is_invasion_start
    if official_range or (ctx.first_year and ctx.published is None):
        # "from 24.02 to 27.09": the official format of the war's first year.
        for year in (2022, 2023):
            candidate = _safe_date(year, month, day)
            if candidate and INVASION <= candidate <= FIRST_YEAR_END:
                return candidate
    if ctx.published is not None:
        pub = ctx.published.day
        candidate = _safe_date(pub.year, month, day)
        # A date more than a month after publication belongs to the year before ("Dec. 30" read in January).
        if candidate and candidate > pub + timedelta(days=31):
            candidate = _safe_date(pub.year - 1, month, day)
        return candidate
    if mention.weekday is not None:
        # "Tuesday, August 8": the weekday names the year among the war's years.
        years = [y for y in range(2022, 2031) if (d := _safe_date(y, month, day)) and d.weekday() == mention.weekday]
        if ctx.text_year in years:
            return _safe_date(ctx.text_year, month, day)
        if ctx.epoch is not None and years:
            # Among the years whose calendar fits, the one the figures' magnitude points to.
            nearest = min(years, key=lambda y: abs(y - ctx.epoch.year))
            if abs(nearest - ctx.epoch.year) <= 1:
                return _safe_date(nearest, month, day)
        if len(years) == 1:
            return _safe_date(years[0], month, day)
    if ctx.text_year:
        return _safe_date(ctx.text_year, month, day)
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
