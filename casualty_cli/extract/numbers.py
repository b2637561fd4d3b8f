"""Numbers as written in the reports: "61,330", "61 330", "43.200", "1.1 million", "646 тис. 400", "five".

Every number keeps its span in the text and whether it is a round figure by its form (given in
thousands or millions without the rest), which the resolver treats as a journalist's rounding.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .lexicon import FLAGS, WORD_END, WORD_START, Lexicon, alternation, lookup

MAX_DIGITS = 12  # no loss figure is longer; longer runs of digits are identifiers, not figures

_GROUP = r"[ \u00a0\u2009\u202f]"
DIGITS = (
    r"(?<![\p{L}\p{N}.,])(?<!\d[ \u00a0\u2009\u202f])(?:"  # "5 0001": a broken grouping is no number of its own
    r"\d{1,3}(?:,\d{3})+(?![\d])(?!\.\d)"
    r"|\d{1,3}(?:\.\d{3})+(?![\d])(?!,\d)"
    rf"|\d{{1,3}}(?:{_GROUP}\d{{3}})+(?![\d])"
    r"|\d+(?![\d])"
    r")(?![.,]\d)(?!\p{L})"
)
_DIGITS_RE = regex.compile(DIGITS, FLAGS)


@dataclass(frozen=True)
class Number:
    value: int
    start: int
    end: int
    round_form: bool = False   # "1.1 million", "20 thousand": a figure given in round units
    word: bool = False         # written in words ("five")

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


def digits_value(text: str) -> int | None:
    digits = regex.sub(r"\D", "", text)
    if not digits or len(digits) > MAX_DIGITS:
        return None
    return int(digits)


def _compile_multiplied(lex: Lexicon) -> regex.Pattern | None:
    names = alternation(lex.raw.get("numbers", {}).get("multipliers", {}).keys())
    if not names:
        return None
    decimal = regex.escape(lex.raw.get("numbers", {}).get("decimal", "."))
    # The multiplier may be an abbreviation ending in a dot ("тис."), so no word boundary is required after a dot.
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}.,])(?P<lead>\d+(?:[.,]\d+)?)\s*(?P<mult>(?:{names}))(?:(?<=\.)|{WORD_END})"
        rf"(?:\s*(?P<rest>\d{{1,3}}(?:{_GROUP}\d{{3}})*)(?![\d]))?",
        FLAGS,
    )


def _compile_words(lex: Lexicon) -> regex.Pattern | None:
    words = alternation(lex.raw.get("numbers", {}).get("words", {}).keys())
    if not words:
        return None
    # "twenty-six", "twenty six": tens and units.
    return regex.compile(rf"{WORD_START}(?P<a>{words})(?:[\-\s](?P<b>{words}))?{WORD_END}", FLAGS)


_compiled: dict[str, tuple] = {}


def _patterns(lex: Lexicon) -> tuple:
    if lex.code not in _compiled:
        _compiled[lex.code] = (_compile_multiplied(lex), _compile_words(lex))
    return _compiled[lex.code]


def find_numbers(text: str, lex: Lexicon, masked: list[tuple[int, int]] | None = None) -> list[Number]:
    """Every number in the text, in order, outside the masked spans (dates)."""
    multiplied, words = _patterns(lex)
    found: list[Number] = []
    taken = _Intervals(masked or [])
    if multiplied:
        for m in multiplied.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            mult = lookup(lex.multipliers, m.group("mult").rstrip("."))
            if mult is None:
                continue
            lead = m.group("lead").replace(",", ".")
            rest = digits_value(m.group("rest")) if m.group("rest") else None
            try:
                value = float(lead) * mult
            except ValueError:
                continue
            if rest is not None and rest < mult and "." not in lead:
                value += rest
                end, round_form = m.end(), False
            else:
                end, round_form = m.end("mult"), True
            found.append(Number(int(round(value)), m.start(), end, round_form=round_form))
            taken.add(m.start(), end)
    for m in _DIGITS_RE.finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        value = digits_value(m.group())
        if value is None:
            continue
        found.append(Number(value, m.start(), m.end()))
    if words:
        for m in words.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            a = lookup(lex.number_words, m.group("a"))
            b = lookup(lex.number_words, m.group("b")) if m.group("b") else None
            if a is None:
                continue
            if b is not None and a % 10 == 0 and a >= 20 and b < 10:
                found.append(Number(a + b, m.start(), m.end(), word=True))
            else:
                found.append(Number(a, m.start(), m.end("a"), word=True))
    found.sort(key=lambda n: n.start)
    return found


class _Intervals:
    """A small set of spans, for "is this already taken?" checks."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = list(spans)

    def add(self, start: int, end: int) -> None:
        self.spans.append((start, end))

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.spans)
