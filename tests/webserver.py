"""A real HTTP server on 127.0.0.1 (port 0) for the tests: no mocks, every route a case we must handle."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DATA = Path(__file__).parent / "data"
NEWS_PAGE = (DATA / "news-page.html").read_bytes()

CYRILLIC_TEXT = ("Генеральний штаб ЗСУ повідомив у четвер: загальні втрати противника становлять "
                 "близько 632 630 осіб, з них 1 210 за минулу добу.")
CYRILLIC_PAGE = (
    "<!DOCTYPE html><html lang='uk'><head>{meta}<title>Втрати ворога на 21 листопада</title></head>"
    "<body><nav><a href='/'>Головна</a> · <a href='/news'>Новини 2024</a></nav>"
    f"<article><h1>Втрати ворога на 21 листопада</h1><p>{CYRILLIC_TEXT}</p>"
    "<p>Дані уточнюються, повідомили у Генштабі. Бої тривають на Покровському напрямку.</p></article>"
    "<footer>© Редакція</footer></body></html>"
)
PLAIN_TEXT = "Russia has lost 632,630 troops, including 1,210 over the past day.\n"


class Handler(BaseHTTPRequestHandler):
    server_version = "casualty-test/1"
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):  # noqa: C901 - one branch per route is the clearest here
        server = self.server
        with server.lock:
            server.hits[self.path] = server.hits.get(self.path, 0) + 1
            hits = server.hits[self.path]
            server.user_agents.append(self.headers.get("User-Agent"))
        path = self.path
        if path in ("/news/russian-losses.html", "/saved/news"):
            return self._send(200, NEWS_PAGE, "text/html; charset=utf-8")
        if path == "/redirect-to-news":
            return self._send(301, b"", None, {"Location": "/news/russian-losses.html"})
        if path == "/missing":
            return self._send(404, b"<h1>Not here</h1>", "text/html")
        if path == "/flaky":          # 500 once, then the page
            if hits == 1:
                return self._send(500, b"oops", "text/plain")
            return self._send(200, NEWS_PAGE, "text/html; charset=utf-8")
        if path == "/throttled":      # 429 with Retry-After: 1 once, then text
            if hits == 1:
                return self._send(429, b"slow down", "text/plain", {"Retry-After": "1"})
            return self._send(200, PLAIN_TEXT.encode(), "text/plain; charset=utf-8")
        if path == "/unavailable":    # always 503, asking for an hour
            return self._send(503, b"maintenance", "text/plain", {"Retry-After": "3600"})
        if path == "/always-500":
            return self._send(500, b"oops", "text/plain")
        if path.startswith("/slow"):  # headers only after 3 s
            time.sleep(3)
            return self._send(200, PLAIN_TEXT.encode(), "text/plain")
        if path.startswith("/delay/"):  # /delay/<ms>/<name>: a page after a short wait
            time.sleep(int(path.split("/")[2]) / 1000)
            return self._send(200, f"{path}\n{PLAIN_TEXT}".encode(), "text/plain; charset=utf-8")
        if path == "/big":             # announces its size
            return self._send(200, b"x" * 5000, "text/plain")
        if path == "/big-unannounced":  # no Content-Length: cut while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            for _ in range(50):
                self.wfile.write(b"y" * 1000)
            return None
        if path.startswith("/loop/"):   # /loop/a <-> /loop/b
            target = "/loop/b" if path == "/loop/a" else "/loop/a"
            return self._send(302, b"", None, {"Location": target})
        if path.startswith("/hop/"):    # /hop/1 -> /hop/2 -> ... -> /hop/N: the page
            n = int(path.split("/")[2])
            if n >= 6:
                return self._send(200, PLAIN_TEXT.encode(), "text/plain")
            return self._send(302, b"", None, {"Location": f"/hop/{n + 1}"})
        if path.startswith("/many-hops/"):
            n = int(path.split("/")[2])
            return self._send(302, b"", None, {"Location": f"/many-hops/{n + 1}"})
        if path == "/to-file":
            return self._send(302, b"", None, {"Location": "file:///etc/passwd"})
        if path == "/report.pdf":
            return self._send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", "application/pdf")
        if path == "/image":           # a PNG served as text/html by a broken server
            return self._send(200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "text/html")
        if path == "/cp1251-header":
            body = CYRILLIC_PAGE.format(meta="").encode("cp1251")
            return self._send(200, body, "text/html; charset=windows-1251")
        if path == "/cp1251-meta":
            body = CYRILLIC_PAGE.format(meta="<meta charset='windows-1251'>").encode("cp1251")
            return self._send(200, body, "text/html")
        if path == "/plain.txt":
            return self._send(200, PLAIN_TEXT.encode(), "text/plain; charset=utf-8")
        if path == "/gzipped":          # Content-Encoding: gzip, undone by the client
            import gzip

            return self._send(200, gzip.compress(NEWS_PAGE), "text/html; charset=utf-8", {"Content-Encoding": "gzip"})
        if path == "/archive.warc.gz":
            return self._send(200, server.files["warc"], "application/warc")
        return self._send(404, b"no such route", "text/plain")

    def _send(self, status, body, content_type, headers=None):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class TestServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock = threading.Lock()
        self.hits: dict[str, int] = {}
        self.user_agents: list[str | None] = []
        self.files: dict[str, bytes] = {}

    def handle_error(self, request, client_address):
        """A client that hangs up early (the size cap, a timeout) is expected here, not news."""
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


def start() -> TestServer:
    server = TestServer()
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server


def stop(server: TestServer) -> None:
    server.shutdown()
    server.server_close()
