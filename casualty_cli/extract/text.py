"""Sentences and paragraphs with their offsets: the scopes in which cues apply."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex

# A sentence ends at . ! ? ; or a line break, when what follows starts a new sentence (a capital, a quote,
# a bullet or a digit after a line break), and the word before is no abbreviation such as "Feb." or "U.S.".
_END = regex.compile(r"[.!?;](?=[\"'»”’)\]]*\s+[\"'«“(\[•\-–—*]*[\p{Lu}\p{N}•])|[.!?](?=[\"'»”’]*\s*$)|\n+")
_ABBREVIATION = regex.compile(
    r"(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mr|mrs|ms|dr|gen|lt|col|maj|sgt|st|no|vs|approx|"
    r"ca|etc|inc|ltd|corp|dept|govt|pp|p|ст|г|гг|тис|млн|тыс|р|ул|ім|им|bzw|ca|nr|mln|mld|tys|ok|bkz|vb)|"
    r"\b\p{Lu}|\b(?:u\.s|u\.k|e\.u))$",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class Segment:
    start: int
    end: int


class Segments:
    """Sentence and paragraph boundaries of one text, with fast lookup of the sentence around an offset."""

    def __init__(self, text: str):
        self.text = text
        self.sentences = _sentences(text)
        self._starts = [s.start for s in self.sentences]
        # Paragraphs are lines: web text keeps one paragraph (or one list item) per line.
        self.paragraphs = [Segment(m.start(), m.end()) for m in regex.finditer(r"[^\n]*\S[^\n]*", text)]
        self._paragraph_starts = [p.start for p in self.paragraphs]

    def sentence_at(self, offset: int) -> Segment:
        index = max(0, bisect_right(self._starts, offset) - 1)
        return self.sentences[index] if self.sentences else Segment(0, len(self.text))

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def paragraph_index(self, offset: int) -> int:
        return max(0, bisect_right(self._paragraph_starts, offset) - 1)

    def paragraph_at(self, offset: int) -> Segment:
        return self.paragraphs[self.paragraph_index(offset)] if self.paragraphs else Segment(0, len(self.text))


def _sentences(text: str) -> list[Segment]:
    segments, start = [], 0
    for m in _END.finditer(text):
        if m.group().startswith("."):
            head = text[max(0, m.start() - 8):m.start()]
            if _ABBREVIATION.search(head):
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
