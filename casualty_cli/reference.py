"""The reference series: the General Staff's cumulative totals (and printed daily increases) by report date.

`casualty check` compares articles with it and `casualty timeline --reference` flags the dates where the
sources disagree with it. Where a reference comes from, in the order `default_reference()` looks:

- the user's copy, written by `casualty reference update` into the data directory
  ($XDG_DATA_HOME/casualty, else ~/.local/share/casualty; %LOCALAPPDATA%\\casualty on Windows);
- the snapshot shipped in the package (data/reference.json.gz, built by scripts/make_reference.py from the
  PetroIvaniuk dataset, MIT): the one whose series ends later wins, so upgrading the package never
  hides a newer series behind an old download.

`load_reference(path)` reads the other shapes a user may hold: the PetroIvaniuk data folder or its JSON
files, a saved russianwarship.rip API response, a CSV of date,category,total (a `casualty timeline -f csv`
output is one), a `casualty timeline -f json` output, or our own .json.gz.

Dates are the report's date, as `as_of` is (the dataset's own convention). Series are held as lists indexed
by days since `start`, so loading the whole war's series costs a few milliseconds, not a dict per day.
"""
from __future__ import annotations

import gzip
import json
import os
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any, Iterable, Mapping

from .errors import CasualtyError
from .model import CATEGORIES

FORMAT = "casualty-reference/1"
FILE_NAME = "reference.json.gz"

# The PetroIvaniuk dataset's keys -> our categories ("military auto" became "vehicles and fuel tanks" in May 2022).
DATASET_KEYS = {
    "personnel": "personnel", "tank": "tanks", "APC": "afv", "field artillery": "artillery", "MRL": "mlrs",
    "anti-aircraft warfare": "air_defense", "aircraft": "aircraft", "helicopter": "helicopters", "drone": "uav",
    "cruise missiles": "cruise_missiles", "naval ship": "ships", "submarines": "submarines",
    "military auto": "vehicles", "vehicles and fuel tanks": "vehicles", "fuel tank": "fuel_tanks",
    "special equipment": "special_equipment", "mobile SRBM system": "srbm", "ground robotic systems": "ground_robots",
}
DATASET_FILES = ("russia_losses_equipment.json", "russia_losses_personnel.json",
                 "russia_losses_equipment_correction.json")
DATASET_URL = "https://raw.githubusercontent.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset/main/data/"

# russianwarship.rip's API (/api/v2/statistics): per date `stats` (totals) and `increase` (the printed dailies).
API_KEYS = {
    "personnel_units": "personnel", "tanks": "tanks", "armoured_fighting_vehicles": "afv",
    "artillery_systems": "artillery", "mlrs": "mlrs", "aa_warfare_systems": "air_defense", "planes": "aircraft",
    "helicopters": "helicopters", "uav_systems": "uav", "cruise_missiles": "cruise_missiles",
    "warships_cutters": "ships", "submarines": "submarines", "vehicles_fuel_tanks": "vehicles",
    "special_military_equip": "special_equipment", "atgm_srbm_systems": "srbm",
    "ground_robotic_systems": "ground_robots",
}
API_URL = "https://russianwarship.rip/api/v2/statistics"
SOURCES = {"petroivaniuk": DATASET_URL, "russianwarship": API_URL}


@dataclass
class Reference:
    """Totals by category and day; `printed` holds the reported daily increase where it is not simply the
    change of the totals (the General Staff's corrections), None where it is not known."""

    label: str
    start: int                                          # date ordinal of index 0
    totals: dict[str, list[int | None]]
    printed: dict[str, dict[int, int | None]] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)  # source, licence, snapshot
    _grains: dict[tuple[str, bool], int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def first(self) -> date:
        return date.fromordinal(self.start)

    @property
    def last(self) -> date:
        ends = [_last_index(values) for values in self.totals.values()]
        return date.fromordinal(self.start + max(ends)) if ends and max(ends) >= 0 else self.first

    def total(self, category: str, day: int) -> int | None:
        """The total of `category` in the report of day `day` (an ordinal)."""
        values = self.totals.get(category)
        index = day - self.start
        if values is None or not 0 <= index < len(values):
            return None
        return values[index]

    def daily(self, category: str, day: int) -> int | None:
        """The increase the report of `day` printed: the change since the day before, unless corrected."""
        overrides = self.printed.get(category)
        if overrides and day in overrides:
            return overrides[day]
        return self.change(category, day)

    def change(self, category: str, day: int) -> int | None:
        now, before = self.total(category, day), self.total(category, day - 1)
        return None if now is None or before is None else now - before

    def granularity(self, category: str, daily: bool = False) -> int:
        """The power of ten the series' figures come in: 10 for personnel (the General Staff gives tens), 1 for
        equipment. Taken from nearly all of the figures (95%), so a few odd ones do not lower it."""
        key = (category, daily)
        if key not in self._grains:
            values = self.totals.get(category) or []
            if daily:
                values = [self.daily(category, self.start + i) for i in range(1, len(values))]
            values = [v for v in values if v]
            grain = 1
            while values and sum(v % (grain * 10) == 0 for v in values) >= 0.95 * len(values):
                grain *= 10
            self._grains[key] = grain
        return self._grains[key]

    def days_with_total(self, category: str, value: int) -> list[int]:
        """Every day whose total of `category` is `value` (ordinals, oldest first)."""
        values = self.totals.get(category) or []
        return [self.start + i for i, v in enumerate(values) if v == value]

    def describe(self) -> str:
        return f"{self.label}, {self.first.isoformat()} .. {self.last.isoformat()}"

    # ------------------------------------------------------------ our own compact form

    def to_json(self) -> dict[str, Any]:
        """Each series as [offset of its first day, first value, day-to-day changes...] (null: not reported that
        day): gzipped, the whole war is some 30 kB."""
        series = {}
        for category in CATEGORIES:
            values = self.totals.get(category)
            if not values or all(v is None for v in values):
                continue
            first = next(i for i, v in enumerate(values) if v is not None)
            last = _last_index(values)
            encoded: list[int | None] = [first]
            previous = 0
            for value in values[first:last + 1]:
                if value is None:
                    encoded.append(None)
                else:
                    encoded.append(value - previous)
                    previous = value
            series[category] = encoded
        printed = {c: {date.fromordinal(d).isoformat(): v for d, v in sorted(days.items())}
                   for c, days in self.printed.items() if days}
        return {"format": FORMAT, "label": self.label, "meta": self.meta, "start": self.first.isoformat(),
                "totals": series, "printed": printed}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Reference":
        start = date.fromisoformat(data["start"]).toordinal()
        totals: dict[str, list[int | None]] = {}
        for category, encoded in data["totals"].items():
            offset, changes = encoded[0], encoded[1:]
            if None in changes:   # a day the category was not reported: rare, so the plain sum is the fast path
                running = list(accumulate(c or 0 for c in changes))
                values: list[int | None] = [None if c is None else v for c, v in zip(changes, running)]
            else:
                values = list(accumulate(changes))
            totals[category] = [None] * offset + values
        printed = {c: {date.fromisoformat(d).toordinal(): v for d, v in days.items()}
                   for c, days in data.get("printed", {}).items()}
        return cls(label=data.get("label") or "reference", start=start, totals=totals, printed=printed,
                   meta=dict(data.get("meta") or {}))

    def to_bytes(self) -> bytes:
        text = json.dumps(self.to_json(), separators=(",", ":"), ensure_ascii=False)
        return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)   # mtime 0: the same bytes each build


def _last_index(values: list[int | None]) -> int:
    for index in range(len(values) - 1, -1, -1):
        if values[index] is not None:
            return index
    return -1


def from_days(label: str, totals: Mapping[str, Mapping[int, int]], dailies: Mapping[str, Mapping[int, int | None]]
              = {}, meta: Mapping[str, Any] = {}) -> Reference:
    """A Reference from {category: {ordinal: total}} and the printed dailies (kept only where they differ from the
    change of the totals, which is what daily() gives anyway)."""
    days = [d for series in totals.values() for d in series]
    if not days:
        raise CasualtyError(f"{label}: no totals found")
    start, end = min(days), max(days)
    series = {c: [values.get(start + i) for i in range(end - start + 1)]
              for c, values in totals.items() if values and c in CATEGORIES}
    reference = Reference(label=label, start=start, totals=series, meta=dict(meta))
    for category, values in dailies.items():
        overrides = {d: v for d, v in values.items() if reference.change(category, d) != v}
        if overrides:
            reference.printed[category] = overrides
    return reference


# ---------------------------------------------------------------- the PetroIvaniuk dataset

def from_dataset(equipment: list[dict[str, Any]], personnel: list[dict[str, Any]] = (),
                 corrections: list[dict[str, Any]] = (), label: str = "PetroIvaniuk dataset",
                 meta: Mapping[str, Any] = {}) -> Reference:
    """The dataset's files as parsed JSON. Its correction file holds, per date, the part of a jump in a total
    that the report's own "(+N)" did not explain, so the printed increase is the change minus the correction."""
    totals: dict[str, dict[int, int]] = {}
    for row in [*equipment, *personnel]:
        day = _ordinal(row.get("date"), label)
        for key, value in row.items():
            category = DATASET_KEYS.get(key)
            if category and isinstance(value, int) and not isinstance(value, bool):
                totals.setdefault(category, {})[day] = value
    dailies: dict[str, dict[int, int | None]] = {}
    for row in corrections:
        day = _ordinal(row.get("date"), label)
        for key, value in row.items():
            category = DATASET_KEYS.get(key)
            if not category or not isinstance(value, int) or not value:
                continue
            now, before = totals.get(category, {}).get(day), totals.get(category, {}).get(day - 1)
            if now is not None and before is not None:
                printed = now - before - value
                dailies.setdefault(category, {})[day] = printed if printed >= 0 else None   # never printed negative
    return from_days(label, totals, dailies, meta)


def _ordinal(value: Any, where: str) -> int:
    try:
        return date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        raise CasualtyError(f"{where}: {value!r} is not a date like 2024-11-21") from None


def _dataset_folder(folder: Path) -> Reference:
    equipment, personnel, corrections = (folder / name for name in DATASET_FILES)
    if not equipment.exists() and not personnel.exists():
        raise CasualtyError(f"{folder}: no {DATASET_FILES[0]} or {DATASET_FILES[1]} in it")
    parts = [_read_json(p) if p.exists() else [] for p in (equipment, personnel, corrections)]
    return from_dataset(*parts, label=f"PetroIvaniuk dataset ({folder})", meta=_licence_meta(folder))


def _licence_meta(folder: Path) -> dict[str, Any]:
    licence = folder / "LICENSE"
    return {"source": "PetroIvaniuk/2022-Ukraine-Russia-War-Dataset", "licence": "MIT",
            "licence_text": licence.read_text("utf-8") if licence.exists() else None}


# ---------------------------------------------------------------- russianwarship.rip

def api_records(payload: Any) -> tuple[list[dict[str, Any]], str | None]:
    """The records of one API response and the next page's URL (None on the last page). Accepts a page
    ({"data": {"records": [...], "paginator": {...}}}), a single day ({"data": {"date", "stats", ...}}) or a
    bare list of records (a saved, merged copy)."""
    if isinstance(payload, list):
        return payload, None
    data = payload.get("data") if isinstance(payload, dict) else None
    if isinstance(data, dict) and isinstance(data.get("records"), list):
        paginator = data.get("paginator") or {}
        return data["records"], paginator.get("next_page_url") or None
    if isinstance(data, dict) and "stats" in data:
        return [data], None
    raise CasualtyError("not a russianwarship.rip statistics response (no data.records)")


def from_api(records: Iterable[dict[str, Any]], label: str = "russianwarship.rip API",
             meta: Mapping[str, Any] = {}) -> Reference:
    totals: dict[str, dict[int, int]] = {}
    dailies: dict[str, dict[int, int | None]] = {}
    for record in records:
        day = _ordinal(record.get("date"), label)
        for part, target in (("stats", totals), ("increase", dailies)):
            for key, value in (record.get(part) or {}).items():
                category = API_KEYS.get(key)
                if category and isinstance(value, int) and not isinstance(value, bool):
                    target.setdefault(category, {})[day] = value
    return from_days(label, totals, dailies, meta)


# ---------------------------------------------------------------- CSV and timeline output

def from_rows(rows: Iterable[Mapping[str, Any]], label: str) -> Reference:
    """Rows with date, category, total, and optionally the printed daily (`reported_daily` in a timeline output,
    else `daily`). A timeline's own `daily` column is recomputed from the totals, so reported_daily wins."""
    totals: dict[str, dict[int, int]] = {}
    dailies: dict[str, dict[int, int | None]] = {}
    for number, row in enumerate(rows, 1):
        category = str(row.get("category") or "").strip()
        if category not in CATEGORIES:
            raise CasualtyError(f"{label}: row {number}: unknown category {category!r} "
                                f"(use {', '.join(CATEGORIES[:3])}, ...)")
        day = _ordinal(row.get("date"), f"{label}: row {number}")
        total = _integer(row.get("total"), f"{label}: row {number}")
        if total is None:
            continue
        totals.setdefault(category, {})[day] = total
        printed = row.get("reported_daily") if "reported_daily" in row else row.get("daily")
        printed = _integer(printed, f"{label}: row {number}")
        if printed is not None:
            dailies.setdefault(category, {})[day] = printed
    return from_days(label, totals, dailies)


def _integer(value: Any, where: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    try:
        return int(str(value).replace(",", "").strip())
    except ValueError:
        raise CasualtyError(f"{where}: {value!r} is not a whole number") from None


# ---------------------------------------------------------------- reading any of them

def load_reference(path: str | os.PathLike) -> Reference:
    """A reference from a file or folder in any of the shapes above (told apart by content, not by name)."""
    path = Path(path)
    if path.is_dir():
        return _dataset_folder(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CasualtyError(f"{path}: cannot read the reference: {exc.strerror or exc}") from None
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise CasualtyError(f"{path}: damaged gzip file ({exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CasualtyError(f"{path}: not a UTF-8 text file") from None
    if text.lstrip()[:1] in ("{", "["):
        try:
            payload = json.loads(text)
        except ValueError as exc:
            raise CasualtyError(f"{path}: invalid JSON ({exc})") from None
        return _from_payload(payload, path)
    import csv
    import io

    return from_rows(csv.DictReader(io.StringIO(text)), str(path))


def _from_payload(payload: Any, path: Path) -> Reference:
    if isinstance(payload, dict) and payload.get("format") == FORMAT:
        return Reference.from_json(payload)
    if isinstance(payload, dict) and "data" in payload:
        return from_api(api_records(payload)[0], label=f"russianwarship.rip API ({path})")
    if isinstance(payload, list) and payload and all(isinstance(r, dict) for r in payload):
        first = payload[0]
        if "stats" in first:
            return from_api(payload, label=f"russianwarship.rip API ({path})")
        if "category" in first and "total" in first:
            return from_rows(payload, str(path))
        if "date" in first and any(k in DATASET_KEYS for k in first):
            return _dataset_file(payload, path)
    raise CasualtyError(f"{path}: not a reference series (the PetroIvaniuk dataset, a russianwarship.rip "
                        "response, a timeline output, or a CSV of date,category,total)")


def _dataset_file(rows: list[dict[str, Any]], path: Path) -> Reference:
    """One of the dataset's files: its siblings (personnel beside equipment, corrections) are read too."""
    siblings = {name: path.parent / name for name in DATASET_FILES}
    parts = []
    for name, sibling in siblings.items():
        if sibling.resolve() == path.resolve():
            parts.append(rows)
        else:
            parts.append(_read_json(sibling) if sibling.exists() else [])
    return from_dataset(*parts, label=f"PetroIvaniuk dataset ({path})", meta=_licence_meta(path.parent))


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise CasualtyError(f"{path}: cannot read the dataset file ({exc})") from None


# ---------------------------------------------------------------- the default: user copy or embedded snapshot

def data_dir() -> Path:
    """Where `reference update` keeps its copy: $XDG_DATA_HOME/casualty (XDG base directory spec)."""
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "casualty"
    base = os.environ.get("XDG_DATA_HOME") or ""
    if not os.path.isabs(base):   # the spec: a relative value is invalid and must be ignored
        base = os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "casualty"


def user_copy() -> Path:
    return data_dir() / FILE_NAME


def embedded() -> Reference:
    from importlib import resources

    raw = resources.files("casualty_cli.data").joinpath(FILE_NAME).read_bytes()
    return Reference.from_json(json.loads(gzip.decompress(raw)))


def default_reference() -> Reference:
    """The user's updated copy when it reaches further than the embedded snapshot, else the snapshot. A copy
    that cannot be read is passed over with a warning: the snapshot always works offline."""
    shipped = embedded()
    path = user_copy()
    if not path.exists():
        return shipped
    try:
        mine = load_reference(path)
    except CasualtyError as exc:
        print(f"casualty: warning: {exc}; using the embedded snapshot", file=sys.stderr)
        return shipped
    return mine if mine.last >= shipped.last else shipped


def resolve(spec: str | None) -> Reference:
    """--reference: a path, or nothing / 'default' for the default."""
    if not spec or spec == "default":
        return default_reference()
    return load_reference(spec)


# ---------------------------------------------------------------- reference update

def fetch_reference(source: str, url: str | None = None, timeout: float = 20.0,
                    max_bytes: int = 64 * 1024 * 1024) -> Reference:
    """The newest public series from the PetroIvaniuk dataset (raw files on GitHub) or russianwarship.rip."""
    from urllib.parse import urljoin

    base = url or SOURCES[source]
    today = date.today().isoformat()
    if source == "petroivaniuk":
        base = base if base.endswith("/") else base + "/"
        equipment = _fetch_json(urljoin(base, DATASET_FILES[0]), timeout, max_bytes)
        personnel = _fetch_json(urljoin(base, DATASET_FILES[1]), timeout, max_bytes)
        try:
            corrections = _fetch_json(urljoin(base, DATASET_FILES[2]), timeout, max_bytes)
        except CasualtyError:
            corrections = []   # optional: without it, a corrected day's daily is the change of its totals
        for name, part in zip(DATASET_FILES, (equipment, personnel, corrections)):
            if not isinstance(part, list):
                raise CasualtyError(f"{urljoin(base, name)}: not the dataset's JSON (an array of days)")
        meta = {"source": "PetroIvaniuk/2022-Ukraine-Russia-War-Dataset", "url": base, "licence": "MIT",
                "fetched": today}
        reference = from_dataset(equipment, personnel, corrections, label="PetroIvaniuk dataset", meta=meta)
    else:
        records: list[dict[str, Any]] = []
        page: str | None = base if "?" in base else base + "?offset=0&limit=1000"
        seen = set()
        while page and page not in seen and len(seen) < 1000:
            seen.add(page)
            batch, following = api_records(_fetch_json(page, timeout, max_bytes))
            records.extend(batch)
            page = urljoin(page, following) if following else None
        meta = {"source": "russianwarship.rip", "url": base, "fetched": today}
        reference = from_api(records, label="russianwarship.rip API", meta=meta)
    reference.meta.setdefault("snapshot", reference.last.isoformat())
    return reference


def _fetch_json(url: str, timeout: float, max_bytes: int) -> Any:
    import urllib.error
    import urllib.request
    from urllib.parse import urlsplit

    from . import __version__

    if urlsplit(url).scheme not in ("http", "https"):
        raise CasualtyError(f"{url}: only http and https URLs are fetched")
    request = urllib.request.Request(url, headers={"User-Agent": f"casualty/{__version__}",
                                                   "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:   # certificates are checked
            body = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        raise CasualtyError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise CasualtyError(f"{url}: cannot fetch ({reason})") from None
    if len(body) > max_bytes:
        raise CasualtyError(f"{url}: larger than {max_bytes} bytes")
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise CasualtyError(f"{url}: the response is not JSON") from None


def save_user_copy(reference: Reference, path: Path | None = None) -> Path:
    """Write the copy atomically: a failure anywhere leaves the previous copy as it was."""
    import tempfile

    path = path or user_copy()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".casualty-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(reference.to_bytes())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def update(source: str, url: str | None = None, timeout: float = 20.0) -> tuple[Reference, Path, date | None]:
    """Fetch, check, then replace the user's copy. Returns the new reference, where it went, and the last date of
    what it replaced. A fetch that fails, parses to nothing, or ends before the copy in use raises, and the
    copy in use stays."""
    new = fetch_reference(source, url, timeout)
    before = default_reference()
    if new.last < before.last:
        raise CasualtyError(f"the fetched series ends on {new.last}, before the one in use ({before.describe()}): "
                            "kept the one in use")
    if "personnel" not in new.totals or new.first > before.first + timedelta(days=31):
        # A mirror that serves only recent pages would hide the war's history behind a newer end date.
        raise CasualtyError(f"the fetched series is incomplete ({new.describe()}; the one in use: "
                            f"{before.describe()}): kept the one in use")
    path = save_user_copy(new)
    return new, path, before.last

