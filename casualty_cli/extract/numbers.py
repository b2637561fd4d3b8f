"""Numbers as written in the reports: "61,330", "61 330", "43.200", "1.1 million", "646 тис. 400", "five".

Every number keeps its span in the text and whether it is a round figure by its form (given in
thousands or millions without the rest), which the resolver treats as a journalist's rounding.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import partial
from itertools import compress
from operator import itemgetter
from typing import Callable, NamedTuple

import regex

from .lexicon import Hit, Hits
from .words import Words

MAX_DIGITS = 12  # no loss figure is longer; longer runs of digits are identifiers, not figures

_GROUP = r"[ \u00a0\u2009\u202f]"
# The engine looks for the first digit character by character over every text, and \d costs it a look-up in the
# Unicode tables each time, where a class of code point ranges costs a bitmap test. The ranges hold every decimal
# digit: the ASCII ones, those of the scripts from Arabic to Myanmar, Khmer to Ol Chiki and Vai to Meetei Mayek,
# the fullwidth ones, and all beyond the BMP (no decimal digit lies between them, in Unicode 16 as the regex
# module's tables show). Latin, Cyrillic, punctuation, Georgian, Hangul... lie between them and are passed over
# at the cost of the bitmap test; (?<=\d) keeps the digits alone among the characters of the ranges.
_FIRST_DIGIT = r"[0-9\u0660-\u1099\u17e0-\u1c59\ua620-\uabf9\uff10-\uff19\U00010000-\U0010ffff](?<=\d)"
# The pattern starts with a plain digit, so the engine skips from digit to digit instead of trying its
# lookbehinds at every character; the lookbehinds therefore look back past that first digit.
DIGITS = (
    rf"{_FIRST_DIGIT}(?<![\w.,]\d)(?<!\d{_GROUP}\d)"  # "5 0001": a broken grouping is no number of its own
    # "T-62", "Su-25", "Ка-52", "Orlan-10": a number joined to a word by a hyphen names a model, and one joined to a
    # year ("2022-10", "2022-2023") a month or a year.
    r"(?<![^\W\d_][\-\u2010\u2011]\d)(?<!(?<![\d.,])(?:19|20)\d\d[\-\u2010\u2011]\d)(?:"
    r"\d{0,2}(?:,\d{3})+(?![\d])(?!\.\d)"
    r"|\d{0,2}(?:\.\d{3})+(?![\d])(?!,\d)"
    rf"|\d{{0,2}}(?:{_GROUP}\d{{3}})+(?![\d])"
    r"|\d*(?![\d])"
    r")(?![.,]\d)(?![^\W\d_])"
)
_DIGITS_RE = re.compile(DIGITS)  # the standard library's engine: this pattern runs over every text
_NON_DIGITS = re.compile(r"\D")


class Number(NamedTuple):
    value: int
    start: int
    end: int
    round_form: bool = False   # "1.1 million", "20 thousand": a figure given in round units
    word: bool = False         # written in words ("five")


_START = itemgetter(1)  # Number.start, read by position (by name it is a generic attribute look-up)
# Number(...) goes through a __new__ written in Python; the figures found here are made without it.
_new_number = partial(tuple.__new__, Number)


def digits_value(text: str) -> int | None:
    digits = _NON_DIGITS.sub("", text)
    if not digits or len(digits) > MAX_DIGITS:
        return None
    return int(digits)


_LEAD = regex.compile(r"(?<![\p{L}\p{N}.,])([0-9]+(?:[.,][0-9]+)?)[ \t\u00a0\u2009\u202f]*$")
# The rest after a unit, grouped as figures are ("1 Million 150.320", "1 мільйон 150 320").
_REST = regex.compile(rf"\.?[ \t\u00a0\u2009\u202f]*([0-9]{{1,3}}(?:(?:{_GROUP}|[.,])[0-9]{{3}})*)(?![0-9]|[.,][0-9])")


def find_numbers(text: str, hits: Hits, masked: list[tuple[int, int]] | None = None,
                 glued: list[Hit] | None = None) -> list[Number]:
    """Every number in the text, in order, outside the masked spans (dates).

    `glued`: the units written together with their number (glued_units), read as the units standing apart are."""
    found: list[Number] = []
    taken = Intervals(masked or [])
    multiplied = hits.all("multiplier")
    if glued:
        multiplied = sorted(multiplied + glued)
    if multiplied:
        _multiplied(text, hits, multiplied, found, taken)
    # From here on the taken spans are only read: look their overlaps up instead of looping over spans.
    starts, reaches = taken.starts, taken.reaches()
    for match in _DIGITS_RE.finditer(text):
        start, end = match.span()
        if reaches[bisect_left(starts, end)] > start:
            continue
        digits = match[0]
        if not digits.isdigit():
            # "61,330", "43.200", "1 209 880": a grouped figure's separator stands before its last three digits
            # (str.replace costs a fifth of a regex call; blanks of two kinds are left to the regex).
            digits = digits.replace(digits[-4], "")
            if not digits.isdigit():
                digits = _NON_DIGITS.sub("", digits)
        if len(digits) <= MAX_DIGITS:
            found.append(_new_number((int(digits), start, end, False, False)))
    words = hits.all("number")
    index = 0
    while index < len(words):
        # "twenty-six", "twenty six": tens and units.
        word = words[index]
        if reaches[bisect_left(starts, word.end)] > word.start:
            index += 1
            continue
        value, end = word.value, word.end
        if index + 1 < len(words):
            unit = words[index + 1]
            if value >= 20 and value % 10 == 0 and unit.value < 10 and unit.start - word.end == 1 \
                    and text[word.end] in " -\u2010\u2011":
                value, end = value + unit.value, unit.end
                index += 1
        found.append(_new_number((value, word.start, end, False, True)))
        index += 1
    if multiplied or words:  # otherwise the numbers came in order
        found.sort(key=_START)
    return found


def _multiplied(text: str, hits: Hits, multiplied: list[Hit], found: list[Number], taken: "Intervals") -> None:
    """Numbers given with units of thousands and millions, added to `found` and `taken`: "1.1 million" and
    "20 thousand" are round figures; "646 тис. 400", "1 мільйон 150 320", "1 milyon 340 bin 120" and
    "1 million 150 thousand 320" name every digit; "one million", "d'un million" are round too."""
    following = {hit.start: hit for hit in multiplied}  # a unit by where it starts, to chain the next one
    chained: set[int] = set()
    words: list[Hit] | None = None
    word_ends: list[int] = []
    for hit in multiplied:
        if hit.start in chained:
            continue  # the smaller unit of a figure read already ("150 thousand" of "1 million 150 thousand")
        lead = _LEAD.search(text, max(0, hit.start - 24), hit.start)
        if lead is not None:
            start, written = lead.start(1), lead.group(1)
            try:
                value = float(written.replace(",", "."))
            except ValueError:
                continue
            whole = "." not in written and "," not in written  # "1,1 млн" is a rounding, never "1,1 млн 320"
        else:
            # "one million", "d'un million", "два миллиона": a number word right before the unit.
            if words is None:
                words = hits.all("number")
                word_ends = [w.end for w in words]
            word = _word_before(text, words, word_ends, hit.start)
            if word is None:
                continue
            start, value, whole = word.start, float(word.value), True
        if taken.overlaps(start, hit.end):
            continue
        value, unit, end, exact = value * hit.value, hit.value, hit.end, False
        while whole:
            rest = _REST.match(text, end, end + 40)  # a short end: the regex engine scans up to it
            part = digits_value(rest.group(1)) if rest else None
            if part is None or part >= unit:
                break
            gap = _BLANKS.match(text, rest.end(1))
            smaller = following.get(gap.end()) if gap else None
            if smaller is not None and smaller.value < unit and part * smaller.value < unit:
                # "1 million 150 thousand ...": the next unit goes on with the figure.
                chained.add(smaller.start)
                value, unit, end = value + part * smaller.value, smaller.value, smaller.end
                continue
            value, end, exact = value + part, rest.end(1), True
            break
        found.append(Number(int(round(value)), start, end, round_form=not exact))
        taken.add(start, end)


_GLUED = re.compile(r"\d+([^\W\d_]+)")
_FIRST_CHAR = itemgetter(0)


def glued_units(words: Words, scan: Callable[[str], Hits]) -> list[Hit]:
    """The units of thousands and millions written together with their number ("427mila", "10тыс.", "5млн"), as
    multiplier hits: the number before them is then read as before a unit standing apart ("427 mila").

    Only the language's own unit words count (`scan`: its phrase scan, asked about the letters after the digits),
    so "10th", "155mm" or "24h" stay what they are. Words starting with a digit are picked out in C; most of them
    are plain numbers and cost one isdigit()."""
    units: list[Hit] = []
    for word, start in compress(zip(words.words, words.starts), map(str.isdigit, map(_FIRST_CHAR, words.words))):
        if word.isdigit():
            continue
        glued = _GLUED.fullmatch(word)
        if glued is None:
            continue
        letters = glued.group(1)
        found = scan(letters).all("multiplier")
        # The unit is the whole rest of the word: "5млнов" is no unit.
        if found and found[0].start == 0 and found[0].end == len(letters):
            units.append(Hit(start + glued.start(1), start + len(word), found[0].value))
    return units


_BLANKS = regex.compile(r"[ \t\u00a0\u2009\u202f]{0,2}")


def _word_before(text: str, words: list[Hit], ends: list[int], offset: int) -> Hit | None:
    """The number word ending just before `offset` (`ends`: where each of `words` ends), with blanks between."""
    index = bisect_left(ends, offset + 1) - 1
    if index < 0:
        return None
    word = words[index]
    return word if offset - word.end <= 2 and not text[word.end:offset].strip() else None


class Intervals:
    """Spans already taken (dates, multiplied numbers), kept sorted for a binary search."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def add(self, start: int, end: int) -> None:
        index = bisect_left(self.starts, start)
        self.starts.insert(index, start)
        self.spans.insert(index, (start, end))

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_left(self.starts, end)
        # Spans never nest deeply: the few just before `end` are the only ones that can reach `start`.
        for s, e in self.spans[max(0, index - 3):index]:
            if s < end and start < e:
                return True
        return False

    def reaches(self) -> list[int]:
        """How far the spans that overlaps() examines reach: overlaps(start, end) is
        reaches()[bisect_left(starts, end)] > start, one look-up instead of a loop."""
        ends = [-1, -1, -1] + [e for _, e in self.spans]
        return list(map(max, ends, ends[1:], ends[2:]))  # the furthest end of each three spans in a row
