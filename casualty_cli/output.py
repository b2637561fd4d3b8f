"""Where output goes: stdout, or a file written atomically (a temporary file renamed into place)."""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from typing import Iterator, TextIO

from .errors import OutputError


def _special(path: str) -> bool:
    """An existing path that is not a regular file (/dev/stdout, /dev/null, a FIFO): written in place."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def output_error(path: str, exc: OSError) -> OutputError:
    return OutputError(f"cannot write {path}: {exc.strerror or exc}")


@contextlib.contextmanager
def atomic_text_file(path: str) -> Iterator[TextIO]:
    """Write to a temporary file beside `path` and rename it over `path` only on success.

    An existing file is left intact if anything fails (a read-only directory, a full disk, Ctrl-C),
    and readers never see half a file. A device or pipe (`-o /dev/stdout`) is written directly: it
    cannot be replaced, and must not be.
    """
    if _special(path):
        try:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                yield handle
        except OSError as exc:
            raise output_error(path, exc) from None
        return
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".casualty-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise output_error(path, exc) from None
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
            raise output_error(path, exc) from None
        raise
