"""A text split into lower-case words with their offsets, once per text, for the phrase scan and language detection.

split_words does it in C string passes (codec tables that lower-case and space a text in one go); _split_by_regex
is the plain version, slower and obviously right, that split_words must agree with on every text
(tests/test_words.py pins the two together).
"""
from __future__ import annotations

import codecs
import re
from itertools import accumulate, compress, count, repeat
from operator import add, not_
from typing import Any, NamedTuple

# A word: letters and digits ("russia's" is two words and an apostrophe between); or a currency/percent sign.
_SIGNS = "%$€£₴₽№"
_FAST_TOKEN = re.compile(fr"\w+|[{_SIGNS}]")
_TOKEN_SPLIT = re.compile(f"({_FAST_TOKEN.pattern})")


class Words(NamedTuple):
    """A text split once into lower-case words, for the phrase scan and language detection."""

    words: list[str]   # maximal runs of word characters, and each % $ € £ ₴ ₽ № alone; apostrophes are gaps
    starts: list[int]  # where each word starts in the text; word i ends at starts[i] + len(words[i])


def split_words(text: str) -> Words:
    """The words of the text, lower-cased, with their offsets.

    Every text is split once, so this runs in C string passes: the regex engine tests each character in its own
    loop, several times slower. _spaced lower-cases the text and turns every gap character into a space, keeping
    each character where it was; str.split(" ") cuts out the words, and running lengths give their offsets. The
    few words that still hold a sign or a non-word character ("5%", an emoji) are split again by the regex.
    """
    try:
        spaced, odd = _spaced(text)
    except UnicodeEncodeError:  # a lone surrogate such as "\ud800": only the regex takes it
        return _split_by_regex(text)
    parts = spaced.split(" ")  # words, and an empty part between two gap characters in a row
    words = list(filter(None, parts))
    # Part k starts after the k parts before it and the space after each of them.
    starts = list(compress(accumulate(map(add, map(len, parts), repeat(1)), initial=0), parts))
    return _split_odd_words(words, starts) if odd else Words(words, starts)


_APOSTROPHES = "\u2019\u02bc`\u2018"  # gaps to the phrases, though the regex takes "ʼ" for a letter


def _spaced_lower(ch: str) -> str:
    """A character as the split sees it: lower-cased, or a space if it stands between words."""
    lower = ch.lower()[0]  # Turkish "İ" lower-cases to "i̇": keep the "i" (see _lowered)
    return lower if ch not in _APOSTROPHES and (lower.isalnum() or lower in "_" + _SIGNS) else " "


# The commonest characters beyond Latin-1 between words: each becomes a space in one C scan (str.replace of one
# character), so that most English and Western European texts then fit in Latin-1. "ʼ" must be among them, for
# the texts that no one-byte code below takes.
_COMMON_GAPS = "\u2019\u2018\u02bc\u2014\u2013\u2012\u201c\u201d\u201e\u2022\u2026\u2033"
# Latin-1 encodes and decodes as a plain copy, and one bytes.translate lower-cases and spaces every character.
_LATIN1_SPACED = bytes(ord(_spaced_lower(chr(b))) for b in range(256))
_LATIN1_PLAIN = bytes(b for b in range(256) if chr(b) not in _SIGNS)  # deleted, this leaves the signs
# In UTF-8 only ASCII bytes are characters of their own: the same table for them, the other bytes kept.
_ASCII_SPACED = _LATIN1_SPACED[:0x80] + bytes(range(0x80, 0x100))
_ASCII_PLAIN = bytes(b for b in range(0x80) if chr(b) not in _SIGNS)


class _OneByteCode(NamedTuple):
    """A code of one byte per character for ASCII and some more characters (256 in all), like a code page.

    Encoding a text with it, then decoding the bytes through a second table that holds each character as
    _spaced_lower has it, lower-cases and spaces the text in two C passes, where str.lower alone costs more
    than both.
    """

    encoding: Any  # the C lookup table of codecs.charmap_build
    decoding: str  # byte -> its character as _spaced_lower has it
    plain: bytes   # the bytes of everything but the signs

    @classmethod
    def of(cls, chars: str) -> "_OneByteCode":
        # NUL first (charmap_build wants it there); the other controls are left out but tab and line ends.
        table = "\x00\t\n\r" + "".join(map(chr, range(0x20, 0x7F))) + chars
        assert len(table) <= 256 and len(set(table)) == len(table), "a one-byte code holds 256 characters"
        table += "\ufffe" * (256 - len(table))  # undefined
        return cls(codecs.charmap_build(table), "".join(ch if ch == "\ufffe" else _spaced_lower(ch) for ch in table),
                   bytes(b for b, ch in enumerate(table) if ch not in _SIGNS))


# Punctuation, spaces and signs beyond Latin-1 that texts in any script use.
_PUNCTUATION = ("\u201a\u201b\u201f\u2015\u2010\u2011\u2212\u2032\u2039\u203a\u20ac\u20b4\u20bd\u2116\u2122"
                "\u2009\u202f\u200b\u2060\ufeff\u2028\u2029")
# Latin-1 and the letters of Polish, Turkish and a few more Latin alphabets beyond it.
_LATIN_EXTENDED = _OneByteCode.of("".join(map(chr, range(0xA0, 0x100))) + "ĄąĆćĘęŁłŃńŚśŹźŻżĞğİıŞşŒœŠšŽžČčŐőŰű"
                                  + _PUNCTUATION)
# The Cyrillic letters, and the spaces and signs of Latin-1 that Cyrillic texts use.
_CYRILLIC = _OneByteCode.of("".join(map(chr, range(0x400, 0x460))) + "Ґґ" + "\u00a0«»§©®°±²³µ·¹¼½¾£" + _PUNCTUATION)


def _spaced(text: str) -> tuple[str, bool]:
    """The text lower-cased with a space for each gap character; and whether a word may hold a sign or another
    non-word character. Raises UnicodeEncodeError for a lone surrogate.
    """
    if not text.isascii():
        for gap in _COMMON_GAPS:
            text = text.replace(gap, " ")
    try:
        latin1 = text.encode("latin-1")
    except UnicodeEncodeError as beyond:  # the one-byte code of the script of the first character beyond Latin-1
        code = _CYRILLIC if "\u0400" <= text[beyond.start] < "\u0460" else _LATIN_EXTENDED
        try:
            encoded = codecs.charmap_encode(text, "strict", code.encoding)[0]
        except UnicodeEncodeError:  # a character beyond the code too: lower-case in Python, space the ASCII gaps
            data = _lowered(text).encode().translate(_ASCII_SPACED)
            odd = data.translate(None, _ASCII_PLAIN)  # the signs and the non-ASCII characters
            return data.decode(), bool(odd) and not odd.decode().isalnum()
        signs = encoded.translate(None, code.plain)
        return codecs.charmap_decode(encoded, "strict", code.decoding)[0], bool(signs)
    signs = latin1.translate(None, _LATIN1_PLAIN)
    return latin1.translate(_LATIN1_SPACED).decode("latin-1"), bool(signs)


def _split_odd_words(words: list[str], starts: list[int]) -> Words:
    """Split again, with the regex, the words that hold a non-word character or a sign ("5%", "«x»", "a_b")."""
    new_words, new_starts, done = [], [], 0
    for i in compress(count(), map(not_, map(str.isalnum, words))):
        new_words += words[done:i]
        new_starts += starts[done:i]
        for match in _FAST_TOKEN.finditer(words[i]):
            new_words.append(match[0])
            new_starts.append(starts[i] + match.start())
        done = i + 1
    new_words += words[done:]
    new_starts += starts[done:]
    return Words(new_words, new_starts)


def _split_by_regex(text: str) -> Words:
    lowered = _lowered(text)
    for apostrophe in _APOSTROPHES:
        lowered = lowered.replace(apostrophe, "'")
    parts = _TOKEN_SPLIT.split(lowered)  # gap, word, gap, word, ..., gap
    return Words(parts[1::2], list(accumulate(map(len, parts)))[0:-1:2])  # a word starts where its gap ends


def _lowered(text: str) -> str:
    """The text with each character in its own lower case, offsets unchanged.

    str.lower reads two letters in context: a final "Σ" becomes "ς", and "İ" becomes "i" and a combining dot (one
    character more). Each on its own is "σ" and "i", as the codec tables have them: a word's letters must not
    depend on what follows it, which split_words may have turned into a space ("ΟΔΟΣ’Α") and the regex kept.
    """
    if "Σ" in text:
        text = text.replace("Σ", "σ")
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text.replace("İ", "i").lower()
        if len(lowered) != len(text):  # another letter that grows (Unicode 14 has none)
            lowered = "".join(ch.lower()[0] for ch in text)
    return lowered

