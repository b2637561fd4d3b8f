"""Which language a text is in: its script and its commonest words, scored against every lexicon."""
from __future__ import annotations

import functools

import regex

from .lexicon import available_languages, load

_WORD = regex.compile(r"\p{L}+")
_UKRAINIAN_LETTERS = regex.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN_LETTERS = regex.compile(r"[ыэъЫЭЪё]")


@functools.lru_cache(maxsize=None)
def _detect_words() -> dict[str, frozenset[str]]:
    return {code: frozenset(w.lower() for w in load(code).raw.get("detect", [])) for code in available_languages()}


def detect(text: str, default: str = "en") -> str:
    sample = text[:20000]
    words = [w.lower() for w in _WORD.findall(sample)[:3000]]
    if not words:
        return default
    cyrillic = sum(1 for w in words if regex.match(r"\p{Cyrillic}", w))
    if cyrillic > len(words) * 0.3:
        uk = len(_UKRAINIAN_LETTERS.findall(sample))
        ru = len(_RUSSIAN_LETTERS.findall(sample))
        candidates = [c for c in ("uk", "ru") if c in _detect_words()]
        if candidates:
            if len(candidates) == 1:
                return candidates[0]
            if uk != ru:
                return "uk" if uk > ru else "ru"
            # No letter of either alphabet's own: the commoner words decide.
            vocabulary = _detect_words()
            scores = {code: sum(1 for w in words if w in vocabulary[code]) for code in candidates}
            return "ru" if scores["ru"] > scores["uk"] else "uk"
    scores = {code: sum(1 for w in words if w in vocabulary) for code, vocabulary in _detect_words().items()}
    best = max(scores, key=lambda code: scores[code]) if scores else default
    return best if scores.get(best) else default
