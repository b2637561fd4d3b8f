"""Spreadsheet-safe CSV cells: the one neutralisation every CSV writer uses (and its inverse for readers).

Sources, places and names come from untrusted text, and a spreadsheet runs a cell that begins with
= + - @ (or a tab or carriage return, which some spreadsheets skip before such a character) as a formula.
As OWASP's CSV-injection guidance recommends, such a text cell is prefixed with a single quote, which
spreadsheets show as text. Only strings change: numbers (ints and floats, negative ones included) are
written as numbers.

Two choices, made so that our own readers (`batch --resume`, `timeline x.csv`) get back exactly what
was written:
- a cell that already begins with a quote gets one more, so `unneutralise` can always strip exactly one;
- a lone "-" (the name of standard input as a source) stays "-": one character cannot be a formula,
  and "'-" would rename the source.
"""
from __future__ import annotations

from typing import Any, Iterable

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def safe_cell(value: Any) -> Any:
    """The value to write in a CSV cell: None as empty, numbers as they are, risky text quoted."""
    if value is None:
        return ""
    if isinstance(value, str) and value and value != "-" and value.startswith((*TRIGGERS, QUOTE)):
        return QUOTE + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [safe_cell(value) for value in row]


def unneutralise(value: str) -> str:
    """What `safe_cell` was given, from the cell it wrote (for reading our own CSV back)."""
    return value[1:] if value.startswith(QUOTE) else value
