"""Where output goes: stdout, or a file written atomically (a temporary file renamed into place)."""
from __future__ import annotations

import contextlib
import os
import tempfile
from typing import Iterator, TextIO

from .errors import OutputError


@contextlib.contextmanager
def atomic_text_file(path: str) -> Iterator[TextIO]:
    """Write to a temporary file beside `path` and rename it over `path` only on success.

    An existing file is left intact if anything fails, and readers never see half a file.
    """
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".casualty-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise
