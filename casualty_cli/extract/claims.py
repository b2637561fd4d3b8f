"""Claims of other parties: loss figures attributed to someone other than the report's author."""
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
_START = itemgetter(1)  # Number.start
_RANGE_JOIN = regex.compile(r"^\s*(?:and|to|-|–|—|і|и|та|до|bis|à|a|y|e|ile|do)\s*$", regex.IGNORECASE)


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
    # Until a party is named, nobody but the report's author speaks, and no number before is a claim's.
    opening = min(parties_by_sentence)
    floor = segments.sentences[opening].start if opening else 0
    by_sentence: dict[int, list[Number]] = {}
    for number in numbers[bisect_left(numbers, floor, key=_START):]:  # `numbers` are in order of their start
        by_sentence.setdefault(segments.sentence_index(number.start), []).append(number)
    staff_by_sentence = _by_sentence(segments, hits.all("general_staff"))
    speaker, speaker_paragraph = None, None   # the party that spoke last, and where
    for index, sentence in enumerate(segments.sentences[opening:], start=opening):
        parties = parties_by_sentence.get(index)
        if not parties and speaker is None:
            continue
        staff = staff_by_sentence.get(index)
        if staff and not (parties and parties[0].s < staff[0].s):
            # The General Staff speaks, unless a party named first reports on it ("Минобороны РФ заявило, что ВСУ").
            speaker = None
            continue
        if parties:
            # The party named most specifically (first in the lexicon) speaks: "Mediazona" over "Russian media outlet".
            speaker = min(parties, key=lambda h: lex.party_order.get(h.value, 999))
            speaker_paragraph = segments.paragraph_index(sentence.start)
        elif hits.has("anaphora", sentence.start, sentence.end):
            pass  # "в ведомстве заявили", "according to him": the party named before speaks on
        elif segments.paragraph_index(sentence.start) == speaker_paragraph:
            sentences.add(index)  # the rest of the party's paragraph is still the party's account
            continue
        else:
            continue
        sentences.add(index)
        figures = by_sentence.get(index)
        if not figures:
            continue  # a sentence without a number states no claim (two in five have none)
        if not (hits.has("what", sentence.start, sentence.end) or hits.has("claim_persons", sentence.start, sentence.end)
                or _bare_reported_figure(hits, figures, sentence)):
            continue
        numbers_here = [n for n in figures if _is_claim_number(text, hits, n, sentence)]
        if not numbers_here:
            continue  # years, "15 days", non-losses: no claim, so no side or date to work out
        by = speaker.value if speaker is not None else ""
        side = "ukraine" if (hits.has("ukrainian_party", sentence.start, sentence.end)
                             or hits.has("ukraine_side", sentence.start, sentence.end)) else "russia"
        as_of = date_of(sentence)
        skip = set()
        for i, number in enumerate(numbers_here):
            if i in skip:
                continue
            first, low = number, None
            if i + 1 < len(numbers_here) and _RANGE_JOIN.match(text[number.end:numbers_here[i + 1].start]):
                low, number = number.value, numbers_here[i + 1]
                skip.add(i + 1)
            claims.append(Claim(by=by, side=side, what=_what(hits, number, sentence), value=number.value, low=low,
                                qualifier=_qualifier(hits, first, sentence.start), as_of=as_of,
                                span=Span(number.start, number.end, text[number.start:number.end])))
    return claims, sentences


def _by_sentence(segments: Segments, hits: list[Hit]) -> dict[int, list[Hit]]:
    """The hits lying wholly inside a sentence, by its index (what Hits.find would give for each sentence)."""
    out: dict[int, list[Hit]] = {}
    for hit in hits:
        index = segments.sentence_index(hit.s)
        sentence = segments.sentences[index]
        if sentence.start <= hit.s and hit.e <= sentence.end:
            out.setdefault(index, []).append(hit)
    return out


def _bare_reported_figure(hits: Hits, numbers: list[Number], sentence: Segment) -> bool:
    """"The Russians themselves have reported fewer than 6000": a party, a report verb and a qualified figure,
    with no noun saying what it counts (recorded as casualties)."""
    if not (hits.has("report_verb", sentence.start, sentence.end) or hits.has("loss", sentence.start, sentence.end)):
        return False
    return any(hits.ending_near("claim_qualifier", n.start, slack=2, floor=sentence.start) for n in numbers)


def _is_claim_number(text: str, hits: Hits, number: Number, sentence) -> bool:
    if number.value < 10 or _YEAR.fullmatch(text, number.start, number.end):
        return False
    unit = hits.find("not_figure_after", number.end, number.end + 20)
    if unit and not text[number.end:unit[0].s].strip():
        return False  # "in the last 15 days"
    return not hits.has("not_losses", max(sentence.start, number.start - 40), min(sentence.end, number.end + 40))


def _what(hits: Hits, number: Number, sentence) -> str:
    after = hits.find("what", number.end, min(sentence.end, number.end + 80))
    if after:
        return after[0].value
    before = hits.find("what", max(sentence.start, number.start - 80), number.start)
    return before[-1].value if before else "casualties"


def _qualifier(hits: Hits, number: Number, floor: int) -> str | None:
    hit = hits.ending_near("claim_qualifier", number.start, slack=2, floor=floor)
    return hit.value.lower() if hit else None


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
