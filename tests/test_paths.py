"""Issue 14, the paths users walk: many documents in one stream, file modes, closed pipes, honest output,
usage errors, docs and benches. Each test here failed before the fix it names."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from casualty_cli.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
OFFICIAL = SAMPLES / "official-list-2022-10-06.txt"
NEWS = SAMPLES / "news-prose-2024-09-14.txt"
CASUALTY = [sys.executable, "-m", "casualty_cli"]


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def records(result):
    return [json.loads(line) for line in result.stdout.splitlines()]


# ---------------------------------------------------------------- 1. many documents in one stream

def _articles(**fields):
    """Two articles as JSON Lines, under the given field names (text, date, url by default)."""
    text, date, source = fields.get("text", "text"), fields.get("date", "date"), fields.get("source", "url")
    return "".join(json.dumps({source: name, date: day, text: path.read_text("utf-8")}) + "\n"
                   for name, day, path in (("first", "2022-10-06", OFFICIAL), ("second", "2024-09-14", NEWS)))


def test_a_jsonl_file_is_a_record_per_line(tmp_path):
    path = tmp_path / "two.jsonl"
    path.write_text(_articles() + "\n" + json.dumps({"url": "third"}) + "\n", encoding="utf-8")
    result = run("parse", "-f", "jsonl", str(path))
    got = records(result)
    assert [r["source"] for r in got] == ["first", "second"]
    assert [r["published"] for r in got] == ["2022-10-06", "2024-09-14"]
    assert got[0]["totals"]["tanks"] == 2449 and got[1]["totals"]["personnel"] == 632630
    assert "third: no text in field 'text'" in result.stderr and result.exit_code == 1


def test_json_lines_on_stdin_with_batch_field_options():
    stream = _articles(text="body", date="day", source="id")
    result = run("parse", "-f", "jsonl", "--text-field", "body", "--date-field", "day", "--source-field", "id",
                 input=stream)
    assert result.exit_code == 0, result.stderr
    assert [(r["source"], r["as_of"]) for r in records(result)] == [("first", "2022-10-06"),
                                                                    ("second", "2024-09-14")]


def test_stdin_texts_split_on_form_feeds_and_never_mix():
    stream = OFFICIAL.read_text("utf-8") + "\f" + NEWS.read_text("utf-8") + "\f\n"
    got = records(run("parse", "-f", "jsonl", input=stream))
    assert [(r["source"], r["as_of"]) for r in got] == [("-#1", "2022-10-06"), ("-#2", "2024-09-14")]
    alone = [json.loads(run("parse", "-f", "json", str(p)).stdout) for p in (OFFICIAL, NEWS)]
    assert [r["totals"] for r in got] == [r["totals"] for r in alone]


def test_plain_stdin_is_one_document_and_the_readme_says_how_to_send_several():
    got = records(run("parse", "-f", "jsonl", input=OFFICIAL.read_text("utf-8")))
    assert [r["source"] for r in got] == ["-"]
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "cat a.txt b.txt | casualty parse -f jsonl" not in readme
    assert "form feed" in readme


# ---------------------------------------------------------------- 3. a closed pipe ends quietly, whatever the format

def _closed_pipe_run(args):
    """Run casualty with its standard output a pipe whose reader has already gone (`... | head -0`)."""
    read, write = os.pipe()
    os.close(read)
    try:
        proc = subprocess.run(CASUALTY + args, stdout=write, stderr=subprocess.PIPE, timeout=120)
    finally:
        os.close(write)
    return proc.returncode, proc.stderr.decode()


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_parse_on_a_closed_pipe_exits_0_quietly(fmt):
    assert _closed_pipe_run(["parse", "-f", fmt, str(OFFICIAL), str(NEWS)]) == (0, "")


@pytest.mark.parametrize("args", [["-f", "table"], ["-f", "csv"], ["--chart"]])
def test_timeline_on_a_closed_pipe_exits_0_quietly(args):
    assert _closed_pipe_run(["timeline", "-j", "1", str(OFFICIAL), str(NEWS), *args]) == (0, "")


# ---------------------------------------------------------------- 5. an unknown language is a usage error

@pytest.mark.parametrize("command", [["parse", str(OFFICIAL)], ["batch", str(OFFICIAL), "-o", "-"],
                                     ["timeline", str(OFFICIAL)]])
def test_unknown_language_is_a_usage_error_listing_the_codes(command):
    from casualty_cli.extract import available_languages

    result = run(*command, "--language", "xx")
    assert result.exit_code == 2
    assert "'xx' is not a supported language" in result.stderr
    assert ", ".join(available_languages()) in result.stderr
    assert not result.stdout


def test_a_known_language_in_capitals_is_accepted():
    record = json.loads(run("parse", "-f", "json", "--language", "EN", str(OFFICIAL)).stdout)
    assert record["language"] == "en"


# ---------------------------------------------------------------- 2. files written with -o respect the umask

@pytest.fixture
def umask():
    """Set the process umask for one test (CliRunner runs the command in this process)."""
    saved = os.umask(0o022)

    def set_to(mask):
        os.umask(mask)

    yield set_to
    os.umask(saved)


def _mode(path):
    return os.stat(path).st_mode & 0o777


@pytest.mark.parametrize("mask", [0o022, 0o027])
def test_new_output_files_get_the_umask_mode(tmp_path, umask, mask):
    umask(mask)
    wanted = 0o666 & ~mask
    parsed, series, chart = tmp_path / "r.json", tmp_path / "s.csv", tmp_path / "s.svg"
    assert run("parse", "-f", "json", "-o", str(parsed), str(OFFICIAL)).exit_code == 0
    assert run("timeline", "-j", "1", "-f", "csv", "-o", str(series), "--plot", str(chart), str(OFFICIAL),
               str(NEWS)).exit_code == 0
    assert [_mode(p) for p in (parsed, series, chart)] == [wanted] * 3


@pytest.mark.parametrize("suffix", ["jsonl", "csv"])
def test_a_batch_rerun_keeps_the_outputs_mode(tmp_path, umask, suffix):
    umask(0o022)
    out = tmp_path / f"out.{suffix}"
    assert run("batch", "-q", "-j", "1", str(OFFICIAL), "-o", str(out)).exit_code == 0
    assert _mode(out) == 0o644
    assert run("batch", "-q", "-j", "1", str(OFFICIAL), str(NEWS), "-o", str(out)).exit_code == 0
    assert _mode(out) == 0o644
    os.chmod(out, 0o640)   # the user's own choice survives a re-run too
    assert run("batch", "-q", "-j", "1", str(OFFICIAL), "-o", str(out)).exit_code == 0
    assert _mode(out) == 0o640


def test_a_replaced_parse_output_keeps_its_mode(tmp_path, umask):
    out = tmp_path / "r.json"
    out.write_text("old")
    os.chmod(out, 0o604)
    assert run("parse", "-f", "json", "-o", str(out), str(OFFICIAL)).exit_code == 0
    assert _mode(out) == 0o604 and json.loads(out.read_text())["totals"]


# ---------------------------------------------------------------- 4. honest output

UNDATED = ("Russia has lost 632,630 troops since Feb. 24, 2022, including 1,210 over the past day, "
           "the General Staff said on Thursday.")


def _table_row(table: str, label: str) -> str:
    return next(line for line in table.splitlines() if line.startswith(f"│ {label} "))


def test_a_check_mark_names_the_check_that_was_made():
    without_previous = run("parse", "-f", "table", input=UNDATED).stdout
    row = _table_row(without_previous, "Personnel")
    assert "✓ change ≤ total" in row and "previous" not in row   # total - previous = change was not checked
    with_previous = run("parse", "-f", "table", str(SAMPLES / "seed-like-2022-10-06.txt")).stdout
    assert "✓ change = total − previous" in _table_row(with_previous, "Tanks")


def test_a_failed_check_says_which():
    import io

    from casualty_cli.render import write_table

    record = {"source": "x", "totals": {"tanks": 2449}, "daily": {"tanks": 14}, "previous": {"tanks": 2400},
              "checks": [{"check": "daily == total - previous", "category": "tanks", "ok": False},
                         {"check": "total >= previous", "category": "tanks", "ok": True},
                         {"check": "daily <= total", "category": "tanks", "ok": True}]}
    out = io.StringIO()
    write_table([record], out, color=False)
    assert "✗ change ≠ total − previous" in _table_row(out.getvalue(), "Tanks")


def test_an_undated_weekday_says_how_to_date_it():
    result = run("parse", "-f", "jsonl", input=UNDATED)
    assert json.loads(result.stdout)["as_of"] is None
    assert "--published YYYY-MM-DD" in result.stderr and result.exit_code == 0
    dated = run("parse", "-f", "jsonl", "--published", "2024-11-22", input=UNDATED)
    assert json.loads(dated.stdout)["as_of"] == "2024-11-21" and not dated.stderr
    # "over the past day" is dated by the publication too (the report of that morning): without it and the
    # weekday, nothing a publication date could resolve.
    no_day_word = run("parse", "-f", "jsonl", input=UNDATED.replace(" on Thursday", "").replace(" over the past day", ""))
    assert not no_day_word.stderr


def test_a_web_pages_title_shows_in_the_table():
    page = ROOT / "tests" / "data" / "news-page.html"
    title = json.loads(run("parse", "-f", "json", str(page)).stdout)["title"]
    assert title and f"title: {title}" in run("parse", "-f", "table", str(page)).stdout


def test_a_change_over_a_gap_is_not_daily():
    from casualty_cli.timeline import build_timeline

    def rec(source, day, tanks):
        return {"source": source, "as_of": day, "totals": {"tanks": tanks}, "daily": {}}

    rows = build_timeline([rec("a", "2024-01-01", 100), rec("b", "2024-01-02", 104),
                           rec("c", "2024-03-02", 400)]).rows
    assert [(r.daily, r.change, r.days) for r in rows] == [(None, None, None), (4, 4, 1), (None, 296, 60)]
    assert rows[2].flags == ["gap"]


def test_the_timeline_table_names_a_change_over_days(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps({"source": s, "as_of": d, "totals": {"tanks": t}, "daily": {}}) + "\n"
                            for s, d, t in (("a", "2024-01-01", 100), ("b", "2024-03-01", 400))))
    table = run("timeline", str(path)).stdout
    assert "+300 in 60 days" in table
    series = run("timeline", str(path), "-f", "csv").stdout.splitlines()
    assert series[2].startswith("2024-03-01,tanks,400,,") and series[2].endswith(",300,60")


# ---------------------------------------------------------------- 7. README and benches

def _readme_blocks():
    """(line number, line, inside a code fence?) for every README line."""
    inside = False
    for number, line in enumerate((ROOT / "README.md").read_text("utf-8").splitlines(), 1):
        if line.startswith("```"):
            inside = not inside
            continue
        yield number, line, inside


def test_every_readme_section_is_outside_a_code_fence():
    lines = list(_readme_blocks())
    hidden = [(n, line) for n, line, inside in lines if inside and line.startswith("#") and " " in line
              and line.split(" ", 1)[0] in ("##", "###")]
    assert not hidden
    assert not lines[-1][2], "the README ends inside a code fence"
    headings = [line for _n, line, inside in lines if not inside and line.startswith("## ")]
    assert "## Batch conversion and time series" in headings and "## Shell completion" in headings


@pytest.mark.parametrize("shell, marker", [("bash", "complete -o"), ("zsh", "#compdef casualty"),
                                           ("fish", "complete --no-files --command casualty")])
def test_the_documented_completion_lines_give_a_script(shell, marker):
    assert f"_CASUALTY_COMPLETE={shell}_source casualty" in (ROOT / "README.md").read_text("utf-8")
    env = {**os.environ, "_CASUALTY_COMPLETE": f"{shell}_source"}
    proc = subprocess.run(CASUALTY, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and marker in proc.stdout


@pytest.mark.parametrize("script, args", [("generate.py", ["OUT", "-n", "5"]), ("timeline_accuracy.py", []),
                                          ("bench.py", ["--batch-only", "-n", "5", "--memory", ""])])
def test_benches_in_a_clone_without_shared_data_say_so_in_one_line(tmp_path, script, args):
    clone = tmp_path / "casualty" / "bench"   # no ../shared beside this clone
    clone.mkdir(parents=True)
    for name in ("generate.py", "timeline_accuracy.py", "bench.py", "extractor.py", "startup.py"):
        (clone / name).write_bytes((ROOT / "bench" / name).read_bytes())
    proc = subprocess.run([sys.executable, str(clone / script), *args], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "--data" in proc.stderr and "PetroIvaniuk" in proc.stderr


def test_generate_documents_only_options_it_has():
    text = (ROOT / "bench" / "generate.py").read_text("utf-8")
    doc = text.split('"""')[1]
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--help"], capture_output=True,
                          text=True, timeout=60)
    options = {word.strip(".,()[]") for word in doc.split() if word.startswith("--")}
    assert options and all(option in proc.stdout for option in options)


def test_one_input_is_not_1_inputs(tmp_path):
    result = run("batch", str(OFFICIAL), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    assert "casualty: 1 input, 1 record, 0 failed" in result.stderr


def test_the_svg_chart_has_a_date_axis(tmp_path):
    from casualty_cli.timeline import build_timeline
    from casualty_cli.timeline_io import write_plot

    days = ["2024-01-10", "2024-02-11", "2024-03-12", "2024-04-13"]
    rows = build_timeline([{"source": d, "as_of": d, "totals": {"tanks": 100 + i}} for i, d in enumerate(days)]).rows
    write_plot(rows, str(tmp_path / "c.svg"))
    svg = (tmp_path / "c.svg").read_text()
    for month in ("2024-02", "2024-03", "2024-04"):
        assert f">{month}</text>" in svg
    short = build_timeline([{"source": d, "as_of": d, "totals": {"tanks": 1}} for d in ("2024-01-10", "2024-01-12")])
    write_plot(short.rows, str(tmp_path / "d.svg"))
    assert ">2024-01-10</text>" in (tmp_path / "d.svg").read_text()


# ---------------------------------------------------------------- 6. web pages at the speed of their parser

def test_a_page_with_figures_is_parsed_once_and_extracted_once(monkeypatch):
    """One tree per page: trafilatura extracts from our parsed tree (never re-parsing the markup), once."""
    import trafilatura

    sys.path.insert(0, str(ROOT / "tests"))
    import webserver

    from casualty_cli.options import ParseOptions
    from casualty_cli.pipeline import report_for
    from casualty_cli.sources import read_bytes

    given = []
    extract = trafilatura.bare_extraction

    def counting(content, *args, **kwargs):
        given.append(type(content).__name__)
        return extract(content, *args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", counting)
    [document] = read_bytes(webserver.NEWS_PAGE, "page", ParseOptions(), media_type="text/html")
    report = report_for(document, ParseOptions())
    assert given == ["HtmlElement"]
    assert report.totals["tanks"] == 8674 and report.published.isoformat() == "2024-11-22"
    assert document.title == "Russia has lost 632,630 troops since February 2022, General Staff says"


def test_the_fuller_text_is_read_only_when_the_first_gave_no_figures():
    from casualty_cli.options import ParseOptions
    from casualty_cli.pipeline import report_for
    from casualty_cli.sources import Document

    asked = []

    def fuller():
        asked.append(True)
        return "The General Staff said Russia has lost 632,630 troops since 24 February 2022."

    found = report_for(Document(text="Russia has lost 8,674 tanks, the General Staff said.", source="a",
                                fuller=fuller), ParseOptions())
    assert found.totals == {"tanks": 8674} and not asked
    empty = report_for(Document(text="Menu. Subscribe. The figures follow.", source="b", fuller=fuller),
                       ParseOptions())
    assert empty.totals == {"personnel": 632630} and asked == [True]
