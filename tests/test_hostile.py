"""Hostile input through the real command: each case ends in bounded time with a one-line error naming
the input, or an empty/valid result, and never a traceback.

Sizes are the issue's, except where a case would only repeat a slower run of the same code (noted).
The extractor cuts texts longer than 2,000,000 characters and is linear-time (about 3 s per MB).
"""
from __future__ import annotations

import gzip
import json
import random
import subprocess
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

CASUALTY = [sys.executable, "-m", "casualty_cli"]
MB = 1024 * 1024
DEFAULT_CAP = 10 * MB


def casualty(*args, stdin=None, limit):
    """Run the CLI; assert it ended within `limit` seconds without a traceback."""
    started = time.monotonic()
    result = subprocess.run([*CASUALTY, *map(str, args)], input=stdin, capture_output=True, timeout=limit + 30)
    elapsed = time.monotonic() - started
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and b"Traceback" not in result.stdout, err
    assert elapsed < limit, f"took {elapsed:.1f} s"
    return result.returncode, result.stdout.decode("utf-8", "replace"), err


def one_error(err, name, *words):
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"casualty: error: {name}"), lines
    for word in words:
        assert word in lines[0], lines


def valid_record(out, name):
    record = json.loads(out)
    assert record["source"] == name
    return record


# ---------------------------------------------------------------- text


def test_a_megabyte_of_digits_and_separators(tmp_path):
    rng = random.Random(1)
    path = tmp_path / "digits.txt"
    path.write_text("".join(rng.choice("0123456789" * 3 + " ,.;:-+()\n/") for _ in range(MB)), encoding="utf-8")
    status, out, err = casualty("parse", "-f", "json", path, limit=30)
    assert (status, err) == (0, "")
    valid_record(out, str(path))


def test_a_hundred_thousand_unterminated_daily_markers(tmp_path):
    path = tmp_path / "plus.txt"
    path.write_text("tanks ‒ 2,449 " + "(+" * 100_000, encoding="utf-8")
    status, out, err = casualty("parse", "-f", "json", path, limit=20)
    assert (status, err) == (0, "")
    valid_record(out, str(path))


def test_a_ten_megabyte_single_line_within_the_cap(tmp_path):
    path = tmp_path / "line.txt"
    line = "Russia lost 61,330 personnel and tanks 2,449 (+14) in its war, "
    path.write_text((line * (DEFAULT_CAP // len(line) + 1))[:DEFAULT_CAP - 1] + "\n", encoding="utf-8")
    assert path.stat().st_size == DEFAULT_CAP
    status, out, err = casualty("parse", "-f", "json", path, limit=60)
    assert status == 0
    # The extractor reads the first 2,000,000 characters, and says so in one line naming the input.
    assert err == f"casualty: warning: {path}: only the first 2,000,000 characters were read\n"
    assert valid_record(out, str(path))["totals"]["tanks"] == 2449


def test_one_byte_over_the_default_cap_is_refused_unread(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * (DEFAULT_CAP + 1))
    status, out, err = casualty("parse", path, limit=10)
    assert (status, out) == (1, "")
    one_error(err, str(path), f"larger than {DEFAULT_CAP} bytes", "--max-bytes")


def refused_below_read_above(path, error):
    """A 3,500-byte report: refused with --max-bytes 1000, read whole with --max-bytes 4000."""
    status, _, err = casualty("parse", "--max-bytes", 1000, path, limit=10)
    assert status == 1
    one_error(err, str(path), error)
    status, out, err = casualty("parse", "-f", "json", "--max-bytes", 4000, path, limit=10)
    assert (status, err) == (0, "")
    assert valid_record(out, str(path))["totals"]["tanks"] == 2449


def test_max_bytes_lowers_and_raises_the_cap_for_parse_and_batch(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Russia has lost 2,449 tanks (+14). " * 100, encoding="utf-8")   # 3,500 bytes
    refused_below_read_above(path, "larger than 1000 bytes")
    status, out, err = casualty("batch", path, "-o", "-", "-q", "--max-bytes", 1000, limit=10)
    assert status == 1 and "larger than 1000 bytes" in json.loads(out)["error"]
    status, out, err = casualty("batch", path, "-o", "-", "-q", "--max-bytes", 4000, limit=10)
    assert (status, err) == (0, "") and json.loads(out)["totals"]["tanks"] == 2449


def test_numbers_of_four_hundred_digits(tmp_path):
    path = tmp_path / "long-numbers.txt"
    huge = "9" * 400
    path.write_text(f"Russia lost {huge} personnel and tanks ‒ {huge} (+{huge}), " * 500 + "\n", encoding="utf-8")
    status, out, err = casualty("parse", "-f", "json", path, limit=20)
    assert (status, err) == (0, "")
    record = valid_record(out, str(path))
    for role in ("totals", "daily", "previous"):
        assert all(len(str(value)) < 20 for value in record[role].values())


def test_nul_bytes(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Russia lost 2,449 tanks\x00\x00\x00 (+14)\n" * 1000)
    status, out, err = casualty("parse", path, limit=10)
    assert (status, out) == (1, "")
    one_error(err, str(path), "binary data")


def test_invalid_utf8(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Russia lost 2,449 tanks \xff\xfe\xc3\x28 (+14)\n")
    status, out, err = casualty("parse", path, limit=10)
    assert (status, out) == (1, "")
    one_error(err, str(path), "cannot be decoded", "--encoding")


def test_invalid_utf8_on_stdin_names_stdin():
    status, out, err = casualty("parse", "-", stdin=b"tanks \xff 2,449", limit=10)
    assert (status, out) == (1, "")
    one_error(err, "-:", "cannot be decoded")


# ---------------------------------------------------------------- HTML


def test_deeply_nested_html(tmp_path):
    path = tmp_path / "nested.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "Russia lost 2,449 tanks (+14)." + "</div>" * 100_000
                    + "</body></html>", encoding="utf-8")
    status, out, err = casualty("parse", "-f", "json", path, limit=30)
    if status == 0:
        valid_record(out, str(path))
    else:
        assert (status, out) == (1, "")
        one_error(err, str(path))


def test_an_html_page_of_too_many_elements(tmp_path):
    path = tmp_path / "elements.html"
    path.write_text("<html><body>" + "<p>x</p>" * 300_000 + "</body></html>", encoding="utf-8")
    status, out, err = casualty("parse", path, limit=20)
    assert (status, out) == (1, "")
    one_error(err, str(path), "too many HTML elements")


def test_an_html_page_of_fifty_megabytes_is_refused_unread(tmp_path):
    path = tmp_path / "huge.html"
    with open(path, "wb") as handle:
        handle.write(b"<html><body>")
        handle.write(b"<p>Russia lost 2,449 tanks.</p>" * (50 * MB // 31))
        handle.write(b"</body></html>")
    status, out, err = casualty("parse", path, limit=10)
    assert (status, out) == (1, "")
    one_error(err, str(path), f"larger than {DEFAULT_CAP} bytes")


class _Huge(BaseHTTPRequestHandler):
    """A 50 MB HTML page, announced or not, counting the bytes it manages to send."""

    protocol_version = "HTTP/1.1"
    CHUNK = b"<p>" + b"Russia lost 2,449 tanks. " * 2600 + b"</p>"   # 65 KB

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if self.path == "/announced":
            self.send_header("Content-Length", str(50 * MB))
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        try:
            self.wfile.write(b"<html><body>")
            while self.server.sent < 50 * MB:
                self.wfile.write(self.CHUNK)
                self.server.sent += len(self.CHUNK)
        except OSError:
            pass


@pytest.fixture
def huge_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Huge)
    server.daemon_threads = True
    server.sent = 0
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("path", ["/announced", "/streamed"])
def test_a_fifty_megabyte_page_from_a_url_is_refused_before_it_is_all_read(huge_server, path):
    url = f"http://127.0.0.1:{huge_server.server_address[1]}{path}"
    status, out, err = casualty("parse", "--timeout", 5, url, limit=20)
    assert (status, out) == (1, "")
    one_error(err, url, f"larger than {DEFAULT_CAP} bytes")
    assert huge_server.sent < 50 * MB - 8 * MB      # stopped near the cap (plus socket buffers), not at the end


# ---------------------------------------------------------------- archives


def gzip_bomb(path, size):
    """`size` zero bytes as gzip members of 1 MB each (gzip readers inflate them as one stream)."""
    member = gzip.compress(b"\0" * MB, compresslevel=9)
    with open(path, "wb") as handle:
        handle.write(member * (size // MB))


def test_a_gzip_bomb_is_refused_before_it_is_inflated(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    gzip_bomb(path, 1024 * MB)                      # 1 GB of zeros in 1 MB
    status, out, err = casualty("parse", path, limit=10)
    assert (status, out) == (1, "")
    one_error(err, str(path), f"decompresses to more than {DEFAULT_CAP} bytes", "--max-bytes")


def test_a_gzip_within_a_raised_cap_is_read(tmp_path):
    path = tmp_path / "report.txt.gz"
    path.write_bytes(gzip.compress(b"Russia has lost 2,449 tanks (+14). " * 100))
    refused_below_read_above(path, "decompresses to more than 1000 bytes")


def warc_record(body, *, length=None, uri="https://news.example.test/a"):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body
    declared = len(http) if length is None else length
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)):032x}>\r\nWARC-Date: 2024-11-21T10:00:00Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {declared}\r\n\r\n")
    return head.encode() + http + b"\r\n\r\n"


GOOD = b"Russia has lost 2,449 tanks (+14), the General Staff said.\n"


@pytest.mark.parametrize("lie", ["longer", "shorter", "huge", "negative", "junk"])
def test_a_warc_with_a_lying_length(tmp_path, lie):
    lengths = {"longer": len(GOOD) + 200, "shorter": 20, "huge": 10 ** 15, "negative": -5, "junk": "many"}
    path = tmp_path / "lying.warc"
    path.write_bytes(warc_record(GOOD, uri="https://news.example.test/ok")
                     + warc_record(GOOD, length=lengths[lie], uri="https://news.example.test/liar")
                     + warc_record(GOOD, uri="https://news.example.test/after"))
    status, out, err = casualty("parse", "-f", "jsonl", path, limit=15)
    records = [json.loads(line) for line in out.splitlines()]
    assert records and records[0]["source"] == "https://news.example.test/ok"   # what came before the lie
    assert status in (0, 1)
    if status == 1:
        one_error(err, "")
        assert str(path) in err or "news.example.test" in err


def test_a_gzip_bomb_inside_a_warc_record_is_capped(tmp_path):
    """A WARC.gz record that inflates to 256 MB: refused by the cap, and the archive is not inflated further."""
    path = tmp_path / "bomb.warc.gz"
    body_size = 256 * MB
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.test/\r\n"
            f"WARC-Record-ID: <urn:uuid:{1:032x}>\r\nWARC-Date: 2024-11-21T10:00:00Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http) + body_size}\r\n\r\n").encode()
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b" " * MB
    with open(path, "wb") as handle:
        handle.write(compressor.compress(head + http))
        for _ in range(body_size // MB):
            handle.write(compressor.compress(block))
        handle.write(compressor.compress(b"\r\n\r\n") + compressor.flush())
        handle.write(gzip.compress(warc_record(GOOD, uri="https://news.example.test/after")))
    status, out, err = casualty("parse", "-f", "jsonl", path, limit=10)
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        f"casualty: error: https://bomb.test/: record larger than {DEFAULT_CAP} bytes (raise the cap with --max-bytes)",
        f"casualty: error: {path}: damaged or truncated WARC after 0 records "
        "(inflates more than 200 times (a gzip bomb); not read further)"]
