"""Spreadsheet (CSV) injection: one neutralisation for every CSV writer, reversible by our own readers."""
import csv
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from casualty_cli.cli import cli
from casualty_cli.csvsafe import safe_cell, safe_row, unneutralise
from casualty_cli.timeline_io import _csv_records

PACKAGE = Path(__file__).resolve().parent.parent / "casualty_cli"
REPORT = "Russia has lost 61,330 (+330) personnel and 2,449 (+14) tanks, the General Staff said on 6 October 2022.\n"


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1+cmd", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"x\")", "'=1"])
def test_risky_text_gets_one_quote_and_comes_back(text):
    assert safe_cell(text) == "'" + text
    assert unneutralise(safe_cell(text)) == text


@pytest.mark.parametrize("value", [0, 61330, -14, 2.5, -0.5, "", "-", "Kramatorsk", "2022-10-06", "a=b", "1-2"])
def test_numbers_plain_text_and_a_lone_dash_are_unchanged(value):
    assert safe_cell(value) == value
    if isinstance(value, str):
        assert unneutralise(safe_cell(value)) == value


def test_none_is_an_empty_cell():
    assert safe_row([None, 1, "=x"]) == ["", 1, "'=x"]


def test_every_csv_writer_uses_the_shared_neutralisation():
    """No module writes CSV without importing csvsafe, and csvsafe is the only safe_cell."""
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if re.search(r"csv\.writer\(", source):
            assert "from .csvsafe import" in source, f"{path.name} writes CSV without csvsafe"
        if path.name != "csvsafe.py":
            assert "def safe_cell" not in source, f"{path.name} has its own safe_cell"


def write_sources(folder, names):
    folder.mkdir()
    for name in names:
        (folder / name).write_text(REPORT, encoding="utf-8")
    return [str(folder / name) for name in names]


def test_parse_csv_neutralises_sources_but_keeps_numbers(tmp_path, monkeypatch):
    write_sources(tmp_path / "in", ["@x.txt"])
    monkeypatch.chdir(tmp_path / "in")
    path = "@x.txt"
    result = CliRunner().invoke(cli, ["parse", "-f", "csv", path])
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert result.exit_code == 0
    assert all(row[0] == "'" + path for row in rows[1:])
    assert ["personnel", "61330", "330"] == rows[1][3:6]


def test_stdin_source_stays_a_dash():
    result = CliRunner().invoke(cli, ["parse", "-f", "csv", "-"], input=REPORT)
    assert [row[0] for row in csv.reader(io.StringIO(result.stdout))][1:] == ["-", "-"]


def test_batch_csv_neutralises_and_resume_reads_the_names_back(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_sources(tmp_path / "in", ["=a.txt", "+b.txt", "-c.txt", "@d.txt", "'e.txt", "f.txt"])
    args = ["batch", "in", "-o", "out.csv", "-j", "1", "-q"]
    assert CliRunner().invoke(cli, args).exit_code == 0
    first = (tmp_path / "out.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(first)))[1:]
    assert {row[0] for row in rows} == {"in/=a.txt", "in/+b.txt", "in/-c.txt", "in/@d.txt", "in/'e.txt", "in/f.txt"}
    # the names start with "in/": only a risky first character counts; now sources that start with one
    monkeypatch.chdir(tmp_path / "in")
    names = ["=a.txt", "+b.txt", "-c.txt", "@d.txt", "'e.txt", "f.txt"]
    args = ["batch", "-o", "../top.csv", "-j", "1", "-q", "--", *names]
    assert CliRunner().invoke(cli, args).exit_code == 0
    written = (tmp_path / "top.csv").read_text(encoding="utf-8")
    cells = {row[0] for row in list(csv.reader(io.StringIO(written)))[1:]}
    assert cells == {"'=a.txt", "'+b.txt", "'-c.txt", "'@d.txt", "''e.txt", "f.txt"}
    assert {row[4] for row in list(csv.reader(io.StringIO(written)))[1:]} == {"61330", "2449"}
    result = CliRunner().invoke(cli, ["batch", "--resume", *args[1:]])
    assert result.exit_code == 0
    resumed = (tmp_path / "top.csv").read_text(encoding="utf-8")
    # the last source's rows are redone on resume; every other input is skipped, none is duplicated
    assert sorted(resumed.splitlines()) == sorted(written.splitlines())
    # and timeline reads the original names back
    assert [r["source"] for r in _csv_records(str(tmp_path / "top.csv"))] == names


def test_timeline_csv_goes_through_the_same_cells(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_sources(tmp_path / "in", ["=a.txt"])
    assert CliRunner().invoke(cli, ["batch", "in", "-o", "out.jsonl", "-q", "-j", "1"]).exit_code == 0
    result = CliRunner().invoke(cli, ["timeline", "out.jsonl", "-f", "csv"])
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:3] == ["date", "category", "total"]
    assert ["2022-10-06", "personnel", "61330"] == rows[1][:3]
