"""JSON Lines of articles: one object a line, its text, date and source in named fields.

Shared by `parse` (a .jsonl file, or JSON Lines on standard input) and `batch` (which turns each article
into a task), so both read the same fields the same way and name the same lines in their errors.
"""
from __future__ import annotations

import json
from typing import Iterable, Iterator, NamedTuple

from ..errors import InputError
from ..options import ArticleFields


class Article(NamedTuple):
    source: str
    text: str
    date: str | None   # as written in the date field; parsed where the document is made


def looks_like_json_object(line: bytes) -> bool:
    """Is this (first non-blank) line a JSON object? Then the stream is JSON Lines, not an article's text."""
    stripped = line.strip().lstrip(b"\xef\xbb\xbf")
    if not stripped.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(stripped), dict)
    except ValueError:
        return False


def read_articles(lines: Iterable[bytes], name: str, fields: ArticleFields,
                  max_bytes: int | None = None) -> Iterator[Article | InputError]:
    """An Article, or an InputError naming the line, for every non-blank line (streamed).

    A line without a source field is named `NAME#Lnumber`; a line that is no JSON object, or has no
    text, fails alone.
    """
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        fallback = f"{name}#L{number}"
        if max_bytes is not None and len(raw) > max_bytes:
            yield InputError(fallback, f"larger than {max_bytes} bytes (raise the cap with --max-bytes)")
            continue
        try:
            article = json.loads(raw.lstrip(b"\xef\xbb\xbf") if number == 1 else raw)
        except ValueError:
            article = None
        if not isinstance(article, dict):
            yield InputError(fallback, "not a JSON object")
            continue
        source = article.get(fields.source)
        source = str(source) if source not in (None, "") else fallback
        text = article.get(fields.text)
        if not isinstance(text, str) or not text.strip():
            yield InputError(source, f"no text in field {fields.text!r}")
            continue
        published = article.get(fields.date)
        yield Article(source, text, str(published) if published is not None else None)
