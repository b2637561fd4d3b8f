"""Decide: which candidates are the report's totals, daily changes and previous totals.

Order of the evidence, strongest first: list structure ("(+14)"), the cue nearest to a number in its
sentence, the plausible magnitudes of the time (priors), the role of the figures just before, and the
arithmetic total − previous = daily between competing values.
"""
from __future__ import annotations

import re
from datetime import date

from . import priors
from .candidates import CUE, INFERRED, STRUCTURE, Candidate
from .lexicon import Hits
from .text import Segments

ROLES = ("totals", "daily", "previous")


def assign_cues(hits: Hits, segments: Segments, candidates: list[Candidate]) -> list[Candidate]:
    """The role the words around each number give it (or None when they give none), set on the candidates."""
    # The figures of a sentence share its cues: they are looked up once per scope.
    scope_cues: dict[tuple[int, int], tuple[list, list, list, list] | tuple[()]] = {}
    find, text = hits.find, segments.text
    # Most texts have no previous total and no total stated after its figures: no search for them then.
    any_previous, any_after = bool(hits.all("previous")), bool(hits.all("total_after"))
    for c in candidates:
        if c.role is not None:
            continue
        cues = scope_cues.get(c.scope)
        if cues is None:
            start, end = c.scope
            daily = find("daily", start, end)
            if daily and text.find("(", start, end) >= 0:
                # "(+4 over the past day)": the cue in the bracket dates that change, not the figures beside it.
                daily = [h for h in daily if not _in_change_bracket(text, h.start)]
            cues = (find("previous", start, end) if any_previous else (),
                    find("total_after", start, end) if any_after else (),
                    daily, find("total", start, end))
            # Half the scopes have no cue at all: () spares their figures the look at each kind.
            cues = scope_cues[c.scope] = cues if any(cues) else ()
        role = _role_from_cues(c, *cues) if cues else None
        if role is None and c.increment:
            role = "daily"
        if role is None and c.structured:
            # A list line takes the role its list's intro gives ("Over the past day, Russia lost:"), else a total.
            c.with_role(_intro_role(hits, text, c.start) or "totals", STRUCTURE)
        elif role:
            c.with_role(role, CUE)
    return candidates


def _intro_role(hits: Hits, text: str, offset: int) -> str | None:
    """The role a list's intro gives its lines: the line ending in ":" that the lines from `offset` back to it
    follow without a blank line ("Over the past day, Russia lost:\n1,090 soldiers\n4 tanks"); the last role cue
    of that line decides."""
    end = text.rfind("\n", 0, offset)
    for _ in range(40):  # a list is not longer than the report's
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].rstrip()
        if not line:
            return None  # a blank line ends the list before any intro
        if line.endswith(":"):
            cues = [(h.end, role) for role in ("daily", "total", "previous") for h in hits.find(role, start, end)]
            if not cues:
                return None
            role = max(cues)[1]
            return "totals" if role == "total" else role
        end = start - 1
    return None


_CHANGE_OPENED = re.compile(r"\(\s*[+\-−–]\s*\d[\d \u00a0.,]*(?:[^\W\d_]+\s+){0,3}$")


def _in_change_bracket(text: str, offset: int) -> bool:
    """Does `offset` lie in a day's change bracket, after its number: "(+8 за минулу добу)"?"""
    opened = text.rfind("(", max(0, offset - 40), offset)
    return opened >= 0 and _CHANGE_OPENED.search(text, opened, offset) is not None


def _role_from_cues(c: Candidate, previous: list, after: list, daily: list, total: list) -> str | None:
    """The role by the cues of the candidate's scope: a previous cue before it, a total stated after the
    figures ("bringing the total to"), else the nearest daily or total cue (daily on a tie)."""
    if previous and any(h.end <= c.start for h in previous):
        return "previous"
    if after:
        return "totals" if any(h.start < c.start for h in after) else "daily"
    # Most scopes have cues of one kind only: no distances to measure then.
    if not total:
        return "daily" if daily else None
    if not daily:
        return "totals"
    return "daily" if _distance(c, daily) <= _distance(c, total) else "totals"


def _distance(c: Candidate, found: list) -> int:
    """Characters between the candidate and the nearest of the hits `found` (0 where one overlaps it)."""
    start, end = c.start, c.end
    return min(start - h.end if h.end <= start else h.start - end if h.start >= end else 0 for h in found)


def estimate_epoch(published: date | None, candidates: list[Candidate]) -> date | None:
    """When the report was made: the publication date, else what the personnel total implies."""
    if published is not None:
        return published
    totals = [c.value for c in candidates if c.category == "personnel" and c.role in (None, "totals")
              and c.value >= 2000]
    return priors.epoch_of_personnel(max(totals)) if totals else None


def apply_priors(candidates: list[Candidate], epoch: date | None, any_total: bool = False) -> list[Candidate]:
    """Settle roles by magnitude: switch a role no report of its time allows, inherit where words gave none."""
    allows = priors.window(epoch, any_total).allows
    settled: list[Candidate] = []
    last_role: str | None = None
    # Where the text speaks of a day's losses: paragraphs with a daily figure, and the sentences that give a
    # category's total by a cue ("... amounted to 560 occupiers; the total since the invasion is 250,800").
    daily_paragraphs = {c.paragraph for c in candidates if c.role == "daily"}
    total_sentences = {(c.sentence, c.category) for c in candidates if c.role == "totals" and c.strength >= CUE}
    for c in candidates:
        role = c.role
        if role is None:
            # The role of the figures just before if it fits, else a total if one of its time could be so large,
            # else the day's loss where the text speaks of one beside it: never by its size alone ("12 tanks
            # near the village" may be a sector's, a week's, ...).
            if last_role is not None and allows(last_role, c.category, c.value):
                role = last_role
            elif allows("totals", c.category, c.value):
                role = "totals"
            elif (c.paragraph in daily_paragraphs or c.paragraph - 1 in daily_paragraphs
                  or (c.sentence, c.category) in total_sentences) and allows("daily", c.category, c.value):
                role = "daily"
            else:
                continue
            c.with_role(role, INFERRED)
            if role == "daily":
                daily_paragraphs.add(c.paragraph)
        elif not (c.structured and role == "daily") and not allows(role, c.category, c.value):
            # A role no report of its time allows: the other one if it fits ("tanks: 9" in 2024 is a day's loss).
            # (A daily figure of a list line stands whatever its size.)
            other = "daily" if role in ("totals", "previous") else "totals"
            if not allows(other, c.category, c.value):
                continue
            c.with_role(other, INFERRED)
            if other == "daily":
                daily_paragraphs.add(c.paragraph)
        settled.append(c)
        if not c.structured and c.role != "previous":
            last_role = c.role
    return settled


def choose(candidates: list[Candidate]) -> dict[str, dict[str, Candidate]]:
    """One value per (role, category); where values compete, the arithmetic and the evidence decide."""
    pools: dict[str, dict[str, list[Candidate]]] = {role: {} for role in ROLES}
    for c in candidates:
        if c.rounded or c.role is None:
            continue
        pools[c.role].setdefault(c.category, []).append(c)
    chosen: dict[str, dict[str, Candidate]] = {role: {} for role in ROLES}
    # Daily figures first: they are the least ambiguous, and they arbitrate between totals.
    for role in ("daily", "totals", "previous"):
        for category, pool in pools[role].items():
            chosen[role][category] = pool[0] if len(pool) == 1 else _best(pool, role, category, chosen)
    _drop_inconsistent(chosen)
    return chosen


def _best(pool: list[Candidate], role: str, category: str, chosen: dict[str, dict[str, Candidate]]) -> Candidate:
    total = chosen["totals"].get(category)
    if total is not None and role == "previous":
        pool = [c for c in pool if 0.8 * total.value <= c.value <= total.value] or pool
    values = {c.value for c in pool}
    if len(values) == 1:
        return max(pool, key=lambda c: (c.strength, c.structured, -c.start))
    daily = chosen["daily"].get(category)

    def consistent(c: Candidate) -> bool:
        if role == "totals" and daily is not None:
            return any(p.value == c.value - daily.value for p in pool if p is not c) or False
        if role == "previous" and daily is not None and total is not None:
            return c.value == total.value - daily.value
        return False

    def key(c: Candidate):
        return (consistent(c), not c.indefinite, -_roundness(c.value, values), c.strength, c.structured, -c.start)

    return max(pool, key=key)


def _roundness(value: int, values: set[int]) -> int:
    """Among near-equal values ("700" beside "710"), the less round one is the report's figure."""
    near = [v for v in values if v != value and abs(v - value) <= 0.05 * max(v, value)]
    if not near:
        return 0
    return len(str(value)) - len(str(value).rstrip("0"))


def _drop_inconsistent(chosen: dict[str, dict[str, Candidate]]) -> None:
    """A day's loss is smaller than the total; a previous total is not above the current one."""
    for category, daily in list(chosen["daily"].items()):
        total = chosen["totals"].get(category)
        if total is not None and daily.value >= total.value and total.value > 0:
            del chosen["daily"][category]
    for category, previous in list(chosen["previous"].items()):
        total = chosen["totals"].get(category)
        if total is not None and (previous.value > total.value or previous.value < 0.8 * total.value):
            del chosen["previous"][category]

