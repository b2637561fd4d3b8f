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
    """The bounds of each category, margins applied (worked out once per window, not per figure):
    a daily figure up to `daily_top`, a total from `total_floor` to `total_ceiling`."""
    daily_top: dict[str, float]
    total_floor: dict[str, float]
    total_ceiling: dict[str, float]

    def allows(self, role: str, category: str, value: int) -> bool:
        """Could a report of the time hold `value` as its `role` figure (daily, or a total) of `category`?"""
        if role == "daily":
            top = self.daily_top.get(category)
            return top is None or value <= top
        floor = self.total_floor.get(category)
        if floor is not None and value < floor:
            return False
        ceiling = self.total_ceiling.get(category)
        return ceiling is None or value <= ceiling


def _window(total_low: dict[str, float], total_high: dict[str, float], daily_max: dict[str, float]) -> Window:
    """The window of the series' lowest totals, highest totals and highest daily figures around a time."""
    return Window(daily_top={category: top * DAILY_FACTOR + DAILY_SLACK for category, top in daily_max.items()},
                  total_floor={category: low * TOTAL_LOW for category, low in total_low.items()},
                  total_ceiling={category: high * TOTAL_HIGH for category, high in total_high.items()})


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


def window(epoch: date | None, any_total: bool = False) -> Window:
    """What totals and daily figures are plausible around `epoch` (None: anything in the war's history).

    `any_total`: totals far beyond the magnitudes of the time are allowed too (a digit dropped or doubled, another
    category's figure), for `casualty check`, which explains them; the daily bounds stay."""
    found = _windows().anytime if epoch is None else _month_window(epoch.year, epoch.month)
    return _widened(found) if any_total else found


# How far beyond the plausible magnitudes a total may lie with window(any_total=True): a digit dropped or doubled
# is a factor of ten, another category's figure a few times more.
WIDE_LOW, WIDE_HIGH = 0.005, 200.0


def _widened(found: Window) -> Window:
    return Window(daily_top=found.daily_top,
                  total_floor={c: v / TOTAL_LOW * WIDE_LOW for c, v in found.total_floor.items()},
                  total_ceiling={c: v / TOTAL_HIGH * WIDE_HIGH for c, v in found.total_ceiling.items()})


@functools.lru_cache(maxsize=1024)
def _month_window(year: int, month: int) -> Window:
    """window() of a month: asked once per text, and few months are ever asked."""
    windows = _windows()
    key = f"{year:04d}-{month:02d}"
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
        by_month.setdefault(month, _window(low, high, daily))
    return _Windows(
        by_month=by_month,
        before=_window({}, months[0][1], months[0][2]),
        # After the series ends: at least the last totals; daily figures as high as ever seen.
        after=_window(months[-1][1], {}, _global_daily_max()),
        anytime=_window(months[0][1], {}, _global_daily_max()),
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
