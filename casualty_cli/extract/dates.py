"""Dates in the text: numeric ranges ("from 24.02.22 to 06.10.22"), month-name dates ("Sept. 22",
"21 November 2024"), ISO dates ("2024-11-21", "2023-10"), days of the war ("the 346th day of the war") and
weekday names, each with its span and what the year depends on.

Choosing which date is the report's (`as_of`) happens in report_date.py; this module only finds and
resolves dates, and never invents one: a date whose year cannot be known stays unresolved.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta
from typing import NamedTuple

import regex

from .lexicon import Hits

INVASION = date(2022, 2, 24)
FIRST_YEAR_END = date(2023, 2, 23)
# A date this far after publication belongs to the year before ("Dec. 30" read in January). Plain days, not
# relativedelta(months=1): this runs for every date without a year, and a relativedelta step costs ten timedeltas.
_MONTH = timedelta(days=31)
# How far from the date the figures' magnitude points to (priors.epoch_of_personnel: mid-month of the nearest
# total below) a date may lie to take its year from it: the series moves about a month per step.
_EPOCH_REACH = timedelta(days=75)


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


class Published(NamedTuple):
    """The publication date and whether its day is known (metadata sometimes gives only the month).

    A named tuple, like YearContext: immutable, and made without the per-field cost of a frozen dataclass.
    """

    day: date
    exact: bool = True

    @property
    def latest(self) -> date:
        """The last day the publication can be: the day itself, or the month's end when only the month is known."""
        if self.exact:
            return self.day
        # Imported here: only a publication known to the month needs it, and the import (dateutil and calendar)
        # costs some 5 ms of start-up. relativedelta clips day=31 to the month's last day.
        from dateutil.relativedelta import relativedelta
        return self.day + relativedelta(day=31)

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


class DateMention(NamedTuple):
    """A date as written, with its span."""

    start: int
    end: int
    day: int | None
    month: int | None
    year: int | None          # as written (4 digits); None when the text omits it
    weekday: int | None = None
    range_start: "DateMention | None" = None   # for the end of "from X to Y"
    kind: str = "date"        # date | weekday | month (a month and year only) | war_day ("the 346th day")

    @property
    def is_invasion_start(self) -> bool:
        return self.day == 24 and self.month == 2 and self.year in (None, 2022)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


# ASCII digits: the regex module's \d follows a newer Unicode than int() does (it takes the Garay digits of
# Unicode 16, which int() in Python 3.11 refuses), and dates are written in ASCII digits in every language read here.
_NUMERIC = regex.compile(r"(?<![0-9.,])([0-9]{1,2})\.([0-9]{1,2})(?:\.([0-9]{4}|[0-9]{2}))?(?![0-9]|\.[0-9])")
# Plain patterns run on the standard library's engine: a call costs less than one of the regex module.
_DOT_DIGIT = re.compile(r"\.[0-9]")
_ASCII_DIGIT = re.compile(r"[0-9]")
# "2024-11-21", and "2023-10" (a month): ISO 8601 calendar dates. The year's "20" comes first, the look-behind
# after it: the engine then leaps from one "20" to the next. ("2022-2023" is two years: the month would go on.)
_ISO = re.compile(r"(20(?<![0-9]20)[0-9][0-9])-([0-9][0-9])(?:-([0-9][0-9]))?(?![0-9])")
# "21 November", "21st of November", "21 de noviembre", "21-го листопада": the day before the month.
_DAY_BEFORE = regex.compile(r"(?<![0-9.,])([0-9]{1,2})(?:\.|-?\p{L}{1,3})?[ \t\u00a0]+(?:\p{L}{1,3}[ \t\u00a0]+)?$")
# "Sept. 22", "November 21st", "Nov 23": the day after the month.
_DAY_AFTER = regex.compile(r"\.?[ \t\u00a0]+([0-9]{1,2})(?:\.|-?\p{L}{1,3})?(?![0-9\p{L}])")
# "November 21, 2024", "7 de marzo de 2022": the year after a date (a short joining word allowed).
_YEAR_AFTER = regex.compile(r"\.?,?[ \t\u00a0]*(?:\p{L}{1,3}[ \t\u00a0]+)?((?:19|20)[0-9][0-9])(?![0-9])")
_DASH_GAP = regex.compile(r"\s*[\-\u2013\u2014]\s*|\s+\p{L}{1,4}\s+")


def find_dates(text: str, hits: Hits) -> list[DateMention]:
    """Every date mention, in text order, without overlaps."""
    # Strongest readings first: a mention overlapping one proposed before it is dropped.
    proposed: list[DateMention] = []
    add = proposed.append
    # A numeric date starts at most two digits before a dot and a digit: no need to scan the text before the first.
    dot = _DOT_DIGIT.search(text)
    matches = _NUMERIC.finditer(text, max(0, dot.start() - 2)) if dot else ()
    numeric = [m for m in matches if 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(1)) <= 31]
    for first, second in zip(numeric, numeric[1:]):
        # "from 24.02.22 to 06.10.22", "з 24.02 по 30.04": a period, whose end dates the report.
        start = DateMention(first.start(), first.end(), int(first.group(1)), int(first.group(2)), _year(first.group(3)))
        joined = hits.find("range_end", first.end(), second.start()) and len(text[first.end():second.start()]) <= 8
        if joined or (start.is_invasion_start and second.start() - first.end() <= 8
                      and _DASH_GAP.fullmatch(text, first.end(), second.start())):
            add(DateMention(first.start(), second.end(), int(second.group(1)), int(second.group(2)),
                            _year(second.group(3)), range_start=start))
    for m in numeric:
        if m.group(3):  # a lone "23.02.2024"; without a year "41.47" could be anything
            add(DateMention(m.start(), m.end(), int(m.group(1)), int(m.group(2)), _year(m.group(3))))
    for m in _ISO.finditer(text):
        if not 1 <= int(m.group(2)) <= 12:
            continue
        if m.group(3):
            add(DateMention(m.start(), m.end(), int(m.group(3)), int(m.group(2)), int(m.group(1))))
        else:
            add(DateMention(m.start(), m.end(), None, int(m.group(2)), int(m.group(1)), kind="month"))
    for start, end, month in hits.all("month"):  # a hit unpacked: its fields by name are generic look-ups
        after = _day_after(text, end)
        if after and 1 <= (day := int(after[1])) <= 31:
            end = after.end()
        elif (before := _day_before(text, start)) and 1 <= (day := int(before[1])) <= 31:
            start = before.start()
        else:
            year = _year_after(text, end)
            if year:
                add(DateMention(start, year.end(), None, month, int(year[1]), kind="month"))
            continue
        year = _year_after(text, end)
        add(DateMention(start, year.end() if year else end, day, month, int(year[1]) if year else None))
    for start, end, _ in hits.all("war_day"):
        if (mention := _war_day(text, start, end)) is not None:
            add(mention)
    weekdays = hits.all("weekday")
    for start, end, weekday in weekdays:
        add(DateMention(start, end, None, None, None, weekday=weekday, kind="weekday"))
    found = _without_overlaps(proposed)
    return _attach_weekdays(found, text) if weekdays else found  # most texts name no weekday


# Most month names have no day or year on one side or the other. A call of the regex module costs more than a
# str test (or a call of the standard library's engine) that rules the side out, so each look is tested first.
# (The regex engine scans up to its end position: every look gets a short one.)
def _day_after(text: str, at: int) -> regex.Match | None:
    """The day written right after a month name that ends at `at` ("Sept. 22", "November 21st")."""
    if not text[at:at + 12].lstrip(". \t\u00a0")[:1].isdigit():  # past the dot and blanks, no digit
        return None
    return _DAY_AFTER.match(text, at, at + 12)


def _day_before(text: str, at: int) -> regex.Match | None:
    """The day written right before a month name that starts at `at` ("21 November", "21st of November")."""
    start = max(0, at - 12)
    if not _ASCII_DIGIT.search(text, start, at):
        return None
    return _DAY_BEFORE.search(text, start, at)


def _year_after(text: str, at: int) -> regex.Match | None:
    """The year written right after `at` ("November 21, 2024", "7 de marzo de 2022")."""
    window = text[at:at + 16]
    if "20" not in window and "19" not in window:
        return None
    return _YEAR_AFTER.match(text, at, at + 16)


# The ordinal right before "day of the war": "346th", "1,000th", "346-й", "346-го", "346e", "346ème", "346.", "346°".
_ORDINAL_BEFORE = regex.compile(r"(?<![0-9.,])([0-9]{1,2}[,.\u00a0\u202f ]?[0-9]{3}|[0-9]{1,3})"
                                r"(?:st|nd|rd|th|e|ème|er|-?\p{Cyrillic}{1,3}|\.|°|º|ª)?[ \t\u00a0]+$")


def _war_day(text: str, start: int, end: int) -> DateMention | None:
    """"the 346th day of the war", "На 114-й день війни": the war's day N, counting 24 February 2022 as day 1."""
    ordinal = _ORDINAL_BEFORE.search(text, max(0, start - 14), start)
    if ordinal is None:
        return None
    day = INVASION + timedelta(days=int(regex.sub(r"[^0-9]", "", ordinal[1])) - 1)
    return DateMention(ordinal.start(), end, day.day, day.month, day.year, kind="war_day")


def _without_overlaps(mentions: list[DateMention]) -> list[DateMention]:
    """The mentions that overlap none kept before them, in text order."""
    kept: list[DateMention] = []
    starts: list[int] = []
    for mention in mentions:
        index = bisect_left(starts, mention.end)
        # The kept spans are disjoint: only the last one starting before this end can reach into it.
        if index and kept[index - 1].end > mention.start:
            continue
        kept.insert(index, mention)
        starts.insert(index, mention.start)
    return kept


def _attach_weekdays(found: list[DateMention], text: str) -> list[DateMention]:
    """"Tuesday, August 8": the weekday belongs to the date beside it, which fixes its year."""
    out: list[DateMention] = []
    for mention in found:
        if out and out[-1].kind == "weekday" and mention.kind == "date" and mention.range_start is None:
            gap = text[out[-1].end:mention.start]
            if len(gap) <= 3 and not gap.strip(" ,"):
                weekday = out.pop()
                mention = mention._replace(start=weekday.start, weekday=weekday.weekday)
        out.append(mention)
    return out


class YearContext(NamedTuple):
    """What a date without a year can lean on (a named tuple: one is made per text, and another with the epoch)."""

    published: Published | None
    first_year: bool          # the text dates the count "from 24.02" without a year: the first year of the war
    text_year: int | None     # the latest year the text names (other than the invasion's)
    epoch: date | None = None  # when the figures' magnitude says the report was made
    named_days: tuple[tuple[int, date], ...] = ()  # "в среду, 2 марта": weekdays the text itself dates

    def with_epoch(self, epoch: date | None) -> "YearContext":
        """This context once the figures have dated the report."""
        return YearContext(self.published, self.first_year, self.text_year, epoch, self.named_days)


def resolve(mention: DateMention, ctx: YearContext) -> date | None:
    """The calendar date of a mention, or None when it cannot be known.

    A year the mention lacks comes, in this order, from the count's first-year format ("from 24.02 to 27.09"),
    from the publication date, from the calendar where a weekday is named with the date, from the latest year
    the text names, and last from the magnitude of the figures (`ctx.epoch`).
    """
    if mention.kind == "month":
        return None
    if mention.kind == "weekday":
        return _weekday(mention, ctx)
    day, month = mention.day, mention.month
    if not day or not month or not 1 <= month <= 12:
        return None
    if mention.year:
        return _safe_date(mention.year, month, day)
    official_range = mention.range_start is not None and mention.range_start.is_invasion_start
    if (official_range or ctx.first_year) and ctx.published is None:
        # "from 24.02 to 27.09" with nothing else to go on: the official format of the war's first year. (With a
        # publication date, "from 24.02 to 15.03" published on 2025-03-16 is 2025-03-15.)
        for year in (2022, 2023):
            candidate = _safe_date(year, month, day)
            if candidate and INVASION <= candidate <= FIRST_YEAR_END:
                return candidate
    if ctx.published is not None:
        pub = ctx.published.day
        candidate = _safe_date(pub.year, month, day)
        # A date more than a month after publication belongs to the year before ("Dec. 30" read in January).
        if candidate and candidate > pub + _MONTH:
            candidate = _safe_date(pub.year - 1, month, day)
        return candidate
    if mention.weekday is not None:
        # "Tuesday, August 8": the weekday names the year among the war's years.
        years = [y for y in range(2022, 2031) if (d := _safe_date(y, month, day)) and d.weekday() == mention.weekday]
        if ctx.text_year in years:
            return _safe_date(ctx.text_year, month, day)
        if ctx.epoch is not None and years:
            # Among the years whose calendar fits, the one the figures' magnitude points to.
            epoch_year = ctx.epoch.year
            nearest = min(years, key=lambda y: abs(y - epoch_year))
            if abs(nearest - epoch_year) <= 1:
                return _safe_date(nearest, month, day)
        if len(years) == 1:
            return _safe_date(years[0], month, day)
    if ctx.text_year:
        return _safe_date(ctx.text_year, month, day)
    if ctx.epoch is not None:
        return _year_of_epoch(month, day, ctx.epoch)
    return None


def _weekday(mention: DateMention, ctx: YearContext) -> date | None:
    """"on Thursday": the most recent Thursday on or before publication."""
    if mention.weekday is None:
        return None
    if ctx.published is None or not ctx.published.exact:
        # "на утро среды" after "в среду, 2 марта": the day the text has already dated, if only one.
        days = {day for weekday, day in ctx.named_days if weekday == mention.weekday}
        return days.pop() if len(days) == 1 else None
    # Days back to it (relativedelta(weekday=TH(-1)) says the same at ten times the cost, for every weekday named).
    back = (ctx.published.day.weekday() - mention.weekday) % 7
    return ctx.published.day - timedelta(days=back)


def _year_of_epoch(month: int, day: int, epoch: date) -> date | None:
    """"June 28" in a text whose personnel total dates it to mid-2025: the June 28 nearest that time, if near."""
    dates = [d for year in (epoch.year - 1, epoch.year, epoch.year + 1) if (d := _safe_date(year, month, day))]
    nearest = min(dates, key=lambda d: abs(d - epoch), default=None)
    return nearest if nearest is not None and abs(nearest - epoch) <= _EPOCH_REACH else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
