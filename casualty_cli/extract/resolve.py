"""Decide: which candidates are the report's totals, daily changes and previous totals.

Order of the evidence, strongest first: list structure ("(+14)"), the cue nearest to a number in its
sentence, the plausible magnitudes of the time (priors), the role of the figures just before, and the
arithmetic total − previous = daily between competing values.
"""
from __future__ import annotations

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
    find = hits.find
    # Most texts have no previous total and no total stated after its figures: no search for them then.
    any_previous, any_after = bool(hits.all("previous")), bool(hits.all("total_after"))
    for c in candidates:
        if c.role is not None:
            continue
        cues = scope_cues.get(c.scope)
        if cues is None:
            start, end = c.scope
            cues = (find("previous", start, end) if any_previous else (),
                    find("total_after", start, end) if any_after else (),
                    find("daily", start, end), find("total", start, end))
            # Half the scopes have no cue at all: () spares their figures the look at each kind.
            cues = scope_cues[c.scope] = cues if any(cues) else ()
        role = _role_from_cues(c, *cues) if cues else None
        if role is None and c.increment:
            role = "daily"
        if role is None and c.structured:
            c.with_role("totals", STRUCTURE)
        elif role:
            c.with_role(role, CUE)
    return candidates


def _role_from_cues(c: Candidate, previous: list, after: list, daily: list, total: list) -> str | None:
    """The role by the cues of the candidate's scope: a previous cue before it, a total stated after the
    figures ("bringing the total to"), else the nearest daily or total cue (daily on a tie)."""
    if previous and any(h.e <= c.start for h in previous):
        return "previous"
    if after:
        return "totals" if any(h.s < c.start for h in after) else "daily"
    # Most scopes have cues of one kind only: no distances to measure then.
    if not total:
        return "daily" if daily else None
    if not daily:
        return "totals"
    return "daily" if _distance(c, daily) <= _distance(c, total) else "totals"


def _distance(c: Candidate, found: list) -> int:
    """Characters between the candidate and the nearest of the hits `found` (0 where one overlaps it)."""
    start, end = c.start, c.end
    return min(start - h.e if h.e <= start else h.s - end if h.s >= end else 0 for h in found)


def estimate_epoch(published: date | None, candidates: list[Candidate]) -> date | None:
    """When the report was made: the publication date, else what the personnel total implies."""
    if published is not None:
        return published
    totals = [c.value for c in candidates if c.category == "personnel" and c.role in (None, "totals")
              and c.value >= 2000]
    return priors.epoch_of_personnel(max(totals)) if totals else None


def apply_priors(candidates: list[Candidate], epoch: date | None) -> list[Candidate]:
    """Settle roles by magnitude: switch a role no report of its time allows, inherit where words gave none."""
    allows = priors.window(epoch).allows
    settled: list[Candidate] = []
    last_role: str | None = None
    for c in candidates:
        role = c.role
        if role is None:
            # The role of the figures just before if it fits, else the first that does.
            if last_role is not None and allows(last_role, c.category, c.value):
                role = last_role
            elif allows("totals", c.category, c.value):
                role = "totals"
            elif allows("daily", c.category, c.value):
                role = "daily"
            else:
                continue
            c.with_role(role, INFERRED)
        elif not (c.structured and role == "daily") and not allows(role, c.category, c.value):
            # A role no report of its time allows: the other one if it fits ("tanks: 9" in 2024 is a day's loss).
            # (A daily figure of a list line stands whatever its size.)
            other = "daily" if role in ("totals", "previous") else "totals"
            if not allows(other, c.category, c.value):
                continue
            c.with_role(other, INFERRED)
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
        if c.approximate and not c.structured and _round_by_form(c):
            continue
        pools[c.role].setdefault(c.category, []).append(c)
    chosen: dict[str, dict[str, Candidate]] = {role: {} for role in ROLES}
    # Daily figures first: they are the least ambiguous, and they arbitrate between totals.
    for role in ("daily", "totals", "previous"):
        for category, pool in pools[role].items():
            chosen[role][category] = pool[0] if len(pool) == 1 else _best(pool, role, category, chosen)
    _drop_inconsistent(chosen)
    return chosen


def _round_by_form(c: Candidate) -> bool:
    """"about 23,000 drones" is a rounding; "about 61,330 personnel" is the General Staff's own figure."""
    zeros = len(str(c.value)) - len(str(c.value).rstrip("0"))
    return zeros >= (3 if c.category == "personnel" else 2) and c.value >= 100


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


def figure_roles(chosen: dict[str, dict[str, Candidate]]) -> dict[str, dict[str, int]]:
    return {role: {cat: c.value for cat, c in by_cat.items()} for role, by_cat in chosen.items()}

