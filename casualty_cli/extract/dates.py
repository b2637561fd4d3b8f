"""Dates: as_of, since and previous_as_of from the text, weekdays resolved against the publication date."""
from __future__ import annotations

from datetime import date


def parse_iso_date(value: str | None) -> date | None:
    """'2024-11-21' -> date; '2024-11' -> the 1st of that month; anything else -> None."""
    if not value:
        return None
    value = value.strip()
    try:
        if len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 1)
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
