"""Saved pages, .gz files and WARC archives built in the test."""
from __future__ import annotations

import gzip
import io

import pytest
from click.testing import CliRunner

from casualty_cli.cli import cli
from casualty_cli.errors import InputError
from casualty_cli.options import ParseOptions
from casualty_cli.sources import Document, read_documents

import webserver

NEWS_URL = "https://news.example.test/2024/russian-losses"


def build_warc(records, *, gzip_records=True) -> bytes:
    """records: (kind, uri, http status line or None, content type, body bytes)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_records)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "casualty tests"}))
    for kind, uri, status, content_type, body in records:
        if kind == "response":
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http,
                                               warc_content_type="application/http; msgtype=response")
        elif kind == "request":
            http = StatusAndHeaders(f"GET {uri} HTTP/1.1", [("Host", "news.example.test")], is_http_request=True)
            record = writer.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=http)
        else:
            record = writer.create_warc_record(uri, kind, payload=io.BytesIO(body), warc_content_type=content_type)
        writer.write_record(record)
    return buffer.getvalue()


MIXED = [
    ("request", NEWS_URL, None, None, b""),
    ("response", NEWS_URL, "200 OK", "text/html; charset=utf-8", webserver.NEWS_PAGE),
    ("response", "https://news.example.test/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 40),
    ("response", "https://news.example.test/gone", "404 Not Found", "text/html", b"<h1>gone</h1>"),
    ("metadata", NEWS_URL, None, "application/warc-fields", b"via: https://news.example.test/\r\n"),
    ("response", "https://news.example.test/brief.txt", "200 OK", "text/plain; charset=utf-8",
     webserver.PLAIN_TEXT.encode()),
    ("response", "https://news.example.test/uk", "200 OK", "text/html; charset=windows-1251",
     webserver.CYRILLIC_PAGE.format(meta="").encode("cp1251")),
]


def read(paths, **options):
    return list(read_documents(paths, ParseOptions(**options), None))


@pytest.mark.parametrize("gzip_records", [True, False], ids=["warc.gz", "warc"])
def test_warc_html_and_text_responses_become_documents(tmp_path, gzip_records):
    path = tmp_path / ("crawl.warc.gz" if gzip_records else "crawl.warc")
    path.write_bytes(build_warc(MIXED, gzip_records=gzip_records))
    results = read([str(path)])
    assert all(isinstance(r, Document) for r in results), results
    assert [r.source for r in results] == [NEWS_URL, "https://news.example.test/brief.txt",
                                           "https://news.example.test/uk"]
    news, brief, uk = results
    assert news.published.isoformat() == "2024-11-22"
    assert brief.text == webserver.PLAIN_TEXT
    assert webserver.CYRILLIC_TEXT in uk.text


def test_whole_file_gzip_warc_is_read_too(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(build_warc(MIXED, gzip_records=False)))
    assert len([r for r in read([str(path)]) if isinstance(r, Document)]) == 3


def test_warc_from_stdin():
    data = build_warc(MIXED)
    results = list(read_documents(["-"], ParseOptions(), io.BytesIO(data)))
    assert [r.source for r in results][0] == NEWS_URL


@pytest.mark.parametrize("gzip_records", [True, False], ids=["warc.gz", "warc"])
def test_truncated_warc_yields_the_records_before_the_damage_then_an_error(tmp_path, gzip_records):
    pages = [("response", f"https://news.example.test/{i}", "200 OK", "text/html", webserver.NEWS_PAGE)
             for i in range(3)]
    data = build_warc(pages, gzip_records=gzip_records)
    # Cut inside the third record: find where it starts.
    complete_two = len(build_warc(pages[:2], gzip_records=gzip_records))
    cut = complete_two + (len(data) - complete_two) // 2
    path = tmp_path / ("cut.warc.gz" if gzip_records else "cut.warc")
    path.write_bytes(data[:cut])
    results = read([str(path)])
    assert [type(r).__name__ for r in results] == ["Document", "Document", "InputError"]
    assert results[2].source == str(path)
    assert "damaged or truncated WARC after 2 records" in str(results[2])


def test_garbage_after_warc_magic_is_an_error(tmp_path):
    path = tmp_path / "bad.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is not a header\r\n\r\nnonsense")
    [err] = read([str(path)])
    assert isinstance(err, InputError) and err.source == str(path)


def test_warc_without_html_or_text_records_says_so(tmp_path):
    path = tmp_path / "images.warc"
    path.write_bytes(build_warc([MIXED[2]], gzip_records=False))
    [err] = read([str(path)])
    assert str(err) == f"{path}: no HTML or text records in the archive (2 records skipped)"


def test_oversized_warc_record_is_one_error_and_the_rest_continue(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(build_warc(MIXED))
    results = read([str(path)], max_bytes=1000)   # the news page is larger, the others are not
    assert [type(r).__name__ for r in results] == ["InputError", "Document", "Document"]
    assert results[0].source == NEWS_URL and "record larger than 1000 bytes" in str(results[0])


def test_saved_page_and_its_gz_give_the_same_document(tmp_path):
    saved = tmp_path / "russian-losses.html"
    saved.write_bytes(webserver.NEWS_PAGE)
    packed = tmp_path / "russian-losses.html.gz"
    packed.write_bytes(gzip.compress(webserver.NEWS_PAGE))
    plain, unpacked = read([str(saved), str(packed)])
    assert plain.text == unpacked.text and plain.published == unpacked.published
    assert unpacked.source == str(packed)


def test_gz_text_file_and_saved_page_without_extension(tmp_path):
    text = tmp_path / "bulletin.txt.gz"
    text.write_bytes(gzip.compress(webserver.PLAIN_TEXT.encode()))
    page = tmp_path / "page-saved-by-curl"
    page.write_bytes(webserver.NEWS_PAGE)
    bulletin, saved = read([str(text), str(page)])
    assert bulletin.text == webserver.PLAIN_TEXT
    assert saved.title.startswith("Russia has lost 632,630 troops")   # sniffed as HTML


def test_gzip_bomb_is_capped(tmp_path):
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 2_000_000))
    assert bomb.stat().st_size < 10_000
    [err] = read([str(bomb)], max_bytes=100_000)
    assert "decompresses to more than 100000 bytes" in str(err)


def test_truncated_gz_is_an_error(tmp_path):
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(gzip.compress(webserver.NEWS_PAGE)[:300])
    [err] = read([str(cut)])
    assert isinstance(err, InputError) and "damaged or truncated gzip" in str(err)


@pytest.mark.parametrize("data, what", [
    (b"%PDF-1.7\n", "a PDF"), (b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "a PNG image"),
    (b"\xff\xd8\xff\xe0" + b"\0" * 20, "a JPEG image"), (b"PK\x03\x04" + b"\0" * 20, "a ZIP archive or office file"),
])
def test_local_binaries_are_refused_by_name(tmp_path, data, what):
    path = tmp_path / "file.bin"
    path.write_bytes(data)
    [err] = read([str(path)])
    assert str(err) == f"{path}: not a text or HTML document ({what})"


def test_cli_reads_a_warc_and_keeps_going_after_a_broken_one(tmp_path):
    good = tmp_path / "good.warc.gz"
    good.write_bytes(build_warc(MIXED))
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(build_warc(MIXED)[:700])
    result = CliRunner().invoke(cli, ["parse", "-f", "jsonl", str(broken), str(good)])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 3
    [line] = [line for line in result.stderr.splitlines() if line.startswith("casualty: error:")]
    assert line.startswith(f"casualty: error: {broken}: damaged or truncated WARC after 0 records")
