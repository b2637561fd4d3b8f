"""Which language a text is in: its script and its commonest words, scored against every lexicon."""
from __future__ import annotations

import functools
import re

from .lexicon import available_languages, raw_lexicon

_WORD = re.compile(r"\w+")
_UKRAINIAN_ONLY = frozenset("іїєґ")
_RUSSIAN_ONLY = frozenset("ыэъё")


@functools.lru_cache(maxsize=None)
def _detect_words() -> dict[str, frozenset[str]]:
    return {code: frozenset(w.lower() for w in raw_lexicon(code).get("detect", [])) for code in available_languages()}


def detect(text: str, default: str = "en") -> str:
    """The lexicon whose frequent words the text uses most; Cyrillic text by its letters first."""
    sample = text[:6000].lower()
    words = _WORD.findall(sample)[:1500]
    if not words:
        return default
    vocabularies = _detect_words()
    cyrillic = sum(1 for ch in sample if "\u0400" <= ch <= "\u04ff")
    letters = sum(1 for ch in sample if ch.isalpha()) or 1
    if cyrillic > letters * 0.3:
        options = [code for code in ("uk", "ru") if code in vocabularies]
        if len(options) == 2:
            uk = sum(1 for ch in sample if ch in _UKRAINIAN_ONLY)
            ru = sum(1 for ch in sample if ch in _RUSSIAN_ONLY)
            return "uk" if uk >= ru else "ru"
        if options:
            return options[0]
    scores = {code: sum(1 for w in words if w in vocabulary) for code, vocabulary in vocabularies.items()}
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] else default
