"""One frozen options object, passed from the CLI to readers and the extractor instead of keyword lists."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class ParseOptions:
    published: date | None = None     # overrides any date found in the page
    language: str | None = None       # ISO 639-1; None: detect
    encoding: str | None = None       # None: UTF-8 (BOM stripped), else the named codec
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = 20.0
