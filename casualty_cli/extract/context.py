"""What a figure speaks for: the nationwide report, or something that only looks like it.

The General Staff's report counts the losses on the whole front, since the invasion and over the past day. News
texts set beside it figures written the same way that count something else: one sector's, brigade's or
operational group's losses ("the Tavria group destroyed 12 tanks", "на Покровському напрямку ... 200 окупантів"),
the sum of a week, a month or a year ("in November Russia lost 45,000 troops", "за тиждень з 27 листопада по
3 грудня"), a daily average, a record day, the dead of another war, troops mobilised. drop_context removes those
candidates before roles are given, and keeps the report's own figures that may stand in the same sentence.

The words live in the lexicons' [cues]: `sector`, `unit` (a brigade), `local` (beside a front-line place:
"near"), `period`, `since` (before a date that starts a period), `during` (beside a month or year that is a
period), `other_war`, `distractor`, `nationwide` (the General Staff itself, "the entire front"), `general_staff`
and `loss`.
"""
from __future__ import annotations

import re

from .candidates import Candidate
from .dates import DateMention
from .lexicon import Hits
from .text import Segments


def drop_context(hits: Hits, segments: Segments, candidates: list[Candidate], claim_sentences: set[int],
                 dates: list[DateMention] = ()) -> list[Candidate]:
    """The candidates that may be the report's figures: those of claims, of a sector or a place, of a period or
    another war, of sentences about records, averages or other things, and of sentences that are not about
    losses, are dropped."""
    text = segments.text
    # Periods and other wars speak for the figures of their own clause: "710,660 ..., including 41,000 for October".
    others = _period_spans(hits, text, dates) + [(h.s, h.e) for h in hits.all("other_war")]
    others.sort()
    sector_paragraphs, period_paragraphs = _context_paragraphs(hits, segments, others)
    intros = None  # found when first needed: a list's own figures need none
    has = hits.has
    any_distractor = bool(hits.all("distractor"))  # most texts have none: no look for one then
    # The figures of a sentence share its words and come one after another: what their scope says is worked out
    # once, each part when a figure first needs it (None: not looked for yet).
    scope, staff, nationwide, elsewhere, distractor, loss = None, None, None, None, None, None
    kept, indefinite = [], False
    for c in candidates:
        if c.sentence in claim_sentences or _model_designation(text, c.start):
            continue
        # The lines of a list speak for what the paragraphs before them are about: a sector ("the Tavria group
        # destroyed:") or a period ("over the week, 27 November to 3 December: ..."); a sentence speaks for itself.
        in_context = c.paragraph in sector_paragraphs
        if not in_context and c.paragraph in period_paragraphs:
            if intros is None:
                intros = _list_intros(segments)
            in_context = c.structured or c.paragraph in intros
        # A list line's figure needs no word around it, unless it stands in a sector's or a period's paragraph.
        if not c.structured or in_context:
            if c.scope != scope:
                scope, staff, nationwide, elsewhere, distractor, loss = c.scope, None, None, None, None, None
            start, end = scope
            if nationwide is None:
                nationwide = has("nationwide", start, end)
            if elsewhere is None:
                # A sentence about one sector or unit speaks for no more, whoever reports it; one about a front-line place
                # does unless the General Staff or the whole front is its subject. The sentence that says where
                # the greatest losses were is the report's own.
                elsewhere = (has("sector", start, end) or has("unit", start, end)
                             or (not nationwide and _local_place(hits, start, end))) \
                    and not has("direction_cue", start, end)
            if elsewhere:
                continue
            # Items of a list speak in the words of the line that introduces them ("... lost:").
            if intros is None:
                intros = _list_intros(segments)
            intro = intros.get(c.paragraph)
            # Inside a sector's or a period's paragraphs only the General Staff itself, or the whole front, brings
            # the figures back to the report.
            if in_context and not (nationwide or (intro is not None
                                                                          and has("nationwide", *intro))):
                continue
            if not c.structured:
                if others and _in_clause_of(hits, c, others, start, end):
                    continue
                if distractor is None:
                    distractor = any_distractor and has("distractor", start, end)
                # "The record loss brings the total to 138,880": an explicit total survives a sentence's distractors.
                if distractor and not has("total_after", start, c.start):
                    continue
                if staff is None:
                    staff = has("general_staff", start, end)
                speaks_for_all = staff or (intro is not None and has("general_staff", *intro))
                if not speaks_for_all and loss is None:
                    loss = has("loss", start, end)
                if not (speaks_for_all or loss or (intro is not None and has("loss", *intro))
                        or _continues_loss_sentence(hits, segments, c)):
                    continue
        kept.append(c)
        indefinite = indefinite or c.indefinite
    if not indefinite:
        return kept
    # "a helicopter" is one only in a list of figures.
    with_numbers = {c.sentence for c in kept if not c.indefinite}
    return [c for c in kept if not c.indefinite or c.sentence in with_numbers]


# Words that end the reach of a period over the figures beyond them: "..., including 41,000 for October".
_CLAUSE_BREAKS = ("inclusion", "daily", "total", "total_after", "previous")
_ROLE_CUES = ("daily", "total", "total_after")


def _in_clause_of(hits: Hits, c: Candidate, spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a period (or another war) in [start, end) speaks for the candidate: no cue of the report stands
    between them, and no cue of the report's day or total is nearer to the candidate."""
    for s, e in spans:
        if e <= start or s >= end:
            continue
        if e <= c.start:
            low, high = e, c.start
        elif s >= c.end:
            low, high = c.end, s
        else:
            return True  # "за жовтень": the figure is inside the period's words
        if any(hits.has(name, low, high) for name in _CLAUSE_BREAKS):
            continue
        gap = high - low
        near_low, near_high = max(start, c.start - gap), min(end, c.end + gap)
        if any(hits.has(name, near_low, c.start) or hits.has(name, c.end, near_high) for name in _ROLE_CUES):
            continue
        return True
    return False


# "T-62", "Su-25", "Ka-52", "Т-72": a number joined by a hyphen to the letters before it names a model.
_MODEL_PREFIX = re.compile(r"[^\W\d_]{1,6}[\-‑]$")


def _model_designation(text: str, start: int) -> bool:
    return start > 1 and text[start - 1] in "-‑" and bool(_MODEL_PREFIX.search(text, max(0, start - 7), start))


# Characters between a local word and the place it speaks of: "near Bakhmut", "Pokrovsk front", "на Покровському
# напрямку", "в районе Бахмута" (one word may stand between: "on the Pokrovsk front", "near the town of Bakhmut").
_LOCAL_GAP = 25


def _local_place(hits: Hits, start: int, end: int) -> bool:
    """A front-line place named with a local word beside it: the sentence is about that place."""
    for place in hits.find("place", start, end):
        if hits.find("local", max(start, place.s - _LOCAL_GAP), place.s) \
                or hits.find("local", place.e, min(end, place.e + _LOCAL_GAP)):
            return True
    return False


def _period_spans(hits: Hits, text: str, dates: list[DateMention]) -> list[tuple[int, int]]:
    """Where the text names a period other than the war itself: the period words ("over the week", "this
    month"), a month without a day ("in November", "за жовтень"), a date that starts a count ("since 10 October",
    "10 Ekim'den bu yana") and a range of dates ("з 27 листопада по 3 грудня")."""
    spans = [(h.s, h.e) for h in hits.all("period")]
    dated = [(d.start, d.end) for d in dates if d.kind != "month"]
    for month in hits.all("month"):
        # "in December", "за октябрь", "Kasım ayında" (the word beside it tells the month from "may"); the
        # invasion's February starts the war's count.
        if month.value != 2 and not _overlaps(dated, month.s, month.e) and (
                hits.ending_near("during", month.s, slack=1)
                or any(h.s - month.e <= 1 for h in hits.find("during", month.e, month.e + 12))):
            spans.append((month.s, month.e))
    if "20" in text:
        spans += _years(hits, text, dated + [(d.start, d.end) for d in dates if d.kind == "month"])
    previous = None
    for d in dates:
        if d.kind == "weekday":
            continue
        if _starts_war(d):
            previous = d
            continue
        # The period's words are part of it: "since" before the date, "bu yana" after it.
        before = hits.ending_near("since", d.start, slack=5)
        after = [h for h in hits.find("since", d.end, d.end + 20) if h.s - d.end <= 6]
        if d.range_start is not None or before or after:
            spans.append((before.s if before else d.start, after[0].e if after else d.end))
        elif (days := _days_before(hits, text, d.start)) is not None:
            spans.append((days, d.end))
        elif previous is not None and d.start - previous.end <= 8 and hits.find("range_end", previous.end, d.start) \
                and not _starts_war(previous):
            spans.append((previous.start, d.end))
        previous = d
    spans.sort()
    return spans


# A year of the war after its first: "in 2024", "за 2023 рік", "2025 yılında"; "2023: 253,290 troops" at a line's
# start. (2022 is where the war's own count starts: "the war that began in 2022".)
_YEAR = re.compile(r"(?<![0-9.,])20(?:2[3-9]|3[0-9])(?![0-9])")
_YEAR_LABEL = re.compile(r"[ \t\u00a0]*(?:\([^()\n]{0,30}\)[ \t\u00a0]*)?:")


def _years(hits: Hits, text: str, dated: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of years that name a year's sum."""
    spans = []
    for m in _YEAR.finditer(text):
        start, end = m.span()
        if _overlaps(dated, start, end):
            continue
        label = (start == 0 or text[start - 1] == "\n") and _YEAR_LABEL.match(text, end)
        if label or hits.ending_near("during", start, slack=1) or hits.ending_near("since", start, slack=1) \
                or any(h.s - end <= 1 for h in hits.find("during", end, end + 12)):
            spans.append((start, end))
    return spans


# "3-9 листопада", "3.–9. November": the first day of a range whose month is written once.
_DAY_DASH = re.compile(r"(?<![0-9.])[0-9]{1,2}\.?[ \t\u00a0]*[-–—][ \t\u00a0]*$")
_DAY = re.compile(r"(?<![0-9.])[0-9]{1,2}\.?[ \t\u00a0]+$")


def _days_before(hits: Hits, text: str, start: int) -> int | None:
    """Where a range of days ends by the date at `start` ("з 3 по 9 листопада", "du 3 au 9 novembre", "3-9
    Kasım"): the offset of its first day, else None."""
    dash = _DAY_DASH.search(text, max(0, start - 8), start)
    if dash:
        return dash.start()
    joint = hits.ending_near("range_end", start, slack=2)
    if joint is None:
        return None
    day = _DAY.search(text, max(0, joint.s - 6), joint.s)
    return day.start() if day else None


def _starts_war(d: DateMention) -> bool:
    """24 February 2022 (or February 2022), or a range from it: the war's own count."""
    if d.range_start is not None:
        return d.range_start.is_invasion_start
    return d.month == 2 and d.year in (None, 2022) and d.day in (None, 24)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and e > start for s, e in spans)


def _context_paragraphs(hits: Hits, segments: Segments, periods: list[tuple[int, int]]) -> tuple[set[int], set[int]]:
    """Paragraphs that go on about one sector, and those that go on about one period: from where it is named
    until a paragraph that speaks for the whole report (the General Staff, the whole front, a total since the
    invasion; after a period, also the past day)."""
    sectors: set[int] = set()
    periods_after: set[int] = set()
    if not hits.all("sector") and not hits.all("place") and not periods:
        return sectors, periods_after
    has = hits.has
    kind = None  # "sector" or "period" inside a run, else None
    for index, (start, end) in enumerate(segments.paragraphs):
        if has("nationwide", start, end) or has("total", start, end):
            kind = None
        elif (has("sector", start, end) or _local_place(hits, start, end)) and not has("direction_cue", start, end):
            kind = "sector"
        elif _overlaps(periods, start, end) and not has("daily", start, end):
            kind = kind or "period"
        elif kind == "period" and has("daily", start, end):
            kind = None
        if kind == "sector":
            sectors.add(index)
        elif kind == "period":
            periods_after.add(index)
    return sectors, periods_after


_LIST_ITEM = re.compile(r"\s*(?:[\-–—•*·▪►]|\d+[.)](?!\d))\s*\S")


def _list_intros(segments: Segments) -> dict[int, tuple[int, int]]:
    """List items ("- 1092 танки,") and the line ending in ":" that introduces them: item -> intro span."""
    text = segments.text
    intros: dict[int, tuple[int, int]] = {}
    if ":" not in text:
        return intros  # no line can introduce a list
    intro = None
    for index, paragraph in enumerate(segments.paragraphs):
        if intro is not None and _LIST_ITEM.match(text, paragraph.start):
            intros[index] = intro
            continue
        intro = (paragraph.start, paragraph.end) if text[paragraph.start:paragraph.end].rstrip().endswith(":") else None
    return intros


def _continues_loss_sentence(hits: Hits, segments: Segments, c: Candidate) -> bool:
    """"... 288,630 invaders were eliminated. In the last 24 hours alone it was 860.": a sentence with a daily
    or total cue that follows a loss sentence of its paragraph goes on about the losses."""
    if c.sentence == 0:
        return False
    sentence, before = segments.sentences[c.sentence], segments.sentences[c.sentence - 1]
    if segments.paragraph_index(before.start) != c.paragraph:
        return False
    cued = hits.has("daily", sentence.start, sentence.end) or hits.has("total", sentence.start, sentence.end)
    return cued and hits.has("loss", before.start, before.end)
