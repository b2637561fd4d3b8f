#!/usr/bin/env python3
"""Build casualty_cli/data/priors.json from the PetroIvaniuk daily series (MIT, see ../shared/data/petroivaniuk).

The priors are the plausible magnitudes of each category over time: the cumulative total at the start of
each month and the largest daily change within it. The extractor uses them only to tell a cumulative
total from a day's losses when the text gives no cue, and to drop figures no report could contain.
"""
import json
import sys
from collections import defaultdict
from pathlib import Path

KEYS = {"personnel": "personnel", "tank": "tanks", "APC": "afv", "field artillery": "artillery", "MRL": "mlrs",
        "anti-aircraft warfare": "air_defense", "aircraft": "aircraft", "helicopter": "helicopters", "drone": "uav",
        "cruise missiles": "cruise_missiles", "naval ship": "ships", "submarines": "submarines",
        "vehicles and fuel tanks": "vehicles", "military auto": "vehicles", "fuel tank": "fuel_tanks",
        "special equipment": "special_equipment", "mobile SRBM system": "srbm", "ground robotic systems": "ground_robots"}


def main(data_dir: Path, out: Path) -> None:
    equipment = json.loads((data_dir / "russia_losses_equipment.json").read_text())
    personnel = {r["date"]: r["personnel"] for r in json.loads((data_dir / "russia_losses_personnel.json").read_text())}
    rows = []
    for record in equipment:
        row = {"date": record["date"], "personnel": personnel.get(record["date"])}
        for key, category in KEYS.items():
            if isinstance(record.get(key), (int, float)) and key != "personnel":
                row[category] = int(record[key])
        rows.append(row)
    months: dict[str, dict] = {}
    max_daily: dict[str, dict] = defaultdict(dict)
    previous = None
    for row in rows:
        month = row["date"][:7]
        months.setdefault(month, {k: v for k, v in row.items() if k != "date" and v is not None})
        if previous:
            for category, value in row.items():
                if category != "date" and value is not None and previous.get(category) is not None:
                    change = value - previous[category]
                    max_daily[month][category] = max(max_daily[month].get(category, 0), change)
        previous = row
    priors = {"source": "PetroIvaniuk/2022-Ukraine-Russia-War-Dataset (MIT)", "last": rows[-1],
              "months": [{"month": m, "totals": months[m], "max_daily": max_daily.get(m, {})} for m in sorted(months)]}
    out.write_text(json.dumps(priors, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    here = Path(__file__).resolve().parent.parent
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else here.parent / "shared" / "data" / "petroivaniuk"
    main(data, here / "casualty_cli" / "data" / "priors.json")
