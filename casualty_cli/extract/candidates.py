"""Candidates: every (number, category, role cue) the text offers, before anything is decided.

A number gets its category from the list line it stands in ("tanks ‒ 2449 (+14)"), from the noun after
it ("2,449 tanks"), or from the noun earlier in its sentence ("losses ... numbered 61,330"). Its role
(totals, daily, previous) comes from the cue nearest to it in its sentence; structure ("(+14)") beats
words. Nothing is dropped here except what can never be a report figure; resolve.py decides.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import itemgetter

import regex

from .lexicon import Hit, Hits
from .numbers import Number
from .text import SCOPE, Segment, Segments

# Strength of the evidence for a candidate's role.
STRUCTURE, CUE, INFERRED = 3, 2, 1

# A label may be followed by its translation ("танки / tanks ‒ 3363", "кораблі/катери / warships / boats ‒ 18").
_TRANSLATION = r"(?:/[ \t\u00a0]*[\p{L}'’\-]+(?:[ \t\u00a0/]+[\p{L}'’\-]+){0,5}[ \t\u00a0]*)?"
_LABEL_GAP = regex.compile(
    rf"[ \t\u00a0/]*{_TRANSLATION}(?:\([^()\n]{{0,30}}\)[ \t\u00a0]*)?[‒–—\-:=][ \t\u00a0]*(?:[\p{{L}}.]+[ \t\u00a0/]*){{0,3}}$")
# A label's gap has one of these ("tanks ‒ 2449"); the standard library's engine finds it fastest.
_LABEL_DASH = re.compile(r"[‒–—\-:=]")
_DASHES = frozenset("‒–—-:=")
_QUOTES = "\"«»“”„″"
# Between a number and its noun: up to three words, and the day's change and quote marks
# ("6.416 (+10) Kampfpanzer", "180 pièces d'«équipement spécial»").
# A word there may be a model's name ("seven T-72 tanks", "two Ka-52 helicopters").
_GAP_WORD = r"[\p{L}'’\-]+(?:\d+\p{L}*)?"
_NUMBER_FIRST_GAP = regex.compile(
    rf"[ \t\u00a0]*(?:\([^()\n]{{0,30}}\)[ \t\u00a0]*)?[{_QUOTES}]?[ \t\u00a0]*"
    rf"(?:{_GAP_WORD}(?:[{_QUOTES} \t\u00a0]+|(?<=['’]))){{0,3}}")
_NO_GAP_START = frozenset(")]}.,;:!?\n\r0123456789")  # characters that can start no such gap
# A number followed by its day's change, "6.416 (+10)", is the cumulative figure.
_CHANGE_AFTER = regex.compile(r"[ \t\u00a0]*\(\s*[+\-−–]\s*[\d\s.,]*(?:\)|[\s\p{L}]{0,30}\))")
# "17 czołgów (w sumie 4965)": a number in brackets right after a figure and its noun counts the same thing.
_BRACKET_AFTER_FIGURE = regex.compile(r"[ \t\u00a0]*(?:[\p{L}'’\-]+[ \t\u00a0]+){0,3}\([^()\d\n]{0,40}")
# "(+14)", "(-3)": a number in brackets after a sign is the day's change (a negative one counts as none).
_CHANGE_MARK = regex.compile(r"\(\s*([+\-−–])\s*$")
_YEAR = regex.compile(r"(?:19|20)\d\d")
_DIGIT = regex.compile(r"\d")
_LIST_BREAK = regex.compile(r"[.;:!?\d\n]")
_INDEFINITE_GAP = regex.compile(rf"[ \t\u00a0]+(?:{_GAP_WORD}[ \t\u00a0]+){{0,2}}")


@dataclass(slots=True)
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
    scope: tuple[int, int] = (0, 0)  # where its cues are looked for (Segments.scope)

    def with_role(self, role: str | None, strength: int) -> "Candidate":
        self.role, self.strength = role, strength
        return self


# A category named in the text is its hit: Hit(s, e, value=the category). Taken as it is, not copied into a
# tuple of its own: a text has a dozen of them, read only.
Mention = Hit

# Mentions and segments are (start, end, ...) tuples: their fields read by position, in C. By name, each is a
# generic attribute look-up through the named tuple's class.
_START, _END = itemgetter(0), itemgetter(1)


def find_mentions(hits: Hits, text: str) -> list[Mention]:
    """The categories named in the text, in order of their start (the Hits' own list: read only, unless a pair
    is joined, below).

    "vehicles and fuel tanks", "автомобільної техніки й автоцистерн", "automobili e autocisterne": fuel tanks
    named with the vehicles, in any wording, are the one category vehicles (counted apart only in early 2022).
    "tank losses": a word for people right after another category's name counts that category.
    """
    mentions = hits.all("category")
    pairs = [i for i in range(1, len(mentions))
             if (mentions[i].value == "fuel_tanks" and mentions[i - 1].value == "vehicles"
                 and _joined(text, hits, mentions[i - 1].end, mentions[i].start))
             or (mentions[i].value == "personnel" and mentions[i - 1].value != "personnel"
                 and mentions[i].start - mentions[i - 1].end == 1 and text[mentions[i - 1].end] == " ")]
    if not pairs:
        return mentions
    joined = list(mentions)
    for i in reversed(pairs):
        # "tank losses", "armored vehicle losses": a word of people after a weapon's name counts the weapon.
        joined[i - 1:i + 1] = [Hit(mentions[i - 1].start, mentions[i].end,
                                   "vehicles" if mentions[i].value == "fuel_tanks" else mentions[i - 1].value)]
    return joined


_JOIN_GAP = regex.compile(r"[ \t\u00a0]+(?:[\p{L}'’]+[ \t\u00a0]*){1,2}")


def _joined(text: str, hits: Hits, end: int, start: int) -> bool:
    """Only a list joiner between `end` and `start`, with a short word beside it ("and", "й", "et de")."""
    return start - end <= 14 and bool(_JOIN_GAP.fullmatch(text, end, start)) and hits.has("list_joiner", end, start)


def indefinite_numbers(text: str, hits: Hits, mentions: list[Mention]) -> list[Number]:
    """"a helicopter", "another Russian aircraft": one, when a category noun follows within two words."""
    starts = list(map(_START, mentions))
    found = []
    for article in hits.all("indefinite"):
        index = bisect_left(starts, article.end)
        if index >= len(starts):
            break
        noun_start = starts[index]
        if noun_start - article.end <= 40 and _INDEFINITE_GAP.fullmatch(text, article.end, noun_start) \
                and not hits.has("vague", article.end, noun_start):
            found.append(Number(1, article.start, article.end, word=True))
    return found


def build(text: str, hits: Hits, segments: Segments, numbers: list[Number], mentions: list[Mention],
          indefinite: set[int]) -> list[Candidate]:
    """One candidate per number that names (or inherits) a category.

    `mentions` are in order of their start, as find_mentions gives them (Hits keeps every section sorted).
    """
    candidates: list[Candidate] = []
    attached: set[int] = set()     # mentions that already have their number
    loose: set[int] = set()        # ... a rounded one, which a later exact figure may take
    starts, ends = list(map(_START, mentions)), list(map(_END, mentions))
    mention_count = len(mentions)
    # This loop runs for every number: it looks sentences and paragraphs up itself, as Segments does,
    # and compares rather than call max() and min().
    if segments.sentences:
        sentences, sentence_starts = segments.sentences, segments.sentence_starts
    else:
        sentences, sentence_starts = [Segment(0, len(text))], [0]
    paragraph_starts = segments.paragraph_starts
    # Most numbers have no cue beside them: where one may be is worked out once, so that they are spared
    # the searches of the hits.
    cues_end = _ends_near(hits, _CUES_BEFORE, _CUE_SLACK)
    rounded_after, increments = bool(hits.all("rounded_after")), bool(hits.all("increment"))
    partitives = bool(hits.all("partitive"))
    # A Number is unpacked once, and the helpers are given its offsets rather than the Number to read again.
    for value, start, end, round_form, word in numbers:
        sentence_index = bisect_right(sentence_starts, start) - 1
        if sentence_index < 0:
            sentence_index = 0
        sentence_start, sentence_end = sentences[sentence_index]
        floor = start - 12 if start - 12 > sentence_start else sentence_start
        if text.rfind("(", floor, start) >= 0:  # most numbers have no bracket before them
            if text.endswith("(+", floor, start):
                sign = "+"  # the common case, without the regex engine
            else:
                mark = _CHANGE_MARK.search(text[floor:start])
                sign = mark.group(1) if mark else None
            if sign:
                # "(+14)": the day's change of the figure just before it.
                previous = _last_in_line(candidates, text, start)
                if previous is not None:
                    candidates.append(Candidate(previous.category, value if sign == "+" else 0, start, end,
                                                "daily", STRUCTURE,
                                                structured=True, sentence=previous.sentence,
                                                paragraph=previous.paragraph, scope=previous.scope))
                continue
        nearest = bisect_left(starts, start)  # the first mention at the number or after it
        label = _label_before(text, start, mentions, ends, nearest)
        category, structured, listed, following = None, False, False, None
        if label is not None:
            category, structured = label.value, True
            attached.add(id(label))
            # "танки — 10 233 (+8 за минулу добу)": the figure before the day's change is the total, whatever
            # words the bracket holds.
            listed = _change_after(text, end, sentence_end)
        elif end - start != 4 or not _is_year(text, hits, start, end):  # a year has four characters
            noun_start = starts[nearest] if nearest < mention_count else -1
            if noun_start == end or (noun_start == end + 1 and text[end] == " "):
                following = mentions[nearest]  # "2,449 tanks", the common case, without the call
            else:
                following = _noun_after(text, end, mentions, starts, nearest)
                if following is not None and word and partitives and _partitive_after(text, hits, end):
                    # "one of its worst losses", "eines der": a pronoun, not a count ("1,160 of those" counts).
                    following = None
            if following is not None:
                category = following.value
                attached.add(id(following))
                # "6.416 (+10) Kampfpanzer", "10 233 танки (+8 за добу)": the total of a list line, as a label
                # line's figure is; a line that gives only a number and its noun ("1 310 РСЗВ;") is one of a list.
                noun_end = following.end
                listed = text.find("(", end, noun_end + 60) >= 0 and (
                    _change_after(text, end, sentence_end) or _change_after(text, noun_end, sentence_end))
                # (Most numbers stand in a line of prose, with no line break just before them: no call then.)
                structured = listed or ((start <= 5 or text.rfind("\n", start - 5, start) >= 0)
                                        and _list_line(text, start, noun_end))
        if following is None and start in indefinite:
            continue
        if category is None and candidates and candidates[-1].sentence == sentence_index \
                and start - candidates[-1].end <= 80 and text.find("(", candidates[-1].end, start) >= 0 \
                and _BRACKET_AFTER_FIGURE.fullmatch(text, candidates[-1].end, start):
            category = candidates[-1].category
        scope = (start - SCOPE if start - SCOPE > sentence_start else sentence_start,  # segments.scope(start, end)
                 end + SCOPE if end + SCOPE < sentence_end else sentence_end)
        if category is None:
            category = _inherit(text, hits, start, end, mentions, starts, attached, loose, candidates, scope, word)
            if category is None:
                continue
        if start in cues_end:
            bound, approximate, increment = _cues_before(hits, start, sentence_start)
        else:
            bound = approximate = increment = False
        if rounded_after and not bound:
            bound = _rounded_after(text, hits, end)
        # A qualifier makes a rounding of a round figure only: "up to 1,612 tanks" and "about 61,330" are exact.
        rounded = not (structured or listed) and ((bound and round_by_form(value, category, bound=True))
                                                  or (approximate and round_by_form(value, category, bound=False)))
        if rounded and following is not None:
            loose.add(id(following))   # "more than 288,000 invaders - exactly 288,630": free for the exact one
        if increments and not increment and following is not None and following.start - end > 1:
            # "15 more Russian tanks" (a cue is a word, which a gap of one character cannot hold)
            increment = hits.has("increment", end, following.start)
        role, strength = ("totals", STRUCTURE) if listed else (None, INFERRED)
        rounded = rounded or (round_form and not (structured or listed))
        structured = structured or listed
        if candidates and value % 100 == 0 and value >= 100 and not (structured or rounded or approximate) \
                and _list_qualified(text, hits, candidates[-1], start):
            # "around 11,200 tanks, 23,000 armoured vehicles": the qualifier before the list covers its figures.
            approximate = candidates[-1].approximate
            rounded = round_by_form(value, category, bound=not approximate)
        paragraph = bisect_right(paragraph_starts, start) - 1
        if paragraph < 0:
            paragraph = 0
        # Positional, the fields in their order: keywords would cost more than the rest of the call.
        candidates.append(Candidate(category, value, start, end, role, strength, rounded, approximate,
                                    structured, sentence_index, paragraph, increment, start in indefinite, scope))
    return candidates


_CUES_BEFORE = ("rounded", "approximate", "increment")
_CUE_SLACK = 3  # characters between a cue and its number ("more than 53,000", "about  61,330")


def _ends_near(hits: Hits, sections: tuple[str, ...], slack: int) -> set[int]:
    """The offsets at most `slack` characters after the end of a hit of `sections`: the only ones where
    Hits.ending_near can find one."""
    offsets: set[int] = set()
    for section in sections:
        for hit in hits.all(section):
            offsets.update(range(hit.end, hit.end + slack + 1))
    return offsets


def _change_after(text: str, offset: int, ceiling: int) -> bool:
    """"(+14)", "(+8 за добу)", "(-3)" right after `offset`: the day's change of the figure before it."""
    limit = offset + 60 if offset + 60 < ceiling else ceiling
    return text.find("(", offset, limit) >= 0 and bool(_CHANGE_AFTER.match(text, offset, limit))


# A line that holds one figure and its noun: after a bullet, if any, and before the day's change or a ";".
_LINE_START = regex.compile(r"[ \t\u00a0]*(?:[\-–—•*·▪►][ \t\u00a0]*)?")
_LINE_END = regex.compile(r"[ \t\u00a0]*(?:\([^()\n]{0,40}\)[ \t\u00a0]*)?[;,.]?[ \t\u00a0]*(?:\n|$)")


def _list_line(text: str, start: int, noun_end: int) -> bool:
    """"- 9,615 tanks;", "1 310 РСЗВ.": the number at `start` and its noun ending at `noun_end` are a line of
    their own, as the lines of a list are (a sentence that starts a line goes on after its noun)."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_LINE_START.fullmatch(text, line_start, start)) and bool(_LINE_END.match(text, noun_end))


def _label_before(text: str, start: int, mentions: list[Mention], ends: list[int], index: int) -> Mention | None:
    """"tanks ‒ 2449", "Personnel – about 14400", "особового складу / personnel ‒ близько/ about 61330":
    the label of the number at `start`. `index`: of the first mention at or after `start`."""
    index -= 1
    while index >= 0 and ends[index] > start:
        index -= 1
    if index < 0:
        return None
    gap = ends[index]
    # Cheap first tests: prose has no dash between a noun and a number, and a label is on its number's line.
    if start - gap > 60 or not _LABEL_DASH.search(text, gap, start) or text.find("\n", gap, start) >= 0:
        return None
    if text[gap:start].strip(" \t\u00a0") in _DASHES:
        return mentions[index]  # "tanks ‒ 2449", the common case, without the regex engine
    return mentions[index] if _LABEL_GAP.fullmatch(text, gap, start) else None


def _noun_after(text: str, end: int, mentions: list[Mention], starts: list[int], index: int) -> Mention | None:
    """"2,449 tanks", "15 Russian tanks", "31 units of automotive equipment": the noun of the number ending
    at `end`. `index`: of the first mention at or after the number's start."""
    while index < len(starts) and starts[index] < end:
        index += 1  # past a mention within the number
    if index >= len(starts) or starts[index] - end > 40:
        return None
    noun, gap_end = mentions[index], starts[index]
    if gap_end - end <= 1 and text[end:gap_end] in ("", " "):
        return noun  # "2,449 tanks", the common case, without the regex engine
    if text[end] in _NO_GAP_START:
        return None  # "2449 (+14);", "61,330. Tanks": the same, for the common misses
    return noun if _NUMBER_FIRST_GAP.fullmatch(text, end, gap_end) else None


def _partitive_after(text: str, hits: Hits, end: int) -> bool:
    """"one of", "один из", "l'un des": the word right after the number ending at `end` takes a part of a group."""
    after = hits.find("partitive", end, end + 12)
    return bool(after) and not text[end:after[0].start].strip()


def _inherit(text: str, hits: Hits, start: int, end: int, mentions: list[Mention], starts: list[int],
             attached: set[int], loose: set[int], candidates: list[Candidate], scope: tuple[int, int],
             word: bool) -> str | None:
    """A number at [start, end) with no noun of its own counts what its sentence (`scope`: Segments.scope) names
    ("losses ... numbered 61,330"), preferring a noun not `attached` to a number yet (or only `loose`ly).
    A number in words (`word`) counts one only beside a role cue ("trecento più di ieri"): "vier wichtige
    Marken" counts its own noun."""
    sentence_start, sentence_end = scope
    first = bisect_left(starts, sentence_start)
    last = bisect_left(starts, start)
    named = [m for m in mentions[first:last] if m.end <= start]
    after_figure = bool(candidates) and candidates[-1].start >= sentence_start
    # "... втратили 830 військових. З початку вторгнення росія втратила 1 226 420.": a figure of the sentence just
    # before, on the same line, which the bare number may count again.
    carried = not (named or after_figure or word) and bool(candidates) \
        and start - candidates[-1].end <= 200 and text.find("\n", candidates[-1].end, start) < 0
    if not (named or after_figure or carried):
        return None  # nothing before it in its sentence to count (half the numbers asked): no hits searched
    if _looks_like_non_figure(text, hits, start, end):
        return None
    if carried:
        # Only with a cue that makes it the same count at another time ("since the start", "a day earlier"), in
        # words about losses or of the General Staff.
        cued = hits.has("total", sentence_start, start) or hits.has("previous", sentence_start, start) \
            or hits.has("daily", sentence_start, sentence_end)
        spoken = hits.has("loss", sentence_start, sentence_end) or hits.has("general_staff", sentence_start, start)
        return candidates[-1].category if cued and spoken else None
    if not (hits.has("loss", sentence_start, sentence_end) or hits.has("total", sentence_start, start)):
        return None
    if after_figure and not word:
        inclusion = hits.find("inclusion", sentence_start, start)
        if inclusion and start - inclusion[-1].end <= 12:
            return candidates[-1].category
    if named and not word and hits.has("total_after", named[-1].end, start):
        # "one helicopter, which takes the number destroyed to 227": the total of what was just named.
        return named[-1].value
    free = [m for m in named if id(m) not in attached or id(m) in loose]
    if free and not word:
        return free[-1].value
    if named and _role_cue_beside(hits, start, end, sentence_start, sentence_end):
        # "690 soldiers were killed in the last day and about 105,250 since the start": the same count again.
        return named[-1].value
    return None


def _role_cue_beside(hits: Hits, start: int, end: int, floor: int, ceiling: int) -> bool:
    """A daily or total cue right before or after a number ("trecento più di ieri")."""
    for cue in ("daily", "total"):
        if hits.ending_near(cue, start, slack=12, floor=floor) is not None:
            return True
        after = hits.find(cue, end, min(ceiling, end + 40))
        if after and after[0].start - end <= 14:
            return True
    return False


def _is_year(text: str, hits: Hits, start: int, end: int) -> bool:
    """"от 2015 года информация о военных ...": a year, not a count of the noun after it."""
    if not _year_form(text, start, end):
        return False
    word = hits.find("year_word", end, end + 12)
    return bool(word) and not text[end:word[0].start].strip()


def _year_form(text: str, start: int, end: int) -> bool:
    """"2015": written as a year of these two centuries (cheap tests first: most numbers are not)."""
    return end - start == 4 and text.startswith(("19", "20"), start) and _YEAR.fullmatch(text, start, end) is not None


def _looks_like_non_figure(text: str, hits: Hits, start: int, end: int) -> bool:
    """Years, percentages, money, ordinals and 'day 730' are never loss figures."""
    if _year_form(text, start, end):
        return True
    after = hits.find("not_figure_after", end, end + 20)
    if after and not text[end:after[0].start].strip():
        return True
    return hits.ending_near("not_figure_before", start, slack=2) is not None


def round_by_form(value: int, category: str, *, bound: bool) -> bool:
    """Is `value` round enough for a qualifier before it to make it a journalist's rounding?

    A figure that names every digit stays the report's own whatever the word before it ("up to 1,612 tanks",
    "at least 231 planes", "rund 240.010", "près de 1 016 720"). A bound ("more than", "nearly", "über",
    "понад") rounds figures ending in hundreds, and tens of two-digit ones ("over 370", "más de 230"); "about"
    is the General Staff's own word for its figures ("about 17,700 personnel", "about 200 occupiers"), a
    rounding only in thousands of people or hundreds of anything else ("about 23,000 drones").
    """
    digits = str(value)
    zeros = len(digits) - len(digits.rstrip("0"))
    if bound:
        return zeros >= 2 or (zeros == 1 and len(digits) <= 3)
    return value >= 100 and zeros >= (3 if category == "personnel" else 2)


def _cues_before(hits: Hits, offset: int, floor: int) -> tuple[bool, bool, bool]:
    """Is the figure at `offset` bounded ("more than 53,000", "up to 1,612"), approximate ("about 61,330") or one
    of the day's additions ("four more tanks", "a further 23 tanks", "another 500 soldiers"), by the cue before it?"""
    return (hits.ending_near("rounded", offset, slack=_CUE_SLACK, floor=floor) is not None,
            hits.ending_near("approximate", offset, slack=_CUE_SLACK, floor=floor) is not None,
            hits.ending_near("increment", offset, slack=_CUE_SLACK) is not None)


def _rounded_after(text: str, hits: Hits, end: int) -> bool:
    """"12 binden fazla": a rounding cue after the figure ending at `end`."""
    after = hits.find("rounded_after", end, end + 25)
    return bool(after) and after[0].start - end <= 8 and not _DIGIT.search(text, end, after[0].start)


def _last_in_line(candidates: list[Candidate], text: str, offset: int) -> Candidate | None:
    """The figure a "(+N)" belongs to: the last one before it on its line, with only its noun between
    ("2449 (+14)", "17,043 armoured vehicles (+14)")."""
    if not candidates:
        return None
    last = candidates[-1]
    if offset - last.end > 90:  # "53 284 unités d'équipements automobiles et de camions-citernes (+89)"
        return None
    between = text[last.end:offset]
    if not between.strip(" (+-−–"):
        return last  # "2449 (+14)": nothing between but the bracket and sign, without the regex engine
    return last if "\n" not in between and not _LIST_BREAK.search(between) else None


def _list_qualified(text: str, hits: Hits, previous: Candidate, start: int) -> bool:
    """"around 11,200 tanks, 23,000 armoured vehicles and 56,000 drones": is the figure at `start` in the list of
    the `previous` one, which a qualifier stands before?"""
    return (previous.rounded or previous.approximate) and not previous.structured \
        and start - previous.end < 60 and _same_list(text, hits, previous.end, start)


def _same_list(text: str, hits: Hits, start: int, end: int) -> bool:
    """Two figures of one enumeration: joined by a comma or "and", with no sentence break or number between."""
    if _LIST_BREAK.search(text, start, end):
        return False
    return "," in text[start:end] or hits.has("list_joiner", start, end)
