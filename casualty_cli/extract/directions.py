"""Directions of greatest losses: a sentence that says where most losses were, mapped to English exonyms."""
from __future__ import annotations

from .lexicon import Lexicon, gazetteer
from .text import Segments


def find_directions(text: str, lex: Lexicon, segments: Segments) -> list[str]:
    """Places named in "greatest losses ... directions" sentences, in text order, each once."""
    if lex.direction_cue_re is None:
        return []
    places_re, names = gazetteer()
    found: list[str] = []
    for sentence in segments.sentences:
        body = text[sentence.start:sentence.end]
        cue = lex.direction_cue_re.search(body)
        if not cue:
            continue
        places = []
        for m in places_re.finditer(body):
            after = body[m.end():m.end() + 25]
            if lex.not_after_place_re is not None and lex.not_after_place_re.match(after.lstrip(" ")):
                continue
            places.append((m.start() >= cue.start(), names[m.lastgroup]))
        # Places after the cue are the ones it names; before it only when none follow.
        chosen = [name for is_after, name in places if is_after] or [name for _, name in places]
        for name in chosen:
            if name not in found:
                found.append(name)
    return found
