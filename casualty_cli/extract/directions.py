"""Directions of greatest losses, mapped to English exonyms.

Two ways of writing name them:
- the official sentence and its retellings: a cue that says where the greatest losses were ("the enemy suffered
  the greatest losses in the Kramatorsk and Bakhmut directions", "Найбільших втрат противник зазнав на ...");
- news prose that gives a loss figure and then says where most of it was ("950 soldiers, most of them in the
  Donetsk direction", "najwięcej na kierunku donieckim"): a "most" word, in a sentence about losses, followed
  by places that a direction word names as front-line directions.
"""
from __future__ import annotations

from .lexicon import Hit, Hits
from .text import Segments

# How far after a "most" word its places may stand: one clause ("most of them on the Lyman and Bakhmut directions").
_MOST_REACH = 100
# How far after the last place the direction word may come ("... Donetsk and Lyman directions").
_AXIS_AFTER = 30


def find_directions(text: str, hits: Hits, segments: Segments) -> list[str]:
    """Places named as directions of greatest losses, in text order, each once."""
    named = _after_cues(text, hits, segments) + _after_most(text, hits, segments)
    found: list[str] = []
    for place in sorted(named):
        if place.value not in found:
            found.append(place.value)
    return found


def _after_cues(text: str, hits: Hits, segments: Segments) -> list[Hit]:
    """Places in the sentence of a "greatest losses" cue: those after it, or those before it when none follow."""
    named = []
    for cue in hits.all("direction_cue"):
        sentence = segments.sentence_at(cue.start)
        places = _places(text, hits, sentence.start, sentence.end)
        named += [place for place in places if place.start >= cue.start] or places
    return named


def _after_most(text: str, hits: Hits, segments: Segments) -> list[Hit]:
    """Places right after a "most" word ("most of them", "najwięcej", "найбільше") in a sentence about losses,
    when a direction word ("direction", "kierunku", "напрямку") marks them as directions: the word alone, or a
    loss sentence without places named as directions, says nothing of where the losses were."""
    named = []
    for most in hits.all("direction_most"):
        sentence = segments.sentence_at(most.start)
        if hits.has("direction_cue", sentence.start, sentence.end):
            continue  # the cue's rule reads this sentence
        if not hits.has("loss", sentence.start, sentence.end):
            continue
        places = _places(text, hits, most.end, min(sentence.end, most.end + _MOST_REACH))
        if places and hits.has("direction_axis", most.end, min(sentence.end, places[-1].end + _AXIS_AFTER)):
            named += places
    return named


def _places(text: str, hits: Hits, start: int, end: int) -> list[Hit]:
    """The places in [start, end) that are not administrative areas (their value: the English exonym)."""
    places = []
    for place in hits.find("place", start, end):
        # "Ukraine's Donetsk region" is an administrative area, not a direction.
        after = hits.find("not_after_place", place.end, place.end + 25)
        if after and not text[place.end:after[0].start].strip():
            continue
        places.append(place)
    return places

