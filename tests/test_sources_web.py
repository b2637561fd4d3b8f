"""URLs against a real HTTP server on 127.0.0.1: success, every failure, and the limits."""
from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner

from casualty_cli import __version__
from casualty_cli.cli import cli
from casualty_cli.errors import InputError
from casualty_cli.options import ParseOptions
from casualty_cli.sources import Document, read_documents

import webserver

ARTICLE_SENTENCE = "Russia has lost 632,630 troops in Ukraine since the start of the full-scale invasion"


@pytest.fixture(scope="module")
def server():
    srv = webserver.start()
    yield srv
    webserver.stop(srv)


@pytest.fixture(autouse=True)
def fresh_counts(server):
    server.hits.clear()
    server.user_agents.clear()


def read(urls, **options):
    options.setdefault("timeout", 1.0)
    return list(read_documents(urls, ParseOptions(**options), None))


def only_error(results) -> InputError:
    assert len(results) == 1 and isinstance(results[0], InputError), results
    return results[0]


def test_news_page_from_url(server):
    url = server.url("/news/russian-losses.html")
    [doc] = read([url])
    assert isinstance(doc, Document)
    assert doc.source == url
    assert ARTICLE_SENTENCE in doc.text
    assert doc.title == "Russia has lost 632,630 troops since February 2022, General Staff says"
    assert doc.published.isoformat() == "2024-11-22"


def test_user_agent_names_casualty_and_version(server):
    read([server.url("/plain.txt")])
    assert server.user_agents == [f"casualty/{__version__} (war-loss report parser)"]


def test_plain_text_response_is_read_as_text(server):
    [doc] = read([server.url("/plain.txt")])
    assert doc.text == webserver.PLAIN_TEXT and doc.published is None


def test_gzip_content_encoding_is_undone(server):
    [doc] = read([server.url("/gzipped")])
    assert ARTICLE_SENTENCE in doc.text


def test_404_is_one_error_naming_the_url(server):
    url = server.url("/missing")
    err = only_error(read([url]))
    assert str(err) == f"{url}: HTTP 404 Not Found"
    assert server.hits["/missing"] == 1   # not retried


def test_500_then_200_is_retried(server):
    [doc] = read([server.url("/flaky")], retry_backoff=0.05)
    assert isinstance(doc, Document) and ARTICLE_SENTENCE in doc.text
    assert server.hits["/flaky"] == 2


def test_retry_after_is_respected(server):
    started = time.monotonic()
    [doc] = read([server.url("/throttled")])
    assert isinstance(doc, Document)
    assert time.monotonic() - started >= 0.9
    assert server.hits["/throttled"] == 2


def test_a_long_retry_after_fails_at_once(server):
    started = time.monotonic()
    err = only_error(read([server.url("/unavailable")]))
    assert "HTTP 503 Service Unavailable" in str(err) and "3600 s" in str(err)
    assert time.monotonic() - started < 1


def test_retries_are_bounded(server):
    err = only_error(read([server.url("/always-500")], retries=2, retry_backoff=0.01))
    assert str(err).endswith("HTTP 500 Internal Server Error")
    assert server.hits["/always-500"] == 3


def test_slow_response_times_out(server):
    started = time.monotonic()
    err = only_error(read([server.url("/slow")], timeout=0.3))
    assert "timed out after 0.3 s" in str(err)
    assert time.monotonic() - started < 2


def test_oversized_response_is_refused_before_reading(server):
    err = only_error(read([server.url("/big")], max_bytes=1000))
    assert "larger than 1000 bytes" in str(err) and "announces 5000" in str(err)


def test_oversized_response_without_length_is_cut(server):
    err = only_error(read([server.url("/big-unannounced")], max_bytes=1000))
    assert "larger than 1000 bytes" in str(err)


def test_redirect_is_followed(server):
    [doc] = read([server.url("/redirect-to-news")])
    assert doc.source == server.url("/redirect-to-news") and ARTICLE_SENTENCE in doc.text


def test_five_redirects_are_allowed(server):
    [doc] = read([server.url("/hop/1")])   # 1 -> 2 -> 3 -> 4 -> 5 -> 6
    assert isinstance(doc, Document)


def test_too_many_redirects(server):
    err = only_error(read([server.url("/many-hops/1")]))
    assert "too many redirects (more than 5)" in str(err)


def test_redirect_loop(server):
    err = only_error(read([server.url("/loop/a")]))
    assert "redirect loop" in str(err)


def test_redirect_to_file_url_is_refused(server):
    err = only_error(read([server.url("/to-file")]))
    assert "redirect to a file: URL refused" in str(err)


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/report.txt", "file:///etc/passwd", "gopher://127.0.0.1/"])
def test_other_schemes_are_refused(url):
    err = only_error(read([url]))
    assert err.source == url and "only http and https" in str(err)


def test_binary_body_is_refused(server):
    err = only_error(read([server.url("/report.pdf")]))
    assert str(err).endswith("not a text or HTML document (a PDF)")
    err = only_error(read([server.url("/image")]))
    assert str(err).endswith("not a text or HTML document (a PNG image)")


@pytest.mark.parametrize("path", ["/cp1251-header", "/cp1251-meta"])
def test_windows_1251_page(server, path):
    [doc] = read([server.url(path)])
    assert webserver.CYRILLIC_TEXT in doc.text
    assert doc.title == "Втрати ворога на 21 листопада"


def test_connection_refused_is_one_error(server):
    import socket

    with socket.socket() as sock:   # a port that was free a moment ago
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    err = only_error(read([f"http://127.0.0.1:{port}/"]))
    assert "cannot connect" in str(err)


def test_urls_are_fetched_concurrently_and_kept_in_order(server):
    urls = [server.url(f"/delay/{ms}/{i}") for i, ms in enumerate([600, 50, 600, 50, 600])]
    started = time.monotonic()
    docs = read(urls)
    elapsed = time.monotonic() - started
    assert [d.source for d in docs] == urls
    assert all(d.text.startswith("/delay/") for d in docs)
    assert elapsed < 1.5   # one after another would take 1.9 s


def test_failures_do_not_stop_the_other_inputs(server, tmp_path):
    saved = tmp_path / "page.html"
    saved.write_bytes(webserver.NEWS_PAGE)
    inputs = [server.url("/missing"), str(saved), server.url("/to-file"), server.url("/plain.txt"),
              "ftp://127.0.0.1/x"]
    results = read(inputs)
    assert [type(r).__name__ for r in results] == ["InputError", "Document", "InputError", "Document", "InputError"]
    assert [r.source for r in results] == inputs


# The command line: one line per failure on stderr, exit 1, the rest printed.

def test_cli_prints_records_and_one_line_per_failure(server, tmp_path):
    good, missing, slow = server.url("/news/russian-losses.html"), server.url("/missing"), server.url("/slow")
    result = CliRunner().invoke(cli, ["parse", "-f", "jsonl", "--timeout", "0.3", missing, good, slow,
                                      server.url("/report.pdf")])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [good]
    assert records[0]["published"] == "2024-11-22"
    lines = result.stderr.splitlines()
    assert lines == [
        f"casualty: error: {missing}: HTTP 404 Not Found",
        f"casualty: error: {slow}: timed out after 0.3 s (raise it with --timeout)",
        f"casualty: error: {server.url('/report.pdf')}: not a text or HTML document (a PDF)",
    ]


def test_cli_published_option_wins_over_the_page(server):
    result = CliRunner().invoke(cli, ["parse", "-f", "json", "--published", "2024-11-25",
                                      server.url("/news/russian-losses.html")])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["published"] == "2024-11-25"


def test_cli_in_a_real_process(server, tmp_path):
    import subprocess
    import sys

    missing = server.url("/missing")
    proc = subprocess.run([sys.executable, "-m", "casualty_cli", "parse", "-f", "jsonl", "--timeout", "1",
                           missing, server.url("/plain.txt")],
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if line.startswith("casualty: error:")]
    assert errors == [f"casualty: error: {missing}: HTTP 404 Not Found"]  # (a note may follow: no date)
    assert json.loads(proc.stdout)["source"] == server.url("/plain.txt")


def test_warc_from_a_url(server):
    from test_sources_archives import MIXED, NEWS_URL, build_warc

    server.files["warc"] = build_warc(MIXED)
    docs = read([server.url("/archive.warc.gz")])
    assert [type(d).__name__ for d in docs] == ["Document"] * 3
    assert docs[0].source == NEWS_URL and docs[0].published.isoformat() == "2024-11-22"
