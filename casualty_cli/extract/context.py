"""What a figure speaks for: the nationwide report, or something that only looks like it.

The General Staff's report counts the losses on the whole front, since the invasion and over the past day. News
texts set beside it figures written the same way that count something else: one sector's, brigade's or
operational group's losses ("the Tavria group destroyed 12 tanks", "на Покровському напрямку ... 200 окупантів"),
the sum of a week, a month or a year ("in November Russia lost 45,000 troops", "за тиждень з 27 листопада по
3 грудня"), a daily average, a record day, the dead of another war, troops mobilised. drop_context removes those
candidates before roles are given, and keeps the report's own figures that may stand in the same sentence.

The words live in the lexicons' [cues]: `sector`, `unit` (a brigade), `local` (beside a front-line place:
"near"), `period`, `since` (before a date that starts a period), `during` and `during_after` (beside a month or
year that is a period), `other_war`, `distractor`, `nationwide` (the General Staff itself, "the entire front"),
`general_staff` and `loss`. `local`, `since` and `during` are read beside places, dates, months and years only
(Beside), not by the text's scan: "in", "з" are in every sentence.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left

from .candidates import Candidate
from .dates import DateMention
from .lexicon import Hit, Hits, load, normalize
from .text import Segment, Segments


class Beside:
    """Phrases looked for right before or right after an offset, for words too common for the text's scan ("in",
    "з", "near"): they matter only beside a date, a month or a place, which are few. Each way is one regex,
    matched at the offset on the lower-cased words there (before it: reversed, so that the match starts there)."""

    def __init__(self, phrases: list[str]):
        forward = "|".join(sorted((_pattern(p) for p in phrases), key=len, reverse=True)) or "(?!)"
        backward = "|".join(sorted((_pattern(p, reverse=True) for p in phrases), key=len, reverse=True)) or "(?!)"
        end = r"(?![^\W_])"
        self._after = re.compile(rf"(?:['’][^\W_]+)?[ \t\u00a0\-]{{0,2}}(?:{forward}){end}")
        self._before = re.compile(rf"[{_GAP}]{{0,3}}(?:{backward}){end}")

    def before(self, text: str, at: int, skip_short: bool = False) -> bool:
        """A phrase ends right before `at` (blanks, a hyphen or a dot between); with skip_short, also one before a
        short word there ("seit dem 3. November", "depuis le 3 novembre")."""
        window = text[max(0, at - 40):at].lower()[::-1]
        if self._before.match(window):
            return True
        if skip_short:
            short = _SHORT_WORD.match(window)
            return short is not None and self._before.match(window, short.end()) is not None
        return False

    def after(self, text: str, at: int) -> int | None:
        """Where a phrase that starts right after `at` ends (a suffix after an apostrophe or a hyphen may come
        first: "Kasım'da", "Ekim'den bu yana"), else None."""
        found = self._after.match(text[at:at + 40].lower())
        return at + found.end() if found else None


_ASCII_DIGIT = re.compile(r"[0-9]")
# A short word (reversed) and the blanks before it: "dem " in "seit dem 3. November".
_SHORT_WORD = re.compile(r"[ \t\n\u00a0.,'’\-]{0,3}[^\W_]{1,3}\s+")
_GAP = r" \t\n\u00a0.,'’\-"


def _pattern(phrase: str, reverse: bool = False) -> str:
    """A phrase of the lexicon as a regex (words apart by blanks or hyphens, "word*" going on), maybe reversed."""
    words = normalize(phrase).split()
    if reverse:
        words = [word[::-1] for word in reversed(words)]
    parts = []
    for word in words:
        stem = word.strip("*")
        letters = re.escape(stem).replace("'", "['’ʼ]")
        going_on = word.endswith("*") if not reverse else word.startswith("*")
        parts.append((r"[^\W_]*" + letters if reverse else letters + r"[^\W_]*") if going_on else letters)
    return r"[\s\-]+".join(parts)


@functools.lru_cache(maxsize=None)
def _beside(code: str) -> tuple[Beside, Beside, Beside, Beside]:
    """The language's words read beside a place (local), a date (since), a month or year (during, during_after)."""
    cues = load(code).raw.get("cues", {})
    return tuple(Beside(cues.get(key, [])) for key in ("local", "since", "during", "during_after"))


class _once:
    """A property worked out at its first reading and then kept in the instance (functools.cached_property
    without the lock Python 3.11 takes for it)."""

    def __init__(self, function):
        self.function, self.name = function, function.__name__
        self.__doc__ = function.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.function(instance)
        return value


class _Scopes:
    """What the parts of one text speak for, each worked out when a figure first needs it: most texts need few."""

    def __init__(self, hits: Hits, segments: Segments, dates: list[DateMention], language: str):
        self.hits, self.segments, self.dates = hits, segments, dates
        self.local, self.since, self.during, self.during_after = _beside(language)

    @_once
    def periods(self) -> _Periods:
        return _Periods(self.hits, self.segments.text, self.dates, self.since, self.during, self.during_after)

    @_once
    def mark_starts(self) -> list[int]:
        """Where a period may be named: the words, months, dates and lines of a year the text has."""
        hits = self.hits
        starts = [h.start for name in ("period", "other_war", "month") for h in hits.all(name)]
        starts += [d.start for d in self.dates if d.kind != "weekday"]
        starts += _year_lines(self.segments.text)
        starts.sort()
        return starts

    def periods_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The periods and other wars named in [start, end) (a first look spares most sentences the reading)."""
        starts = self.mark_starts
        if bisect_left(starts, start - _REACH) == bisect_left(starts, end) \
                and not _YEAR.search(self.segments.text, start, end):
            return []
        return self.periods.within(start, end)

    def local_in(self, start: int, end: int) -> bool:
        """Whether [start, end) names a front-line place with a local word: "near Bakhmut", "на Покровському
        напрямку"."""
        text, local = self.segments.text, self.local
        return any(_is_local(text, place, local) for place in self.hits.find("place", start, end))

    def sector_paragraphs(self, figures: set[int]) -> set[int]:
        """The paragraphs about one sector. A place starts one from the headline when it has no figures of its
        own ("Fierce fighting near Bakhmut"): the story is about that place until the General Staff speaks."""
        hits, segments = self.hits, self.segments
        places = []
        if 0 not in figures and segments.paragraphs and hits.all("place"):
            start, end = segments.paragraphs[0]
            if not hits.has("direction_cue", start, end):
                text, local = segments.text, self.local
                places = [(p.start, p.end) for p in hits.find("place", start, end) if _is_local(text, p, local)]
        if not places and not hits.all("sector"):
            return set()
        return _sector_paragraphs(hits, segments, places)

    @_once
    def period_paragraphs(self) -> set[int]:
        return _period_paragraphs(self.hits, self.segments, self.periods)

    @_once
    def intros(self) -> dict[int, tuple[int, int]]:
        return _list_intros(self.segments)


def drop_context(hits: Hits, segments: Segments, candidates: list[Candidate], claim_sentences: set[int],
                 dates: list[DateMention] = (), language: str = "en") -> list[Candidate]:
    """The candidates that may be the report's figures: those of claims, of a sector or a place, of a period or
    another war, of sentences about records, averages or other things, and of sentences that are not about
    losses, are dropped."""
    text = segments.text
    found = _Scopes(hits, segments, dates, language)
    has = hits.has
    # Most texts have none of these: no look for one then.
    any_distractor = bool(hits.all("distractor"))
    any_unit = bool(hits.all("sector")) or bool(hits.all("unit"))
    any_place = bool(hits.all("place"))
    # The figures of a sentence share its words and come one after another: what their scope says is worked out
    # once, each part when a figure first needs it (None: not looked for yet).
    scope, staff, nationwide, elsewhere, distractor, loss, others = None, None, None, None, None, None, None
    kept, indefinite = [], False
    sector_paragraphs = found.sector_paragraphs({c.paragraph for c in candidates}) if candidates else set()
    for c in candidates:
        if c.sentence in claim_sentences or (text[c.start - 1:c.start] in _HYPHENS and _model_name(text, c.start)):
            continue
        # The lines of a list speak for what the paragraphs before them are about: a sector ("the Tavria group
        # destroyed:") or a period ("over the week, 27 November to 3 December: ..."); a sentence speaks for itself.
        in_context = c.paragraph in sector_paragraphs
        if not in_context and (c.structured or c.paragraph in found.intros):
            in_context = c.paragraph in found.period_paragraphs
        # A list line's figure needs no word around it, unless it stands in a sector's or a period's paragraph.
        if not c.structured or in_context:
            if c.scope != scope:
                scope, staff, nationwide, elsewhere, distractor, loss, others = (c.scope, None, None, None, None,
                                                                                 None, None)
            start, end = scope
            if elsewhere is None:
                # A sentence about one sector or unit speaks for no more, whoever reports it; one about a
                # front-line place does unless the General Staff or the whole front is its subject. The sentence
                # that says where the greatest losses were is the report's own.
                if any_unit and (has("sector", start, end) or has("unit", start, end)):
                    elsewhere = True
                elif any_place and found.local_in(start, end):
                    nationwide = has("nationwide", start, end)
                    elsewhere = not nationwide
                else:
                    elsewhere = False
                elsewhere = elsewhere and not has("direction_cue", start, end)
            if elsewhere:
                continue
            # Items of a list speak in the words of the line that introduces them ("... lost:").
            intro = found.intros.get(c.paragraph)
            if in_context:
                # Inside a sector's or a period's paragraphs only the General Staff itself, or the whole front,
                # brings the figures back to the report.
                if nationwide is None:
                    nationwide = has("nationwide", start, end)
                if not (nationwide or (intro is not None and has("nationwide", *intro))):
                    continue
            if not c.structured:
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
                # Periods and other wars speak for the figures of their own clause: "710,660 ..., including
                # 41,000 for October".
                if others is None:
                    others = found.periods_in(start, end)
                if others and _in_clause_of(hits, c, others, start, end):
                    continue
        kept.append(c)
        indefinite = indefinite or c.indefinite
    if not indefinite:
        return kept
    # "a helicopter" is one only in a list of figures, or right after one in its paragraph ("... 630 of the
    # invaders. Besides, an aircraft and a helicopter were destroyed.").
    with_numbers = {(c.sentence, c.paragraph) for c in kept if not c.indefinite}
    return [c for c in kept if not c.indefinite or (c.sentence, c.paragraph) in with_numbers
            or (c.sentence - 1, c.paragraph) in with_numbers]


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
_HYPHENS = frozenset("-‑")


def _model_name(text: str, start: int) -> bool:
    """The number at `start` follows a hyphen: whether letters stand right before it ("T-62")."""
    return bool(_MODEL_PREFIX.search(text, max(0, start - 7), start))


def _is_local(text: str, place, local: Beside) -> bool:
    """A front-line place named with a local word beside it ("near Bakhmut", "the Pokrovsk front", "на
    Покровському напрямку", "в районе Бахмута", "Pokrovsk yakınlarında"): the words are about that place. A short
    word may stand between ("near the town of Bakhmut")."""
    return local.after(text, place.end) is not None or local.before(text, place.start, skip_short=True)


_REACH = 16  # characters a date mention may reach back before the sentence whose figures it dates


class _Periods:
    """Where the text names a period other than the war itself: the period words ("over the week", "this
    month"), a month or year named as a period ("in November", "за жовтень", "in 2024", "Kasım ayında"), a line of a
    year ("2023: 253,290 troops"), a date that starts a count ("since 10 October", "10 Ekim'den bu yana"), a range of
    dates ("з 27 листопада по 3 грудня"), and another war.

    The marks are found once; whether a month, year or date names a period is read from the words beside it only
    when a figure of its sentence asks (most never do).
    """

    def __init__(self, hits: Hits, text: str, dates: list[DateMention], since: Beside, during: Beside,
                 during_after: Beside):
        self.hits, self.text, self.dates = hits, text, dates
        self.since, self.during, self.during_after = since, during, during_after
        marks = [(h.start, h.end, "span") for name in ("period", "other_war") for h in hits.all(name)]
        # A month in a date ("November 21") names no period, nor does the invasion's February.
        marks += [(h.start, h.end, "month") for h in hits.all("month")
                  if h.value != 2 and not any(d.start <= h.start < d.end and d.day is not None for d in dates)]
        marks += [(start, end, "span") for start, end in _year_line_spans(text)]
        marks += [(d.start, d.end, index) for index, d in enumerate(dates)
                  if d.kind != "weekday" and not _starts_war(d)]
        if len(marks) > 1:
            marks.sort()
        self.marks = marks
        self.seen: dict[tuple[int, int, str | int], tuple[int, int] | None] = {}

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The periods that reach into [start, end) (a date may stand just before a sentence break: "Seit dem 3.
        November")."""
        low = max(0, start - _REACH)
        spans = [self.read_once(mark) for mark in self.marks if low <= mark[0] < end]
        text = self.text
        if text.find("20", low, end) >= 0:
            # "in 2024", "за 2023 рік", "2025 yılında" (2022 starts the war's own count).
            spans += [self.read(m.start(), m.end(), "month") for m in _YEAR.finditer(text, low, end)
                      if not any(d.start <= m.start() < d.end for d in self.dates)]
        return [span for span in spans if span is not None and span[1] > start]

    def all(self) -> list[tuple[int, int]]:
        return self.within(0, len(self.text))

    def read_once(self, mark: tuple[int, int, str | int]) -> tuple[int, int] | None:
        """read(), kept for the next sentence or paragraph that asks about the same mark."""
        if mark not in self.seen:
            self.seen[mark] = self.read(*mark)
        return self.seen[mark]

    def read(self, start: int, end: int, kind: str | int) -> tuple[int, int] | None:
        """The span of the period a mark names, or None."""
        text = self.text
        if kind == "span":
            return start, end
        if kind == "month":
            # The word beside it tells a month's sum ("in December", "за октябрь") from "may".
            if self.during.before(text, start):
                return start, end
            after = self.during_after.after(text, end)
            return (start, after) if after is not None else None
        # "since 10 October", "10 Ekim'den bu yana", "з 3 по 9 листопада", "from November 1 to November 30".
        hits, d = self.hits, self.dates[kind]
        if d.range_start is not None or self.since.before(text, start, skip_short=True):
            return start, end
        after = self.since.after(text, end)
        if after is not None:
            return start, after
        if _ASCII_DIGIT.search(text, max(0, start - 12), start) \
                and (days := _days_before(hits, text, start)) is not None:
            return days, end
        previous = self.dates[kind - 1] if kind else None
        if previous is not None and previous.kind != "weekday" and not _starts_war(previous) \
                and start - previous.end <= 8 and hits.find("range_end", previous.end, start):
            return previous.start, end
        return None


# A year of the war after its first. ("20" first: the engine leaps from one "20" to the next.)
_YEAR = re.compile(r"20(?<![0-9.,]20)(?:2[3-9]|3[0-9])(?![0-9])")
# "2023: 253,290 troops", "2025 (to June 4): ...": a line of one year's figures. (2022 starts the war's own count.)
# The pattern starts with the line break: the engine leaps from one "\n20" to the next.
_YEAR_LINE = re.compile(r"\n(20(?:2[3-9]|3[0-9])[ \t\u00a0]*(?:\([^()\n]{0,30}\)[ \t\u00a0]*)?):")


def _year_line_spans(text: str) -> list[tuple[int, int]]:
    if "\n20" not in text and not text.startswith("20"):
        return []
    spans = [m.span(1) for m in _YEAR_LINE.finditer(text)]
    first = _YEAR_LINE.match("\n" + text[:48])
    if first:
        spans.insert(0, (0, first.end(1) - 1))
    return spans


def _year_lines(text: str) -> list[int]:
    return [start for start, _ in _year_line_spans(text)]


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
    day = _DAY.search(text, max(0, joint.start - 6), joint.start)
    return day.start() if day else None


def _starts_war(d: DateMention) -> bool:
    """24 February 2022 (or February 2022), or a range from it: the war's own count."""
    if d.range_start is not None:
        return d.range_start.is_invasion_start
    return d.month == 2 and d.year in (None, 2022) and d.day in (None, 24)


def _sector_paragraphs(hits: Hits, segments: Segments, places: list[tuple[int, int]]) -> set[int]:
    """Paragraphs that go on about one sector or place: from where it is named until a paragraph that speaks for
    the whole report (the General Staff, the whole front, a total since the invasion)."""
    paragraph = segments.paragraph_index
    starts = {paragraph(h.start) for h in hits.all("sector")} | {paragraph(s) for s, _ in places}
    if not starts:
        return starts
    # The sentence that says where the greatest losses were is the report's own.
    starts -= {paragraph(h.start) for h in hits.all("direction_cue")}
    return _runs(segments, starts, _report_paragraphs(hits, segments))


def _period_paragraphs(hits: Hits, segments: Segments, periods: _Periods) -> set[int]:
    """Paragraphs that go on about one period: from where it is named (with no word of the past day or of the whole
    report beside it) until a paragraph that speaks for the report's day or the whole report."""
    if not periods.marks:
        return set()
    paragraph = segments.paragraph_index
    ends = None  # found when a period is named: most texts' marks are dates of the report
    # Only the periods of the other paragraphs can start a run: the words beside the rest are not read.
    starts = set()
    for mark in periods.marks:
        index = paragraph(mark[0])
        if index in starts:
            continue
        if ends is None:
            ends = _report_paragraphs(hits, segments) | {paragraph(h.start) for h in hits.all("daily")}
        if index not in ends and periods.read_once(mark) is not None:
            starts.add(index)
    return _runs(segments, starts, ends) if starts else starts


def _report_paragraphs(hits: Hits, segments: Segments) -> set[int]:
    """Paragraphs that speak for the whole report: the General Staff, the whole front, a total since the invasion."""
    paragraph = segments.paragraph_index
    return {paragraph(h.start) for name in ("nationwide", "total") for h in hits.all(name)}


def _runs(segments: Segments, starts: set[int], ends: set[int]) -> set[int]:
    """The paragraphs from each start up to the next end (a paragraph that is both ends the run)."""
    inside, out = False, set()
    for index in range(min(starts, default=len(segments.paragraphs)), len(segments.paragraphs)):
        if index in ends:
            inside = False
        elif index in starts:
            inside = True
        if inside:
            out.add(index)
    return out


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
    """"... 288,630 invaders were eliminated. In the last 24 hours alone it was 860.": a sentence with a daily,
    total or previous cue ("Am Vortag waren es ...") that follows a loss sentence of its paragraph goes on about
    the losses."""
    if c.sentence == 0:
        return False
    sentence, before = segments.sentences[c.sentence], segments.sentences[c.sentence - 1]
    if segments.paragraph_index(before.start) != c.paragraph:
        return False
    cued = hits.has("daily", sentence.start, sentence.end) or hits.has("total", sentence.start, sentence.end) \
        or hits.has("previous", sentence.start, sentence.end)
    return cued and hits.has("loss", before.start, before.end)


def ukraine_loss_sentences(text: str, hits: Hits, segments: Segments) -> set[int]:
    """The sentences about Ukraine's own losses ("Ukraine had lost", "українських військових"): their figures are
    no report's. A sentence where Ukraine's forces are the ones destroying stays the report's."""
    return {segments.sentence_index(h.start) for h in hits.all("ukraine_side")
            if not _ukraine_destroying(text, hits, segments.sentence_at(h.start), h)}


def _ukraine_destroying(text: str, hits: Hits, sentence: Segment, side: Hit) -> bool:
    """Whether Ukraine's forces, named by `side`, are the ones destroying in their sentence ("Ukrainian troops have
    destroyed 9,615 tanks", "бійці української армії знищили ..."): its figures are then the report's, not Ukraine's
    losses. Narrow on purpose, as a sentence about Ukraine's losses must stay out of the figures: the phrase is the
    first side named, a destroying verb follows it before Russia's forces are named, it is not itself counted
    ("300 Ukrainian soldiers"), and no word of losing stands anywhere in the sentence."""
    start, end = sentence
    if hits.has("side_losing", start, end) or hits.has("russian_forces", start, side.start):
        return False
    if text[max(start, side.start - 16):side.start].rstrip()[-1:].isdigit():
        return False  # "до 300 українських військових": Ukraine's soldiers counted
    verbs = hits.find("side_destroying", side.end, end)
    return bool(verbs) and not hits.has("russian_forces", side.end, verbs[0].start)
