"""HTML pages: the article among the boilerplate, its date, its encoding, and bounded work on hostile pages."""
from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from casualty_cli.cli import cli
from casualty_cli.errors import InputError
from casualty_cli.options import ParseOptions
from casualty_cli.sources import Document, read_bytes, read_documents
from casualty_cli.sources.html import MAX_ELEMENTS, choose_text, decode_html

import webserver
from test_sources_archives import build_warc

ARTICLE = [
    "Russia has lost 632,630 troops in Ukraine since the start of the full-scale invasion on 24 February 2022, "
    "including 1,210 over the past day, the General Staff of Ukraine's Armed Forces said on Thursday.",
    "According to the report, Russian forces have also lost 8,674 tanks, 17,811 armoured fighting vehicles, "
    "18,955 artillery systems, 1,190 multiple launch rocket systems and 943 air defence systems",
    "tanks: 9", "armoured fighting vehicles: 14", "artillery systems: 27", "drones: 61",
    "vehicles and fuel tanks: 78",
    "The figures cannot be independently verified.",
]
# Numbers of the navigation, ticker, trending, most-read and footer blocks: none may reach the text.
BOILERPLATE = ["1,003", "41.47", "27 regions", "149 UAH", "9,999", "631,420", "4,500", "73%", "250 tanks",
               "1,300", "16.2", "48,311", "12,877", "88,000", "77-512", "0123", "01001", "2,400,000", "Trending",
               "Most read", "Subscribe"]
WARC_URI = "https://ledger.example.test/news/russian-losses"


def html_doc(data: bytes, **kwargs) -> Document:
    [doc] = read_bytes(data, "page", ParseOptions(), media_type="text/html", **kwargs)
    return doc


@pytest.fixture(scope="module")
def server():
    srv = webserver.start()
    yield srv
    webserver.stop(srv)


@pytest.fixture(scope="module")
def three_ways(server, tmp_path_factory):
    """The team's news page from a URL, a saved file and a WARC record."""
    folder = tmp_path_factory.mktemp("pages")
    saved = folder / "russian-losses.html"
    saved.write_bytes(webserver.NEWS_PAGE)
    warc = folder / "crawl.warc.gz"
    warc.write_bytes(build_warc([("response", WARC_URI, "200 OK", "text/html; charset=utf-8", webserver.NEWS_PAGE)]))
    inputs = [server.url("/news/russian-losses.html"), str(saved), str(warc)]
    return inputs, list(read_documents(inputs, ParseOptions(timeout=2), None))


def test_news_page_gives_the_article_and_none_of_the_boilerplate(three_ways):
    _, docs = three_ways
    for doc in docs:
        for sentence in ARTICLE:
            assert sentence in doc.text, (doc.source, sentence)
        for number in BOILERPLATE:
            assert number not in doc.text, (doc.source, number)


def test_url_saved_file_and_warc_record_give_the_same_document(three_ways):
    inputs, docs = three_ways
    assert [d.source for d in docs] == inputs[:2] + [WARC_URI]
    assert len({d.text for d in docs}) == 1
    assert {d.published.isoformat() for d in docs} == {"2024-11-22"}
    assert {d.title for d in docs} == {"Russia has lost 632,630 troops since February 2022, General Staff says"}


def test_news_page_figures_and_as_of_end_to_end(three_ways):
    inputs, _ = three_ways
    result = CliRunner().invoke(cli, ["parse", "-f", "json", "--timeout", "2", *inputs])
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    assert len(records) == 3
    for record in records:
        assert record["published"] == "2024-11-22"
        assert record["as_of"] == "2024-11-21"     # "on Thursday", the day before Friday's article
        assert record["totals"] == {"personnel": 632630, "tanks": 8674, "afv": 17811, "artillery": 18955,
                                    "mlrs": 1190, "air_defense": 943}
        assert record["daily"] == {"personnel": 1210, "tanks": 9, "afv": 14, "artillery": 27, "uav": 61,
                                   "vehicles": 78}
        assert record["claims"] == []


@pytest.mark.parametrize("head, expected", [
    ('<meta property="article:published_time" content="2023-03-02T08:00:00Z">', "2023-03-02"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-03-03"}</script>',
     "2023-03-03"),
    ("", None),
])
def test_published_from_metadata_only(head, expected):
    page = (f"<html><head>{head}<title>t</title></head><body><article><p>Russia has lost 150,000 troops, "
            "the ministry said on Monday.</p></article><footer>Updated 12 January 2021 · © 2021</footer>"
            "</body></html>").encode()
    doc = html_doc(page)
    assert (doc.published.isoformat() if doc.published else None) == expected


def test_published_from_microdata_in_the_body():
    page = (b"<html><body><aside><time datetime='2020-01-01'>1 Jan</time></aside><article>"
            b"<time itemprop='datePublished' datetime='2023-04-05T10:00'>5 April</time>"
            b"<p>Russia has lost 150,000 troops, the ministry said.</p></article></body></html>")
    assert html_doc(page).published.isoformat() == "2023-04-05"


def test_published_from_the_url():
    page = b"<html><body><article><p>Russia has lost 150,000 troops, the ministry said.</p></article></body></html>"
    doc = html_doc(page, url="https://news.example.test/2023/05/17/losses.html")
    assert doc.published.isoformat() == "2023-05-17"


def test_list_items_survive_extraction():
    items = "".join(f"<li><span>{name}</span> — <span>{value}</span></li>"
                    for name, value in [("tanks", "8,674 (+9)"), ("artillery systems", "18,955 (+27)"),
                                        ("drones", "17,232 (+61)")])
    page = (f"<html><body><nav><ul><li>Home</li><li>Day 1,003</li></ul></nav><main><h1>Losses</h1>"
            f"<p>The General Staff published its figures on Thursday morning for the past day.</p>"
            f"<ul>{items}</ul><p>The figures cannot be independently verified.</p></main></body></html>").encode()
    text = html_doc(page).text
    for value in ("8,674 (+9)", "18,955 (+27)", "17,232 (+61)"):
        assert value in text


def test_choose_text_takes_lost_list_items_from_the_recall_run():
    precise = "Headline\nThe report says:\nThe figures cannot be verified."
    recall = "Menu 1,003\nThe report says:\n- tanks: 9\n- drones: 61\nThe figures cannot be verified.\nFooter 88,000"
    assert choose_text(precise, recall) == (
        "Headline\nThe report says:\n- tanks: 9\n- drones: 61\nThe figures cannot be verified.")


def test_choose_text_keeps_precise_text_when_only_boilerplate_differs():
    precise = "The report says:\n- tanks: 9\nThe end."
    recall = "Menu 1,003\nThe report says:\n- tanks: 9\nRead also: 631,420 troops\nThe end.\nFooter"
    assert choose_text(precise, recall) == precise
    assert choose_text("", recall) == recall
    assert choose_text(precise, "") == precise


@pytest.mark.parametrize("data, header, expected", [
    ("Втрати ворога".encode("cp1251"), "windows-1251", "Втрати ворога"),
    ("<meta charset=windows-1251>Втрати".encode("cp1251"), None, "<meta charset=windows-1251>Втрати"),
    ('<?xml version="1.0" encoding="koi8-r"?><p>Потери</p>'.encode("koi8-r"), None, "Потери"),
    ("\ufeffÜber".encode("utf-8"), "iso-8859-1", "Über"),   # a BOM beats the header
    ("plain ütf-8".encode("utf-8"), None, "plain ütf-8"),
])
def test_decode_html(data, header, expected):
    assert expected in decode_html(data, "page", header_charset=header)


def test_windows_1251_page_without_any_declaration_is_detected():
    body = webserver.CYRILLIC_PAGE.format(meta="").encode("cp1251")
    assert webserver.CYRILLIC_TEXT in html_doc(body).text


def test_deeply_nested_page_ends_in_bounded_time():
    depth = 50_000
    page = ("<html><body>" + "<div>" * depth + "<p>Russia has lost 150,000 troops.</p>" + "</div>" * depth
            + "</body></html>").encode()
    started = time.monotonic()
    try:   # libxml2 stops at 256 levels: the paragraph may be lost, but the answer comes quickly
        results = list(read_bytes(page, "deep", ParseOptions(), media_type="text/html"))
    except InputError as err:
        results = [err]
    assert time.monotonic() - started < 10
    assert len(results) == 1


def test_page_with_too_many_elements_is_refused():
    page = ("<html><body>" + "<b>1</b>" * (MAX_ELEMENTS + 1) + "</body></html>").encode()
    with pytest.raises(InputError, match="too many HTML elements"):
        html_doc(page)


def test_empty_page_is_an_error():
    with pytest.raises(InputError, match="no text found"):
        html_doc(b"<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>")


def test_missing_web_extra_gives_the_install_command(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "trafilatura", None)   # import now fails as if not installed
    page = tmp_path / "page.html"
    page.write_bytes(webserver.NEWS_PAGE)
    [err] = read_documents([str(page)], ParseOptions(), None)
    assert str(err) == f"{page}: reading HTML needs the 'web' extra: pip install 'casualty[web]'"


def test_missing_warc_extra_gives_the_install_command(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"WARC/1.0\r\n\r\n")
    [err] = read_documents([str(path)], ParseOptions(), None)
    assert str(err) == f"{path}: reading WARC files needs the 'warc' extra: pip install 'casualty[warc]'"


def test_help_and_text_inputs_import_no_html_http_or_warc_library(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text(webserver.PLAIN_TEXT)
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from casualty_cli.cli import cli\n"
        "assert CliRunner().invoke(cli, ['parse', '--help']).exit_code == 0\n"
        f"assert CliRunner().invoke(cli, ['parse', '-f', 'json', {str(text)!r}]).exit_code == 0\n"
        "heavy = [m for m in ('trafilatura', 'lxml', 'htmldate', 'urllib3', 'warcio', 'charset_normalizer')"
        " if m in sys.modules]\n"
        "print(heavy)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
