"""Numbers as written in the reports: "61,330", "61 330", "43.200", "1.1 million", "646 тис. 400", "five".

Every number keeps its span in the text and whether it is a round figure by its form (given in
thousands or millions without the rest), which the resolver treats as a journalist's rounding.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import partial
from operator import itemgetter
from typing import NamedTuple

import regex

from .lexicon import Hits

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
    rf"{_FIRST_DIGIT}(?<![\w.,]\d)(?<!\d{_GROUP}\d)(?:"  # "5 0001": a broken grouping is no number of its own
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
_REST = regex.compile(rf"\.?[ \t\u00a0\u2009\u202f]*([0-9]{{1,3}}(?:{_GROUP}[0-9]{{3}})*)(?![0-9.,])")


def find_numbers(text: str, hits: Hits, masked: list[tuple[int, int]] | None = None) -> list[Number]:
    """Every number in the text, in order, outside the masked spans (dates)."""
    found: list[Number] = []
    taken = Intervals(masked or [])
    multiplied = hits.all("multiplier")
    for hit in multiplied:
        # "1.1 million", "20 thousand", "646 тис. 400", "1 мільйон 209 880"
        lead = _LEAD.search(text, max(0, hit.s - 24), hit.s)
        if lead is None or taken.overlaps(lead.start(1), hit.e):
            continue
        try:
            value = float(lead.group(1).replace(",", "."))
        except ValueError:
            continue
        value *= hit.value
        rest = _REST.match(text, hit.e, hit.e + 40)  # a short end: the regex engine scans up to it
        remainder = digits_value(rest.group(1)) if rest else None
        if rest is not None and remainder is not None and remainder < hit.value and "." not in lead.group(1) and "," not in lead.group(1):
            found.append(Number(int(round(value)) + remainder, lead.start(1), rest.end(1)))
            taken.add(lead.start(1), rest.end(1))
        else:
            found.append(Number(int(round(value)), lead.start(1), hit.e, round_form=True))
            taken.add(lead.start(1), hit.e)
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
        if reaches[bisect_left(starts, word.e)] > word.s:
            index += 1
            continue
        value, end = word.value, word.e
        if index + 1 < len(words):
            unit = words[index + 1]
            if value >= 20 and value % 10 == 0 and unit.value < 10 and unit.s - word.e == 1 \
                    and text[word.e] in " -\u2010\u2011":
                value, end = value + unit.value, unit.e
                index += 1
        found.append(_new_number((value, word.s, end, False, True)))
        index += 1
    if multiplied or words:  # otherwise the numbers came in order
        found.sort(key=_START)
    return found


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
