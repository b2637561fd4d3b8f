"""Bytes to text: UTF-8 by default (BOM stripped), a named codec on request, and clear errors."""
from __future__ import annotations

from ..errors import InputError

# Control characters that never occur in text but fill binary files; NUL above all.
_BINARY_BYTES = frozenset(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: a NUL byte, or many control bytes, in the first 4 KB."""
    head = data[:4096]
    if b"\x00" in head:
        return True
    control = sum(1 for byte in head if byte in _BINARY_BYTES)
    return control > max(8, len(head) // 100)


def decode_bytes(data: bytes, source: str, encoding: str | None = None) -> str:
    if not data.strip():
        raise InputError(source, "is empty")
    if looks_binary(data) and not (encoding or "").lower().startswith("utf-16"):
        raise InputError(source, "is not a text or HTML document (binary data)")
    codec = encoding or "utf-8-sig"
    try:
        text = data.decode(codec)
    except LookupError:
        raise InputError(source, f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        hint = "" if encoding else "; name its encoding with --encoding (e.g. --encoding cp1251)"
        raise InputError(source, f"cannot be decoded as {codec} at byte {exc.start}{hint}") from None
    return text.lstrip("\ufeff")
