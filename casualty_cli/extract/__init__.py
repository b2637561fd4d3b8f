"""The pure core: parse_text(text, published, language) -> Report. Imports no click, rich or I/O."""
from __future__ import annotations

from datetime import date

from ..model import Report


def parse_text(text: str, *, published: date | str | None = None, language: str | None = None) -> Report:
    """Extract the report's figures, dates, directions and claims from `text`."""
    from .dates import parse_iso_date

    if isinstance(published, str):
        published = parse_iso_date(published)
    return Report(published=published, language=language or "en")
