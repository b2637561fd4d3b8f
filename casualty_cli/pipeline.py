"""Documents in, records out: the one place that joins reading and extraction (used by parse and batch)."""
from __future__ import annotations

from typing import Any

from .errors import InputError
from .extract import parse_text
from .options import ParseOptions
from .sources import Document


def report_for(document: Document, options: ParseOptions):
    """Parse one document; --published wins over the date found in the page.

    A web page whose precise text gave no figures is parsed again in its fuller form (its list items
    recovered), so only such pages pay for the second extraction.
    """
    published = options.published or document.published
    report = parse_text(document.text, published=published, language=options.language)
    if document.fuller is not None and not (report.totals or report.daily or report.previous):
        fuller = document.fuller()
        if fuller != document.text:
            report = parse_text(fuller, published=published, language=options.language)
    report.source = document.source
    if document.title and not report.title:
        report.title = document.title
    return report


def dated_only_by_publication(document: Document, options: ParseOptions, record: dict[str, Any]) -> bool:
    """Would a publication date date these figures? True for a report with figures, no date and no
    `published`, whose text dates them by a weekday ("on Thursday") or a day without its year: the same
    text parsed against a stand-in publication date then finds an `as_of`."""
    if record.get("as_of") or record.get("published") or not (record.get("totals") or record.get("daily")):
        return False
    from datetime import date

    trial = parse_text(document.text, published=date.today(), language=options.language)
    return trial.as_of is not None


def error_record(error: InputError) -> dict[str, Any]:
    """What batch outputs write in place of a record for an input that failed."""
    return {"source": error.source, "error": error.message}
