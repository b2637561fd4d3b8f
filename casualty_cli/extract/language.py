"""Which language a text is in: its script and its commonest words, scored against every lexicon.

Detection runs on every text, so it counts in C rather than per character in Python: the sample's UTF-8 bytes give
the Cyrillic letters (by their lead bytes) and, with ASCII punctuation turned into blanks (bytes.translate), its
words (str.split); only the few tokens still holding a non-ASCII sign ("“20", "putin’s") go through the word regex.
"""
from __future__ import annotations

import functools
import re
from itertools import chain, filterfalse

from .lexicon import available_languages, raw_lexicon

_WORD = re.compile(r"\w+")
# U+0400..U+04FF are exactly the UTF-8 sequences led by the bytes 0xD0..0xD3.
_CYRILLIC_LEAD_BYTES = bytes((0xD0, 0xD1, 0xD2, 0xD3))
# Every ASCII byte that is not a word character (\w: letter, digit, underscore) becomes a blank.
_ASCII_NON_WORD = bytes(b for b in range(128) if not (chr(b).isalnum() or b == ord("_")))
_ASCII_NON_WORD_TO_BLANK = bytes.maketrans(_ASCII_NON_WORD, b" " * len(_ASCII_NON_WORD))
_UKRAINIAN_ONLY = "іїєґ"
_RUSSIAN_ONLY = "ыэъё"


@functools.lru_cache(maxsize=None)
def _detect_words() -> dict[str, frozenset[str]]:
    return {code: frozenset(w.lower() for w in raw_lexicon(code).get("detect", [])) for code in available_languages()}


@functools.lru_cache(maxsize=None)
def _languages_of_word() -> dict[str, tuple[str, ...]]:
    """word -> the languages that list it: one look-up per word of the text, whatever the number of languages."""
    index: dict[str, list[str]] = {}
    for code, words in _detect_words().items():
        for word in words:
            # detect() looks whole tokens up: a word with a sign or an underscore would be counted twice or wrongly.
            if not word.isalnum():
                raise ValueError(f"{code} lexicon: detect word {word!r} is not letters and digits only")
            index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}


def detect(text: str, default: str = "en") -> str:
    """The lexicon whose frequent words the text uses most; Cyrillic text by its letters first."""
    sample = text[:1200].lower()  # a few hundred words tell the languages apart
    utf8 = sample.encode("utf-8", "surrogatepass")
    # Blank-separated tokens; a token of letters and digits is one \w+ word as it stands, the rest are re-split.
    tokens = utf8.translate(_ASCII_NON_WORD_TO_BLANK).decode("utf-8", "surrogatepass").split()
    mixed = list(filterfalse(str.isalnum, tokens))
    mixed_words = _WORD.findall(" ".join(mixed))
    if len(mixed) == len(tokens) and not mixed_words:
        return default
    vocabularies = _detect_words()
    index = _languages_of_word()
    scores = dict.fromkeys(vocabularies, 0)  # language -> words of its list in the sample
    # A mixed token is in no list (they hold letters and digits only): its words are in mixed_words.
    for word in filter(index.__contains__, chain(tokens, mixed_words)):
        for code in index[word]:
            scores[code] += 1
    cyrillic = len(utf8) - len(utf8.translate(None, _CYRILLIC_LEAD_BYTES))  # one C pass deleting the lead bytes
    if cyrillic > len(sample) * 0.2:
        options = [code for code in ("uk", "ru") if code in vocabularies]
        if len(options) == 2:
            uk = sum(map(sample.count, _UKRAINIAN_ONLY))
            ru = sum(map(sample.count, _RUSSIAN_ONLY))
            if uk != ru:
                return "uk" if uk > ru else "ru"
            # No letter of either alphabet's own: the commoner words decide.
            return "ru" if scores["ru"] > scores["uk"] else "uk"
        if options:
            return options[0]
    best = max(scores, key=scores.__getitem__)  # the first of equals, in lexicon order
    return best if scores[best] else default
