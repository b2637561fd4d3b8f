"""split_words (codec tables, C string passes) must give exactly the words and offsets of the plain regex split."""
from __future__ import annotations

import codecs

from hypothesis import example, given, settings
from hypothesis import strategies as st

from casualty_cli.extract.words import _CYRILLIC, _LATIN_EXTENDED, _split_by_regex, split_words

# Characters where the two ways could part: each one-byte code's own letters, signs and spaces; letters whose lower
# case depends on context or grows (Σ, İ); apostrophes and other gaps; letters of no code (Greek, CJK, Arabic);
# a character outside the Basic Multilingual Plane and a lone surrogate.
_TRICKY = ("aZ09_ .,;:-'`\n\t\r\x00%$€£₴₽№«»§°·\u00a0\u00ad\u2009\u202f\u200b\ufeff’‘ʼ—–“”„…″•"
           "ÀßÿĄłŁİıĞşŒœ" "АЯяЁёЇїҐґЪ" "ΣσςΑΩωΐ" "中文ع٣" "\U0001f600" "\ud800")


def _code_characters(code) -> str:
    """The characters a one-byte code takes (the ones its encoding table holds)."""
    return "".join(ch for ch in map(chr, range(0x10000)) if _encodes(ch, code))


def _encodes(ch: str, code) -> bool:
    try:
        codecs.charmap_encode(ch, "strict", code.encoding)
    except UnicodeEncodeError:
        return False
    return True


def _text_of(characters: str) -> st.SearchStrategy[str]:
    return st.text(alphabet=st.sampled_from(sorted(set(characters))), max_size=60)


# Texts that each path of split_words takes: Latin-1, each one-byte code, beyond them; and any text at all.
_TEXTS = st.one_of(_text_of("".join(map(chr, range(256)))), _text_of(_code_characters(_LATIN_EXTENDED)),
                   _text_of(_code_characters(_CYRILLIC)),
                   _text_of(_TRICKY + _code_characters(_LATIN_EXTENDED) + _code_characters(_CYRILLIC)),
                   st.text(st.characters(blacklist_categories=()), max_size=60))


@settings(max_examples=800, deadline=None)
@given(_TEXTS)
@example("ΟΔΟΣ’Α ΟΔΟΣ")  # a gap that is a space to one split and case-ignorable to str.lower: the final sigma
@example("İSTANBUL’DA ΟΔΟΣ")  # both letters that str.lower reads in context, in one text
@example("Кременная — 5% “ΣΑΣ”")
def test_split_words_agrees_with_the_regex_split(text):
    assert split_words(text) == _split_by_regex(text)


def test_each_character_lower_cases_on_its_own():
    """A final capital sigma is "σ" like any other: the words of a text do not depend on what follows them."""
    assert split_words("ΟΔΟΣ ΟΔΟΣ’Α").words == ["οδοσ", "οδοσ", "α"]
    assert split_words("İZMİR").words == ["izmir"]
