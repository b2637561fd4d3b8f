"""Load a language's words (lexicons/<code>.toml) once and find them in a text in one pass.

Every phrase of every section (categories, cues, months, parties, places, ...) goes into one word
trie per language. A text is split into words once and the trie is walked from each word, so finding
all phrases costs one pass, whatever the number of phrases, and the engine then asks the resulting
Hits "is there a daily cue in this clause?" with a binary search. The words themselves live only in
the data files, so a new language is a new file.

Phrase syntax (see the note at the top of lexicons/en.toml): case-insensitive whole words; words may
be separated by blanks, hyphens, dashes, slashes or dots; a word ending in * may go on with more
letters ("танк*" matches танків, танки); an apostrophe matches ' ’ ʼ and `.
"""
from __future__ import annotations

import functools
import json
import re
import sys
from bisect import bisect_left
from collections import defaultdict
from itertools import accumulate, compress, count, repeat
from operator import add, itemgetter, not_
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, NamedTuple


if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


# A word: letters and digits ("russia's" is two words and an apostrophe between); or a currency/percent sign.
_FAST_TOKEN = re.compile(r"\w+|[%$€£₴₽№]")
# split_words cuts a text into those words in C rather than with the regex (see there). Every ASCII character
# that is not part of a word becomes a space: one table for bytes.translate, which lower-cases ASCII too.
_KEPT_ASCII = "0123456789abcdefghijklmnopqrstuvwxyz_%$"
_SPACED = bytes(b if b >= 0x80 or chr(b).lower() in _KEPT_ASCII else 0x20 for b in range(256))
_SPACED_LOWER = bytes(ord(chr(b).lower()) if b < 0x80 and chr(b).lower() in _KEPT_ASCII else _SPACED[b] for b in range(256))
# The non-ASCII characters that commonly stand between words: each becomes a space in one C scan (str.replace of
# one character), so the words beside them need no second look. "ʼ" is a letter to the regex but an apostrophe to
# the phrases (as are ’ ‘ and `), so it must become a gap.
_COMMON_GAPS = "\u2019\u2018\u02bc\u2014\u2013\u2012\u201c\u201d\u201e\u00ab\u00bb\u2022\u2026\u2033\u00a0"
# Deleted to find what else a text holds: "%", "$" and every non-ASCII character remain.
_PLAIN_ASCII = bytes(b for b in range(0x80) if chr(b) not in "%$")
_FIRST_WORDS_KEPT = 100_000  # distinct words remembered per language before the memory starts afresh
# What may stand between the words of a phrase.
_GAP = re.compile(r"[\s\-\u2010-\u2015/.&']{1,5}")
_APOSTROPHE_TABLE = str.maketrans({"\u2019": "'", "\u02bc": "'", "`": "'", "\u2018": "'"})

# Sections whose phrases name something (a category, a place, a party): the longest match wins, no overlaps.
EXCLUSIVE = frozenset({"category", "place", "party", "what", "month", "weekday", "number", "multiplier"})


def normalize(word: str) -> str:
    # "İ" (Turkish capital dotted I) lower-cases to "i" and a combining dot: read it as "i".
    return word.lower().replace("i\u0307", "i").translate(_APOSTROPHE_TABLE)


class Hit(NamedTuple):
    """One phrase found in the text: offsets, and what the phrase stands for in its section.

    A tuple, not a dataclass: a text has hundreds of hits and tuples are made fastest.
    """

    s: int
    e: int
    value: Any = None

    # Regex-match-like access, so a Hit reads like a match.
    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e


class _Node:
    __slots__ = ("next", "stems", "stem_lengths", "out")

    def __init__(self):
        self.next: dict[str, _Node] = {}
        self.stems: dict[str, _Node] = {}     # word prefix -> node, for words ending in *
        self.stem_lengths: tuple[int, ...] = ()
        self.out: list[tuple[str, Any]] = []

    def children(self, word: str) -> list["_Node"]:
        """The nodes a word leads to: its exact entry and every stem it starts with."""
        found = []
        child = self.next.get(word)
        if child is not None:
            found.append(child)
        for length in self.stem_lengths:
            if length <= len(word):
                stem_child = self.stems.get(word[:length])
                if stem_child is not None:
                    found.append(stem_child)
        return found


def _phrase_words(phrase: str) -> list[tuple[str, bool]]:
    """"бойов* броньован* машин*" -> [("бойов", True), ("броньован", True), ("машин", True)]."""
    words: list[tuple[str, bool]] = []
    for piece in phrase.split():
        stem = piece.endswith("*")
        tokens = _FAST_TOKEN.findall(normalize(piece.rstrip("*")))
        for index, token in enumerate(tokens):
            words.append((token, stem and index == len(tokens) - 1))
    return words


class Trie:
    def __init__(self) -> None:
        self.root = _Node()
        self._heads: dict[str, list[tuple[str, _Node]]] | None = None
        self._first: dict[str, tuple[_Node, ...]] = {}

    def _stems_by_head(self) -> dict[str, list[tuple[str, _Node]]]:
        """The stems a phrase can start with, by their first three letters (the data has no shorter stem)."""
        if self._heads is None:
            heads: dict[str, list[tuple[str, _Node]]] = {}
            for stem, node in self.root.stems.items():
                heads.setdefault(stem[:3], []).append((stem, node))
            self._heads = heads
        return self._heads

    def add(self, phrase: str, section: str, value: Any = None) -> None:
        self._heads, self._first = None, {}
        node = self.root
        for word, stem in _phrase_words(phrase):
            if stem and node is self.root and len(word) < 3:
                raise ValueError(f"{phrase!r}: a phrase may not begin with a stem shorter than three letters")
            if stem:
                child = node.stems.get(word)
                if child is None:
                    child = node.stems[word] = _Node()
                    node.stem_lengths = tuple(sorted({len(p) for p in node.stems}))
            else:
                child = node.next.get(word)
                if child is None:
                    child = node.next[word] = _Node()
            node = child
        if node is not self.root:
            node.out.append((section, value))

    def _first_nodes(self, word: str) -> tuple[_Node, ...]:
        """The nodes a word leads to from the root: its own entry, then every stem it starts with."""
        child = self.root.next.get(word)
        nodes = [child] if child is not None else []
        nodes.extend(node for stem, node in self._stems_by_head().get(word[:3], ()) if word.startswith(stem))
        if len(self._first) >= _FIRST_WORDS_KEPT:
            self._first.clear()
        self._first[word] = found = tuple(nodes)
        return found

    def scan(self, text: str, split: "Words | None" = None) -> "Hits":
        words, starts = split or split_words(text)
        found: dict[str, list[Hit]] = defaultdict(list)
        # The same words come back in every text: where a word leads from the root is looked up once.
        first_nodes, first = self._first, self._first_nodes
        last = len(words) - 1
        gap = _GAP.fullmatch
        new_hit = tuple.__new__  # a Hit without the Python-level __new__ of a NamedTuple
        leads = list(map(first_nodes.get, words))
        if None in leads:  # words not seen before
            leads = [first(word) if nodes is None else nodes for word, nodes in zip(words, leads)]
        # Most words start no phrase (no nodes): compress skips them in C.
        for i in compress(range(len(words)), leads):
            nodes = leads[i]
            start = starts[i]
            stack = [(nodes[0], i)] if len(nodes) == 1 else [(node, i) for node in nodes]
            while stack:
                node, j = stack.pop()
                end = starts[j] + len(words[j])
                if node.out:
                    for section, value in node.out:
                        found[section].append(new_hit(Hit, (start, end, value)))
                if j >= last:
                    continue
                # Most phrases end at their first word: what stands between the words (in the original text,
                # where a curly apostrophe breaks a phrase) is tested only when a phrase goes on.
                if node.stems:
                    children = node.children(words[j + 1])
                    if children and gap(text, end, starts[j + 1]):
                        stack.extend([(child, j + 1) for child in children])
                elif node.next:  # the common case, without a call
                    child = node.next.get(words[j + 1])
                    if child is not None and gap(text, end, starts[j + 1]):
                        stack.append((child, j + 1))
        return Hits(found)


class Words(NamedTuple):
    """A text split once into lower-case words, for the phrase scan and language detection."""

    words: list[str]   # maximal runs of word characters, and each % $ € £ ₴ ₽ № alone; apostrophes are gaps
    starts: list[int]  # where each word starts in the text; word i ends at starts[i] + len(words[i])


def split_words(text: str) -> Words:
    """The words of the text, lower-cased, with their offsets.

    Every text is split once, so this runs in C: the regex engine would test each character in its own loop,
    ten times slower than a C string pass. Gaps become spaces (bytes.translate changes only ASCII bytes, so
    the decoded text has every character where it was), str.split(" ") cuts out the words, and running
    lengths give their offsets. The few words that still hold a non-word character (an emoji, "%", "_")
    are split again by the regex.
    """
    if not text.isascii():
        for gap in _COMMON_GAPS:
            text = text.replace(gap, " ")
    try:
        data = text.encode()
    except UnicodeEncodeError:  # a lone surrogate such as "\ud800": only the regex takes it
        return _split_by_regex(_lowered(text))
    if data.isascii():  # the common case (also English with curly quotes): one table lower-cases and spaces
        data = data.translate(_SPACED_LOWER)
    else:
        data = _lowered(text).encode().translate(_SPACED)
    parts = data.decode().split(" ")  # words, and an empty part between two gap characters in a row
    words = list(filter(None, parts))
    # Part k starts after the k parts before it and the space after each of them.
    starts = list(compress(accumulate(map(add, map(len, parts), repeat(1)), initial=0), parts))
    odd = data.translate(None, _PLAIN_ASCII)
    if odd and not odd.decode().isalnum():  # a word holds a sign or a character that is not a word character
        return _split_odd_words(words, starts)
    return Words(words, starts)


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


def _split_by_regex(lowered: str) -> Words:
    matches = list(_FAST_TOKEN.finditer(lowered))
    return Words([m[0] for m in matches], [m.start() for m in matches])


def _lowered(text: str) -> str:
    """The text in lower case, offsets unchanged."""
    lowered = text.lower()
    if len(lowered) != len(text):
        # Turkish "İ" lower-cases to two characters ("i̇"): keep the first, as each character's own lower case
        # would (and so "Σ" becomes "σ", where the whole text's lower case would make a final one "ς").
        lowered = text.replace("İ", "i").replace("Σ", "σ").lower()
        if len(lowered) != len(text):  # another letter that grows (Unicode 14 has none)
            lowered = "".join(ch.lower()[0] for ch in text)
    return lowered


_START_OF, _END_OF = itemgetter(0), itemgetter(1)


class Hits:
    """The phrases of one text by section, sorted, with range queries.

    The engine asks hundreds of range questions per text, so each section keeps its hits and their starts
    side by side (one dictionary look-up per question) and a question walks only the hits inside its range.
    """

    def __init__(self, found: dict[str, list[Hit]]):
        self._sections: dict[str, tuple[list[Hit], list[int]]] = {}
        for section, hits in found.items():
            if len(hits) > 1:  # by start, then the longest first: two stable sorts in C, no Python key per hit
                hits.sort(key=_END_OF, reverse=True)
                hits.sort(key=_START_OF)
                if section in EXCLUSIVE:
                    hits = _longest_first(hits)
            self._sections[section] = (hits, list(map(_START_OF, hits)))

    @property
    def by_section(self) -> dict[str, list[Hit]]:
        return {section: hits for section, (hits, _) in self._sections.items()}

    def all(self, section: str) -> list[Hit]:
        entry = self._sections.get(section)
        return entry[0] if entry is not None else []

    def find(self, section: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Hits lying wholly inside [start, end)."""
        entry = self._sections.get(section)
        if entry is None:
            return []
        hits, starts = entry
        if end is None:
            return hits[bisect_left(starts, start):]
        return [hit for hit in hits[bisect_left(starts, start):bisect_left(starts, end)] if hit.e <= end]

    def has(self, section: str, start: int = 0, end: int | None = None) -> bool:
        entry = self._sections.get(section)
        if entry is None:
            return False
        hits, starts = entry
        index = bisect_left(starts, start)
        if end is None:
            return index < len(hits)
        for index in range(index, bisect_left(starts, end, index)):
            if hits[index].e <= end:
                return True
        return False

    def ending_near(self, section: str, offset: int, slack: int = 2, floor: int = 0) -> Hit | None:
        """The last hit that ends at most `slack` characters before `offset` (and not before `floor`)."""
        entry = self._sections.get(section)
        if entry is None:
            return None
        hits, starts = entry
        lowest = max(floor, offset - 60)
        index = bisect_left(starts, offset) - 1
        while index >= 0 and hits[index].s >= lowest:
            hit = hits[index]
            if hit.e <= offset and offset - hit.e <= slack:
                return hit
            index -= 1
        return None


def _longest_first(hits: list[Hit]) -> list[Hit]:
    out: list[Hit] = []
    for hit in hits:
        if out and hit.s < out[-1].e:
            continue
        out.append(hit)
    return out


# Sections of the data files that become phrase lists in the trie: (toml table, key) -> section name.
CUE_NAMES = ("daily", "increment", "previous", "total", "total_after", "inclusion", "rounded", "approximate",
             "sector", "distractor", "general_staff", "loss", "vague", "rounded_after")
_LISTS = {
    ("directions", "cues"): "direction_cue", ("directions", "not_after"): "not_after_place",
    ("numbers", "indefinite"): "indefinite", ("numbers", "not_figure_after"): "not_figure_after",
    ("cues", "units"): "not_figure_after", ("dates", "joiners"): "date_joiner", ("dates", "year_words"): "year_word",
    ("claims", "anaphora"): "anaphora",
    ("numbers", "not_figure_before"): "not_figure_before", ("numbers", "list_joiners"): "list_joiner", ("dates", "range_start"): "range_start",
    ("dates", "range_end"): "range_end", ("dates", "as_of"): "as_of", ("dates", "today"): "today",
    ("dates", "report_verbs"): "report_verb", ("dates", "previous_day"): "previous_day",
    ("claims", "qualifiers"): "claim_qualifier", ("claims", "ukraine_side"): "ukraine_side",
    ("claims", "not_losses"): "not_losses", ("claims", "persons"): "claim_persons", ("claims", "ukrainian_parties"): "ukrainian_party",
}
_TABLES = {("numbers", "words"): "number", ("numbers", "multipliers"): "multiplier", ("dates", "months"): "month",
           ("dates", "weekdays"): "weekday", ("claims", "what"): "what"}


@dataclass(eq=False)
class Lexicon:
    code: str
    raw: dict[str, Any]
    trie: Trie = field(repr=False)
    party_order: dict[str, int] = field(default_factory=dict)

    @property
    def reporter(self) -> str | None:
        value = self.raw.get("cues", {}).get("reporter")
        return value if isinstance(value, str) else None

    @functools.cached_property
    def abbreviations(self) -> frozenset[str]:
        return frozenset(a.lower().rstrip(".") for a in self.raw.get("text", {}).get("abbreviations", []))

    def scan(self, text: str, split: Words | None = None) -> Hits:
        """Every phrase of this language (and every place of the gazetteer) in `text` (split: its words)."""
        return self.trie.scan(text, split)


@functools.lru_cache(maxsize=None)
def available_languages() -> list[str]:
    return sorted(p.name[:-5] for p in resources.files("casualty_cli.lexicons").iterdir() if p.name.endswith(".toml"))


@functools.lru_cache(maxsize=None)
def raw_lexicon(code: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("casualty_cli.lexicons").joinpath(f"{code}.toml").read_text("utf-8"))


@functools.lru_cache(maxsize=None)
def load(code: str) -> Lexicon:
    """The lexicon of a language with its phrase trie (built once per process)."""
    raw = raw_lexicon(code)
    trie = Trie()
    for category, phrases in raw.get("categories", {}).items():
        for phrase in phrases:
            trie.add(phrase, "category", category)
    cues = raw.get("cues", {})
    for name in CUE_NAMES:
        for phrase in cues.get(name, []):
            trie.add(phrase, name)
    for (table, key), section in _LISTS.items():
        for phrase in raw.get(table, {}).get(key, []):
            trie.add(phrase, section, phrase)
    for (table, key), section in _TABLES.items():
        for phrase, value in raw.get(table, {}).get(key, {}).items():
            trie.add(phrase, section, value)
    parties = raw.get("claims", {}).get("parties", {})
    for phrase, name in parties.items():
        trie.add(phrase, "party", name)
    for place, forms in gazetteer().items():
        for form in forms:
            trie.add(form, "place", place)
    return Lexicon(code=raw.get("code", code), raw=raw, trie=trie,
                   party_order={name: index for index, name in enumerate(parties.values())})


@functools.lru_cache(maxsize=None)
def gazetteer() -> dict[str, list[str]]:
    """English exonym -> every form of the place in every language."""
    raw = tomllib.loads(resources.files("casualty_cli.data").joinpath("gazetteer.toml").read_text("utf-8"))
    return {place: [form for forms in by_language.values() for form in forms] for place, by_language in raw.items()}


@functools.lru_cache(maxsize=None)
def priors() -> dict[str, Any]:
    return json.loads(resources.files("casualty_cli.data").joinpath("priors.json").read_text("utf-8"))
