"""Claims of other parties: loss figures attributed to someone other than the report's author."""
from __future__ import annotations

from datetime import date

import regex

from ..model import Claim, Span
from .dates import DateMention
from .lexicon import Lexicon, lookup, lookup_key, word_regex
from .numbers import Number
from .text import Segments

_RANGE_JOIN = regex.compile(r"^\s*(?:and|to|-|–|—|і|и|та|до|bis|à|a|y|e|ile|do)\s*$", regex.IGNORECASE)


def find_claims(text: str, lex: Lexicon, segments: Segments, numbers: list[Number],
                date_of) -> tuple[list[Claim], set[int]]:
    """Claims, and the sentences they fill (whose numbers are then no report figures).

    `date_of(mention_span_start, sentence)` resolves the date a claim sentence names, or None.
    """
    if lex.party_re is None:
        return [], set()
    claims: list[Claim] = []
    sentences: set[int] = set()
    by_sentence: dict[int, list[Number]] = {}
    for number in numbers:
        by_sentence.setdefault(segments.sentence_index(number.start), []).append(number)
    anaphora = _anaphora_re(lex)
    speaker, speaker_paragraph = None, None   # the party that spoke last, and where
    for index, sentence in enumerate(segments.sentences):
        body = text[sentence.start:sentence.end]
        parties = list(lex.party_re.finditer(body))
        paragraph = segments.paragraph_index(sentence.start)
        staff = lex.find("general_staff", body)
        if staff and not (parties and parties[0].start() < staff[0].start()):
            # The General Staff speaks, unless a party named first reports on it ("Минобороны РФ заявило, что ВСУ ...").
            speaker = None
            continue
        if parties:
            # The party named most specifically (first in the lexicon) speaks: "Mediazona" over "Russian media outlet".
            order = list(lex.parties)
            party = min(parties, key=lambda m: order.index(lookup_key(m.group())) if lookup_key(m.group()) in order else 999)
            speaker, speaker_paragraph = party, paragraph
        elif speaker is not None and anaphora is not None and anaphora.search(body):
            party = speaker    # "в ведомстве заявили", "за його словами": the party named before speaks on
        elif speaker is not None and paragraph == speaker_paragraph:
            sentences.add(index)   # the rest of the party's paragraph is still the party's account
            continue
        else:
            continue
        sentences.add(index)
        if lex.what_re is None or not lex.what_re.search(body):
            continue
        by = lookup(lex.parties, party.group()) or party.group()
        side = "ukraine" if _about_ukraine(lex, body, party.group()) else "russia"
        as_of = date_of(sentence)
        numbers_here = [n for n in by_sentence.get(index, []) if _is_claim_number(text, lex, n, sentence.start)]
        skip = set()
        for i, number in enumerate(numbers_here):
            if i in skip:
                continue
            low = None
            if i + 1 < len(numbers_here) and _RANGE_JOIN.match(text[number.end:numbers_here[i + 1].start]):
                low, number = number.value, numbers_here[i + 1]
                skip.add(i + 1)
            what = _what(text, lex, number, sentence.end)
            qualifier = _qualifier(text, lex, number if low is None else numbers_here[i], sentence.start)
            claims.append(Claim(by=by, side=side, what=what, value=number.value, low=low, qualifier=qualifier,
                                as_of=as_of, span=Span(number.start, number.end, text[number.start:number.end])))
    return claims, sentences


def _anaphora_re(lex: Lexicon) -> regex.Pattern | None:
    """Words that point back to the party named before ("у відомстві заявили", "according to him")."""
    if lex.code not in _ANAPHORA:
        _ANAPHORA[lex.code] = word_regex(lex.raw.get("claims", {}).get("anaphora", []))
    return _ANAPHORA[lex.code]


_ANAPHORA: dict[str, regex.Pattern | None] = {}


def _about_ukraine(lex: Lexicon, body: str, party: str) -> bool:
    ukrainian = {p.lower() for p in lex.raw.get("claims", {}).get("ukrainian_parties", [])}
    if party.lower() in ukrainian:
        return True
    cues = lex.raw.get("claims", {}).get("ukraine_side", [])
    lowered = body.lower()
    return any(cue in lowered for cue in cues)


def _is_claim_number(text: str, lex: Lexicon, number: Number, floor: int) -> bool:
    if number.value < 10:
        return False
    raw = text[number.start:number.end]
    if regex.fullmatch(r"(?:19|20)\d\d", raw):
        return False
    window = text[max(floor, number.start - 40):number.end + 40].lower()
    not_losses = lex.raw.get("claims", {}).get("not_losses", [])
    return not any(regex.search(r"(?<!\w)" + regex.escape(w.rstrip("*")), window) for w in not_losses)


def _what(text: str, lex: Lexicon, number: Number, limit: int) -> str:
    after = text[number.end:min(limit, number.end + 80)]
    match = lex.what_re.search(after) or lex.what_re.search(text[max(0, number.start - 80):number.start])
    return lookup(lex.what, match.group()) if match else "casualties"


def _qualifier(text: str, lex: Lexicon, number: Number, floor: int) -> str | None:
    if lex.claim_qualifier_re is None:
        return None
    before = text[max(floor, number.start - 25):number.start]
    found = [m for m in lex.claim_qualifier_re.finditer(before) if m.end() >= len(before.rstrip()) - 1]
    return found[-1].group().lower() if found else None


def claim_date(dates: list[DateMention], resolve_one) -> "callable":
    """The date a claim sentence names ("as of Sept. 25", "said on Sept. 21")."""

    def date_of(sentence) -> date | None:
        for mention in dates:
            if sentence.start <= mention.start < sentence.end and mention.kind != "month":
                resolved = resolve_one(mention)
                if resolved is not None:
                    return resolved
        return None

    return date_of
