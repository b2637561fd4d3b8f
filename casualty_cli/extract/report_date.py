"""Which date is the report's: `as_of`, `since` and `previous_as_of`, each rule a named function.

dates.py finds the dates of a text; this module reads what each one dates, following the field notes of the
output contract:
- `as_of` is the date of the report that gives the totals, as the General Staff dates it: the end of its
  period "from 24.02.22 to 27.10.24", or the day a report was released, said or updated ("as of Oct. 6").
- A text that dates only the day of the losses ("over the past day, October 26", "on June 11 alone",
  "On Wednesday, 660 troops were killed") means the next morning's report: that day + 1.
- Dates of other events (the invasion's start, a claim's date, a record day, the previous report) never are.
- "Today", "this morning" and weekday names resolve against the publication date (dates.resolve).

Every dated mention gets a support from the rules below (the sentence gives the report's figures, names the
General Staff, is dated by a cue, ...); the best-supported one, if supported enough, dates the report.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from typing import Mapping, NamedTuple

from .dates import INVASION, DateMention, Published, YearContext, resolve
from .lexicon import Hits
from .text import Segment, Segments

_ONE_DAY = timedelta(days=1)
_ENOUGH = 2  # the support a date needs to date the report: one cue about it, or the report's figures beside it
# "2025 (as of June 4)", "in 2024 and 2025": a year the text names on its own, outside a date.
# (Its "20" first, the look-behind after it: the engine then leaps from one "20" to the next.)
_BARE_YEAR = re.compile(r"20(?<![0-9.,]20)[2-9][0-9](?![0-9])")
# Between a report verb and the date it dates: blanks and commas, or one short word ("said on", "am", "le").
_VERB_TO_DATE = re.compile(r"[\s,]*(?:\w{1,3}\s+)?", re.UNICODE)
_SIDE_GAP = re.compile(r"[\s,]*")
_DATELINE_REACH = 300  # characters from the top in which a dateline stands
_NOT_A_WORD = re.compile(r"[\W_]*")  # what may stand beside a dateline on its line: "()", "–", "|"
_RANGE_GAP = 12  # characters between the two dates of a range: ", 2022 and ", " по "


class ReportDates(NamedTuple):
    as_of: date | None
    since: date | None
    previous_as_of: date | None


class _Reading(NamedTuple):
    """One date mention that may be the report's: its day, its support, and where it stands."""

    day: date
    support: int
    mention: DateMention
    sentence: Segment
    sentence_index: int
    reported: bool     # a report verb or the count's end right before it dates a report ("said Tuesday", "по 27.09")


# ---------------------------------------------------------------------------------------------------------------
# What a date without a year leans on


def year_context(text: str, dates: list[DateMention], published: Published | None) -> YearContext:
    """Publication, the first-year format, the text's latest year, and the weekdays the text itself dates."""
    first_year = False
    years = []
    with_weekday = []
    for d in dates:
        start = d.range_start if d.range_start is not None else d
        # "from 24.02 to 27.09": the count's first-year format, which names no year.
        first_year = first_year or (start.year is None and start.is_invasion_start)
        if d.year is not None and d.year >= 2022 and d.kind != "war_day" and not _names_invasion_time(d):
            years.append(d.year)  # a year the text writes (a day of the war's is worked out)
        if d.weekday is not None and d.kind == "date":
            with_weekday.append(d)
    if published is None:
        # A year written on its own ("in 2025") counts only where no publication date comes first
        # (dates.resolve): the text's years are then all it has to go on, and other texts are spared the scan.
        years += _years_on_their_own(text, dates)
    ctx = YearContext(published=published, first_year=first_year, text_year=max(years, default=None))
    if not with_weekday:
        return ctx
    # "в среду, 2 марта": weekdays the text itself dates, for a later "на утро среды".
    named = tuple((d.weekday, day) for d in with_weekday if (day := resolve(d, ctx)) is not None)
    return ctx._replace(named_days=named)


def _years_on_their_own(text: str, dates: list[DateMention]) -> list[int]:
    """"2025 (as of June 4)", "in 2024 and 2025": the years the text writes outside its dates."""
    starts = [d.start for d in dates]
    years = []
    for match in _BARE_YEAR.finditer(text):
        before = bisect_right(starts, match.start()) - 1  # the date that starts last before the year
        if before < 0 or dates[before].end <= match.start():
            years.append(int(match[0]))
    return years


def _names_invasion_time(mention: DateMention) -> bool:
    """"24 February 2022", "in February 2022": when the invasion began, which says nothing of the report's year."""
    return mention.is_invasion_start or (mention.kind == "month" and (mention.year, mention.month) == (2022, 2))


def counting_end(dates: list[DateMention], ctx: YearContext) -> date | None:
    """The end of a period counted from the invasion ("from 24.02 to 27.09"): the report's date when no
    publication date is known, for the magnitudes the figures may have."""
    for mention in dates:
        if mention.range_start is not None and mention.range_start.is_invasion_start:
            return resolve(mention, ctx)
    return None


# ---------------------------------------------------------------------------------------------------------------
# The report's dates


def report_dates(text: str, hits: Hits, segments: Segments, dates: list[DateMention], ctx: YearContext,
                 chosen: Mapping[str, Mapping], claim_sentences: set[int]) -> ReportDates:
    """as_of, since and previous_as_of of a report whose figures `chosen` are (role -> category -> candidate)."""
    totals_sentences = {c.sentence for c in chosen["totals"].values()}
    daily_sentences = {c.sentence for c in chosen["daily"].values()}
    if ctx.published is None and (dateline := _dateline(text, segments, dates, ctx)) is not None:
        ctx = ctx._replace(published=Published(dateline))
    latest = ctx.published.latest + _ONE_DAY if ctx.published is not None else None
    readings: list[_Reading] = []
    previous_report_day = None
    for index, mention in enumerate(dates):
        sentence, sentence_index = _sentence_of(segments, mention)
        if (mention.kind == "month" or sentence_index in claim_sentences
                or _names_invasion_start(hits, mention, sentence.start)):
            continue
        day = resolve(mention, ctx)
        if day is None or day < INVASION or (latest is not None and day > latest):
            continue
        if _dates_previous_report(hits, mention, sentence.start):
            previous_report_day = previous_report_day or day
            continue
        if _about_something_else(hits, sentence) and sentence_index not in totals_sentences:
            continue
        ends_count = _ends_invasion_range(text, hits, dates, index)
        said_on = _report_verb_before(text, hits, mention, sentence.start)
        support = _support(hits, mention, ends_count, said_on, sentence, sentence_index, totals_sentences,
                           daily_sentences)
        # The end of the count "from 24.02 to 27.09" is the report's date by the General Staff's own convention.
        readings.append(_Reading(day, support, mention, sentence, sentence_index, ends_count or said_on))

    as_of = None
    best = _best_supported(readings)
    if best is not None:
        same_day = [r for r in readings if r.day == best.day]
        as_of = best.day + _ONE_DAY if _only_the_loss_day(text, hits, same_day, daily_sentences) else best.day
    if as_of is None:
        as_of = _published_today(hits, segments, ctx.published, totals_sentences | daily_sentences)
    has_figures = bool(chosen["totals"] or chosen["previous"])
    since = INVASION if has_figures and any(_counts_from_invasion(m) for m in dates) else None
    previous_as_of = None
    if chosen["previous"]:
        previous_as_of = previous_report_day or (as_of - _ONE_DAY if as_of and hits.all("previous_day") else None)
    return ReportDates(as_of, since, previous_as_of)


def _sentence_of(segments: Segments, mention: DateMention) -> tuple[Segment, int]:
    """The sentence of a date, and its index. A date that a full stop cuts in two ("26. Oktober", "3. März": the
    sentence splitter takes the ordinal's dot for a full stop) takes both halves, and the index of the second,
    where the sentence goes on."""
    first = segments.sentence_index(mention.start)
    last = segments.sentence_index(mention.end - 1)
    if first == last:
        return segments.sentences[first], first
    return Segment(segments.sentences[first].start, segments.sentences[last].end), last


def _dateline(text: str, segments: Segments, dates: list[DateMention], ctx: YearContext) -> date | None:
    """"Dec. 23 () –", "December 23, 2022" on a line of its own at the top: the day the article is dated, which
    stands in for an unknown publication date ("this Monday" is then the Monday on or before it)."""
    for mention in dates:
        if mention.start > _DATELINE_REACH:
            break
        if mention.kind != "date" or mention.range_start is not None:
            continue
        sentence = segments.sentences[segments.sentence_index(mention.start)]
        if _NOT_A_WORD.fullmatch(text, sentence.start, mention.start) and _NOT_A_WORD.fullmatch(
                text, mention.end, sentence.end):
            return resolve(mention, ctx)
    return None


def _best_supported(readings: list[_Reading]) -> _Reading | None:
    """The best-supported date, if supported enough (the first of equals)."""
    best = None
    for reading in readings:
        if reading.support >= _ENOUGH and (best is None or reading.support > best.support):
            best = reading
    return best


def _only_the_loss_day(text: str, hits: Hits, same_day: list[_Reading], daily_sentences: set[int]) -> bool:
    """Whether the text gives the chosen day only as the day of the losses (the report is then the next
    morning's): some mention of it says so, and none dates a report."""
    if any(r.reported or _dated_by_cue(hits, r.mention, r.sentence.start) for r in same_day):
        return False
    return any(_loss_day_cue_beside(text, hits, r.mention, r.sentence)
               or _losses_told_on_the_day(hits, r.mention, r.sentence, r.sentence_index, daily_sentences)
               for r in same_day)


def _published_today(hits: Hits, segments: Segments, published: Published | None,
                     figure_sentences: set[int]) -> date | None:
    """"according to Kiev, Russia has lost 358,270 men to date", "over the past day, 970 soldiers": with no date
    about them, the report's figures counted to the day of publication."""
    if published is None or not published.exact:
        return None
    for index in sorted(figure_sentences):
        sentence = segments.sentences[index]
        if hits.has("today", sentence.start, sentence.end) or hits.has("past_day", sentence.start, sentence.end):
            return published.day
    return None


def _counts_from_invasion(mention: DateMention) -> bool:
    return mention.is_invasion_start or (mention.range_start is not None and mention.range_start.is_invasion_start)


# ---------------------------------------------------------------------------------------------------------------
# Dates that never are the report's


def _names_invasion_start(hits: Hits, mention: DateMention, floor: int) -> bool:
    """"since Feb. 24", "24 лютого 2022": where the count starts. "reported on Feb. 24" (with no year: of a later
    year, an anniversary) dates a report."""
    return mention.is_invasion_start and (mention.year is not None or not _dated_by_cue(hits, mention, floor))


def _dates_previous_report(hits: Hits, mention: DateMention, floor: int) -> bool:
    """"In its previous report released Wednesday": a date after a previous cue dates that report."""
    return hits.has("previous", floor, mention.start)


def _about_something_else(hits: Hits, sentence) -> bool:
    """A sentence about a record day, an average, mobilisation, ... (the distractor cues), or about one sector of
    the front ("on the Tavria axis"), dates no report, unless it gives the report's totals."""
    return hits.has("distractor", sentence.start, sentence.end) or hits.has("sector", sentence.start, sentence.end)


# ---------------------------------------------------------------------------------------------------------------
# How strongly a date is the report's


def _support(hits: Hits, mention: DateMention, ends_count: bool, said_on: bool, sentence, sentence_index: int,
             totals_sentences: set[int], daily_sentences: set[int]) -> int:
    """How strongly the mention is the report's date: the cues about it and the figures beside it, summed."""
    has = hits.has
    support = 0
    if ends_count:
        support += 10
    if sentence_index in totals_sentences:
        support += 3
    elif sentence_index in daily_sentences:
        support += 2
    if has("general_staff", sentence.start, sentence.end):
        support += 2
    if has("as_of", max(sentence.start, mention.start - 30), mention.start) \
            or has("report_verb", sentence.start, sentence.end):
        support += 2
    if said_on and has("loss", sentence.start, sentence.end):
        support += 1  # "Kyiv claimed on Tuesday that 1,060 were killed": the day of a statement about losses
    if mention.kind == "weekday":
        support -= 1  # "on Monday Putin said": a weekday alone dates many things
    if _after_loss_word(hits, mention, sentence.start):
        support -= 2  # "destroyed ... on Saturday, October 1": the day of the losses, not of the report
    return support


def _ends_invasion_range(text: str, hits: Hits, dates: list[DateMention], index: int) -> bool:
    """"from 24.02.22 to 06.10.22", "between February 24, 2022 and September 26, 2023"."""
    mention = dates[index]
    if mention.range_start is not None:
        return mention.range_start.is_invasion_start
    if index == 0 or not dates[index - 1].is_invasion_start:
        return False
    start = dates[index - 1].end
    if mention.start - start > _RANGE_GAP:  # "began on February 24 ... and on Wednesday": two dates, no range
        return False
    gap = text[start:mention.start].strip(" ,")
    return gap in {"-", "–", "—"} or bool(hits.find("range_end", start, mention.start))


def _dated_by_cue(hits: Hits, mention: DateMention, floor: int) -> bool:
    """"as of Oct. 6", "станом на 6 жовтня": an as_of cue right before the date (a bare "le", "on" is too common)."""
    return any(mention.start - h.end <= 2 and h.end - h.start > 2
               for h in hits.find("as_of", max(floor, mention.start - 40), mention.start))


def _report_verb_before(text: str, hits: Hits, mention: DateMention, floor: int) -> bool:
    """"reported on Sept. 22", "claimed Tuesday", "erklärten am Dienstag": the day of a statement."""
    for verb in hits.find("report_verb", max(floor, mention.start - 40), mention.start):
        if _VERB_TO_DATE.fullmatch(text, verb.end, mention.start):
            return True
    return False


# ---------------------------------------------------------------------------------------------------------------
# The day of the losses (the report is the next morning's)


def _loss_day_cue_beside(text: str, hits: Hits, mention: DateMention, sentence) -> bool:
    """"over the past 24 hours, December 24", "за добу 17 січня", "on June 11 alone": the date of the day's
    losses, named right beside it."""
    for section in ("past_day", "loss_day"):
        before = hits.ending_near(section, mention.start, slack=3, floor=sentence.start)
        if before is not None and _SIDE_GAP.fullmatch(text, before.end, mention.start):
            return True
        if any(_SIDE_GAP.fullmatch(text, mention.end, h.start)
               for h in hits.find(section, mention.end, min(sentence.end, mention.end + 30))):
            return True
    return False


def _after_loss_word(hits: Hits, mention: DateMention, floor: int) -> bool:
    """"Russia lost 1,600 soldiers on Saturday, October 1": a loss word shortly before the date (unless an as_of
    cue dates it: "втрати ворога за 27 липня")."""
    return hits.has("loss", max(floor, mention.start - 50), mention.start) and not _dated_by_cue(hits, mention,
                                                                                                    floor)


def _losses_told_on_the_day(hits: Hits, mention: DateMention, sentence, sentence_index: int,
                            daily_sentences: set[int]) -> bool:
    """"On Wednesday, 660 Russian troops were killed", "1 сентября Силы обороны уничтожили еще 570": the day's
    figures told as events of that day (the forces that destroyed them may be named), with no word of a report."""
    return (sentence_index in daily_sentences
            and hits.has("loss", mention.end, sentence.end)
            and not hits.has("report_verb", sentence.start, sentence.end))
