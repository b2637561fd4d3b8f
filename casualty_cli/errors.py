"""Errors the user sees as one line, and the exit codes of every command."""
from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    INPUT_FAILED = 1      # at least one input could not be read; the others were still processed
    USAGE = 2             # bad options or arguments (click's own code)
    EMPTY = 3             # --fail-if-empty and no figure was found
    DIFFERS = 4           # check --fail-on: some figure differs from the reference (or could not be checked)
    INTERRUPTED = 130     # Ctrl-C


class CasualtyError(Exception):
    """An error meant for the user: its message is printed as one line, without a traceback."""


class InputError(CasualtyError):
    """One input could not be read or decoded; names the input."""

    def __init__(self, source: str, message: str):
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class OutputError(CasualtyError):
    """The output could not be written."""
