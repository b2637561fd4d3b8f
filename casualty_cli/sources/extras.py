"""Optional dependencies: imported only when an input needs them, with a clear message when missing."""
from __future__ import annotations

import importlib
import logging
import sys
from types import ModuleType

from ..errors import InputError

# Libraries that log warnings about pages ("discarding data", "parsed tree length") with no handler of
# their own: without one, Python's last-resort handler would print them on stderr between our error lines.
_CHATTY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer", "warcio")


def require(module: str, extra: str, source: str, what: str) -> ModuleType:
    """Import `module`, or fail this input with the install command of the extra that provides it."""
    loaded = sys.modules.get(module)
    if loaded is not None and module in _READY:
        return loaded   # every page asks: after the first, neither the import system nor the loggers
    try:
        loaded = importlib.import_module(module)
    except ImportError:
        raise InputError(source, f"{what} needs the '{extra}' extra: pip install 'casualty[{extra}]'") from None
    for name in _CHATTY_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
    _READY.add(module)
    return loaded


_READY: set[str] = set()   # modules imported, and their libraries' loggers quietened
