"""HTML to the article's text, title and publication date.

trafilatura finds the main text (menus, trending boxes and footers dropped) and, through htmldate, the
publication date from the page's metadata (meta tags, JSON-LD, <time>, the URL). Its known weakness on
loss bulletins is dropping list items, so its precise output is checked against its recall-oriented
output, and against the page's visible text when both come back empty.
"""
from __future__ import annotations

import codecs
import copy
import functools
import re
from datetime import date, datetime
from typing import Callable, NamedTuple

from ..errors import InputError
from ..options import ParseOptions
from .extras import require

# Hostile or broken pages end in bounded time: more elements than this are refused before parsing
# (a long news page has a few thousand), and libxml2 itself stops descending past 256 levels.
MAX_ELEMENTS = 200_000
_TAG = re.compile(rb"<[A-Za-z]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_BULLET = re.compile(r"^\s*(?:[-*•]\s+)?")


def html_document(data: bytes, source: str, options: ParseOptions, *, charset: str | None = None,
                  url: str | None = None, max_date: date | None = None):
    """A Document for an HTML page; `charset` comes from the HTTP header, `url` helps date and links."""
    from . import Document

    markup = decode_html(data, source, header_charset=charset, forced=options.encoding)
    if data.count(b"<") > MAX_ELEMENTS and len(_TAG.findall(data)) > MAX_ELEMENTS:   # count cheaply first
        raise InputError(source, f"too many HTML elements (more than {MAX_ELEMENTS}); not read")
    trafilatura = require("trafilatura", "web", source, "reading HTML")
    page = extract_article(trafilatura, markup, url=url, max_date=max_date)
    if not page.text.strip():
        raise InputError(source, "no text found in the page")
    return Document(text=page.text, source=source, published=page.published, title=page.title,
                    fuller=page.fuller)


def decode_html(data: bytes, source: str, *, header_charset: str | None = None, forced: str | None = None) -> str:
    """Bytes to text: --encoding, else BOM, HTTP charset, <meta charset>/<?xml encoding?>, UTF-8, detection."""
    if forced:
        try:
            return data.decode(forced, errors="replace")
        except LookupError:
            raise InputError(source, f"unknown encoding {forced!r}") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    head = data[:4096]
    declared = [header_charset]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        if match:
            declared.append(match.group(1).decode("ascii", "replace"))
    for codec in declared:
        codec = _usable_codec(codec)
        if codec:
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return data.decode("cp1252", errors="replace")
    best = from_bytes(data[:200_000]).best()
    return data.decode(best.encoding if best else "cp1252", errors="replace")


def _usable_codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().lower()
    # As browsers do (WHATWG Encoding): latin-1 and ascii labels mean windows-1252; a UTF-16 label on
    # bytes without a BOM that came through an ASCII-compatible <meta> cannot be UTF-16.
    aliases = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
               "ascii": "cp1252", "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8"}
    name = aliases.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


@functools.lru_cache(maxsize=None)
def _config():
    """trafilatura's settings, read once per process (use_config() reads its settings file on every call)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "0")      # short bulletins are whole articles
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")      # no signal-based timer: we run in threads
    config.set("DEFAULT", "INSECURE_SSL_FALLBACK", "off")  # we never let it fetch, but never this either
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


@functools.lru_cache(maxsize=None)
def _extractors():
    """trafilatura's options for our two runs, made once: building them reads a dozen settings through
    configparser, which cost as much as a fifth of an extraction when done for every page."""
    from trafilatura.settings import Extractor

    def make(recall: bool):
        return Extractor(config=_config(), output_format="python", fast=False, precision=False, recall=recall,
                         comments=False, tables=True, dedup=False, with_metadata=False)

    return make(False), make(True)


def _extractor(recall: bool, url: str | None):
    """The options of one run, for one page (its URL helps resolve links and names the page in logs)."""
    options = copy.copy(_extractors()[recall])
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return options


class Page(NamedTuple):
    text: str
    title: str | None
    published: date | None
    fuller: Callable[[], str] | None   # the text with what a recall-oriented run adds (see extract_article)


def extract_article(trafilatura, markup: str, *, url: str | None = None, max_date: date | None = None) -> Page:
    """The main text, title and publication date of a page, from one parse of it.

    The tree is parsed once: the title and the date are read from it, and trafilatura's extraction runs on it
    (trafilatura works on its own copy). Its precise run is the text; its recall-oriented run, which recovers
    list items the precise one can drop, is a second extraction that only pages needing it pay for: when
    the precise text is empty it is run here, otherwise `fuller` runs it on demand (the pipeline asks when
    the precise text gave no figures).
    """
    date_params = {
        "extensive_search": False,   # metadata only: never a date guessed from trending boxes or footers
        "original_date": True,       # published, not updated
        "outputformat": "%Y-%m-%d",
    }
    if max_date:
        date_params["max_date"] = max_date.isoformat()
    try:
        tree = trafilatura.load_html(markup)
    except (ValueError, TypeError):
        tree = None
    if tree is None:
        return Page(_visible_text(trafilatura, markup), None, None, None)

    def run(favor_recall: bool) -> str:
        try:
            result = trafilatura.bare_extraction(tree, options=_extractor(favor_recall, url))
        except (ValueError, TypeError, RecursionError):
            return ""
        return _text_of(result)

    title = page_title(tree)
    published = metadata_date(tree, url=url, date_params=date_params)
    precise = run(False)
    if precise.strip():
        return Page(precise, title, published, lambda: choose_text(precise, run(True)))
    text = run(True)
    if not text.strip():
        text = _visible_text(trafilatura, markup)
    return Page(text, title, published, None)


def page_title(tree) -> str | None:
    """The title as trafilatura's metadata gives it (meta tags, then JSON-LD, then <title>/<h1>), without the
    rest of its metadata search: that one also runs htmldate over the whole page, a date we do not use."""
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_title

    try:
        metadata = examine_meta(tree)
        try:
            metadata = extract_meta_json(tree, metadata)
        except Exception:  # noqa: BLE001 - trafilatura guards this call the same way (bugs in its JSON-LD code)
            pass
        if not metadata.title:
            metadata.title = extract_title(tree)
        metadata.clean_and_trim()
    except (ValueError, TypeError, RecursionError):
        return None
    return metadata.title or None


# Where a page states its own date for machines: <head> (meta tags), JSON-LD and microdata anywhere.
_DATE_CARRIERS = ('//body//script[@type="application/ld+json"]'
                  ' | //body//*[@itemprop="datePublished" or @itemprop="dateCreated"]')


@functools.lru_cache(maxsize=None)
def _date_carriers():
    from lxml import etree

    return etree.XPath(_DATE_CARRIERS)   # compiled once, not for every page


def metadata_date(tree, *, url: str | None, date_params: dict) -> date | None:
    """The publication date from the page's metadata and URL only.

    htmldate, even without its extensive search, also reads dates in the visible text ("Updated 12
    January 2021" in a footer, a trending box's dates); so it is given only the parts of the page that
    carry metadata.
    """
    from htmldate import find_date
    from lxml.html import Element

    # A page of copies of those parts (without the text that follows each), built as a tree: no text to parse.
    carriers = Element("html")
    head, body = Element("head"), Element("body")
    carriers.extend((head, body))
    page_head = tree.find(".//head")
    for parent, nodes in ((head, page_head if page_head is not None else ()), (body, _date_carriers()(tree))):
        for node in nodes:
            node = copy.deepcopy(node)
            node.tail = None
            parent.append(node)
    try:
        found = find_date(carriers, url=url, **date_params)
    except (ValueError, TypeError):
        return None
    return _as_date(found)


def _text_of(result) -> str:
    return (getattr(result, "text", None) or "") if result is not None else ""


def _visible_text(trafilatura, markup: str) -> str:
    try:
        return trafilatura.html2txt(markup) or ""
    except (ValueError, TypeError, RecursionError):
        return ""


def _norm(line: str) -> str:
    return " ".join(_BULLET.sub("", line).split())


def choose_text(precise: str, recall: str) -> str:
    """The precise text, unless it lost list items that the recall run found inside the same article.

    Only lines of the recall text between the first and the last line shared with the precise text
    count (the article's span), and only list items ('- ...'): extra paragraphs outside that span are
    the boilerplate that precision is there to drop.
    """
    if not precise.strip():
        return recall
    if not recall.strip():
        return precise
    kept = {_norm(line) for line in precise.splitlines() if line.strip()}
    lines = [line for line in recall.splitlines() if line.strip()]
    shared = [i for i, line in enumerate(lines) if _norm(line) in kept]
    if not shared:
        return precise
    span = lines[shared[0]:shared[-1] + 1]
    lost = [line for line in span if _norm(line) not in kept and line.lstrip().startswith(("- ", "* ", "• "))]
    if not lost:
        return precise
    # Precise lines around the span (a headline, a closing note) keep their places.
    in_span = {_norm(line) for line in span}
    own = [line for line in precise.splitlines() if line.strip()]
    inside = [i for i, line in enumerate(own) if _norm(line) in in_span]
    return "\n".join(own[:inside[0]] + span + own[inside[-1] + 1:])


def _as_date(value) -> date | None:
    if not value:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
