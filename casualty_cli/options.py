"""One frozen options object, passed from the CLI to readers and the extractor instead of keyword lists."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class ArticleFields:
    """Where a JSONL article keeps its text, date and source (--text-field, --date-field, --source-field)."""

    text: str = "text"
    date: str = "date"
    source: str = "url"


@dataclass(frozen=True)
class ParseOptions:
    published: date | None = None     # overrides any date found in the page
    language: str | None = None       # ISO 639-1; None: detect
    encoding: str | None = None       # None: UTF-8 (BOM stripped), else the named codec
    max_bytes: int = DEFAULT_MAX_BYTES  # per input, per decompressed .gz, per WARC record
    timeout: float = 20.0             # seconds: connecting, and each wait for bytes from a URL
    max_redirects: int = 5            # http(s) only, never https -> http
    retries: int = 3                  # on 429/500/502/503/504 and dropped connections
    retry_backoff: float = 0.5        # seconds before the first retry, doubled for each next one
    max_retry_wait: float = 10.0      # the longest Retry-After we honour; a longer one fails at once
    max_connections: int = 8          # URLs fetched at the same time
