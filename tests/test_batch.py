import json
import sqlite3

import pytest
from click.testing import CliRunner

from casualty_cli.batch import ArticleFields, expand_inputs
from casualty_cli.cli import cli


def make_tree(root):
    (root / "d" / "sub").mkdir(parents=True)
    for i in range(3):
        (root / "d" / f"a{i}.txt").write_text(f"tanks - {i}\n", encoding="utf-8")
        (root / "d" / "sub" / f"b{i}.txt").write_text(f"report {i}", encoding="utf-8")
    (root / "d" / "skip.pdf").write_text("not a report", encoding="utf-8")
    (root / "d" / "arts.jsonl").write_text(
        json.dumps({"text": "hello", "date": "2024-01-02", "url": "https://example.org/1"}) + "\n"
        + json.dumps({"text": "", "url": "https://example.org/2"}) + "\n"
        + "\n"
        + "not json\n", encoding="utf-8")
    return root / "d"


def run(args, **kw):
    return CliRunner().invoke(cli, ["batch", *args], **kw)


def jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_expansion_walks_directories_by_extension_in_order(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path)
    tasks = list(expand_inputs(["d"]))
    keys = [t[1] for t in tasks]
    assert keys == ["d/a0.txt", "d/a1.txt", "d/a2.txt", "https://example.org/1", "https://example.org/2",
                    "d/arts.jsonl#L4", "d/sub/b0.txt", "d/sub/b1.txt", "d/sub/b2.txt"]
    assert tasks[3] == ("article", "https://example.org/1", ("hello", "2024-01-02"))
    assert tasks[4][0] == "error" and tasks[5][0] == "error"


def test_expansion_globs_lists_and_fields(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path)
    (tmp_path / "list.txt").write_text("# a comment\nd/a2.txt\n\nhttps://example.org/x\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"body": "t", "day": "2023-05-01", "id": "A"}) + "\n")
    tasks = list(expand_inputs(["d/**/b*.txt", "nomatch*.txt", "b.jsonl"], ["list.txt"],
                               ArticleFields(text="body", date="day", source="id")))
    assert [t[1] for t in tasks] == ["d/sub/b0.txt", "d/sub/b1.txt", "d/sub/b2.txt", "nomatch*.txt", "A",
                                     "d/a2.txt", "https://example.org/x"]
    assert tasks[3] == ("error", "nomatch*.txt", "no file matches this pattern")
    assert tasks[4] == ("article", "A", ("t", "2023-05-01"))


def test_batch_jsonl_same_records_for_any_jobs_and_failures_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path)
    outputs = []
    for jobs in ("1", "2"):
        result = run(["d", "missing.txt", "-o", f"out{jobs}.jsonl", "-j", jobs, "--chunk-size", "2"])
        assert result.exit_code == 1, result.output
        assert "missing.txt: no such file" in result.stderr
        assert "10 inputs, 10 records, 3 failed" in result.stderr
        outputs.append(jsonl(tmp_path / f"out{jobs}.jsonl"))
    assert outputs[0] == outputs[1]
    records = outputs[0]
    assert [r["source"] for r in records][-1] == "missing.txt"
    assert records[-1] == {"source": "missing.txt", "error": "no such file"}
    assert records[3]["published"] == "2024-01-02"


def test_batch_to_stdout_and_quiet(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path)
    result = run(["d/a0.txt", "d/a1.txt", "-o", "-", "-q"])
    assert result.exit_code == 0
    assert [json.loads(l)["source"] for l in result.stdout.splitlines()] == ["d/a0.txt", "d/a1.txt"]
    assert result.stderr == ""


def test_batch_sqlite_tables_and_rerun_upserts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path)
    for _ in range(2):   # a re-run replaces, never duplicates
        result = run(["d", "-o", "out.db", "-j", "2", "-q"])
        assert result.exit_code == 1
    con = sqlite3.connect(tmp_path / "out.db")
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "figures", "claims", "directions", "errors"} <= tables
    assert con.execute("SELECT count(*), count(DISTINCT source) FROM documents").fetchone() == (7, 7)
    assert sorted(r[0] for r in con.execute("SELECT source FROM errors")) == ["d/arts.jsonl#L4",
                                                                              "https://example.org/2"]
    assert con.execute("SELECT published FROM documents WHERE source='https://example.org/1'").fetchone() == (
        "2024-01-02",)
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "figures_category" in indexes and "documents_as_of" in indexes


def test_sqlite_store_figures_claims_directions(tmp_path):
    from casualty_cli.store import SqliteStore, read_records

    record = {"source": "s1", "published": "2022-10-06", "as_of": "2022-10-06", "totals": {"tanks": 2449},
              "daily": {"tanks": 14}, "previous": {}, "directions": ["Kramatorsk", "Avdiivka"],
              "claims": [{"by": "Mediazona", "side": "russia", "what": "deaths", "value": 6756, "low": None,
                          "qualifier": "confirmed", "as_of": None}]}
    store = SqliteStore(str(tmp_path / "x.db"))
    store.write_chunk([("s1", [record]), ("s2", [{"source": "s2", "error": "boom"}])])
    store.write_chunk([("s1", [{**record, "totals": {"tanks": 2450}, "directions": []}])])
    store.close()
    con = sqlite3.connect(tmp_path / "x.db")
    assert con.execute("SELECT category, total, daily, previous FROM figures").fetchall() == [("tanks", 2450, 14, None)]
    assert con.execute("SELECT count(*) FROM directions").fetchone() == (0,)
    assert con.execute("SELECT by_whom, value FROM claims").fetchall() == [("Mediazona", 6756)]
    # a rewritten document keeps its place (re-running a batch leaves every row as it was)
    assert [r["source"] for r in read_records(str(tmp_path / "x.db"), errors=True)] == ["s1", "s2"]


def test_batch_csv_has_error_column_and_rows_for_every_input(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path)
    result = run(["d/a0.txt", "missing.txt", "-o", "out.csv", "-q"])
    assert result.exit_code == 1
    lines = (tmp_path / "out.csv").read_text().splitlines()
    assert lines == ["source,published,as_of,category,total,daily,previous,error", "d/a0.txt,,,tanks,,0,,",
                     "missing.txt,,,,,,,no such file"]


@pytest.mark.parametrize("suffix", ["jsonl", "csv", "db"])
def test_resume_skips_inputs_already_written(tmp_path, monkeypatch, suffix):
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path)
    assert run(["d/a0.txt", "d/a1.txt", "-o", f"out.{suffix}", "-q"]).exit_code == 0
    result = run(["d/a0.txt", "d/a1.txt", "d/a2.txt", "-o", f"out.{suffix}", "--resume"])
    assert result.exit_code == 0
    # CSV redoes the last source on resume (its rows may have been cut short)
    expected = "2 inputs, 2 records, 0 failed, 1 skipped" if suffix == "csv" else "1 input, 1 record, 0 failed, 2 skipped"
    assert expected in result.stderr
    if suffix == "jsonl":
        assert [r["source"] for r in jsonl(tmp_path / "out.jsonl")] == ["d/a0.txt", "d/a1.txt", "d/a2.txt"]


def test_resume_cuts_a_torn_jsonl_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path)
    assert run(["d/a0.txt", "d/a1.txt", "-o", "out.jsonl", "-q"]).exit_code == 0
    with open("out.jsonl", "a") as handle:
        handle.write('{"source": "d/a2.txt", "publ')
    assert run(["d/a0.txt", "d/a1.txt", "d/a2.txt", "-o", "out.jsonl", "--resume", "-q"]).exit_code == 0
    assert [r["source"] for r in jsonl(tmp_path / "out.jsonl")] == ["d/a0.txt", "d/a1.txt", "d/a2.txt"]


def test_resume_redoes_the_last_csv_source(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path)
    assert run(["d/a0.txt", "d/a1.txt", "-o", "out.csv", "-q"]).exit_code == 0
    with open("out.csv", "a") as handle:
        handle.write("d/a2.txt,2022-")
    assert run(["d/a0.txt", "d/a1.txt", "d/a2.txt", "-o", "out.csv", "--resume", "-q"]).exit_code == 0
    lines = (tmp_path / "out.csv").read_text().splitlines()
    assert [l.split(",")[0] for l in lines[1:]] == ["d/a0.txt", "d/a1.txt", "d/a2.txt"]


def test_usage_errors(tmp_path):
    assert run(["x.txt", "-o", "out.xml"]).exit_code == 2
    assert run(["-o", "out.jsonl"]).exit_code == 2
    assert run(["x.txt", "-o", "-", "--resume"]).exit_code == 2
    assert "--from-list -" in run(["-", "-o", "out.jsonl"]).stderr


def test_from_list_on_stdin(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path)
    result = run(["--from-list", "-", "-o", "-", "-q"], input="d/a1.txt\nd/a0.txt\n")
    assert result.exit_code == 0
    assert [json.loads(l)["source"] for l in result.stdout.splitlines()] == ["d/a1.txt", "d/a0.txt"]


@pytest.mark.parametrize("suffix", ["jsonl", "db"])
def test_a_warc_is_one_input_of_several_records_and_resumes_as_one(tmp_path, monkeypatch, suffix):
    pytest.importorskip("warcio")
    from test_sources_archives import MIXED, build_warc

    monkeypatch.chdir(tmp_path)
    (tmp_path / "crawl.warc.gz").write_bytes(build_warc(MIXED))
    (tmp_path / "a.txt").write_text("tanks ‒ 5", encoding="utf-8")
    assert run(["crawl.warc.gz", "-o", f"out.{suffix}", "-q"]).exit_code == 0
    result = run(["crawl.warc.gz", "a.txt", "-o", f"out.{suffix}", "--resume"])
    assert result.exit_code == 0 and "1 input, 1 record, 0 failed, 1 skipped" in result.stderr
    if suffix == "jsonl":
        records = jsonl(tmp_path / "out.jsonl")
        assert [r.get("input") for r in records] == ["crawl.warc.gz"] * 3 + [None]
    else:
        con = sqlite3.connect(tmp_path / "out.db")
        assert con.execute("SELECT input, count(*) FROM documents GROUP BY input ORDER BY 1").fetchall() == [
            ("a.txt", 1), ("crawl.warc.gz", 3)]
