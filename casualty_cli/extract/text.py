"""Sentences and paragraphs with their offsets: the scopes in which cues apply."""
from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

import re

# A sentence may end at . ! ? ; before blanks and what may start a sentence (checked in _sentences: a capital,
# a digit, a bullet), at . ! ? at the very end, and at every line break.
_END = re.compile(r"[.!?;](?=[\"'»”’)\]]*\s+[\"'«“(\[•\-–—*]*([\w•]))|[.!?](?=[\"'»”’]*\s*$)|\n+")
SCOPE = 400  # characters: longer than any real sentence clause
_LINE = re.compile(r"\S[^\n]*")  # linear: a line from its first non-blank character
_LAST_WORD = re.compile(r"([^\W\d_]+(?:\.[^\W\d_]+)*)$")


class Segment(NamedTuple):
    start: int
    end: int


class Segments:
    """Sentence and paragraph boundaries of one text, with fast lookup of the sentence around an offset.

    `abbreviations` (lower case, without the dot: "feb", "u.s") never end a sentence.
    """

    def __init__(self, text: str, abbreviations: frozenset[str] = frozenset()):
        self.text = text
        self.sentences = _sentences(text, abbreviations)
        self._starts = [s.start for s in self.sentences]
        # Paragraphs are lines: web text keeps one paragraph (or one list item) per line.
        self.paragraphs = [Segment(*m.span()) for m in _LINE.finditer(text)]
        self._paragraph_starts = [p.start for p in self.paragraphs]

    def sentence_at(self, offset: int) -> Segment:
        if not self.sentences:
            return Segment(0, len(self.text))
        index = bisect_right(self._starts, offset) - 1
        return self.sentences[index if index > 0 else 0]

    def scope(self, start: int, end: int | None = None) -> Segment:
        """Where the cues of a figure at [start, end) are looked for: its sentence, but no further than
        SCOPE characters either side, so a text without full stops costs linear time, not quadratic."""
        sentence = self.sentence_at(start)
        end = start if end is None else end
        return Segment(max(sentence.start, start - SCOPE), min(sentence.end, end + SCOPE))

    def sentence_index(self, offset: int) -> int:
        index = bisect_right(self._starts, offset) - 1
        return index if index > 0 else 0

    def paragraph_index(self, offset: int) -> int:
        index = bisect_right(self._paragraph_starts, offset) - 1
        return index if index > 0 else 0

    def paragraph_at(self, offset: int) -> Segment:
        return self.paragraphs[self.paragraph_index(offset)] if self.paragraphs else Segment(0, len(self.text))


def _sentences(text: str, abbreviations: frozenset[str]) -> list[Segment]:
    segments, start = [], 0
    for m in _END.finditer(text):
        following = m.group(1)
        if following and not (following.isupper() or following.isdigit() or following == "•"):
            continue
        if m.group().startswith("."):
            word = _LAST_WORD.search(text, max(0, m.start() - 12), m.start())
            # "Feb. 24", "U.S. officials", an initial: a dot that ends no sentence.
            if word and (word.group(1).lower() in abbreviations or (len(word.group(1)) == 1 and word.group(1).isupper())):
                continue
        end = m.end()
        if text[start:end].strip():
            segments.append(_trim(text, start, end))
        start = end
    if text[start:].strip():
        segments.append(_trim(text, start, len(text)))
    return segments


def _trim(text: str, start: int, end: int) -> Segment:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Segment(start, end)
