"""Candidates: every (number, category, role cue) the text offers, before anything is decided.

A number gets its category from the list line it stands in ("tanks ‒ 2449 (+14)"), from the noun after
it ("2,449 tanks"), or from the noun earlier in its sentence ("losses ... numbered 61,330"). Its role
(totals, daily, previous) comes from the cue nearest to it in its sentence; structure ("(+14)") beats
words. Nothing is dropped here except what can never be a report figure; resolve.py decides.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

import regex

from .lexicon import Lexicon
from .numbers import Number
from .text import Segments

# Strength of the evidence for a candidate's role.
STRUCTURE, CUE, INFERRED = 3, 2, 1

# A label may be followed by its translation ("танки / tanks ‒ 3363", "кораблі/катери / warships / boats ‒ 18").
_TRANSLATION = r"(?:/[ \t\u00a0]*[\p{L}'’\-]+(?:[ \t\u00a0/]+[\p{L}'’\-]+){0,5}[ \t\u00a0]*)?"
_LABEL_GAP = regex.compile(
    rf"[ \t\u00a0/]*{_TRANSLATION}(?:\([^()\n]{{0,30}}\)[ \t\u00a0]*)?[‒–—\-:=][ \t\u00a0]*(?:[\p{{L}}.]+[ \t\u00a0/]*){{0,3}}$")
# Count-first: "2,449 tanks", and with the day's change between: "8 тис. 815 (+15) одиниць танків".
_NUMBER_FIRST_GAP = regex.compile(
    r"^[ \t\u00a0]*(?:\(\s*[+\-−–]\s*\d[^()\n]{0,25}\)[ \t\u00a0]*)?(?:[\p{L}'’\-]+[ \t\u00a0]+){0,3}$")
_DAILY_MARK = regex.compile(r"\(\s*\+\s*$")
_MINUS_MARK = regex.compile(r"\(\s*[\-−–]\s*$")
_INDEFINITE_GAP = regex.compile(r"[ \t\u00a0]+(?:[\p{L}'’\-]+[ \t\u00a0]+){0,2}")


@dataclass(frozen=True)
class Candidate:
    category: str
    value: int
    start: int
    end: int
    role: str | None           # totals | daily | previous | None (no cue: decided later)
    strength: int
    rounded: bool = False       # a journalist's round figure ("more than 53,000")
    approximate: bool = False   # "about"/"around"
    structured: bool = False    # from a list line or "(+N)"
    sentence: int = 0
    paragraph: int = 0
    increment: bool = False     # "four more tanks", "another 500 soldiers"
    indefinite: bool = False    # "a helicopter": one, trusted only beside other figures

    def with_role(self, role: str | None, strength: int) -> "Candidate":
        return replace(self, role=role, strength=strength)


@dataclass(frozen=True)
class Mention:
    """A category named in the text."""

    category: str
    start: int
    end: int


def find_mentions(text: str, lex: Lexicon) -> list[Mention]:
    return [Mention(lex.category_at(m), m.start(), m.end()) for m in lex.category_re.finditer(text)]


def indefinite_numbers(text: str, lex: Lexicon, mentions: list[Mention]) -> list[Number]:
    """"a helicopter", "another Russian aircraft": one, when a category noun follows within two words."""
    if lex.indefinite_re is None:
        return []
    starts = [m.start for m in mentions]
    vague = lex.cue.get("vague")
    found = []
    for m in lex.indefinite_re.finditer(text):
        index = bisect_left(starts, m.end())
        gap = text[m.end():mentions[index].start] if index < len(mentions) else ""
        if _INDEFINITE_GAP.fullmatch(gap) and not (vague and vague.search(gap)):
            found.append(Number(1, m.start(), m.end(), word=True))
    return found


def build(text: str, lex: Lexicon, segments: Segments, numbers: list[Number], mentions: list[Mention],
          indefinite: set[int]) -> list[Candidate]:
    """One candidate per number that names (or inherits) a category."""
    candidates: list[Candidate] = []
    mention_index = 0
    attached: set[int] = set()     # mentions that already have their number
    by_number: dict[int, Candidate] = {}
    ordered = sorted(mentions, key=lambda m: m.start)
    for number in numbers:
        sentence = segments.sentence_at(number.start)
        before = text[max(sentence.start, number.start - 12):number.start]
        if _DAILY_MARK.search(before) or _MINUS_MARK.search(before):
            # "(+14)": the day's change of the figure just before it.
            previous = _last_in_line(candidates, text, number.start)
            if previous is not None:
                value = number.value if _DAILY_MARK.search(before) else 0
                candidates.append(Candidate(previous.category, value, number.start, number.end, "daily", STRUCTURE,
                                            structured=True, sentence=previous.sentence, paragraph=previous.paragraph))
            continue
        label = _label_before(text, number, ordered, mention_index)
        category, structured, following = None, False, None
        if label is not None:
            category, structured = label.category, True
            attached.add(id(label))
        elif not _is_year(text, number):
            following = _noun_after(text, number, ordered)
            if following is not None:
                category = following.category
                attached.add(id(following))
        if number.start in indefinite and following is None:
            continue
        if category is None:
            inherited = _inherit(text, lex, number, ordered, attached, candidates, segments)
            if inherited is None:
                continue
            category = inherited
        rounded, approximate = _qualifiers(text, lex, number, sentence.start)
        candidate = Candidate(
            category, number.value, number.start, number.end, None, INFERRED,
            rounded=rounded or (number.round_form and not structured), approximate=approximate,
            structured=structured, sentence=segments.sentence_index(number.start),
            paragraph=segments.paragraph_index(number.start),
            increment=_is_increment(text, lex, number, following), indefinite=number.start in indefinite,
        )
        candidates.append(candidate)
        by_number[number.start] = candidate
        while mention_index < len(ordered) and ordered[mention_index].end <= number.start:
            mention_index += 1
    return _distribute_qualifiers(text, candidates)


def _label_before(text: str, number: Number, mentions: list[Mention], hint: int) -> Mention | None:
    """"tanks ‒ 2449", "Personnel – about 14400", "особового складу / personnel ‒ близько/ about 61330"."""
    line_start = text.rfind("\n", 0, number.start) + 1
    best = None
    for mention in mentions:
        if mention.end > number.start:
            break
        if mention.start >= line_start and number.start - mention.end <= 60:
            best = mention
    if best is None:
        return None
    gap = text[best.end:number.start]
    return best if _LABEL_GAP.fullmatch(gap) else None


def _noun_after(text: str, number: Number, mentions: list[Mention]) -> Mention | None:
    """"2,449 tanks", "15 Russian tanks", "31 units of automotive equipment"."""
    for mention in mentions:
        if mention.start < number.end:
            continue
        if mention.start - number.end > 40:
            return None
        return mention if _NUMBER_FIRST_GAP.fullmatch(text[number.end:mention.start]) else None
    return None


def _inherit(text: str, lex: Lexicon, number: Number, mentions: list[Mention], attached: set[int],
             candidates: list[Candidate], segments: Segments) -> str | None:
    """A number with no noun of its own counts what its sentence names ("losses ... numbered 61,330")."""
    sentence = segments.sentence_at(number.start)
    clause = text[sentence.start:number.start]
    if _looks_like_non_figure(text, number):
        return None
    if not (lex.has("loss", text[sentence.start:sentence.end]) or lex.has("total", clause)):
        return None
    inclusion = lex.find("inclusion", clause)
    if inclusion and len(clause) - inclusion[-1].end() <= 12:
        same = [c for c in candidates if c.start >= sentence.start]
        if same:
            return same[-1].category
    named = [m for m in mentions if sentence.start <= m.start and m.end <= number.start]
    if named and lex.has("total_after", text[named[-1].end:number.start]):
        # "one helicopter, which takes the number destroyed to 227": the total of what was just named.
        return named[-1].category
    free = [m for m in named if id(m) not in attached]
    return free[-1].category if free else None


def _is_year(text: str, number: Number) -> bool:
    """"от 2015 года информация о военных ...": a year, not a count of the noun after it."""
    return bool(regex.fullmatch(r"(?:19|20)\d\d", text[number.start:number.end])
                and regex.match(r"\s*(?:року|рік|році|р\.|года|году|год|г\.|yılı|year)", text[number.end:number.end + 8]))


def _looks_like_non_figure(text: str, number: Number) -> bool:
    """Years, percentages, money, ordinals and 'day 730' are never loss figures."""
    before = text[max(0, number.start - 12):number.start].lower()
    after = text[number.end:number.end + 12].lower()
    raw = text[number.start:number.end]
    if regex.fullmatch(r"(?:19|20)\d\d", raw):
        return True
    if regex.match(r"\s*(?:%|percent|per cent|процент|відсот|prozent|pour cent|por ciento|per cento|procent|yüzde)", after):
        return True
    if regex.search(r"[$€£₴₽]\s*$|\bday\s*$|\bдень\s*$|№\s*$|\bno\.\s*$|\bunit\s*$", before):
        return True
    return bool(regex.match(r"\s*(?:days?|years?|hours?|km|miles|square|billion|million dollars|дн|год|рок)", after))


def _qualifiers(text: str, lex: Lexicon, number: Number, floor: int) -> tuple[bool, bool]:
    """Is the figure a rounding ("more than 53,000") or approximate ("about 61,330")?"""
    before = text[max(floor, number.start - 40):number.start]
    tail = regex.search(r"(?:[\p{L}'’]+[ \t\u00a0,]*){1,3}$", before)
    window = tail.group() if tail else ""
    rounded = any(m.end() >= len(window) - 2 for m in lex.find("rounded", window))
    approximate = any(m.end() >= len(window) - 2 for m in lex.find("approximate", window))
    return rounded, approximate


def _is_increment(text: str, lex: Lexicon, number: Number, following: Mention | None) -> bool:
    """"four more tanks", "a further 23 tanks", "another 500 soldiers": the day's additions."""
    before = text[max(0, number.start - 20):number.start]
    if any(m.end() >= len(before) - 2 for m in lex.find("increment", before)):
        return True
    if following is not None:
        return lex.has("increment", text[number.end:following.start])
    return False


def _last_in_line(candidates: list[Candidate], text: str, offset: int) -> Candidate | None:
    if not candidates:
        return None
    last = candidates[-1]
    between = text[last.end:offset]
    return last if len(between) <= 12 and "\n" not in between else None


def _distribute_qualifiers(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """"around 11,200 tanks, 23,000 armoured vehicles and 56,000 drones": the qualifier covers the list."""
    out: list[Candidate] = []
    for candidate in candidates:
        if out and not candidate.structured and not candidate.rounded and not candidate.approximate:
            previous = out[-1]
            gap = text[previous.end:candidate.start]
            if (previous.rounded or previous.approximate) and not previous.structured and len(gap) < 60 \
                    and regex.fullmatch(r"[^.;:!?\d\n]*?(?:,|\band\b|\bи\b|\bі\b|\bта\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\bve\b)[^.;:!?\d\n]*", gap):
                candidate = replace(candidate, rounded=previous.rounded, approximate=previous.approximate)
        out.append(candidate)
    return out
