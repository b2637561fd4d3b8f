"""Places to write that fail as a real machine fails: a read-only directory and a full file system.

Both are real when they can be: chmod 0555 for an ordinary user; for root (who ignores permissions) a
small tmpfs mounted read-only, or filled up. Where neither is possible the test is skipped; the full
disk is then still covered by tests/test_faults.py's ENOSPC injection.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from pathlib import Path


def _writable(directory: Path) -> bool:
    probe = directory / ".probe"
    try:
        probe.write_bytes(b"x")
    except OSError:
        return False
    probe.unlink()
    return True


def _mount(where: Path, options: str) -> bool:
    if not shutil.which("mount") or os.geteuid() != 0:
        return False
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
                            capture_output=True, timeout=10)
    return result.returncode == 0


def _umount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], capture_output=True, timeout=10)


@contextlib.contextmanager
def readonly_dir(parent: Path, files: dict[str, bytes]):
    """A directory holding `files` that nobody, not even root, can write in; None if impossible here."""
    where = parent / "ro"
    where.mkdir()
    mounted = False
    if os.geteuid() == 0:
        mounted = _mount(where, "size=1m,mode=0755")
        if not mounted:
            yield None
            return
    for name, data in files.items():
        (where / name).write_bytes(data)
    try:
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(where)], capture_output=True, timeout=10)
        else:
            where.chmod(0o555)
        yield where if not _writable(where) else None
    finally:
        if mounted:
            _umount(where)
        else:
            where.chmod(0o755)


@contextlib.contextmanager
def full_dir(parent: Path, files: dict[str, bytes]):
    """A directory on a small tmpfs holding `files`, with every free byte taken; None if impossible here."""
    where = parent / "full"
    where.mkdir()
    if not _mount(where, "size=512k,mode=0755"):
        yield None
        return
    try:
        for name, data in files.items():
            (where / name).write_bytes(data)
        with open(where / "filler", "wb", buffering=0) as filler:
            with contextlib.suppress(OSError):
                while True:
                    filler.write(b"\0" * 4096)
                    filler.flush()
        yield where
    finally:
        _umount(where)
