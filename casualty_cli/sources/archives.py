"""gzip and WARC (also WARC.gz, ARC): streamed, each piece capped.

A .gz is decompressed up to --max-bytes. A WARC yields one Document per response (or resource /
conversion) record that holds HTML or text, with the record's target URI as its source; other records
are skipped. A damaged or truncated archive yields what came before the damage, then one error.
"""
from __future__ import annotations

import gzip
import zlib
from datetime import date
from typing import BinaryIO, Callable, Iterator

from ..errors import InputError
from ..options import ParseOptions
from .extras import require

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"
TEXT_MEDIA_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_RECORD_TYPES = ("response", "resource", "conversion")


def gunzip_capped(stream: BinaryIO, source: str, max_bytes: int) -> bytes:
    """The decompressed bytes, refusing more than max_bytes of them (a gzip bomb stops there)."""
    try:
        with gzip.GzipFile(fileobj=stream, mode="rb") as gz:
            data = gz.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(source, f"damaged or truncated gzip data ({_one_line(exc)})") from None
    if len(data) > max_bytes:
        raise InputError(source, f"decompresses to more than {max_bytes} bytes (raise the cap with --max-bytes)")
    return data


def peek_gzip(stream: BinaryIO, source: str, size: int = 8) -> bytes:
    """The first decompressed bytes of a seekable gzip stream, leaving the stream where it was."""
    position = stream.tell()
    try:
        with gzip.GzipFile(fileobj=stream, mode="rb") as gz:
            return gz.read(size)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(source, f"damaged or truncated gzip data ({_one_line(exc)})") from None
    finally:
        stream.seek(position)


# A compressed archive may inflate to many times --max-bytes (a crawl's WARC.gz does), but not at a
# ratio no real web page reaches: past BOMB_FLOOR x the cap, more than BOMB_RATIO x the compressed bytes
# read is a gzip bomb, and reading stops (warcio would inflate every skipped or oversized record).
BOMB_FLOOR = 16
BOMB_RATIO = 200


class StrictGzip:
    """A gzip stream whose truncation is an error, not an end (warcio takes EOFError for the end),
    and whose inflation is bounded (see BOMB_RATIO)."""

    def __init__(self, stream: BinaryIO, max_bytes: int | None = None):
        self._stream = stream
        self._start = stream.tell()
        self._gz = gzip.GzipFile(fileobj=stream, mode="rb")
        self._floor = BOMB_FLOOR * max_bytes if max_bytes else None
        self._out = 0

    def read(self, size: int = -1) -> bytes:
        # read1: one step at a time, so the bytes before the damage are handed out before the error.
        try:
            if size is not None and size >= 0:
                data = self._gz.read1(size)
            else:
                data = b"".join(iter(lambda: self._gz.read1(64 * 1024), b""))
        except EOFError:
            raise OSError("the compressed data ends early") from None
        self._out += len(data)
        if self._floor and self._out > self._floor:
            packed = max(1, self._stream.tell() - self._start)
            if self._out > BOMB_RATIO * packed:
                raise OSError(f"inflates more than {BOMB_RATIO} times (a gzip bomb); not read further")
        return data

    def close(self) -> None:
        self._gz.close()


# Turns one record's body into Documents: (data, source, media_type, charset, url, max_date).
RecordReader = Callable[..., Iterator]


def read_warc(stream: BinaryIO, source: str, options: ParseOptions, read_record: RecordReader) -> Iterator:
    """Documents (or InputErrors) for the HTML and text records of a WARC, WARC.gz or ARC stream."""
    archive = require("warcio.archiveiterator", "warc", source, "reading WARC files")
    exceptions = require("warcio.exceptions", "warc", source, "reading WARC files")
    from .fetch import parse_content_type

    done = skipped = 0
    records = archive.ArchiveIterator(stream, arc2warc=True)
    records.INC_RECORD = ""   # warcio writes a lying Content-Length's warning straight to stderr; ours is one line
    while True:
        try:
            record = next(records)
        except StopIteration:
            if not done:
                what = "record" if skipped == 1 else "records"
                yield InputError(source, f"no HTML or text records in the archive ({skipped} {what} skipped)")
            return
        except (exceptions.ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError) as exc:
            yield InputError(source, _damage(done, exc))
            return
        try:
            picked = _pick(record, parse_content_type)
            if picked is None:
                skipped += 1
                continue
            uri, media_type, charset, crawled = picked
            body = record.content_stream().read(options.max_bytes + 1)
            if len(body) > options.max_bytes:
                yield InputError(uri, f"record larger than {options.max_bytes} bytes (raise the cap with --max-bytes)")
                _drain(record)
                continue
            if _drain(record) or _short(record):
                yield InputError(source, _damage(done, "the archive ends inside a record"))
                return
        except (exceptions.ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError) as exc:
            yield InputError(source, _damage(done, exc))
            return
        done += 1
        try:
            yield from read_record(body, uri, media_type=media_type, charset=charset, url=uri, max_date=crawled)
        except InputError as err:
            yield err


def _pick(record, parse_content_type):
    """(target URI, media type, charset, crawl date) of a record worth reading, else None."""
    if record.rec_type not in _RECORD_TYPES:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or record.rec_headers.get_header("WARC-Record-ID")
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode()
        if not (status or "").startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    media_type, charset = parse_content_type(content_type)
    if media_type not in TEXT_MEDIA_TYPES:
        return None
    return uri, media_type, charset, _warc_date(record.rec_headers.get_header("WARC-Date"))


def _drain(record) -> bool:
    """Read what is left of a record; True if the archive ended before the record's declared length."""
    raw = record.raw_stream
    while raw.read(64 * 1024):
        pass
    return getattr(raw, "limit", 0) > 0


def _short(record) -> bool:
    return getattr(record.raw_stream, "limit", 0) > 0


def _warc_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _damage(done: int, exc) -> str:
    what = "record" if done == 1 else "records"
    return f"damaged or truncated WARC after {done} {what} ({_one_line(exc)})"


def _one_line(exc) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
