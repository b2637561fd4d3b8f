import csv
import importlib.util
import io
import json

from click.testing import CliRunner

from casualty_cli.cli import cli
from casualty_cli.store import SqliteStore
from casualty_cli.timeline import build_timeline, official_matcher
from casualty_cli.writers import CsvWriter, JsonlWriter

OFFICIAL = "https://www.mil.gov.ua/en/news/2023/05/27/x/"


def rec(source, as_of, totals, daily=None):
    return {"source": source, "published": as_of, "as_of": as_of, "totals": totals, "daily": daily or {},
            "previous": {}}


RECORDS = [
    rec("news-a/1", "2023-05-26", {"tanks": 3797, "personnel": 200000}, {"tanks": 3}),
    rec(OFFICIAL.replace("27", "26"), "2023-05-26", {"tanks": 3797}, {"tanks": 3}),
    rec("news-a/2", "2023-05-27", {"tanks": 3799}, {"tanks": 2}),
    rec(OFFICIAL, "2023-05-27", {"tanks": 3799}, {"tanks": 2}),
    rec("news-b/2", "2023-05-27", {"tanks": 3800}),                    # a slip: outvoted
    rec("news-a/3", "2023-05-28", {"tanks": 3797}, {"tanks": 1}),      # a correction: down by 2
    rec("news-a/5", "2023-05-30", {"tanks": 3801}, {"tanks": 2}),      # 05-29 missing
    rec("news-c/5", "2023-05-30", {"tanks": 3802}),                    # a tie, no official: the larger
    {"source": "broken", "error": "no such file"},
    rec("undated", None, {"tanks": 1}),
    rec("news-a/1", "2023-05-26", {"tanks": 1}),                       # the same source again: ignored
]


def test_consensus_flags_and_daily():
    result = build_timeline(RECORDS)
    rows = {(r.date.isoformat(), r.category): r for r in result.rows}
    assert [(r.date.isoformat(), r.category) for r in result.rows][:2] == [("2023-05-26", "personnel"),
                                                                          ("2023-05-26", "tanks")]
    first = rows[("2023-05-26", "tanks")]
    assert (first.total, first.daily, first.reported_daily, first.sources, first.flags) == (3797, None, 3, 2, [])
    second = rows[("2023-05-27", "tanks")]
    assert (second.total, second.daily, second.sources, second.flags) == (3799, 2, 3, ["conflict"])
    third = rows[("2023-05-28", "tanks")]
    assert (third.total, third.daily, third.reported_daily) == (3797, -2, 1)
    assert third.flags == ["decrease", "daily_mismatch"]
    fifth = rows[("2023-05-30", "tanks")]
    assert fifth.total == 3802 and fifth.flags == ["conflict", "gap"]
    assert result.undated == 1 and result.duplicates == 1


def test_official_wins_a_tie():
    records = [rec("news/1", "2024-01-01", {"mlrs": 10}), rec(OFFICIAL, "2024-01-01", {"mlrs": 9})]
    assert build_timeline(records).rows[0].total == 9
    assert build_timeline(records[:1] + [rec("news/2", "2024-01-01", {"mlrs": 9})]).rows[0].total == 10
    mine = official_matcher(["*/official/*"])
    assert build_timeline([rec("news/1", "2024-01-01", {"mlrs": 10}),
                           rec("x/official/1.txt", "2024-01-01", {"mlrs": 9})], is_official=mine).rows[0].total == 9


def test_category_selection():
    rows = build_timeline(RECORDS, categories=["personnel"]).rows
    assert [(r.category, r.total) for r in rows] == [("personnel", 200000)]


def write_outputs(tmp_path):
    results = [(r["source"], [r]) for r in RECORDS[:-1]]   # (a db keeps the last of a repeated source)
    for cls, name in ((JsonlWriter, "out.jsonl"), (CsvWriter, "out.csv")):
        writer = cls(str(tmp_path / name), resume=False)
        writer.write_chunk(results)
        writer.close()
    store = SqliteStore(str(tmp_path / "out.db"))
    store.write_chunk(results)
    store.close()


def test_timeline_cli_reads_every_batch_output_alike(tmp_path):
    write_outputs(tmp_path)
    outputs = []
    for name in ("out.jsonl", "out.csv", "out.db"):
        result = CliRunner().invoke(cli, ["timeline", str(tmp_path / name), "-f", "csv", "--category", "tanks"])
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    rows = list(csv.reader(io.StringIO(outputs[0])))
    assert rows[0] == ["date", "category", "total", "daily", "reported_daily", "sources", "flags", "change", "days"]
    assert rows[3] == ["2023-05-28", "tanks", "3797", "-2", "1", "1", "decrease;daily_mismatch", "-2", "1"]


def test_timeline_json_table_chart_and_svg(tmp_path):
    write_outputs(tmp_path)
    db = str(tmp_path / "out.db")
    result = CliRunner().invoke(cli, ["timeline", db, "-f", "json"])
    data = json.loads(result.stdout)
    assert data[1]["category"] == "tanks" and data[1]["values"] == {"3797": 2}
    result = CliRunner().invoke(cli, ["timeline", db])
    assert "2023-05-28" in result.stdout and "decrease" in result.stdout
    result = CliRunner().invoke(cli, ["timeline", db, "--chart", "--plot", str(tmp_path / "c.svg")])
    assert result.exit_code == 0
    assert result.stdout.startswith("personnel") and "tanks" in result.stdout and "decreases" in result.stdout
    svg = (tmp_path / "c.svg").read_text()
    assert svg.startswith("<svg") and "polyline" in svg and "decrease" in svg


def test_timeline_png_without_matplotlib_is_a_clear_error(tmp_path):
    write_outputs(tmp_path)
    has = importlib.util.find_spec("matplotlib") is not None
    result = CliRunner().invoke(cli, ["timeline", str(tmp_path / "out.db"), "--plot", str(tmp_path / "c.png")])
    if has:
        assert result.exit_code == 0 and (tmp_path / "c.png").stat().st_size > 1000
    else:
        assert result.exit_code == 1 and "matplotlib" in result.stderr
