"""Documents in, records out: the one place that joins reading and extraction (used by parse and batch)."""
from __future__ import annotations

from typing import Any

from .errors import InputError
from .extract import parse_text
from .options import ParseOptions
from .sources import Document


def report_for(document: Document, options: ParseOptions):
    """Parse one document; --published wins over the date found in the page."""
    published = options.published or document.published
    report = parse_text(document.text, published=published, language=options.language)
    report.source = document.source
    if document.title and not report.title:
        report.title = document.title
    return report


def error_record(error: InputError) -> dict[str, Any]:
    """What batch outputs write in place of a record for an input that failed."""
    return {"source": error.source, "error": error.message}
