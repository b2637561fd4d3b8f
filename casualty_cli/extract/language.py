"""Which language a text is in: its script and its commonest words, scored against every lexicon.

Detection runs on every text, so it works in C where it can: the words come from the split that the phrase scan
uses too (words.split_words, done once per text), and the Cyrillic letters are counted by their UTF-8 lead bytes.
"""
from __future__ import annotations

import functools
from bisect import bisect_left
from collections import Counter
from itertools import chain

from .lexicon import available_languages, lexicon_head
from .words import Words, split_words

SAMPLE = 1200  # characters: a few hundred words tell the languages apart
# U+0400..U+04FF are exactly the UTF-8 sequences led by the bytes 0xD0..0xD3.
_CYRILLIC_LEAD_BYTES = bytes((0xD0, 0xD1, 0xD2, 0xD3))
_UKRAINIAN_ONLY = "іїєґ"
_RUSSIAN_ONLY = "ыэъё"


@functools.lru_cache(maxsize=None)
def _detect_words() -> dict[str, frozenset[str]]:
    return {code: frozenset(w.lower() for w in lexicon_head(code).get("detect", [])) for code in available_languages()}


@functools.lru_cache(maxsize=None)
def _languages_of_word() -> dict[str, tuple[str, ...]]:
    """word -> the languages that list it: one look-up per word of the text, whatever the number of languages."""
    index: dict[str, list[str]] = {}
    for code, words in _detect_words().items():
        for word in words:
            # detect() looks whole words up: a listed word with a sign in it would never be found.
            if not word.isalnum():
                raise ValueError(f"{code} lexicon: detect word {word!r} is not letters and digits only")
            index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}


def detect(text: str, default: str = "en", split: Words | None = None) -> str:
    """The lexicon whose frequent words the text uses most; Cyrillic text by its letters first.

    `split`: the text's words, when the caller has them already.
    """
    vocabularies = _detect_words()
    sample = text[:SAMPLE]
    if not sample.isascii():  # (an ASCII sample has no Cyrillic letter)
        sample = sample.lower()
        utf8 = sample.encode("utf-8", "surrogatepass")
        cyrillic = len(utf8) - len(utf8.translate(None, _CYRILLIC_LEAD_BYTES))  # one C pass deleting the lead bytes
        if cyrillic > len(sample) * 0.2:
            options = [code for code in ("uk", "ru") if code in vocabularies]
            if len(options) == 2:
                # Most Cyrillic texts have letters of one alphabet only: decided before the words are scored.
                uk = sum(map(sample.count, _UKRAINIAN_ONLY))
                ru = sum(map(sample.count, _RUSSIAN_ONLY))
                if uk != ru:
                    return "uk" if uk > ru else "ru"
                # No letter of either alphabet's own: the commoner words decide.
                scores = _scores(text, split)
                if scores is None:
                    return default
                return "ru" if scores["ru"] > scores["uk"] else "uk"
            if options:
                scores = _scores(text, split)
                return options[0] if scores is not None else default
    scores = _scores(text, split)
    if scores is None:
        return default
    best = max(scores, key=scores.__getitem__)  # the first of equals, in lexicon order
    return best if scores[best] else default


def _scores(text: str, split: Words | None) -> dict[str, int] | None:
    """language -> how many words of its list the sample has; None when the sample has no word at all."""
    split = split or split_words(text)
    words = split.words[:bisect_left(split.starts, SAMPLE)]  # the words that start in the sample
    if not words:
        return None
    index = _languages_of_word()
    scores = dict.fromkeys(_detect_words(), 0)
    # Each listed word gives a point to each language that lists it, counted in C: no Python loop per word.
    scores.update(Counter(chain.from_iterable(map(index.__getitem__, filter(index.__contains__, words)))))
    return scores
