"""Generate loss reports from the PetroIvaniuk daily dataset (../shared/data/petroivaniuk), for benches and tests.

Two styles, both written here from the dataset's numbers (no text is copied from any corpus):
  official  the General Staff's English list in the wording of its period (heading, labels, "(+N)" from
            2022-04-26, bilingual UA/EN lines from 2024-01-26), the printed "(+N)" taken from the dataset
            and its correction file (printed = change of the total - correction, as the dataset's README says);
  news      English agency prose ("Russia has lost N troops since ... reported on Sept. 14 ...").

Independent of casualty_cli on purpose: it produces inputs, the tool under test reads them.

    python bench/generate.py OUT_DIR -n 20000              # .txt files (official/ and news/ sub-folders)
    python bench/generate.py OUT_DIR -n 2000 --html        # saved web pages (.html) around the same reports
    python bench/generate.py OUT.jsonl -n 20000            # one JSONL file of articles (text, date, url)
    python bench/generate.py OUT.jsonl --from 2022-05-01 --to 2026-08-08  # without -n: every day, both styles

The dataset is read from ../shared/data/petroivaniuk beside the project, or from --data DIR (a folder
with russia_losses_equipment.json, russia_losses_personnel.json and russia_losses_equipment_correction.json,
as in https://github.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset/tree/main/data/json).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any, Iterator

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "petroivaniuk"
if not DATA.exists():   # a clone of the project with shared/ beside it
    DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "petroivaniuk"

# dataset key -> casualty category
KEYS = {
    "personnel": "personnel", "tank": "tanks", "APC": "afv", "field artillery": "artillery", "MRL": "mlrs",
    "anti-aircraft warfare": "air_defense", "aircraft": "aircraft", "helicopter": "helicopters", "drone": "uav",
    "cruise missiles": "cruise_missiles", "naval ship": "ships", "submarines": "submarines",
    "military auto": "vehicles", "vehicles and fuel tanks": "vehicles", "fuel tank": "fuel_tanks",
    "special equipment": "special_equipment", "mobile SRBM system": "srbm", "ground robotic systems": "ground_robots",
}
ORDER = ("personnel", "tanks", "afv", "artillery", "mlrs", "air_defense", "aircraft", "helicopters", "uav",
         "srbm", "cruise_missiles", "ships", "submarines", "vehicles", "fuel_tanks", "special_equipment",
         "ground_robots")


DATA_FILES = ("russia_losses_equipment.json", "russia_losses_personnel.json", "russia_losses_equipment_correction.json")


def check_data(data_dir: Path | str) -> Path:
    """The dataset folder, or exit with one line saying what is missing and how to point at it."""
    data_dir = Path(data_dir)
    missing = [name for name in DATA_FILES if not (data_dir / name).is_file()]
    if missing:
        raise SystemExit(f"{Path(sys.argv[0]).name}: the PetroIvaniuk dataset is not at {data_dir} (missing "
                         f"{', '.join(missing)}); give its folder with --data DIR")
    return data_dir


def load_days(data_dir: Path | str = DATA) -> list[dict[str, Any]]:
    """One dict a day: date, totals by category, the personnel qualifier and the printed daily increments."""
    data_dir = Path(data_dir)
    equipment = json.loads((data_dir / "russia_losses_equipment.json").read_text(encoding="utf-8"))
    personnel = {r["date"]: r for r in json.loads((data_dir / "russia_losses_personnel.json").read_text("utf-8"))}
    corrections = {r["date"]: r for r in
                   json.loads((data_dir / "russia_losses_equipment_correction.json").read_text("utf-8"))}
    days, previous = [], {}
    for row in equipment:
        day = date.fromisoformat(row["date"])
        totals = {KEYS[k]: v for k, v in row.items() if k in KEYS and isinstance(v, int)}
        person = personnel.get(row["date"], {})
        if isinstance(person.get("personnel"), int):
            totals["personnel"] = person["personnel"]
        correction = corrections.get(row["date"], {})
        daily = {}
        for category, value in totals.items():
            if category in previous:
                key = next((k for k, c in KEYS.items() if c == category and k in correction), None)
                printed = value - previous[category] - (correction.get(key, 0) if key else 0)
                daily[category] = max(0, printed)
        days.append({"date": day, "totals": totals, "daily": daily,
                     "qualifier": person.get("personnel*", "about"),
                     "directions": row.get("greatest losses direction")})
        previous = totals
    return days


# ---------------------------------------------------------------- the official list

EN_LABELS = {
    "tanks": "tanks", "afv": "APV", "artillery": "artillery systems", "mlrs": "MLRS",
    "air_defense": "Anti-aircraft warfare systems", "aircraft": "aircraft", "helicopters": "helicopters",
    "uav": "UAV operational-tactical level", "srbm": "mobile SRBM system", "cruise_missiles": "cruise missiles",
    "submarines": "submarines", "vehicles": "vehicles and fuel tanks", "fuel_tanks": "fuel tanks",
    "special_equipment": "special equipment", "ground_robots": "ground robotic systems",
}
UA_LABELS = {
    "tanks": "танків", "afv": "бойових броньованих машин", "artillery": "артилерійських систем", "mlrs": "РСЗВ",
    "air_defense": "засоби ППО", "aircraft": "літаків", "helicopters": "гелікоптерів",
    "uav": "БПЛА оперативно-тактичного рівня", "cruise_missiles": "крилаті ракети", "ships": "кораблі /катери",
    "submarines": "підводні човни", "vehicles": "автомобільної техніки та автоцистерн",
    "special_equipment": "спеціальна техніка", "ground_robots": "наземні робототехнічні комплекси",
}
OFFICIAL_ORDER = ("tanks", "afv", "artillery", "mlrs", "air_defense", "aircraft", "helicopters", "uav", "srbm",
                  "cruise_missiles", "ships", "submarines", "vehicles", "fuel_tanks", "special_equipment",
                  "ground_robots")


def _en_label(category: str, day: date) -> str:
    if category == "ships":
        return "boats / cutters" if day <= date(2022, 5, 10) else "warships / boats"
    if category == "vehicles" and day <= date(2022, 4, 30):
        return "vehicles"
    return EN_LABELS[category]


def official_text(day: dict[str, Any]) -> str:
    when: date = day["date"]
    totals, daily = day["totals"], day["daily"]
    increments = when >= date(2022, 4, 26)
    bilingual = when >= date(2024, 1, 26)
    if when < date(2023, 1, 1):
        period = f"from 24.02 to {when:%d.%m}"
    else:
        period = f"from 24.02.22 to {when:%d.%m.%y}"
    if bilingual:
        lines = [f"Загальні бойові втрати противника з 24.02.22 по {when:%d.%m.%y} орієнтовно склали / "
                 f"The total combat losses of the enemy {period} were approximately:"]
    else:
        lines = [f"The total combat losses of the enemy {period} were approximately:"]

    def plus(category: str) -> str:
        return f" (+{daily[category]})" if increments and category in daily else ""

    dash = "‒" if when.toordinal() % 3 else "–"
    if "personnel" in totals:
        qualifier = "more than" if day["qualifier"] == "more" else "about"
        n, inc = totals["personnel"], plus("personnel")
        if bilingual:
            lines.append(f"особового складу / personnel {dash} близько/ {qualifier} {n}{inc} осіб / persons,")
        elif when >= date(2023, 8, 24):
            lines.append(f"personnel {dash} {qualifier} {n}{inc} persons,")
        else:
            lines.append(f"personnel {dash} {qualifier} {n}{inc} persons were liquidated,")
    present = [c for c in OFFICIAL_ORDER if c in totals]
    for index, category in enumerate(present):
        label = _en_label(category, when)
        if bilingual and category in UA_LABELS:
            label = f"{UA_LABELS[category]} / {label}"
        end = "." if index == len(present) - 1 else ","
        sep = dash if index % 2 else "‒"
        lines.append(f"{label} {sep} {totals[category]}{plus(category)}{end}")
    lines.append("Data are being updated.")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- news prose

MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
NEWS_WORDS = {
    "tanks": "tanks", "afv": "armored fighting vehicles", "vehicles": "vehicles and fuel tanks",
    "fuel_tanks": "fuel tanks", "artillery": "artillery systems", "mlrs": "multiple launch rocket systems",
    "air_defense": "air defense systems", "aircraft": "airplanes", "helicopters": "helicopters", "uav": "drones",
    "srbm": "mobile SRBM systems", "cruise_missiles": "cruise missiles", "ships": "ships and boats",
    "submarines": "submarines", "special_equipment": "special equipment units",
    "ground_robots": "ground robotic systems",
}
NEWS_ORDER = ("tanks", "afv", "vehicles", "fuel_tanks", "artillery", "mlrs", "air_defense", "aircraft",
              "helicopters", "uav", "srbm", "cruise_missiles", "ships", "submarines", "special_equipment",
              "ground_robots")
SMALL = {1: "one", 2: "two", 3: "three"}


def _count(category: str, value: int) -> str:
    if category == "submarines" and value in SMALL:
        noun = "submarine" if value == 1 else "submarines"
        return f"{SMALL[value]} {noun}"
    return f"{value:,} {NEWS_WORDS[category]}"


def news_text(day: dict[str, Any]) -> str:
    when: date = day["date"]
    totals, daily = day["totals"], day["daily"]
    parts = []
    if "personnel" in totals:
        parts.append(f"Russia has lost {totals['personnel']:,} troops since the beginning of its full-scale invasion "
                     f"on Feb. 24, 2022, the General Staff of Ukraine's Armed Forces reported on "
                     f"{MONTHS[when.month - 1]} {when.day}.")
        if "personnel" in daily:
            parts.append(f"This number includes {daily['personnel']:,} casualties Russian forces suffered over the "
                         f"past day.")
    items = [_count(c, totals[c]) for c in NEWS_ORDER if c in totals]
    if items:
        listed = ", ".join(items[:-1]) + (", and " if len(items) > 1 else "") + items[-1]
        parts.append(f"According to the report, Russia has also lost {listed}.")
    return "\n\n".join(parts) + "\n"


# ---------------------------------------------------------------- saved web pages

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | The Example Ledger</title>
<meta name="description" content="{title}">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{day}T09:30:00+02:00">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="/static/site.css"><script src="/static/site.js" defer></script>
</head><body>
<header><a class="logo" href="/">The Example Ledger</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/economy">Economy</a></li><li><a href="/war">War</a></li>
<li><a href="/opinion">Opinion</a></li><li><a href="/sport">Sport</a></li><li><a href="/live">Live: day {n}</a></li>
</ul></nav><div class="ticker">EUR/UAH 41.2 · USD/UAH 39.8 · Brent 81.4</div></header>
<main><article><h1>{title}</h1><p class="byline">By the newsroom · {day}</p>
{body}
<p>The figures cannot be independently verified.</p></article>
<aside><h2>Most read</h2><ol><li><a href="/a1">Power cuts scheduled in 12 regions</a></li>
<li><a href="/a2">Grain exports rose 4% in the quarter</a></li><li><a href="/a3">Five things to know today</a></li>
<li><a href="/a4">Drone maker opens a second plant</a></li><li><a href="/a5">Weather: 25 degrees by Friday</a></li></ol>
</aside></main>
<footer><p>© 2022-2026 The Example Ledger · <a href="/about">About</a> · <a href="/privacy">Privacy</a>
· <a href="/subscribe">Subscribe</a></p></footer>
</body></html>
"""


def page_html(report: dict[str, Any]) -> str:
    """A small saved news page around a report: navigation, ticker, most-read box and footer around it."""
    from html import escape

    when = date.fromisoformat(report["date"])
    if report["style"] == "official":
        lines = report["text"].splitlines()
        body = (f"<p>{escape(lines[0])}</p>\n<ul>"
                + "".join(f"<li>{escape(line)}</li>" for line in lines[1:-1]) + f"</ul>\n<p>{escape(lines[-1])}</p>")
        title = f"Russian losses as of {when:%d %B %Y}"
    else:
        body = "\n".join(f"<p>{escape(p)}</p>" for p in report["text"].split("\n\n") if p.strip())
        title = f"Russia's losses in Ukraine: the General Staff's figures for {when:%d %B}"
    return PAGE.format(title=escape(title), day=report["date"], url=escape(report["url"]),
                       n=(when - date(2022, 2, 24)).days + 1, body=body)


# ---------------------------------------------------------------- corpora

def official_url(when: date) -> str:
    return (f"https://www.mil.gov.ua/en/news/{when:%Y/%m/%d}/"
            f"the-total-combat-losses-of-the-enemy-from-24-02-to-{when:%d-%m}/")


def reports(days: list[dict[str, Any]], n: int | None = None) -> Iterator[dict[str, Any]]:
    """`n` reports (all days, both styles, when n is None): official list and news prose in turn,
    further copies attributed to further (made-up) outlets, so every report has its own source."""
    total = n if n is not None else 2 * len(days)
    for i in range(total):
        day = days[i % len(days)]
        copy = i // len(days)
        when = day["date"]
        if copy % 2 == 0:
            style, url = "official", official_url(when) + (f"?copy={copy // 2}" if copy else "")
            text = official_text(day)
        else:
            style, url = "news", f"https://news{copy // 2}.example/{when:%Y/%m/%d}/russian-losses"
            text = news_text(day)
        yield {"url": url, "date": when.isoformat(), "style": style, "text": text}


def write(out: str, n: int | None, start: str | None = None, end: str | None = None,
          data_dir: Path | str = DATA, html: bool = False) -> int:
    days = load_days(data_dir)
    if start:
        days = [d for d in days if d["date"] >= date.fromisoformat(start)]
    if end:
        days = [d for d in days if d["date"] <= date.fromisoformat(end)]
    count = 0
    if out.endswith(".jsonl"):
        with open(out, "w", encoding="utf-8") as handle:
            for report in reports(days, n):
                handle.write(json.dumps(report, ensure_ascii=False) + "\n")
                count += 1
        return count
    for i, report in enumerate(reports(days, n)):
        folder = os.path.join(out, report["style"], report["date"][:7])
        os.makedirs(folder, exist_ok=True)
        name = f"{i:07d}-{report['date']}" + (".html" if html else ".txt")
        with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
            handle.write(page_html(report) if html else report["text"])
        count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", help="a directory (one .txt a report) or FILE.jsonl (articles)")
    parser.add_argument("-n", type=int, default=None, help="number of reports [default: every day, both styles]")
    parser.add_argument("--from", dest="start", help="first date (YYYY-MM-DD)")
    parser.add_argument("--to", dest="end", help="last date (YYYY-MM-DD)")
    parser.add_argument("--data", default=str(DATA), help="the petroivaniuk data folder")
    parser.add_argument("--html", action="store_true", help="write saved web pages (.html) instead of .txt files")
    args = parser.parse_args()
    print(write(args.out, args.n, args.start, args.end, check_data(args.data), html=args.html), "reports")


if __name__ == "__main__":
    main()
