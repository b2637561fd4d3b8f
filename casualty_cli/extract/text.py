"""Sentences and paragraphs with their offsets: the scopes in which cues apply.

Built for every text, so the work per character is left to C: sentence ends are found by patterns that start
with a literal character, lines (with and without their trailing blanks) by one regex, and the word before a dot
mostly by str methods.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import repeat
from operator import itemgetter
from typing import Iterable, NamedTuple

import re

# A sentence may end at . ! ? ; before blanks and what may start a sentence (checked in _sentence_spans: a capital,
# a digit, a bullet), at . ! ? at the very end, and at every line break. The full stop has a
# pattern of its own: sre finds a literal first character by a plain loop, where a leading class ([.!?;]) costs a
# call per character of the text; so do the rarer ! ? ;, each looked for only when present.
# A mark with nothing but blanks after it on its line ends a sentence where its line does anyway: the patterns
# skip it (_NOT_AT_LINE_END), and so spare most full stops the abbreviation check in Python.
_NOT_AT_LINE_END = r"(?![^\S\n]*(?:\n|$))"
_BEFORE_NEXT = r"(?=[\"'»”’)\]]*\s+[\"'«“(\[•\-–—*]*([\w•]))"
_AT_TEXT_END = r"(?=[\"'»”’]*\s*$)"
_FULL_STOP = re.compile(rf"\.{_NOT_AT_LINE_END}(?:{_BEFORE_NEXT}|{_AT_TEXT_END})")
_OTHER_MARKS = (
    ("!", re.compile(rf"!{_NOT_AT_LINE_END}(?:{_BEFORE_NEXT}|{_AT_TEXT_END})")),
    ("?", re.compile(rf"\?{_NOT_AT_LINE_END}(?:{_BEFORE_NEXT}|{_AT_TEXT_END})")),
    (";", re.compile(rf";{_NOT_AT_LINE_END}{_BEFORE_NEXT}")),
)
# A figure's cues are looked for in its sentence, but no further than SCOPE characters either side: longer than any
# real clause, and a text without full stops then costs linear time, not quadratic.
SCOPE = 400
# A line from its first non-blank character to its line break (. stops only at \n), and in group 1 without the
# blanks at its end: the paragraph and, unless a sentence ends inside it, the sentence. (.* runs to the line
# break in C and gives back only the trailing blanks.)
_LINE = re.compile(r"(\S(?:.*\S)?)[^\S\n]*")
# The word before a dot: letters, maybe with inner dots ("U.S"). Matched on the reversed window (such words read
# the same both ways), the longest one ending at the dot is a single match, not a search from every position.
_WORD_REVERSED = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*")
_NEXT_WORD = re.compile(r"\w+")
_WORD_WINDOW = 12  # characters before a dot in which its word is looked for (_is_abbreviation)


class Segment(NamedTuple):
    start: int
    end: int


_FIRST = itemgetter(0)


def _segments(spans: Iterable[tuple[int, int]]) -> list[Segment]:
    """Segments of (start, end) pairs: the one place they are made.

    A text has a hundred of them, and both Segment(a, b) and Segment._make run Python code for each, where
    tuple.__new__ is one C call: measured 5 µs a document, 1.4% of parse_text.
    """
    return list(map(tuple.__new__, repeat(Segment), spans))


class Segments:
    """Sentence and paragraph boundaries of one text, with fast lookup of the sentence around an offset.

    `abbreviations` (lower case, without the dot: "feb", "u.s") never end a sentence. `sentence_starts` and
    `paragraph_starts` are the starts of `sentences` and `paragraphs`, for callers that bisect them themselves.
    """

    def __init__(self, text: str, abbreviations: frozenset[str] = frozenset(), months: frozenset[str] = frozenset()):
        self.text = text
        # Paragraphs are lines: web text keeps one paragraph (or one list item) per line.
        lines = list(_LINE.finditer(text))
        paragraphs = list(map(re.Match.span, lines))
        self.paragraphs = _segments(paragraphs)
        self.paragraph_starts = list(map(_FIRST, paragraphs))
        self.sentences = _sentences(text, abbreviations, months, list(map(re.Match.span, lines, repeat(1))))
        self.sentence_starts = list(map(_FIRST, self.sentences))
        # What sentence_at gives when there is no sentence at all (a blank text).
        self._whole = Segment(0, len(text))

    # The lookups are asked thousands of times per text: each is one bisect.
    def sentence_at(self, offset: int) -> Segment:
        if not self.sentences:
            return self._whole
        index = bisect_right(self.sentence_starts, offset) - 1
        return self.sentences[index if index > 0 else 0]

    def sentence_index(self, offset: int) -> int:
        index = bisect_right(self.sentence_starts, offset) - 1
        return index if index > 0 else 0

    def paragraph_index(self, offset: int) -> int:
        index = bisect_right(self.paragraph_starts, offset) - 1
        return index if index > 0 else 0


def _sentences(text: str, abbreviations: frozenset[str], months: frozenset[str],
               lines: list[tuple[int, int]]) -> list[Segment]:
    """Each sentence, without the blanks around it: every line (`lines`: without their blanks) ends one, and so
    does every mark _sentence_ends finds inside a line."""
    ends = _sentence_ends(text, abbreviations, months)
    if not ends:
        return _segments(lines)
    spans: list[tuple[int, int]] = []
    ends.append(len(text) + 1)  # a sentinel past every line
    index, cut = 0, ends[0]
    for start, end in lines:
        # An end is the offset after its mark, which is no blank, inside a line (more than blanks follow it there):
        # the sentence before it needs no trimming, the one after it starts at the next non-blank.
        while cut < end:
            spans.append((start, cut))
            rest = text[cut:end]
            start = end - len(rest.lstrip())
            index += 1
            cut = ends[index]
        spans.append((start, end))
    return _segments(spans)


def _sentence_ends(text: str, abbreviations: frozenset[str], months: frozenset[str]) -> list[int]:
    """The offsets right after the marks that end a sentence inside a line, in order.

    The dot of an ordinal day before a month name ("26. Oktober", "3. listopadu") ends no sentence."""
    ends = []
    for m in _FULL_STOP.finditer(text):  # the match is the dot alone: the rest is look-ahead
        following = m[1]
        if following and not (following.isupper() or following.isdigit() or following == "•"):
            continue
        dot = m.start()
        before_dot = text[dot - _WORD_WINDOW if dot > _WORD_WINDOW else 0:dot]
        # Most dots follow a plain word ("said."): looked up here, without the call _is_abbreviation costs.
        word = before_dot.rpartition(" ")[2]
        if word.isalpha():
            if word.lower() in abbreviations or (len(word) == 1 and word.isupper()):
                continue
        elif len(word) <= 2 and word.isdigit() and following:
            next_word = _NEXT_WORD.match(text, m.start(1))
            if next_word and next_word[0].lower() in months:
                continue
        elif _is_abbreviation(before_dot, abbreviations):
            continue
        ends.append(dot + 1)
    marked = False
    for mark, pattern in _OTHER_MARKS:
        if mark in text:
            marked = True
            for m in pattern.finditer(text):
                following = m[1]
                if following and not (following.isupper() or following.isdigit() or following == "•"):
                    continue
                ends.append(m.end())
    if marked:
        ends.sort()
    return ends


def _is_abbreviation(before_dot: str, abbreviations: frozenset[str]) -> bool:
    """"Feb. 24", "U.S. officials", an initial: whether the word ending `before_dot` makes its dot end no sentence.

    The word is the longest run of letters (and inner dots) at the end, where a final line break is passed over
    (as `$` does before a final newline).
    """
    if before_dot.endswith("\n"):
        before_dot = before_dot[:-1]
    word = before_dot.rpartition(" ")[2]
    if not word.isalpha():  # not simply "said": a digit, sign or dot in it, or nothing
        match = _WORD_REVERSED.match(before_dot[::-1])
        if not match:
            return False
        word = match.group()[::-1]
    return word.lower() in abbreviations or (len(word) == 1 and word.isupper())
