"""Claims of other parties: loss figures attributed to someone other than the report's author.

A claim is a figure in a sentence that a party speaks (named in it, named in the sentence after that points back
to it, or named earlier in the paragraph), with who said it, whose losses they are, what they count, a range's
lower bound, an English qualifier, the date it is stated for and the period it covers (a rate or a sum over a
day, week, month or year; null for a running total).
"""
from __future__ import annotations

from bisect import bisect_left
from datetime import date
from operator import itemgetter
from typing import Callable

import regex

from ..model import Claim, Span
from .dates import DateMention
from .lexicon import Hit, Hits, Lexicon
from .numbers import Number
from .text import Segment, Segments

_YEAR = regex.compile(r"(?:19|20)\d\d")
_YEAR_AFTER = regex.compile(r"[ \u00a0]+\w{1,3}[ \u00a0]+(?:19|20)\d\d(?![\d.,])")  # "200,000 in 2024", "в 2024 году"
_DATE_BEFORE = regex.compile(r"(?:19|20)\d\d[-./]$")
_DAY_AFTER = regex.compile(r"[ \u00a0]*\d{1,2}(?![\d.,])")  # "October 7", not "October 2024"
_DAY_BEFORE = regex.compile(r"(?<![\d.,])\d{1,2}[ \u00a0]*$")  # "7 October"
_HIT_START = itemgetter(0)  # Hit.start
_FIRST_NAME = regex.compile(r"[\s,]*(?:\p{Lu}[\p{L}'’-]*[\s,]*)?")  # "ЗСУ Олександр Сирський", not "ВСУ и минобороны"
_QUOTES = "\"«„“”'‘"
_START = itemgetter(1)  # Number.start
_RANGE_JOIN = regex.compile(r"^\.?\s*(?:and|to|-|–|—|‐|−|〜|~|і|и|та|до|bis|à|a|y|e|ile|do|und|et)\s*$",
                            regex.IGNORECASE)
# The canonical names (the values of [claims.parties]) of the parties that speak for Russia and for Ukraine: whose
# "our soldiers" and "the enemy" they mean. Names, not words of a language: the lexicons map every language's
# wording onto them.
RUSSIAN_VOICES = frozenset({"Russian MoD", "Russian Defence Minister", "Sergei Shoigu", "Russia (official)",
                            "Russian side (official)", "Igor Konashenkov", "Sergei Surovikin", "Kremlin",
                            "Russian group of forces"})
UKRAINIAN_VOICES = frozenset({"Volodymyr Zelensky", "Oleksandr Syrskyi", "Valerii Zaluzhnyi", "Oleksandr Tarnavskyi",
                              "Serhii Cherevatyi", "Tavria group", "Khortytsia group", "Ukrainian commanders",
                              "Kyrylo Budanov"})
PERIODS = ("day", "week", "month", "year")
# A range's lower bound written in the units of its upper one ("70-80 тысяч", "50 to 70 thousand").
_THOUSAND = 1000
# Between the items of a list ("погибшие – 90, раненые – 220"; "12 000 morts; 30 000 blessés").
_LIST_BREAK = regex.compile(r"[,;(]")


def find_claims(text: str, lex: Lexicon, hits: Hits, segments: Segments, numbers: list[Number],
                date_of) -> tuple[list[Claim], set[int]]:
    """Claims, and the sentences they fill (whose numbers are then no report figures).

    `date_of(sentence)` resolves the date a claim sentence names, or None.
    """
    claims: list[Claim] = []
    sentences: set[int] = set()
    parties_by_sentence = _by_sentence(segments, hits.all("party"))
    if not parties_by_sentence:
        return claims, sentences  # no party speaks
    # "... потеряли 289 солдат. Об этом сообщил командующий ...": a sentence that points back names the party
    # of the sentence before.
    told_after = {}
    for index, parties in parties_by_sentence.items():
        if index and index - 1 not in parties_by_sentence:
            sentence = segments.sentences[index]
            back = hits.find("back_reference", sentence.start, sentence.end)
            if back and back[0].start < parties[0].start and back[0].start - sentence.start < 40:
                told_after[index - 1] = parties
            # «Втрати противника склали понад 850 000. Мається на увазі ...», – каже ...: a quotation the party
            # closes speaks for it from the paragraph's start.
            paragraph = segments.paragraphs[segments.paragraph_index(sentence.start)] if segments.paragraphs else None
            if paragraph is not None and text[paragraph.start:paragraph.start + 1] in _QUOTES:
                earlier = index - 1
                while earlier >= 0 and segments.sentences[earlier].start >= paragraph.start \
                        and earlier not in parties_by_sentence:
                    told_after[earlier] = parties
                    earlier -= 1
    # Until a party is named, nobody but the report's author speaks, and no number before is a claim's.
    opening = min(min(parties_by_sentence), min(told_after, default=len(segments.sentences)))
    staff_by_sentence = _by_sentence(segments, hits.all("general_staff"))
    # Beyond the speaker's paragraph only these sentences can change who speaks: the rest are passed over.
    turns = set(parties_by_sentence).union(told_after, staff_by_sentence,
                                           map(segments.sentence_index, map(_HIT_START, hits.all("anaphora"))))
    speaker, speaker_paragraph = None, None   # the party that spoke last, and where
    paragraph_end = -1                        # where the speaker's paragraph ends
    last_side, side_paragraph = None, None    # whose losses the last claim marked, and where
    for index, sentence in enumerate(segments.sentences[opening:], start=opening):
        if sentence.start >= paragraph_end and index not in turns:
            continue
        parties = parties_by_sentence.get(index)
        later = told_after.get(index)
        if not parties and not later and speaker is None:
            continue
        staff = staff_by_sentence.get(index)
        if staff and parties:
            # "головнокомандувач ЗСУ Олександр Сирський", "Commander-in-Chief of the Armed Forces of Ukraine
            # Oleksandr Syrskyi": the General Staff named in a party's title does not speak.
            staff = [h for h in staff if not any(0 <= p.start - h.end <= 40 and _FIRST_NAME.fullmatch(text, h.end, p.start)
                                                 for p in parties)]
        if staff and speaker is not None and speaker.value in RUSSIAN_VOICES and not parties \
                and not hits.has("report_verb", sentence.start, sentence.end):
            # "Минобороны России сообщило ... Украинская сторона за сутки потеряла 1075 военнослужащих": in a
            # Russian voice's account Ukraine's forces are the side it speaks of; named in a sentence that reports
            # nothing itself, they do not take the word (the General Staff named as such still does).
            staff = [h for h in staff if not _is_forces_name(hits, h)]
        if staff and not (parties and parties[0].start < staff[0].start):
            # The General Staff speaks, unless a party named first reports on it ("Минобороны РФ заявило, что ВСУ").
            speaker, paragraph_end = None, -1
            continue
        paragraph = segments.paragraph_index(sentence.start)
        if parties or later:
            # The party named most specifically (first in the lexicon) speaks: "Mediazona" over "Russian media outlet".
            named = parties or later
            speaker = named[0] if len(named) == 1 else min(named, key=lambda h: lex.party_order.get(h.value, 999))
            speaker_paragraph = paragraph
            paragraph_end = segments.paragraphs[paragraph].end if segments.paragraphs else len(text)
        elif paragraph != speaker_paragraph and not hits.has("anaphora", sentence.start, sentence.end):
            continue  # the party's paragraph is its account; after it, only "according to him" goes on with it
        sentences.add(index)
        # `numbers` are in order of their start.
        first_figure = bisect_left(numbers, sentence.start, key=_START)
        figures = numbers[first_figure:bisect_left(numbers, sentence.end, first_figure, key=_START)]
        if not figures:
            continue  # a sentence without a number states no claim (two in five have none)
        # A sentence that names its party may count people without saying how ("lost 600 soldiers"); the rest of
        # its account must say what it counts ("военных" is also "military": "14 военных аэродромов").
        if not (hits.has("what", sentence.start, sentence.end) or _bare_reported_figure(hits, figures, sentence)
                or ((parties or later) and hits.has("claim_persons", sentence.start, sentence.end))):
            continue
        numbers_here = [n for n in figures if _is_claim_number(text, hits, n, sentence)]
        if not numbers_here:
            continue  # years, "15 days", tanks, non-losses: no claim, so no side or date to work out
        by = speaker.value if speaker is not None else ""
        markers = _side_markers(hits, sentence, "russia" if by in RUSSIAN_VOICES
                                else "ukraine" if by in UKRAINIAN_VOICES else None, parties or (), staff or ())
        as_of = date_of(sentence)
        skip = set()
        for i, number in enumerate(numbers_here):
            if i in skip:
                continue
            first, low = number, None
            if i + 1 < len(numbers_here) and _RANGE_JOIN.match(text[number.end:numbers_here[i + 1].start]):
                low, number = _range_low(number.value, numbers_here[i + 1]), numbers_here[i + 1]
                skip.add(i + 1)
            following = numbers_here[i + 2].start if low is not None and i + 2 < len(numbers_here) \
                else numbers_here[i + 1].start if low is None and i + 1 < len(numbers_here) else sentence.end
            previous = numbers_here[i - 1].end if i else sentence.start
            side = _nearest_side(markers, first.start, number.end)
            if side is None:
                # "Это больше, чем потери за 2022 и 2023 годы": the losses the paragraph spoke of before.
                side = last_side if side_paragraph == paragraph and last_side else "russia"
            else:
                last_side, side_paragraph = side, paragraph
            claims.append(Claim(by=by, side=side,
                                what=_what(text, hits, number, sentence), value=number.value, low=low,
                                qualifier=_qualifier(text, hits, first, sentence.start), as_of=as_of,
                                period=_period(text, hits, previous, first.start, number.end, following),
                                span=Span(first.start, number.end, text[first.start:number.end])))
    return claims, sentences


def _by_sentence(segments: Segments, hits: list[Hit]) -> dict[int, list[Hit]]:
    """The hits lying wholly inside a sentence, by its index (what Hits.find would give for each sentence)."""
    out: dict[int, list[Hit]] = {}
    for hit in hits:
        index = segments.sentence_index(hit.start)
        sentence = segments.sentences[index]
        if sentence.start <= hit.start and hit.end <= sentence.end:
            out.setdefault(index, []).append(hit)
    return out


def _is_forces_name(hits: Hits, staff: Hit) -> bool:
    """Whether a General Staff phrase is also just the name of Ukraine's forces ("ВСУ", "the Ukrainian side")."""
    return any(f.start == staff.start and f.end == staff.end for f in hits.find("ukrainian_forces", staff.start, staff.end))


def _bare_reported_figure(hits: Hits, numbers: list[Number], sentence: Segment) -> bool:
    """"The Russians themselves have reported fewer than 6000": a party, a report verb and a qualified figure,
    with no noun saying what it counts (recorded as casualties)."""
    if not (hits.has("report_verb", sentence.start, sentence.end) or hits.has("loss", sentence.start, sentence.end)):
        return False
    return any(hits.ending_near("claim_qualifier", n.start, slack=2, floor=sentence.start) for n in numbers)


def _is_claim_number(text: str, hits: Hits, number: Number, sentence) -> bool:
    if number.value < 10 or number.word or _YEAR.fullmatch(text, number.start, number.end):
        return False  # "ten times", "four generals": no claim is written in words of one number
    if _DATE_BEFORE.search(text, max(0, number.start - 5), number.start):
        return False  # "2022-10": the month of a date
    unit = hits.find("not_figure_after", number.end, number.end + 20)
    if unit and not text[number.end:unit[0].start].strip():
        return False  # "in the last 15 days"
    # "до 800 военнослужащих и 14 танков": a count of equipment is no casualty figure.
    limit = number.end + 30 if number.end + 30 < sentence.end else sentence.end
    category = hits.find("category", number.end, limit)
    if category and category[0].value != "personnel" and _adjacent(text, number.end, category[0].start):
        return False
    equipment = hits.find("claim_equipment", number.end, limit)
    if equipment and _adjacent(text, number.end, equipment[0].start):
        return False
    return not hits.has("not_losses", max(sentence.start, number.start - 40), min(sentence.end, number.end + 40))


def _adjacent(text: str, end: int, start: int) -> bool:
    """Nothing but blanks and at most one word between ("14 танков", "14 Russian tanks")."""
    return len(text[end:start].split()) <= 1


def _range_low(low: int, upper: Number) -> int:
    """The lower bound in the units of the upper one: "70-80 тысяч" is 70,000 to 80,000."""
    if upper.round_form:
        while low and low * _THOUSAND <= upper.value:
            low *= _THOUSAND
    return low


_OTHER_SIDE = {"russia": "ukraine", "ukraine": "russia"}


def _side_markers(hits: Hits, sentence: Segment, voice: str | None, parties, staff) -> list[tuple[int, int, str]]:
    """The words of a sentence that say whose losses: the forces named ("the Ukrainian army", "Russian soldiers",
    "ВСУ"), and "our" and "the enemy" by the speaker's side (when the speaker is Russian or Ukrainian).

    The speakers' names in the sentence (`parties`, `staff`: "Минобороны РФ", "the General Staff of the Armed Forces
    of Ukraine") say nothing of whose losses; "ВСУ" or "the Ukrainian army" alone does.
    """
    markers = []
    for section, named in (("ukraine_side", "ukraine"), ("ukrainian_forces", "ukraine"), ("russian_forces", "russia"),
                           ("own_side", voice), ("enemy_side", _OTHER_SIDE.get(voice or ""))):
        if named is None or not hits.has(section, sentence.start, sentence.end):
            continue
        for hit in hits.find(section, sentence.start, sentence.end):
            if any(name.start <= hit.start < name.end or hit.start <= name.start < hit.end for name in parties) or any(
                    name.start <= hit.start and hit.end <= name.end and name.end - name.start > hit.end - hit.start for name in staff):
                continue
            markers.append((hit.start, hit.end, named))
    return markers


def _nearest_side(markers: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """Whose losses a figure counts: the marker nearest it ("the Ukrainian army had lost 600"); None if none."""
    best, side = None, None
    for s, e, named in markers:
        distance = start - e if e <= start else s - end if s >= end else 0
        if best is None or distance < best:
            best, side = distance, named
    return side


def _what(text: str, hits: Hits, number: Number, sentence) -> str:
    """What the figure counts: the nearer of the words right after it and right before it ("losses ... exceed
    80,000 people, of which 25,000 killed": casualties, then deaths)."""
    after = hits.find("what", number.end, min(sentence.end, number.end + 80))
    before = hits.find("what", max(sentence.start, number.start - 80), number.start)
    if after and before and _LIST_BREAK.search(text, number.end, after[0].start):
        # "погибшие – 90, раненые – 220": past a comma, the word names the next item of a breakdown; the label
        # before the figure names this one.
        return before[-1].value
    if after and before and number.start - before[-1].end < after[0].start - number.end:
        return before[-1].value
    if after:
        return after[0].value
    return before[-1].value if before else "casualties"


def _qualifier(text: str, hits: Hits, number: Number, floor: int) -> str | None:
    """The qualifier in English ("более" -> "more than"): the value of its [claims.qualifiers] entry."""
    hit = hits.ending_near("claim_qualifier", number.start, slack=2, floor=floor)
    if hit is not None:
        # "just under", not "under": the longest qualifier that ends there.
        hit = min((h for h in hits.find("claim_qualifier", max(floor, hit.end - 40), hit.end) if h.end == hit.end),
                  key=_HIT_START, default=hit)
    if hit is None:
        # "80 binden fazla", "5 bine kadar": Turkish puts it after the figure.
        after = hits.find("claim_qualifier_after", number.end, number.end + 12)
        hit = after[0] if after and _adjacent(text, number.end, after[0].start) else None
    return hit.value if hit else None


def _period(text: str, hits: Hits, floor: int, start: int, end: int, ceiling: int) -> str | None:
    """The period a figure is a rate or a sum over: "1,480 a day", "38,940 in October", "in 2025" (day, week,
    month, year), looked for between the figure and the next one, then back to the one before; None for a total."""
    for hit in hits.find("claim_period", end, ceiling):
        if hit.value in PERIODS and not _said_then(hits, hit.start):
            return hit.value
    for month in hits.find("month", end, min(ceiling, end + 40)):
        # "38,940 in October", "38 940 военных в октябре": a few words, the last a preposition, before the month.
        gap = text[end:month.start]
        if not any(mark in gap for mark in ",.;:") and len(gap.split()) <= 4 and _month_alone(text, hits, month, gap):
            return "month"
    for hit in reversed(hits.find("claim_period", floor, start)):
        if hit.value in PERIODS and not _said_then(hits, hit.start):
            return hit.value
    for month in reversed(hits.find("month", floor, start)):
        # "im Oktober rund 41.000", "In October, Russia lost 41,980": a month a few words before the figure.
        if len(text[month.end:start].split()) <= 3 and _month_alone(text, hits, month, text[floor:month.start]):
            return "month"
    if _YEAR_AFTER.match(text, end):
        return "year"
    return None


def _said_then(hits: Hits, offset: int) -> bool:
    """"said last month that ...", "said in October": when it was said, not what the figure covers."""
    return hits.ending_near("report_verb", offset, slack=2) is not None


def _month_alone(text: str, hits: Hits, month: Hit, before: str) -> bool:
    """A month named as a period: after a preposition ("in", "в", "im": a word of at most three letters), neither
    a day's date ("October 7", "7 October") nor when something was said ("said in October")."""
    words = before.split()
    if not words or len(words[-1]) > 3 or _DAY_AFTER.match(text, month.end) or _DAY_BEFORE.search(before):
        return False
    return not _said_then(hits, month.start - len(words[-1]) - 1)


def claim_date(dates: list[DateMention], resolve_one: Callable[[DateMention], date | None]
               ) -> Callable[[Segment], date | None]:
    """The date a claim sentence names ("as of Sept. 25", "said on Sept. 21")."""

    def date_of(sentence: Segment) -> date | None:
        for mention in dates:
            if sentence.start <= mention.start < sentence.end and mention.kind != "month":
                resolved = resolve_one(mention)
                if resolved is not None:
                    return resolved
        return None

    return date_of
