"""HTTPS on 127.0.0.1 with a certificate made in the test: checked always, trusted only when its CA is."""
from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from casualty_cli.errors import InputError
from casualty_cli.options import ParseOptions
from casualty_cli.sources import Document, read_documents

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    plain_port = 0

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/downgrade":
            headers, body = {"Location": f"http://127.0.0.1:{Handler.plain_port}/"}, b""
            self.send_response(302)
        else:
            headers, body = {"Content-Type": "text/plain; charset=utf-8"}, b"Russia has lost 632,630 troops.\n"
            self.send_response(200)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class Quiet(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request, client_address):   # clients refusing our certificate hang up
        pass


@pytest.fixture(scope="module")
def https(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=60)
    server = Quiet(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield f"https://127.0.0.1:{server.server_address[1]}", cert
    server.shutdown()
    server.server_close()


def read(url):
    return list(read_documents([url], ParseOptions(timeout=2), None))


def test_untrusted_certificate_is_refused(https):
    base, _ = https
    [err] = read(base + "/")
    assert isinstance(err, InputError)
    assert "TLS error" in str(err) and "certificate verify failed" in str(err)


def test_trusted_certificate_works_and_https_never_falls_to_http(https, monkeypatch):
    base, cert = https
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))   # trust the test's own certificate, nothing else
    [doc] = read(base + "/")
    assert isinstance(doc, Document) and "632,630" in doc.text
    [err] = read(base + "/downgrade")
    assert "redirect from https to plain http refused" in str(err)
