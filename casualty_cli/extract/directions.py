"""Directions of greatest losses: a sentence that says where most losses were, mapped to English exonyms."""
from __future__ import annotations

from .lexicon import Hits
from .text import Segments


def find_directions(text: str, hits: Hits, segments: Segments) -> list[str]:
    """Places named in "greatest losses ... directions" sentences, in text order, each once."""
    found: list[str] = []
    for cue in hits.all("direction_cue"):
        sentence = segments.sentence_at(cue.s)
        places = []
        for place in hits.find("place", sentence.start, sentence.end):
            # "Ukraine's Donetsk region" is an administrative area, not a direction.
            after = hits.find("not_after_place", place.e, place.e + 25)
            if after and not text[place.e:after[0].s].strip():
                continue
            places.append((place.s >= cue.s, place.value))
        # Places after the cue are the ones it names; before it only when none follow.
        chosen = [name for is_after, name in places if is_after] or [name for _, name in places]
        for name in chosen:
            if name not in found:
                found.append(name)
    return found
