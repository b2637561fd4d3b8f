"""Turn what the user named (a path, "-", later URLs and archives) into Documents of text.

Readers never raise for a bad input: they yield an InputError in its place, so one broken input
never stops the others.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import BinaryIO, Iterable, Iterator

from ..errors import InputError
from ..options import ParseOptions
from .decode import decode_bytes


@dataclass(frozen=True)
class Document:
    text: str
    source: str
    published: date | None = None   # from the page's metadata; --published wins over it
    title: str | None = None


def read_documents(inputs: Iterable[str], options: ParseOptions, stdin: BinaryIO) -> Iterator[Document | InputError]:
    """Documents for each input, in input order."""
    for spec in inputs:
        try:
            yield from _read_one(spec, options, stdin)
        except InputError as err:
            yield err


def _read_one(spec: str, options: ParseOptions, stdin: BinaryIO) -> Iterator[Document]:
    if spec == "-":
        data = _read_capped(stdin, "-", options.max_bytes)
    else:
        try:
            with open(spec, "rb") as handle:
                data = _read_capped(handle, spec, options.max_bytes)
        except IsADirectoryError:
            raise InputError(spec, "is a directory (use `casualty batch` for folders)") from None
        except FileNotFoundError:
            raise InputError(spec, "no such file") from None
        except PermissionError:
            raise InputError(spec, "permission denied") from None
        except OSError as exc:
            raise InputError(spec, exc.strerror or str(exc)) from None
    yield Document(text=decode_bytes(data, spec, options.encoding), source=spec)


def _read_capped(handle: BinaryIO, source: str, max_bytes: int) -> bytes:
    data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(source, f"larger than {max_bytes} bytes (raise the cap with --max-bytes)")
    return data
