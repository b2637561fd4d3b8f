"""The pure core: parse_text(text, published, language) -> Report. Imports no click, rich or I/O.

bytes -> text happens before this; here text -> numbers, categories and dates -> candidates -> the
one decision (resolve.py) -> Report with evidence and checks.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from operator import itemgetter

from ..model import GENERAL_STAFF, Report, Span
from . import candidates as cands
from . import resolve
from .context import drop_context
from .checks import cross_checks
from .claims import claim_date, find_claims
from .dates import INVASION, DateMention, Published, YearContext, find_dates, parse_iso_date, resolve as resolve_date
from .directions import find_directions
from .language import detect
from .lexicon import Hits, available_languages, load, split_words
from .numbers import find_numbers
from .text import Segments

__all__ = ["parse_text", "parse_iso_date", "available_languages", "MAX_TEXT"]

_DIGIT = re.compile(r"\d")
_START = itemgetter(1)  # Number.start, read by position (by name it is a generic attribute look-up)
_ONE_DAY = timedelta(days=1)
MAX_TEXT = 2_000_000  # characters; longer texts are cut (no article is that long)
_new_span = tuple.__new__  # _new_span(Span, (start, end, text)) is Span(start, end, text) without its Python frame


def parse_text(text: str, *, published: date | str | None = None, language: str | None = None) -> Report:
    """Extract the report's figures, dates, directions and claims from `text`.

    `published` (a date or ISO string, "YYYY-MM" allowed) resolves weekday names and years;
    `language` (ISO 639-1) overrides detection.
    """
    text = (text or "")[:MAX_TEXT]
    pub = Published.from_value(published)
    split = split_words(text)  # once, for detection and the phrase scan
    code = language if language in available_languages() else detect(text, split=split)
    lex = load(code)
    report = Report(published=pub.day if pub else None, language=code)
    if not text.strip():
        return report
    segments = Segments(text, lex.abbreviations)
    hits = lex.scan(text, split)
    dates = find_dates(text, hits)
    ctx = _year_context(dates, pub)
    masked = [(d.start, d.end) for d in dates if d.kind != "weekday"]
    # "in den vergangenen 24 Stunden": a number inside a cue is one of its words, not a figure.
    masked += [(h.s, h.e) for name in ("daily", "previous") for h in hits.all(name) if _DIGIT.search(text, h.s, h.e)]
    numbers = find_numbers(text, hits, masked)
    mentions = cands.find_mentions(hits)
    indefinite = cands.indefinite_numbers(text, hits, mentions)
    all_numbers = numbers  # in order of their start already
    indefinite_starts = set()
    if indefinite:
        # "a dozen" is a number word, not the article "a" before a noun.
        indefinite_starts = {n.start for n in indefinite}
        starts = {n.start for n in numbers}
        all_numbers = sorted(numbers + [n for n in indefinite if n.start not in starts], key=_START)

    claims, claim_sentences = find_claims(text, lex, hits, segments, numbers,
                                          claim_date(dates, lambda m: resolve_date(m, ctx)))
    ukraine_sentences = {segments.sentence_index(h.s) for h in hits.all("ukraine_side")}
    found = cands.build(text, hits, segments, all_numbers, mentions, indefinite_starts)
    found = drop_context(hits, segments, found, claim_sentences | ukraine_sentences, dates, code)
    found = resolve.assign_cues(hits, segments, found)
    epoch = resolve.estimate_epoch(pub.day if pub else _range_end(dates, ctx), found)
    found = resolve.apply_priors(found, epoch)
    chosen = resolve.choose(found)

    evidence = report.evidence
    for role, figures in (("totals", report.totals), ("daily", report.daily), ("previous", report.previous)):
        for category, candidate in chosen[role].items():
            start, end = candidate.start, candidate.end
            figures[category] = candidate.value
            evidence[f"{role}.{category}"] = _new_span(Span, (start, end, text[start:end]))
    report.claims = claims
    report.directions = find_directions(text, hits, segments)
    report.checks = cross_checks(report.totals, report.daily, report.previous)
    if report.totals or report.daily:
        report.reporter = lex.reporter or GENERAL_STAFF
    _set_dates(report, text, hits, segments, dates, ctx.with_epoch(epoch), chosen, claim_sentences)
    return report


def _year_context(dates: list[DateMention], pub: Published | None) -> YearContext:
    """What dates without a year lean on: publication, the first-year format, or the text's latest year."""
    first_year, text_year, with_weekday = False, None, []
    for d in dates:
        if d.year is None:
            first_year = first_year or d.is_invasion_start
        elif 2022 <= d.year <= 2100 and not d.is_invasion_start and (text_year is None or d.year > text_year):
            text_year = d.year
        if d.range_start is not None and d.range_start.year is None and d.range_start.is_invasion_start:
            first_year = True
        if d.kind == "date" and d.weekday is not None:
            with_weekday.append(d)
    ctx = YearContext(published=pub, first_year=first_year, text_year=text_year)
    if not with_weekday:
        return ctx
    # "в среду, 2 марта": weekdays the text itself dates, for a later "на утро среды".
    named = tuple((d.weekday, day) for d in with_weekday if (day := resolve_date(d, ctx)) is not None)
    return YearContext(published=pub, first_year=first_year, text_year=text_year, named_days=named)


def _range_end(dates: list[DateMention], ctx: YearContext) -> date | None:
    for mention in dates:
        if mention.range_start is not None and mention.range_start.is_invasion_start:
            return resolve_date(mention, ctx)
    return None


def _set_dates(report: Report, text: str, hits: Hits, segments: Segments, dates: list[DateMention],
               ctx: YearContext, chosen, claim_sentences: set[int]) -> None:
    """as_of: the best-supported date of the report; since and previous_as_of beside it."""
    totals_sentences = {c.sentence for c in chosen["totals"].values()}
    daily_sentences = {c.sentence for c in chosen["daily"].values()}
    has = hits.has
    latest = ctx.published.latest + _ONE_DAY if ctx.published is not None else None
    best, best_score = None, 1
    previous_date = None
    for index, mention in enumerate(dates):
        if mention.kind == "month":
            continue
        start = mention.start
        sentence_index = segments.sentence_index(start)
        if sentence_index in claim_sentences:
            continue
        sentence_start, sentence_end = segments.sentences[sentence_index]
        # "since Feb. 24" is where the count starts; "reported on Feb. 24" (of a later year) dates a report.
        if mention.is_invasion_start and (mention.year is not None
                                          or not _dated_by_cue(hits, mention, sentence_start)):
            continue
        resolved = resolve_date(mention, ctx)
        if resolved is None or resolved < INVASION or (latest is not None and resolved > latest):
            continue
        if has("previous", sentence_start, start):
            # "In its previous report released Wednesday": a date after a previous cue dates that report.
            previous_date = previous_date or resolved
            continue
        if has("distractor", sentence_start, sentence_end) and sentence_index not in totals_sentences:
            continue
        score = 0
        if _ends_invasion_range(text, hits, dates, index):
            score += 10
        if sentence_index in totals_sentences:
            score += 3
        elif sentence_index in daily_sentences:
            score += 2
        if has("general_staff", sentence_start, sentence_end):
            score += 2
        if has("as_of", max(sentence_start, start - 30), start) \
                or has("report_verb", sentence_start, sentence_end):
            score += 2
        if mention.kind == "weekday":
            score -= 1
        # A date right after an as_of cue ("втрати ворога за 27 липня") dates the report even after a loss word.
        if has("loss", max(sentence_start, start - 50), start) \
                and not _dated_by_cue(hits, mention, sentence_start):
            score -= 2  # "destroyed ... on Saturday, October 1": the day of the losses, not of the report
        if score > best_score:
            best, best_score = resolved, score
    if best is None and ctx.published is not None and ctx.published.exact:
        # "according to Kiev, Russia has lost 358,270 men to date": the day of publication.
        for figure_sentences in (totals_sentences, daily_sentences):
            for index in figure_sentences:
                if has("today", segments.sentences[index].start, segments.sentences[index].end):
                    best = ctx.published.day
    report.as_of = best
    if (report.totals or report.previous) and any(
            m.is_invasion_start or (m.range_start is not None and m.range_start.is_invasion_start) for m in dates):
        report.since = INVASION
    if report.previous:
        previous_day = hits.all("previous_day")
        report.previous_as_of = previous_date or (best - _ONE_DAY if best and previous_day else None)


def _dated_by_cue(hits: Hits, mention: DateMention, floor: int) -> bool:
    """"as of Oct. 6", "станом на 6 жовтня": an as_of cue right before the date (a bare "le", "on" is too common)."""
    return any(mention.start - h.e <= 2 and h.e - h.s > 2
               for h in hits.find("as_of", max(floor, mention.start - 40), mention.start))


def _ends_invasion_range(text: str, hits: Hits, dates: list[DateMention], index: int) -> bool:
    """"from 24.02.22 to 06.10.22", "between February 24, 2022 and September 26, 2023"."""
    mention = dates[index]
    if mention.range_start is not None:
        return mention.range_start.is_invasion_start
    if index == 0 or not dates[index - 1].is_invasion_start:
        return False
    gap = text[dates[index - 1].end:mention.start].strip(" ,")
    return gap in {"-", "–", "—"} or bool(hits.find("range_end", dates[index - 1].end, mention.start))
