"""Load a language's words (lexicons/<code>.toml) once and compile them into patterns.

The engine asks a Lexicon questions ("which category is named here?", "is there a daily cue in this
clause?"); the words themselves live only in the data files, so a new language is a new file.
"""
from __future__ import annotations

import functools
import json
import sys
from dataclasses import dataclass
from importlib import resources
from typing import Any, Iterable

import regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FLAGS = regex.IGNORECASE | regex.VERSION1
# A space in a phrase stands for any run of blanks and hyphens (and a line break).
_GAP = r"(?:[\s\-\u2010-\u2015]|\s*/\s*)+"
_APOSTROPHES = "['\u2019\u02bc\u2018`]"
WORD_END = r"(?![\p{L}\p{N}])"
WORD_START = r"(?<![\p{L}\p{N}])"


def phrase_pattern(phrase: str) -> str:
    """One phrase of the data files as a regex fragment (see the syntax note in lexicons/en.toml)."""
    phrase = phrase.strip().lower()
    stem = phrase.endswith("*")
    if stem:
        phrase = phrase[:-1]
    parts = []
    for word in regex.split(r"\s+", phrase):
        word = regex.escape(word).replace("\\'", "'").replace("'", _APOSTROPHES)
        word = word.replace("\\-", r"[\-\u2010-\u2015\s]?")
        word = word.replace("/", r"\s*/\s*")
        parts.append(word)
    body = _GAP.join(parts)
    if stem:
        body += r"\p{L}*"
    return body


def alternation(phrases: Iterable[str]) -> str:
    """Longest first, so "vehicles and fuel tanks" wins over "vehicles"."""
    unique = sorted({p.strip().lower() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(phrase_pattern(p) for p in unique)


def word_regex(phrases: Iterable[str]) -> regex.Pattern | None:
    """Whole-word matches of any phrase; phrases of symbols only ("%", "$") match anywhere."""
    phrases = list(phrases)
    words = alternation(p for p in phrases if regex.search(r"\w", p))
    symbols = alternation(p for p in phrases if not regex.search(r"\w", p))
    parts = ([rf"{WORD_START}(?:{words}){WORD_END}"] if words else []) + ([f"(?:{symbols})"] if symbols else [])
    return regex.compile("|".join(parts), FLAGS) if parts else None


@dataclass(frozen=True)
class Lexicon:
    code: str
    raw: dict[str, Any]
    category_re: regex.Pattern          # every category phrase; group name p<N> -> category
    category_of_group: dict[str, str]
    number_words: dict[str, int]
    number_word_re: regex.Pattern | None
    indefinite_re: regex.Pattern | None
    multipliers: dict[str, int]
    multiplier_re: regex.Pattern | None
    cue: dict[str, regex.Pattern | None]
    months: dict[str, int]
    weekdays: dict[str, int]
    month_re: regex.Pattern | None
    weekday_re: regex.Pattern | None
    direction_cue_re: regex.Pattern | None
    not_after_place_re: regex.Pattern | None
    party_re: regex.Pattern | None
    parties: dict[str, str]
    what_re: regex.Pattern | None
    what: dict[str, str]
    claim_qualifier_re: regex.Pattern | None
    reporter: str | None

    def category_at(self, match: regex.Match) -> str:
        return self.category_of_group[match.lastgroup]

    def has(self, cue: str, text: str) -> bool:
        pattern = self.cue.get(cue)
        return bool(pattern and pattern.search(text))

    def find(self, cue: str, text: str) -> list[regex.Match]:
        pattern = self.cue.get(cue)
        return list(pattern.finditer(text)) if pattern else []


def lookup_key(text: str) -> str:
    return regex.sub(r"[\s\-\u2010-\u2015]+", " ", text.lower().replace("\u2019", "'")).strip(" .")


CUE_NAMES = ("daily", "increment", "previous", "total", "total_after", "inclusion", "rounded", "approximate",
             "sector", "distractor", "general_staff", "loss", "vague")


def available_languages() -> list[str]:
    return sorted(p.name[:-5] for p in resources.files("casualty_cli.lexicons").iterdir() if p.name.endswith(".toml"))


@functools.lru_cache(maxsize=None)
def load(code: str) -> Lexicon:
    """The compiled lexicon of a language (cached: compiled once per process)."""
    raw = tomllib.loads(resources.files("casualty_cli.lexicons").joinpath(f"{code}.toml").read_text("utf-8"))
    groups, category_of_group = [], {}
    phrases = [(p, cat) for cat, items in raw.get("categories", {}).items() for p in items]
    for index, (phrase, category) in enumerate(sorted(phrases, key=lambda pc: len(pc[0]), reverse=True)):
        name = f"p{index}"
        groups.append(f"(?P<{name}>{phrase_pattern(phrase)})")
        category_of_group[name] = category
    category_re = regex.compile(rf"{WORD_START}(?:{'|'.join(groups)}){WORD_END}", FLAGS)
    numbers = raw.get("numbers", {})
    number_words = {lookup_key(k): int(v) for k, v in numbers.get("words", {}).items()}
    multipliers = {lookup_key(k): int(v) for k, v in numbers.get("multipliers", {}).items()}
    cues = raw.get("cues", {})
    dates = raw.get("dates", {})
    directions = raw.get("directions", {})
    claims = raw.get("claims", {})
    months = {lookup_key(k): int(v) for k, v in dates.get("months", {}).items()}
    weekdays = {lookup_key(k): int(v) for k, v in dates.get("weekdays", {}).items()}
    parties = {lookup_key(k): v for k, v in claims.get("parties", {}).items()}
    what = {lookup_key(k): v for k, v in claims.get("what", {}).items()}
    return Lexicon(
        code=raw.get("code", code), raw=raw,
        category_re=category_re, category_of_group=category_of_group,
        number_words=number_words, number_word_re=word_regex(numbers.get("words", {}).keys()),
        indefinite_re=word_regex(numbers.get("indefinite", [])),
        multipliers=multipliers, multiplier_re=word_regex(numbers.get("multipliers", {}).keys()),
        cue={name: word_regex(cues.get(name, [])) for name in CUE_NAMES},
        months=months, weekdays=weekdays,
        month_re=word_regex(dates.get("months", {}).keys()), weekday_re=word_regex(dates.get("weekdays", {}).keys()),
        direction_cue_re=word_regex(directions.get("cues", [])),
        not_after_place_re=word_regex(directions.get("not_after", [])),
        party_re=word_regex(claims.get("parties", {}).keys()), parties=parties,
        what_re=word_regex(claims.get("what", {}).keys()), what=what,
        claim_qualifier_re=word_regex(claims.get("qualifiers", [])),
        reporter=cues.get("reporter") if isinstance(cues.get("reporter"), str) else None,
    )


def lookup(table: dict[str, Any], text: str) -> Any:
    """The value of a word in a table of the data files; keys ending in * match the word's other endings."""
    key = lookup_key(text)
    if key in table:
        return table[key]
    stems = [k for k in table if k.endswith("*") and key.startswith(k[:-1])]
    return table[max(stems, key=len)] if stems else None


@functools.lru_cache(maxsize=None)
def gazetteer() -> tuple[regex.Pattern, dict[str, str]]:
    """One pattern for every place form of every language; group name -> English exonym."""
    raw = tomllib.loads(resources.files("casualty_cli.data").joinpath("gazetteer.toml").read_text("utf-8"))
    groups, names = [], {}
    forms = [(form, place) for place, by_language in raw.items() for items in by_language.values() for form in items]
    for index, (form, place) in enumerate(sorted(forms, key=lambda fp: len(fp[0]), reverse=True)):
        groups.append(f"(?P<g{index}>{phrase_pattern(form)})")
        names[f"g{index}"] = place
    return regex.compile(rf"{WORD_START}(?:{'|'.join(groups)}){WORD_END}", FLAGS), names


@functools.lru_cache(maxsize=None)
def priors() -> dict[str, Any]:
    return json.loads(resources.files("casualty_cli.data").joinpath("priors.json").read_text("utf-8"))
