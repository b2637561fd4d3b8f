"""Plausible magnitudes of each category over time (data/priors.json, built by scripts/make_priors.py).

Used only where the text itself gives no cue: a figure that no report of its time could hold as a
cumulative total (five tanks in 2022-09) is the day's loss, and one that neither role allows (a town's
60,000 people in 2024) is no report figure at all.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from .lexicon import priors as _load

# Margins around the series: news round, reports get corrected, and the epoch is an estimate.
TOTAL_LOW, TOTAL_HIGH, DAILY_FACTOR, DAILY_SLACK = 0.7, 1.3, 2.0, 3


@dataclass(frozen=True)
class Window:
    total_low: dict[str, float]
    total_high: dict[str, float]
    daily_max: dict[str, float]

    def total_ok(self, category: str, value: int) -> bool:
        low = self.total_low.get(category)
        high = self.total_high.get(category)
        if low is not None and value < low * TOTAL_LOW:
            return False
        return high is None or value <= high * TOTAL_HIGH

    def daily_ok(self, category: str, value: int) -> bool:
        top = self.daily_max.get(category)
        return top is None or value <= top * DAILY_FACTOR + DAILY_SLACK


@functools.lru_cache(maxsize=None)
def _months() -> tuple[tuple[str, dict, dict], ...]:
    return tuple((m["month"], m["totals"], m["max_daily"]) for m in _load()["months"])


@functools.lru_cache(maxsize=None)
def _global_daily_max() -> dict[str, float]:
    top: dict[str, float] = {}
    for _, _, daily in _months():
        for category, value in daily.items():
            top[category] = max(top.get(category, 0), value)
    return top


def window(epoch: date | None) -> Window:
    """What totals and daily figures are plausible around `epoch` (None: anything in the war's history)."""
    months = _months()
    if epoch is None:
        return Window(total_low=dict(months[0][1]), total_high={}, daily_max=_global_daily_max())
    key = f"{epoch.year:04d}-{epoch.month:02d}"
    index = next((i for i, (month, _, _) in enumerate(months) if month >= key), len(months))
    if index >= len(months):
        # After the series ends: at least the last totals; daily figures as high as ever seen.
        last = months[-1][1]
        return Window(total_low=dict(last), total_high={}, daily_max=_global_daily_max())
    if months[index][0] > key:  # before the series starts
        return Window(total_low={}, total_high=dict(months[0][1]), daily_max=dict(months[0][2]))
    # The month before bounds totals from below; in the war's first month totals start from nothing.
    low = months[index - 1][1] if index > 0 else {}
    high = months[min(len(months) - 1, index + 2)][1]
    daily: dict[str, float] = {}
    for _, _, month_daily in months[max(0, index - 1):index + 2]:
        for category, value in month_daily.items():
            daily[category] = max(daily.get(category, 0), value)
    return Window(total_low=dict(low), total_high=dict(high), daily_max=daily)


def epoch_of_personnel(value: int) -> date | None:
    """The month whose personnel total is nearest below `value`: the time a report with that total was made."""
    months = _months()
    best = None
    for month, totals, _ in months:
        personnel = totals.get("personnel")
        if personnel is not None and personnel <= value:
            best = month
    if best is None:
        return None
    if best == months[-1][0] and value > months[-1][1].get("personnel", 0) * 1.05:
        return None  # beyond the series: no estimate
    return date(int(best[:4]), int(best[5:7]), 15)
