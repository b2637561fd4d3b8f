"""The pure core: parse_text(text, published, language) -> Report. Imports no click, rich or I/O.

bytes -> text happens before this; here text -> numbers, categories and dates -> candidates -> the
one decision (resolve.py) -> Report with evidence and checks.
"""
from __future__ import annotations

import re
from datetime import date
from operator import itemgetter

from ..model import GENERAL_STAFF, Report, Span
from . import candidates as cands
from . import resolve
from .context import drop_context, ukraine_loss_sentences
from .checks import cross_checks
from .claims import claim_date, find_claims
from .dates import Published, find_dates, parse_iso_date, resolve as resolve_date
from .directions import find_directions
from .language import detect
from .lexicon import available_languages, load, split_words
from .numbers import find_numbers, glued_units
from .report_date import counting_end, report_dates, year_context
from .text import Segments

__all__ = ["parse_text", "parse_iso_date", "available_languages", "MAX_TEXT"]

_DIGIT = re.compile(r"\d")
_START = itemgetter(1)  # Number.start, read by position (by name it is a generic attribute look-up)
MAX_TEXT = 2_000_000  # characters; longer texts are cut (no article is that long)


def parse_text(text: str, *, published: date | str | None = None, language: str | None = None,
               any_total: bool = False) -> Report:
    """Extract the report's figures, dates, directions and claims from `text`.

    `published` (a date or ISO string, "YYYY-MM" allowed) resolves weekday names and years;
    `language` (ISO 639-1) overrides detection. `any_total` keeps totals no report of their time could hold
    (a digit dropped or doubled): `casualty check` explains them, the record of `parse` leaves them out.
    """
    text = (text or "")[:MAX_TEXT]
    pub = Published.from_value(published)
    split = split_words(text)  # once, for detection and the phrase scan
    code = language if language in available_languages() else detect(text, split=split)
    lex = load(code)
    report = Report(published=pub.day if pub else None, language=code)
    if not text.strip():
        return report
    segments = Segments(text, lex.abbreviations, lex.months)
    hits = lex.scan(text, split)
    dates = find_dates(text, hits)
    ctx = year_context(text, dates, pub)
    masked = [(d.start, d.end) for d in dates if d.kind != "weekday"]
    # "in den vergangenen 24 Stunden": a number inside a cue is one of its words, not a figure.
    masked += [(h.start, h.end) for name in ("daily", "previous") for h in hits.all(name) if _DIGIT.search(text, h.start, h.end)]
    numbers = find_numbers(text, hits, masked, glued_units(split, lex.scan))
    mentions = cands.find_mentions(hits, text)
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
    ukraine_sentences = ukraine_loss_sentences(text, hits, segments)
    found = cands.build(text, hits, segments, all_numbers, mentions, indefinite_starts)
    found = drop_context(hits, segments, found, claim_sentences | ukraine_sentences, dates, code)
    found = resolve.assign_cues(hits, segments, found)
    epoch = resolve.estimate_epoch(pub.day if pub else counting_end(dates, ctx), found)
    found = resolve.apply_priors(found, epoch, any_total)
    chosen = resolve.choose(found)

    evidence = report.evidence
    for role, figures in (("totals", report.totals), ("daily", report.daily), ("previous", report.previous)):
        for category, candidate in chosen[role].items():
            start, end = candidate.start, candidate.end
            figures[category] = candidate.value
            evidence[f"{role}.{category}"] = Span(start, end, text[start:end])
    report.claims = claims
    report.directions = find_directions(text, hits, segments)
    report.checks = cross_checks(report.totals, report.daily, report.previous)
    if report.totals or report.daily:
        report.reporter = lex.reporter or GENERAL_STAFF
    report.as_of, report.since, report.previous_as_of = report_dates(
        text, hits, segments, dates, ctx.with_epoch(epoch), chosen, claim_sentences)
    return report

