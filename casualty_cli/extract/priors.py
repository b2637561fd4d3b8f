"""Plausible magnitudes of each category over time (data/priors.json, built by scripts/make_priors.py).

Used only where the text itself gives no cue: a figure that no report of its time could hold as a
cumulative total (five tanks in 2022-09) is the day's loss, and one that neither role allows (a town's
60,000 people in 2024) is no report figure at all.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from .lexicon import priors as _load

# Margins around the series: news round, reports get corrected, and the epoch is an estimate.
TOTAL_LOW, TOTAL_HIGH, DAILY_FACTOR, DAILY_SLACK = 0.7, 1.3, 2.0, 3


@dataclass(frozen=True)
class Window:
    total_low: dict[str, float]
    total_high: dict[str, float]
    daily_max: dict[str, float]

    def allows(self, role: str, category: str, value: int) -> bool:
        """Could a report of the time hold `value` as its `role` figure (daily, or a total) of `category`?"""
        if role == "daily":
            top = self.daily_max.get(category)
            return top is None or value <= top * DAILY_FACTOR + DAILY_SLACK
        low = self.total_low.get(category)
        if low is not None and value < low * TOTAL_LOW:
            return False
        high = self.total_high.get(category)
        return high is None or value <= high * TOTAL_HIGH


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
    windows = _windows()
    if epoch is None:
        return windows.anytime
    key = f"{epoch.year:04d}-{epoch.month:02d}"
    found = windows.by_month.get(key)
    if found is not None:
        return found
    return windows.after if key > _months()[-1][0] else windows.before


class _Windows(NamedTuple):
    by_month: dict[str, Window]
    before: Window   # a month before the series starts
    after: Window
    anytime: Window  # no epoch known


@functools.lru_cache(maxsize=None)
def _windows() -> _Windows:
    """The window of every month of the series and of the times around it, built once from the data."""
    months = _months()
    by_month = {}
    for index, (month, _, _) in enumerate(months):
        # The month before bounds totals from below; in the war's first month totals start from nothing.
        low = months[index - 1][1] if index > 0 else {}
        high = months[min(len(months) - 1, index + 2)][1]
        daily: dict[str, float] = {}
        for _, _, month_daily in months[max(0, index - 1):index + 2]:
            for category, value in month_daily.items():
                daily[category] = max(daily.get(category, 0), value)
        by_month.setdefault(month, Window(total_low=dict(low), total_high=dict(high), daily_max=daily))
    return _Windows(
        by_month=by_month,
        before=Window(total_low={}, total_high=dict(months[0][1]), daily_max=dict(months[0][2])),
        # After the series ends: at least the last totals; daily figures as high as ever seen.
        after=Window(total_low=dict(months[-1][1]), total_high={}, daily_max=_global_daily_max()),
        anytime=Window(total_low=dict(months[0][1]), total_high={}, daily_max=_global_daily_max()),
    )


def epoch_of_personnel(value: int) -> date | None:
    """The month whose personnel total is nearest below `value`: the time a report with that total was made."""
    for personnel, epoch, last in _personnel_series():
        if personnel <= value:
            if last and value > personnel * 1.05:
                return None  # beyond the series: no estimate
            return epoch
    return None


@functools.lru_cache(maxsize=None)
def _personnel_series() -> tuple[tuple[int, date, bool], ...]:
    """(personnel total, mid-month date, whether the series' last month) of the months that give one, latest first."""
    months = _months()
    return tuple((totals["personnel"], date(int(month[:4]), int(month[5:7]), 15), month == months[-1][0])
                 for month, totals, _ in reversed(months) if totals.get("personnel") is not None)
