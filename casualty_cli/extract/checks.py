"""Arithmetic cross-checks between the figures of one report."""
from __future__ import annotations

from ..model import CATEGORIES, Check


def cross_checks(totals: dict[str, int], daily: dict[str, int], previous: dict[str, int]) -> list[Check]:
    checks = []
    if not totals:
        return checks  # every check compares with a total
    for category in CATEGORIES:
        total = totals.get(category)
        if total is None:
            continue
        change, before = daily.get(category), previous.get(category)
        if change is not None and before is not None:
            checks.append(Check("daily == total - previous", category, change == total - before))
        if before is not None:
            checks.append(Check("total >= previous", category, total >= before))
        if change is not None:
            checks.append(Check("daily <= total", category, change <= total))
    return checks
