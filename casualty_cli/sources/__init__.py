"""Turn what the user named (a path, "-", a URL; text, HTML, .gz, WARC) into Documents of text.

Readers never raise for a bad input: they yield an InputError in its place, so one broken input
never stops the others. URLs are fetched concurrently, in threads, but everything comes out in input
order. The HTML, HTTP and WARC libraries are imported only when such an input comes.
"""
from __future__ import annotations

import io
import itertools
import os
import re
from dataclasses import dataclass, field
from datetime import date
from typing import BinaryIO, Callable, Iterable, Iterator

from ..errors import InputError
from ..options import ArticleFields, ParseOptions
from .decode import decode_bytes

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
HTML_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")
HTML_MEDIA_TYPES = ("text/html", "application/xhtml+xml")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                         re.IGNORECASE | re.DOTALL)
# Formats people may point us at by mistake, named in the error.
_MAGIC = ((b"%PDF-", "a PDF"), (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
          (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"), (b"PK\x03\x04", "a ZIP archive or office file"),
          (b"\x7fELF", "an executable"), (b"BZh", "a bzip2 archive"), (b"\xfd7zXZ\x00", "an xz archive"),
          (b"\x28\xb5\x2f\xfd", "a zstd archive"))


@dataclass(frozen=True)
class Document:
    text: str
    source: str
    published: date | None = None   # from the page's metadata; --published wins over it
    title: str | None = None
    # A web page's fuller text (a second, recall-oriented extraction), asked for only when `text` gave no figures.
    fuller: Callable[[], str] | None = field(default=None, compare=False, repr=False)


def is_url(spec: str) -> bool:
    return bool(_URL.match(spec))


def read_documents(inputs: Iterable[str], options: ParseOptions, stdin: BinaryIO,
                   fields: ArticleFields = ArticleFields()) -> Iterator[Document | InputError]:
    """Documents for each input, in input order.

    A .jsonl file, or JSON Lines on standard input, gives a document per line (its fields named by
    `fields`); text on standard input is one document, or one per page where form feeds separate them.
    """
    inputs = list(inputs)
    urls = list(dict.fromkeys(spec for spec in inputs if is_url(spec)))
    pending, executor, fetcher = {}, None, None
    if urls:
        pending, executor, fetcher = _start_fetches(urls, options)
    try:
        for spec in inputs:
            try:
                if spec in pending:
                    response = pending[spec].result()
                    yield from _read_response(spec, response, options)
                elif spec == "-":
                    yield from _read_stdin(stdin, options, fields)
                elif spec.lower().endswith(".jsonl"):
                    yield from _read_jsonl(spec, options, fields)
                else:
                    yield from _read_one(spec, options, stdin)
            except InputError as err:
                yield err
    finally:
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
        if fetcher is not None:
            fetcher.close()


def _start_fetches(urls, options):
    """Futures of the responses (or InputErrors) of every URL, fetched by a few threads."""
    from concurrent.futures import Future, ThreadPoolExecutor

    from .fetch import Fetcher, check_url

    pending, wanted = {}, []
    for url in urls:
        try:
            check_url(url)
            wanted.append(url)
        except InputError as err:
            pending[url] = _failed(Future(), err)
    if not wanted:
        return pending, None, None
    try:
        fetcher = Fetcher(options, source=wanted[0])
    except InputError as err:   # urllib3 missing: every URL fails with the install hint
        for url in wanted:
            pending[url] = _failed(Future(), InputError(url, err.message))
        return pending, None, None
    executor = ThreadPoolExecutor(max_workers=min(options.max_connections, len(wanted)),
                                  thread_name_prefix="casualty-fetch")
    for url in wanted:
        pending[url] = executor.submit(fetcher.fetch, url)
    return pending, executor, fetcher


def _failed(future, error: InputError):
    future.set_exception(error)
    return future


def _read_response(spec: str, response, options: ParseOptions) -> Iterator[Document | InputError]:
    from urllib.parse import urlsplit

    yield from _read_stream(io.BytesIO(response.body), spec, options, name=urlsplit(response.url).path,
                            media_type=response.media_type, charset=response.charset, url=response.url)


def _read_stdin(stdin: BinaryIO, options: ParseOptions, fields: ArticleFields) -> Iterator[Document | InputError]:
    """JSON Lines (the first non-blank line is a JSON object): a document a line, streamed. Anything else is
    read whole (capped): one document, or one per page when form feeds separate several texts."""
    from .articles import looks_like_json_object

    head = b""
    while True:   # blank lines before the first one that says what the stream is
        line = stdin.readline(options.max_bytes + 1)
        head += line
        if not line or line.strip() or len(head) > options.max_bytes:
            break
    if looks_like_json_object(line):
        lines = itertools.chain(head.splitlines(keepends=True), stdin)   # blank lines count in the numbering
        yield from _documents_of_articles(lines, "-", options, fields)
        return
    if len(head) <= options.max_bytes:
        head += stdin.read(options.max_bytes + 1 - len(head))
    if len(head) > options.max_bytes:
        raise InputError("-", f"larger than {options.max_bytes} bytes (raise the cap with --max-bytes)")
    documents = list(_read_stream(io.BytesIO(head), "-", options, name=""))
    if len(documents) != 1 or isinstance(documents[0], InputError) or "\f" not in documents[0].text:
        yield from documents
        return
    # Texts joined by form feeds (`for f in *.txt; do cat "$f"; printf '\f'; done | casualty parse`):
    # a document each, never one record that mixes several articles.
    whole = documents[0]
    for number, page in enumerate(whole.text.split("\f"), 1):
        if page.strip():
            yield Document(text=page, source=f"-#{number}", published=whole.published, title=whole.title)


def _open_input(path: str) -> BinaryIO:
    """The file opened for reading bytes, or an InputError that says in a few words why not."""
    try:
        return open(path, "rb")
    except IsADirectoryError:
        raise InputError(path, "is a directory (use `casualty batch` for folders)") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None


def _read_jsonl(path: str, options: ParseOptions, fields: ArticleFields) -> Iterator[Document | InputError]:
    """A .jsonl file of articles, as `casualty batch` reads it: a document a line, streamed."""
    with _open_input(path) as handle:
        yield from _documents_of_articles(handle, path, options, fields)


def _documents_of_articles(lines: Iterable[bytes], name: str, options: ParseOptions,
                           fields: ArticleFields) -> Iterator[Document | InputError]:
    from ..extract.dates import parse_iso_date
    from .articles import read_articles

    for item in read_articles(lines, name, fields, options.max_bytes):
        if isinstance(item, InputError):
            yield item
        else:
            yield Document(text=item.text, source=item.source, published=parse_iso_date(item.date))


def _read_one(spec: str, options: ParseOptions, stdin: BinaryIO) -> Iterator[Document | InputError]:
    with _open_input(spec) as handle:
        try:
            seekable = handle.seekable()
        except OSError:
            seekable = False
        stream = handle if seekable else io.BytesIO(_read_capped(handle, spec, options.max_bytes))
        yield from _read_stream(stream, spec, options, name=spec)


def _read_stream(stream: BinaryIO, source: str, options: ParseOptions, *, name: str,
                 media_type: str | None = None, charset: str | None = None, url: str | None = None,
                 max_date: date | None = None) -> Iterator[Document | InputError]:
    """Sniff a seekable stream: gzip and WARC are unpacked, the rest read (capped) as one document."""
    from . import archives

    head = stream.read(8)
    stream.seek(0)
    if head.startswith(archives.GZIP_MAGIC):
        inner = archives.peek_gzip(stream, source)
        if inner.startswith(archives.WARC_MAGIC) or _is_arc(inner):
            gz = archives.StrictGzip(stream, options.max_bytes)
            try:
                yield from _read_warc(gz, source, options)
            finally:
                gz.close()
            return
        data = archives.gunzip_capped(stream, source, options.max_bytes)
        inner_name = name[:-3] if name.lower().endswith(".gz") else ""
        inner_type = None if media_type in ("application/gzip", "application/x-gzip", None) else media_type
        yield from read_bytes(data, source, options, name=inner_name, media_type=inner_type,
                              charset=charset, url=url, max_date=max_date)
        return
    if head.startswith(archives.WARC_MAGIC) or _is_arc(head):
        yield from _read_warc(stream, source, options)
        return
    data = _read_capped(stream, source, options.max_bytes)
    yield from read_bytes(data, source, options, name=name, media_type=media_type, charset=charset, url=url,
                          max_date=max_date)


def _is_arc(head: bytes) -> bool:
    return head.startswith(b"filedesc://")


def _read_warc(stream: BinaryIO, source: str, options: ParseOptions) -> Iterator[Document | InputError]:
    from .archives import read_warc

    def read_record(body, uri, **kwargs):
        return read_bytes(body, uri, options, name="", **kwargs)

    yield from read_warc(stream, source, options, read_record)


def read_bytes(data: bytes, source: str, options: ParseOptions, *, name: str = "", media_type: str | None = None,
               charset: str | None = None, url: str | None = None,
               max_date: date | None = None) -> Iterator[Document]:
    """One document from a body: HTML through the article extractor, text as it is, binaries refused."""
    kind = classify(data, name=name, media_type=media_type)
    if kind == "html":
        from .html import html_document

        yield html_document(data, source, options, charset=charset, url=url, max_date=max_date)
    elif kind == "text":
        yield Document(text=decode_bytes(data, source, options.encoding or charset), source=source)
    else:
        raise InputError(source, f"not a text or HTML document ({kind})")


def classify(data: bytes, *, name: str = "", media_type: str | None = None) -> str:
    """'html', 'text', or what the data is instead (for the error message)."""
    head = data[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "a WebP image"
    if media_type in HTML_MEDIA_TYPES:
        return "html"
    if media_type and media_type.startswith("text/"):
        return "text"
    if media_type and media_type not in ("application/octet-stream", "binary/octet-stream", "application/unknown"):
        if not (media_type.endswith(("+xml", "/xml", "/json", "+json"))):
            return media_type
    if name and os.path.splitext(name.lower())[1] in HTML_EXTENSIONS:
        return "html"
    if _HTML_START.match(data[:2048].lstrip(b"\xef\xbb\xbf")):
        return "html"
    return "text"


def _read_capped(handle: BinaryIO, source: str, max_bytes: int) -> bytes:
    data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(source, f"larger than {max_bytes} bytes (raise the cap with --max-bytes)")
    return data
