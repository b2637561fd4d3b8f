"""casualty: pull the figures out of war-loss reports.

Library use::

    from casualty_cli import parse_text
    report = parse_text(text, published="2022-10-06")
    report.to_dict()
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .extract import parse_text

__version__ = "0.1.0"
__all__ = ["parse_text", "__version__"]


def __getattr__(name: str) -> Any:
    """`parse_text` is casualty_cli.extract.parse_text itself, imported on first use: `casualty --version` loads
    no extractor, and a call costs no wrapper (nor the import statement a wrapper would run on every call)."""
    if name == "parse_text":
        from .extract import parse_text

        globals()["parse_text"] = parse_text  # found directly from now on
        return parse_text
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
