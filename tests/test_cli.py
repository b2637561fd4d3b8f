"""The parse command through click's CliRunner, and a few real processes (pipes, terminals, head)."""
import csv
import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from casualty_cli.cli import cli

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
OFFICIAL = SAMPLES / "official-list-2022-10-06.txt"
NEWS = SAMPLES / "news-prose-2024-09-14.txt"
NOTHING = SAMPLES / "no-figures.txt"
CASUALTY = [sys.executable, "-m", "casualty_cli"]


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_piped_output_defaults_to_json_lines_one_record_per_input():
    result = run("parse", str(OFFICIAL), str(NEWS))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [json.loads(line)["source"] for line in lines] == [str(OFFICIAL), str(NEWS)]


def test_json_is_one_object_for_one_input_and_an_array_for_several():
    one = json.loads(run("parse", "-f", "json", str(OFFICIAL)).stdout)
    several = json.loads(run("parse", "-f", "json", str(OFFICIAL), str(NEWS)).stdout)
    assert one["totals"]["tanks"] == 2449
    assert [r["source"] for r in several] == [str(OFFICIAL), str(NEWS)]


def test_stdin_dash_and_published_resolve_the_weekday():
    text = "Russia has lost 61,330 troops since the invasion began, the General Staff said on Thursday."
    record = json.loads(run("parse", "-f", "json", "--published", "2022-10-07", "-", input=text).stdout)
    assert record["source"] == "-"
    assert record["as_of"] == "2022-10-06"
    assert record["totals"] == {"personnel": 61330}


def test_no_input_reads_piped_stdin():
    result = run("parse", "-f", "json", input="Russia lost 14 tanks in one day, the General Staff said.")
    assert json.loads(result.stdout)["daily"] == {"tanks": 14}


def test_csv_is_tidy_and_formula_safe(tmp_path):
    source = tmp_path / "=HYPERLINK(1).txt"
    source.write_text(OFFICIAL.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("parse", "-f", "csv", "--published", "2022-10-06", str(source))
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["source", "published", "as_of", "category", "total", "daily", "previous"]
    tanks = next(r for r in rows[1:] if r[3] == "tanks")
    assert tanks[4:6] == ["2449", "14"] and tanks[2] == "2022-10-06"
    assert all(not r[0].startswith("=") for r in rows[1:])


def test_table_has_rows_claims_and_no_colour_when_piped():
    result = run("parse", "-f", "table", "--published", "2022-10-06", str(SAMPLES / "seed-like-2022-10-06.txt"))
    assert result.exit_code == 0
    assert "Tanks" in result.stdout and "2,449" in result.stdout and "+14" in result.stdout
    assert "Mediazona" in result.stdout and "Kramatorsk" in result.stdout
    assert "\x1b[" not in result.stdout


def test_table_quotes_evidence_on_request():
    result = run("parse", "-f", "table", "--evidence", str(OFFICIAL))
    assert "'2449'" in result.stdout


def test_output_file_is_written_atomically(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    assert run("parse", "-f", "json", "-o", str(target), str(OFFICIAL)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["totals"]["tanks"] == 2449
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_unwritable_output_is_one_error_and_keeps_nothing_half_written(tmp_path):
    result = run("parse", "-o", str(tmp_path / "missing-dir" / "out.json"), str(OFFICIAL))
    assert result.exit_code == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"\x00\x01\x02binary\x00" * 50, "not a text"),
    ("Росія втратила 5 танків".encode("cp1251"), "--encoding"),
])
def test_bad_inputs_fail_alone_with_one_line(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run("parse", str(bad), str(OFFICIAL))
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and str(bad) in errors[0] and message in errors[0]
    assert json.loads(result.stdout)["totals"]["tanks"] == 2449  # the good input still came out


def test_encoding_option_and_bom(tmp_path):
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + OFFICIAL.read_bytes())
    record = json.loads(run("parse", "-f", "json", str(bom)).stdout)
    assert record["totals"]["personnel"] == 61330
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Russia lost 14 tanks in one day, the General Staff said. Café".encode("latin-1"))
    assert run("parse", str(latin)).exit_code == 1
    assert json.loads(run("parse", "-f", "json", "--encoding", "latin-1", str(latin)).stdout)["daily"] == {"tanks": 14}


def test_exit_codes_for_nothing_found():
    assert run("parse", str(NOTHING)).exit_code == 0
    assert run("parse", "--fail-if-empty", str(NOTHING)).exit_code == 3
    assert run("parse", "--fail-if-empty", str(OFFICIAL)).exit_code == 0


def test_usage_errors_exit_2():
    assert run("parse", "--format", "xml", str(OFFICIAL)).exit_code == 2
    assert run("parse", "--published", "yesterday", str(OFFICIAL)).exit_code == 2


def test_help_and_version():
    assert "Exit status" in run("parse", "-h").stdout
    assert run("--version").stdout.startswith("casualty ")


def test_no_flag_is_declared_twice():
    for command in cli.commands.values():
        flags = [opt for param in command.params for opt in getattr(param, "opts", []) + getattr(param, "secondary_opts", [])]
        assert len(flags) == len(set(flags)), command.name


# Real processes: what CliRunner cannot show.

def test_real_pipe_from_cat():
    text = OFFICIAL.read_bytes()
    proc = subprocess.run(CASUALTY + ["parse", "-f", "json"], input=text, capture_output=True, timeout=60)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["daily"]["tanks"] == 14


def test_closed_pipe_ends_quietly():
    proc = subprocess.run(" ".join(CASUALTY + ["parse"] + [str(OFFICIAL)] * 400) + " | head -1",
                          shell=True, capture_output=True, timeout=120, executable="/bin/bash")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["totals"]["tanks"] == 2449
    assert b"Traceback" not in proc.stderr and b"Broken pipe" not in proc.stderr


def test_no_input_on_a_terminal_is_a_usage_error_not_a_hang():
    primary, secondary = pty.openpty()
    try:
        proc = subprocess.run(CASUALTY + ["parse"], stdin=secondary, capture_output=True, timeout=60)
    finally:
        os.close(primary)
        os.close(secondary)
    assert proc.returncode == 2
    assert b"no input" in proc.stderr


def _run_on_a_terminal(args, env_extra):
    """Run casualty with a pseudo-terminal as standard output; return what it printed there."""
    primary, secondary = pty.openpty()
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    env.update(env_extra, COLUMNS="120")
    proc = subprocess.Popen(CASUALTY + args, stdout=secondary, stderr=subprocess.PIPE, env=env)
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=60)
    os.close(primary)
    return b"".join(chunks).decode("utf-8", "replace")


def test_terminal_gets_a_coloured_table_unless_no_color():
    coloured = _run_on_a_terminal(["parse", str(OFFICIAL)], {})
    plain = _run_on_a_terminal(["parse", str(OFFICIAL)], {"NO_COLOR": "1"})
    assert "Tanks" in coloured and "Tanks" in plain          # auto: a table on a terminal
    assert "\x1b[" in coloured
    assert "\x1b[" not in plain


def test_output_file_survives_a_run_where_every_input_failed(tmp_path):
    target = tmp_path / "out.json"
    target.write_text('{"kept": true}', encoding="utf-8")
    result = run("parse", "-f", "json", "-o", str(target), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == '{"kept": true}'
