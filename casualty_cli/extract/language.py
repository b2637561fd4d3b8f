"""Which language a text is in: its script and its commonest words, scored against every lexicon."""
from __future__ import annotations

import functools
import re

from .lexicon import available_languages, raw_lexicon

_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UKRAINIAN_ONLY = frozenset("іїєґ")
_RUSSIAN_ONLY = frozenset("ыэъё")


@functools.lru_cache(maxsize=None)
def _detect_words() -> dict[str, frozenset[str]]:
    return {code: frozenset(w.lower() for w in raw_lexicon(code).get("detect", [])) for code in available_languages()}


@functools.lru_cache(maxsize=None)
def _languages_of_word() -> dict[str, tuple[str, ...]]:
    """word -> the languages that list it: one look-up per word of the text, whatever the number of languages."""
    index: dict[str, list[str]] = {}
    for code, words in _detect_words().items():
        for word in words:
            index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}


def detect(text: str, default: str = "en") -> str:
    """The lexicon whose frequent words the text uses most; Cyrillic text by its letters first."""
    sample = text[:1200].lower()  # a few hundred words tell the languages apart
    words = _WORD.findall(sample)
    if not words:
        return default
    vocabularies = _detect_words()
    cyrillic = len(_CYRILLIC.findall(sample))
    if cyrillic > len(sample) * 0.2:
        options = [code for code in ("uk", "ru") if code in vocabularies]
        if len(options) == 2:
            uk = sum(1 for ch in sample if ch in _UKRAINIAN_ONLY)
            ru = sum(1 for ch in sample if ch in _RUSSIAN_ONLY)
            if uk != ru:
                return "uk" if uk > ru else "ru"
            # No letter of either alphabet's own: the commoner words decide.
            common = {code: sum(1 for w in words if w in vocabularies[code]) for code in options}
            return "ru" if common["ru"] > common["uk"] else "uk"
        if options:
            return options[0]
    scores = dict.fromkeys(vocabularies, 0)
    index = _languages_of_word()
    for word in words:
        for code in index.get(word, ()):
            scores[code] += 1
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] else default
