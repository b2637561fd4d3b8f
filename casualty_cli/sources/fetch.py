"""HTTP(S) fetching, bounded: time, size, redirects and retries; certificate checks always on.

urllib3 does the work (thread-safe pooling, timeouts, TLS with the system's CA store). Redirects and
retries are followed here, by hand, so that each limit gives its own clear message and no redirect can
leave http(s) or downgrade https to http.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..errors import InputError
from ..options import ParseOptions
from .extras import require

USER_AGENT = f"casualty/{__version__} (war-loss report parser)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
SCHEMES = ("http", "https")
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Response:
    url: str                # after redirects
    status: int
    media_type: str | None  # e.g. "text/html", lower case, no parameters
    charset: str | None     # from the Content-Type header
    body: bytes             # Content-Encoding (gzip, deflate) already undone


def check_url(url: str) -> None:
    """Refuse anything but an http(s) URL with a host, before any connection is made."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise InputError(url, f"unsupported URL scheme '{parts.scheme}:' (only http and https URLs are read)")
    if not parts.hostname:
        raise InputError(url, "not a valid URL (no host)")


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """'text/html; charset=UTF-8' -> ('text/html', 'utf-8')."""
    if not value:
        return None, None
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("'\"").lower()
    return (media.strip().lower() or None), charset


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds: a number, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def _status_text(status: int, reason: str | None) -> str:
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = reason or ""
    return f"HTTP {status} {phrase}".rstrip()


class Fetcher:
    """One connection pool, shared by the threads that fetch several URLs at once."""

    def __init__(self, options: ParseOptions, source: str = "-"):
        urllib3 = require("urllib3", "web", source, "reading URLs")
        self._urllib3 = urllib3
        self._options = options
        self._pool = urllib3.PoolManager(
            num_pools=max(10, options.max_connections),
            maxsize=options.max_connections,
            cert_reqs="CERT_REQUIRED",   # never turned off, and no insecure fallback
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
                     "Accept-Encoding": "gzip, deflate"},
            retries=False,
            timeout=urllib3.Timeout(connect=options.timeout, read=options.timeout),
        )

    def close(self) -> None:
        self._pool.clear()

    def fetch(self, url: str) -> Response:
        """The final response for `url`, or an InputError naming `url`."""
        check_url(url)
        options = self._options
        current, seen, redirects, attempt = url, {url}, 0, 0
        while True:
            response = self._request(url, current)
            status = response.status
            if status in REDIRECT_STATUSES:
                location = response.headers.get("Location")
                _discard(response)
                if not location:
                    raise InputError(url, f"{_status_text(status, response.reason)} without a Location header")
                target = urljoin(current, location.strip())
                self._check_redirect(url, current, target)
                if target in seen:
                    raise InputError(url, f"redirect loop ({current} -> {target})")
                redirects += 1
                if redirects > options.max_redirects:
                    raise InputError(url, f"too many redirects (more than {options.max_redirects})")
                seen.add(target)
                current = target
                continue
            if status in RETRY_STATUSES and attempt < options.retries:
                asked = retry_after_seconds(response.headers.get("Retry-After"))
                _discard(response)
                if asked is not None and asked > options.max_retry_wait:
                    raise InputError(url, f"{_status_text(status, response.reason)} "
                                          f"(the server asks to retry after {asked:.0f} s)")
                time.sleep(asked if asked is not None else options.retry_backoff * 2 ** attempt)
                attempt += 1
                continue
            if not 200 <= status < 300:
                _discard(response)
                raise InputError(url, _status_text(status, response.reason))
            media_type, charset = parse_content_type(response.headers.get("Content-Type"))
            body = self._read_body(url, response)
            return Response(url=current, status=status, media_type=media_type, charset=charset, body=body)

    def _check_redirect(self, url: str, current: str, target: str) -> None:
        scheme = urlsplit(target).scheme.lower()
        if scheme not in SCHEMES:
            raise InputError(url, f"redirect to a {scheme or 'relative'}: URL refused ({target}); "
                                  "only http and https are followed")
        if urlsplit(current).scheme.lower() == "https" and scheme == "http":
            raise InputError(url, f"redirect from https to plain http refused ({target})")

    def _request(self, url: str, current: str):
        exc_mod = self._urllib3.exceptions
        try:
            return self._pool.request("GET", current, preload_content=False, redirect=False, retries=False,
                                      decode_content=True)
        except exc_mod.NameResolutionError:
            raise InputError(url, f"cannot resolve host {urlsplit(current).hostname!r}") from None
        except exc_mod.NewConnectionError as exc:
            raise InputError(url, f"cannot connect: {_reason(exc)}") from None
        except (exc_mod.ConnectTimeoutError, exc_mod.ReadTimeoutError, TimeoutError):
            raise InputError(url, f"timed out after {self._options.timeout:g} s (raise it with --timeout)") from None
        except exc_mod.SSLError as exc:
            raise InputError(url, f"TLS error (certificates are always checked): {_reason(exc)}") from None
        except exc_mod.LocationValueError as exc:
            raise InputError(url, f"not a valid URL: {exc}") from None
        except exc_mod.ProtocolError as exc:
            raise InputError(url, f"connection failed: {_reason(exc)}") from None
        except exc_mod.HTTPError as exc:
            raise InputError(url, f"request failed: {_reason(exc)}") from None

    def _read_body(self, url: str, response) -> bytes:
        """Read at most max_bytes (after decompression), refusing early on a larger Content-Length."""
        exc_mod = self._urllib3.exceptions
        cap = self._options.max_bytes
        too_big = f"larger than {cap} bytes (raise the cap with --max-bytes)"
        try:
            declared = int(response.headers.get("Content-Length", ""))
        except ValueError:
            declared = None
        if declared is not None and declared > cap:
            _discard(response)
            raise InputError(url, f"{too_big}: the server announces {declared} bytes")
        # Each wait is bounded by --timeout; the whole download by three times that.
        deadline = time.monotonic() + 3 * self._options.timeout
        chunks, size, complete = [], 0, False
        try:
            while True:
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > cap:
                    raise InputError(url, too_big)
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise InputError(url, f"download took longer than {3 * self._options.timeout:g} s")
            complete = True
        except (exc_mod.ReadTimeoutError, TimeoutError):
            raise InputError(url, f"timed out after {self._options.timeout:g} s (raise it with --timeout)") from None
        except exc_mod.DecodeError as exc:
            raise InputError(url, f"cannot decompress the response: {_reason(exc)}") from None
        except (exc_mod.ProtocolError, exc_mod.HTTPError) as exc:
            raise InputError(url, f"connection broke while reading: {_reason(exc)}") from None
        finally:
            if complete:
                response.release_conn()
            else:
                _discard(response)
        return b"".join(chunks)


def _discard(response) -> None:
    """Give the connection back: drain a small unread body, else close the socket (the pool reconnects)."""
    try:
        length = int(response.headers.get("Content-Length", ""))
    except ValueError:
        length = None
    try:
        if length is not None and length <= _CHUNK:
            response.drain_conn()
        else:
            response.close()
    except Exception:  # noqa: BLE001 - the connection is being given up anyway
        response.close()
    response.release_conn()


def _reason(exc: BaseException) -> str:
    """The innermost useful words of a urllib3 error, on one line."""
    text = re.sub(r"\[Errno -?\d+\]\s*", "", str(exc))
    for marker in ("Failed to establish a new connection: ",):
        if marker in text:
            text = text.split(marker, 1)[1]
            break
    text = " ".join(text.split())
    return (text[:1].lower() + text[1:]) if text else type(exc).__name__
