"""The terminal the command runs in: one object, so nothing deep in the code asks sys.stdout.isatty()."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import BinaryIO, TextIO


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


@dataclass
class Environment:
    stdin: BinaryIO
    stdout: TextIO
    stderr: TextIO
    stdin_isatty: bool
    stdout_isatty: bool
    stderr_isatty: bool
    no_color: bool

    @classmethod
    def from_process(cls) -> "Environment":
        stdin = getattr(sys.stdin, "buffer", sys.stdin)
        return cls(
            stdin=stdin, stdout=sys.stdout, stderr=sys.stderr,
            stdin_isatty=_isatty(sys.stdin), stdout_isatty=_isatty(sys.stdout), stderr_isatty=_isatty(sys.stderr),
            no_color=bool(os.environ.get("NO_COLOR")),
        )
