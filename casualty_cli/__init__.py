"""casualty: pull the figures out of war-loss reports.

Library use::

    from casualty_cli import parse_text
    report = parse_text(text, published="2022-10-06")
    report.to_dict()
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["parse_text", "__version__"]


def parse_text(text, *, published=None, language=None):
    """Extract the report from `text` (see casualty_cli.extract.parse_text)."""
    from .extract import parse_text as _parse_text

    return _parse_text(text, published=published, language=language)
