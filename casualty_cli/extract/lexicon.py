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
from itertools import compress
from operator import itemgetter
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, NamedTuple


if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from .words import _FAST_TOKEN, Words, split_words

_FIRST_WORDS_KEPT = 100_000  # distinct words remembered per language before the memory starts afresh
# What may stand between the words of a phrase (an apostrophe of any of its forms: "nell’ultimo giorno").
_GAP = re.compile(r"[\s\-\u2010-\u2015/.&'\u2019\u02bc`\u2018]{1,5}")
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

    start: int
    end: int
    value: Any = None


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
        self._tied: frozenset[str] | None = None

    def _stems_by_head(self) -> dict[str, list[tuple[str, _Node]]]:
        """The stems a phrase can start with, by their first three letters (the data has no shorter stem)."""
        if self._heads is None:
            heads: dict[str, list[tuple[str, _Node]]] = {}
            for stem, node in self.root.stems.items():
                heads.setdefault(stem[:3], []).append((stem, node))
            self._heads = heads
        return self._heads

    def add(self, phrase: str, section: str, value: Any = None) -> None:
        self._heads, self._first, self._tied = None, {}, None
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

    def _tied_sections(self) -> frozenset[str]:
        """The sections of which one start can give two hits (a phrase of a section and a longer one of the same
        section, as "tank" and "tank destroyer"; or two phrases on stems that one word matches).

        Hits sorts only these (but for the EXCLUSIVE ones, which _longest_first takes in any order of a start):
        the scan yields the hits of every other section in order already, as one start comes from one word.
        """
        if self._tied is None:
            def most(node: _Node) -> dict[str, int]:
                """Section -> the most hits one start can give from this node on (each node has one parent)."""
                if node.stems:  # the children one word can lead to together: its exact child and stems it starts with
                    together = [[child, *(node.stems[word[:n]] for n in node.stem_lengths if word[:n] in node.stems)]
                                for word, child in node.next.items()]
                    together += [[node.stems[stem[:n]] for n in node.stem_lengths if stem[:n] in node.stems]
                                 for stem in node.stems]
                else:
                    together = [[child] for child in node.next.values()]
                below: dict[str, int] = {}
                for children in together:
                    sums: dict[str, int] = {}
                    for child in children:
                        for section, hits in most(child).items():
                            sums[section] = sums.get(section, 0) + hits
                    for section, hits in sums.items():
                        below[section] = max(below.get(section, 0), hits)
                for section, _ in node.out:
                    below[section] = below.get(section, 0) + 1
                return below

            self._tied = frozenset(section for section, hits in most(self.root).items() if hits > 1)
        return self._tied

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
            if len(nodes) == 1:
                # Most phrases are a chain of plain words: walked without a stack until a node with stems.
                node, j = nodes[0], i
                while not node.stems:
                    if node.out:
                        end = starts[j] + len(words[j])
                        for section, value in node.out:
                            found[section].append(new_hit(Hit, (start, end, value)))
                    if not node.next or j >= last:
                        break
                    child = node.next.get(words[j + 1])
                    if child is None:
                        break
                    # Most words of a phrase are one space apart: the regex is asked only about other gaps.
                    end, following = starts[j] + len(words[j]), starts[j + 1]
                    if not (following - end == 1 and text[end] == " ") and not gap(text, end, following):
                        break
                    node, j = child, j + 1
                else:
                    self._walk(text, words, starts, start, [(node, j)], found)
            else:
                self._walk(text, words, starts, start, [(node, i) for node in nodes], found)
        return Hits(found, self._tied_sections())

    @staticmethod
    def _walk(text: str, words: list[str], starts: list[int], start: int, stack: list[tuple["_Node", int]],
              found: dict[str, list[Hit]]) -> None:
        """Every phrase from `start` through the nodes on the stack, branching where a word matches several stems."""
        last = len(words) - 1
        while stack:
            node, j = stack.pop()
            if node.out:
                end = starts[j] + len(words[j])
                for section, value in node.out:
                    found[section].append(tuple.__new__(Hit, (start, end, value)))
            if j >= last:
                continue
            # What stands between the words (in the original text) is tested only when a phrase goes on.
            children = node.children(words[j + 1])
            if children and _GAP.fullmatch(text, starts[j] + len(words[j]), starts[j + 1]):
                stack.extend([(child, j + 1) for child in children])


_START_OF, _END_OF = itemgetter(0), itemgetter(1)


class Hits:
    """The phrases of one text by section, sorted, with range queries.

    The engine asks hundreds of range questions per text, so each section keeps its hits and their starts
    side by side (one dictionary look-up per question) and a question walks only the hits inside its range.
    """

    def __init__(self, found: dict[str, list[Hit]], tied: frozenset[str]):
        """found: the hits of each section in the order of their starts; tied: the sections where two hits
        may share a start (Trie._tied_sections), to be put longest first."""
        for section, hits in found.items():
            if len(hits) > 1:
                if section in EXCLUSIVE:
                    hits = _longest_first(hits)
                elif section in tied:  # by start, then the longest first: two stable sorts in C, no Python key per hit
                    hits.sort(key=_END_OF, reverse=True)
                    hits.sort(key=_START_OF)
            found[section] = (hits, list(map(_START_OF, hits)))  # in place: no second dictionary
        self._sections: dict[str, tuple[list[Hit], list[int]]] = found  # type: ignore[assignment]

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
        return [hit for hit in hits[bisect_left(starts, start):bisect_left(starts, end)] if hit.end <= end]

    def has(self, section: str, start: int = 0, end: int | None = None) -> bool:
        entry = self._sections.get(section)
        if entry is None:
            return False
        hits, starts = entry
        index = bisect_left(starts, start)
        if end is None:
            return index < len(hits)
        for index in range(index, bisect_left(starts, end, index)):
            if hits[index].end <= end:
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
        while index >= 0 and hits[index].start >= lowest:
            hit = hits[index]
            if hit.end <= offset and offset - hit.end <= slack:
                return hit
            index -= 1
        return None


def _longest_first(hits: list[Hit]) -> list[Hit]:
    """Hits in the order of their starts, less those that overlap a hit kept before them; of hits that share a
    start (in any order) the longest is kept, or the first of the longest. So no sort by length is needed.
    """
    out: list[Hit] = []
    end = 0  # of the last hit kept
    for hit in hits:  # hit[0], hit[1]: indexing is quicker than the named fields
        if hit[0] >= end:
            out.append(hit)
            end = hit[1]
        elif hit[1] > end and hit[0] == out[-1][0]:  # longer than the last hit kept, from the same start
            out[-1] = hit
            end = hit[1]
    return out


# Sections of the data files that become phrase lists in the trie: (toml table, key) -> section name.
CUE_NAMES = ("daily", "increment", "previous", "total", "total_after", "inclusion", "rounded", "approximate",
             "sector", "distractor", "general_staff", "loss", "vague", "rounded_after",
             # What a figure speaks for (context.py): the whole front, a unit, a period, another war.
             "nationwide", "unit", "period", "other_war")
_LISTS = {
    ("directions", "cues"): "direction_cue", ("directions", "not_after"): "not_after_place",
    ("directions", "most"): "direction_most", ("directions", "axes"): "direction_axis",
    ("numbers", "indefinite"): "indefinite", ("numbers", "not_figure_after"): "not_figure_after",
    ("cues", "units"): "not_figure_after", ("dates", "year_words"): "year_word",
    ("claims", "anaphora"): "anaphora",
    ("numbers", "not_figure_before"): "not_figure_before", ("numbers", "list_joiners"): "list_joiner",
    ("numbers", "partitive"): "partitive",
    ("dates", "range_end"): "range_end", ("dates", "as_of"): "as_of", ("dates", "today"): "today",
    ("dates", "report_verbs"): "report_verb", ("dates", "previous_day"): "previous_day",
    ("dates", "loss_day"): "loss_day", ("dates", "past_day"): "past_day", ("dates", "war_day"): "war_day",
    ("claims", "ukraine_side"): "ukraine_side", ("claims", "not_losses"): "not_losses",
    ("claims", "destroying"): "side_destroying", ("claims", "losing"): "side_losing",
    ("claims", "persons"): "claim_persons", ("claims", "ukrainian_forces"): "ukrainian_forces",
    ("claims", "russian_forces"): "russian_forces", ("claims", "own_side"): "own_side",
    ("claims", "enemy_side"): "enemy_side", ("claims", "back_reference"): "back_reference",
    ("claims", "equipment"): "claim_equipment",
}
_TABLES = {("numbers", "words"): "number", ("numbers", "multipliers"): "multiplier", ("dates", "months"): "month",
           ("dates", "weekdays"): "weekday", ("claims", "what"): "what",
           # The qualifier of a claim, written in English whatever the language ("более" -> "more than"), and the
           # period of a rate or a sum ("a day" -> "day"; "in" -> a month or a year named right after it).
           ("claims", "qualifiers"): "claim_qualifier", ("claims", "periods"): "claim_period",
           ("claims", "qualifiers_after"): "claim_qualifier_after"}


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

    @functools.cached_property
    def months(self) -> frozenset[str]:
        """The month names of one word, lower case: after an ordinal's dot ("26. Oktober") no sentence starts."""
        return frozenset(name.lower() for name in self.raw.get("dates", {}).get("months", {}) if " " not in name)

    def scan(self, text: str, split: Words | None = None) -> Hits:
        """Every phrase of this language (and every place of the gazetteer) in `text` (split: its words)."""
        return self.trie.scan(text, split)


@functools.lru_cache(maxsize=None)
def available_languages() -> list[str]:
    return sorted(p.name[:-5] for p in resources.files("casualty_cli.lexicons").iterdir() if p.name.endswith(".toml"))


@functools.lru_cache(maxsize=None)
def raw_lexicon(code: str) -> dict[str, Any]:
    return tomllib.loads(_lexicon_text(code))


@functools.lru_cache(maxsize=None)
def lexicon_head(code: str) -> dict[str, Any]:
    """The keys of a data file before its first table (code, detect): what language detection reads of every
    language. TOML puts a file's top-level keys before its tables, so the head parses alone, and a text is parsed
    against its own language's tables only (the whole files of nine languages cost 60 ms of start-up)."""
    text = _lexicon_text(code)
    table = _FIRST_TABLE.search(text)
    return tomllib.loads(text[:table.start()] if table else text)


_FIRST_TABLE = re.compile(r"^\[", re.MULTILINE)


def _lexicon_text(code: str) -> str:
    return resources.files("casualty_cli.lexicons").joinpath(f"{code}.toml").read_text("utf-8")


# Keys read besides the phrase lists: the language's code and detection words, the reporter, the abbreviations
# and the parties (which load() reads apart, for their order).
_OTHER_KEYS = {("code",), ("detect",), ("cues", "reporter"), ("text", "abbreviations"), ("claims", "parties"),
               # Read beside places, dates, months and years only, not by the scan (context.Beside): "near", "in", "з".
               ("cues", "local"), ("cues", "since"), ("cues", "during"), ("cues", "during_after")}


def _unread_keys(raw: dict[str, Any]) -> list[str]:
    """Keys of a data file that nothing reads: a misspelt or stray key would otherwise be ignored without a word."""
    read = set(_LISTS) | set(_TABLES) | {("cues", name) for name in CUE_NAMES} | _OTHER_KEYS
    unread = []
    for table, value in raw.items():
        if table == "categories" or (table,) in read:
            continue
        if not isinstance(value, dict):
            unread.append(table)
            continue
        unread += [f"{table}.{key}" for key in value if (table, key) not in read]
    return unread


@functools.lru_cache(maxsize=None)
def load(code: str) -> Lexicon:
    """The lexicon of a language with its phrase trie (built once per process)."""
    raw = raw_lexicon(code)
    if unread := _unread_keys(raw):
        raise ValueError(f"lexicons/{code}.toml: keys that casualty does not read: {', '.join(unread)}")
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
