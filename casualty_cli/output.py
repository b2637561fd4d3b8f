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


def _umask() -> int:
    """The process's umask (only readable by setting it: set and put straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode(path: str) -> int:
    """The permissions a replacement for `path` gets: those of the file it replaces, else what any file the
    user creates gets (0666 less the umask). mkstemp's 0600 would otherwise turn every `-o FILE` private."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_umask()


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
    mode = file_mode(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".casualty-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise output_error(path, exc) from None
    try:
        os.fchmod(fd, mode)
    except OSError:
        pass   # a file system without modes (a FAT stick): what it gives is all there is
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
