"""Faults: a read-only or full output location, Ctrl-C in a batch, a closed pipe, and re-runs.

Every failure is one line naming the output, never a traceback, and an existing output stays intact.
"""
from __future__ import annotations

import errno
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from casualty_cli.cli import cli
from faults import full_dir, readonly_dir

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
OFFICIAL = SAMPLES / "official-list-2022-10-06.txt"
CASUALTY = [sys.executable, "-m", "casualty_cli"]
OLD = b'{"old": "output"}\n'
OLD_CSV = b"source,published,as_of,category,total,daily,previous,error\nold.txt,,,tanks,1,,,\n"


def run(*args, **kw):
    return CliRunner().invoke(cli, [str(a) for a in args], **kw)


def one_error_line(result, name):
    lines = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr + result.stdout
    assert len(lines) == 1 and lines[0].startswith("casualty: error: cannot write") and name in lines[0], lines


def sqlite_rows(path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(con.execute("SELECT source, record FROM documents"))
    finally:
        con.close()


@pytest.fixture(scope="module")
def old_db(tmp_path_factory):
    """An existing batch database of one document."""
    path = tmp_path_factory.mktemp("db") / "old.db"
    assert run("batch", OFFICIAL, "-o", path, "-q", "-j", "1").exit_code == 0
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path.read_bytes()


# ---------------------------------------------------------------- a read-only directory

@pytest.mark.parametrize("command", ["parse", "timeline"])
def test_parse_and_timeline_into_a_read_only_directory_keep_the_old_file(tmp_path, command):
    with readonly_dir(tmp_path, {"out.json": OLD}) as where:
        if where is None:
            pytest.skip("no way to make a read-only directory here")
        source = OFFICIAL if command == "parse" else tmp_path / "records.jsonl"
        if command == "timeline":
            source.write_text(json.dumps({"source": "a", "as_of": "2022-10-06", "totals": {"tanks": 1}}) + "\n")
        result = run(command, "-f", "json", "-o", where / "out.json", source)
        assert result.exit_code == 1
        one_error_line(result, "out.json")
        assert (where / "out.json").read_bytes() == OLD
        assert os.listdir(where) == ["out.json"]


@pytest.mark.parametrize("name,old", [("out.jsonl", OLD), ("out.csv", OLD_CSV), ("new.jsonl", None),
                                      ("out.db", "db")])
def test_batch_into_a_read_only_directory_is_one_error_and_keeps_the_old_output(tmp_path, old_db, name, old):
    old = old_db if old == "db" else old
    with readonly_dir(tmp_path, {name: old} if old else {}) as where:
        if where is None:
            pytest.skip("no way to make a read-only directory here")
        for resume in ([], ["--resume"]):
            result = run("batch", OFFICIAL, "-o", where / name, "-q", "-j", "1", *resume)
            assert result.exit_code == 1, result.output
            one_error_line(result, name)
            if old:
                assert (where / name).read_bytes() == old
            else:
                assert not (where / name).exists()


# ---------------------------------------------------------------- a full disk

def test_parse_to_dev_full_is_a_clear_error_and_leaves_the_device_alone():
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    result = subprocess.run([*CASUALTY, "parse", "-f", "json", "-o", "/dev/full", str(OFFICIAL)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == "casualty: error: cannot write /dev/full: No space left on device"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)   # written in place, never replaced by a file


@pytest.mark.parametrize("command,name,old", [("parse", "out.json", OLD), ("batch", "out.jsonl", OLD),
                                              ("batch", "out.csv", OLD_CSV), ("batch", "out.db", "db")])
def test_a_full_file_system_keeps_the_old_output(tmp_path, old_db, command, name, old):
    """A real full tmpfs (root with mount rights only: elsewhere the injection test below covers it)."""
    old = old_db if old == "db" else old
    with full_dir(tmp_path, {name: old}) as where:
        if where is None:
            pytest.skip("cannot mount a small tmpfs here")
        target = where / name
        args = [command, "-o", target, "-j", "1", "-q"] if command == "batch" else [command, "-f", "json", "-o", target]
        for resume in ([], ["--resume"]) if command == "batch" else ([],):
            inputs = [SAMPLES] if command == "batch" else sorted(SAMPLES.glob("*.txt"))
            result = run(*args, *resume, *inputs)
            assert result.exit_code == 1, result.output
            assert "Traceback" not in result.output
            assert f"cannot write {target}" in result.stderr
            if name.endswith(".db"):
                continue   # read once there is room again (reading a WAL database needs a little)
            elif name.endswith(".csv") and resume:   # resuming redoes the last source: its rows are cut
                assert target.read_bytes() == old.splitlines(keepends=True)[0]
            else:
                assert target.read_bytes() == old
        assert sorted(os.listdir(where)) in (sorted([name, "filler"]), sorted([name, "filler", name + "-wal",
                                                                                name + "-shm"]))
        if name.endswith(".db"):
            (where / "filler").unlink()
            assert sqlite_rows(target) == sqlite_rows_of(tmp_path, old)


def sqlite_rows_of(tmp_path, data):
    copy = tmp_path / "copy.db"
    copy.write_bytes(data)
    return sqlite_rows(copy)


@pytest.mark.parametrize("command,name,old", [("parse", "out.json", OLD), ("batch", "out.jsonl", OLD),
                                              ("batch", "out.csv", OLD_CSV)])
def test_enospc_anywhere_keeps_the_old_output(tmp_path, monkeypatch, command, name, old):
    """ENOSPC injected where a full disk reports it for certain: fsync (delayed allocation, network file
    systems) comes after every write of ours, so failing it exercises the same clean-up as a failed write."""
    target = tmp_path / name
    target.write_bytes(old)

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    args = [command, "-o", target, "-j", "1", "-q"] if command == "batch" else [command, "-f", "json", "-o", target]
    for resume in ([], ["--resume"]) if command == "batch" else ([],):
        result = run(*args, *resume, OFFICIAL)
        assert result.exit_code == 1
        one_error_line(result, name)
        assert "No space left on device" in result.stderr
        if name.endswith(".csv") and resume:   # resuming redoes the last source: its rows are cut
            assert target.read_bytes() == old.splitlines(keepends=True)[0]
        else:
            assert target.read_bytes() == old
    assert os.listdir(tmp_path) == [name]


def test_a_write_error_mid_run_cuts_back_to_the_last_whole_chunk(tmp_path, monkeypatch):
    """Chunks written before the disk filled stay; the torn one is cut; --resume then completes."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(10):
        (folder / f"{i}.txt").write_text(f"tanks ‒ {100 + i} (+1)\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    real, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    result = run("batch", folder, "-o", out, "-q", "-j", "1", "--chunk-size", "2")
    assert result.exit_code == 1
    assert out.read_text().count("\n") == 4            # two whole chunks of two
    monkeypatch.setattr(os, "fsync", real)
    assert run("batch", folder, "-o", out, "-q", "-j", "1", "--resume").exit_code == 0
    sources = [json.loads(line)["source"] for line in out.read_text().splitlines()]
    assert sorted(sources) == sorted(str(p) for p in folder.iterdir())


# ---------------------------------------------------------------- Ctrl-C

N = 3000


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    folder = tmp_path_factory.mktemp("many") / "in"
    for i in range(N):
        sub = folder / f"{i // 500:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"r{i:05d}.txt").write_text(f"tanks ‒ {1000 + i} (+{i % 7}),\nreport {i}\n", encoding="utf-8")
    return folder


def count(out):
    try:
        if out.suffix == ".jsonl":
            return out.read_bytes().count(b"\n")
        if out.suffix == ".csv":  # rows after the header (one a figure: more than one a document)
            return max(0, out.read_bytes().count(b"\n") - 1)
        if not out.exists():
            return 0
        # Read-only: a probe must never create the database file or take a write lock the run needs.
        con = sqlite3.connect(f"file:{out}?mode=ro", uri=True)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except (OSError, sqlite3.Error):
        return 0


def _as_a_foreground_job() -> None:
    # A job a shell starts in the background (as CI scripts may run these tests) ignores SIGINT, and so would the
    # run, keeping on as it should; Ctrl-C reaches foreground jobs, whose SIGINT is the default.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("name", ["out.jsonl", "out.db", "out.csv"])
def test_ctrl_c_exits_130_with_whole_chunks_and_resume_completes(many, tmp_path, name):
    out = tmp_path / name
    proc = subprocess.Popen([*CASUALTY, "batch", str(many), "-o", str(out), "-j", "2", "--chunk-size", "8", "-q"],
                            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=_as_a_foreground_job)
    deadline = time.time() + 30
    # Interrupted once the run is under way (its handler installed, chunks written), early: a fast run must not end first.
    while time.time() < deadline and proc.poll() is None and count(out) < N // 30:
        time.sleep(0.01)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    started = time.time()
    os.killpg(proc.pid, signal.SIGINT)      # as Ctrl-C does: the whole foreground process group
    _, err = proc.communicate(timeout=30)
    assert time.time() - started < 10
    assert proc.returncode == 130, err
    assert err.strip() == "casualty: interrupted"
    if name.endswith(".jsonl"):
        data = out.read_bytes()
        assert data.endswith(b"\n")
        lines = [json.loads(line) for line in data.splitlines()]   # every line whole
        assert 0 < len(lines) < N
    elif name.endswith(".db"):
        con = sqlite3.connect(out)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert 0 < count(out) < N
        con.close()
    resumed = subprocess.run([*CASUALTY, "batch", str(many), "-o", str(out), "-j", "2", "--resume"], cwd=tmp_path,
                             capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    expected = sorted(str(p) for p in many.rglob("*.txt"))
    if name.endswith(".jsonl"):
        sources = [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()]
    elif name.endswith(".db"):
        con = sqlite3.connect(out)
        sources = [r[0] for r in con.execute("SELECT source FROM documents ORDER BY seq")]
        con.close()
    else:
        import csv

        with open(out, encoding="utf-8", newline="") as handle:
            sources = list(dict.fromkeys(row["source"] for row in csv.DictReader(handle)))
        assert sorted(sources) == expected
        return
    assert sources == expected                 # every input exactly once, in input order


# ---------------------------------------------------------------- a closed pipe

def closed_pipe(args, cwd):
    proc = subprocess.Popen([*CASUALTY, *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()                         # as `| head -1` does
    err = proc.stderr.read()
    proc.wait(timeout=60)
    return first, proc.returncode, err.decode()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_to_a_closed_pipe_is_quiet(many, tmp_path, jobs):
    first, status, err = closed_pipe(["batch", str(many), "-o", "-", "-j", jobs, "-q"], tmp_path)
    assert json.loads(first)["source"].endswith("r00000.txt")
    assert (status, err) == (0, "")


@pytest.fixture(scope="module")
def long_series(tmp_path_factory):
    """Records for 1,000 days: a timeline far longer than a pipe's buffer."""
    path = tmp_path_factory.mktemp("series") / "records.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for day in range(1000):
            date = time.strftime("%Y-%m-%d", time.gmtime(1645660800 + day * 86400))
            handle.write(json.dumps({"source": f"r{day}", "as_of": date,
                                     "totals": {"personnel": 1000 + day, "tanks": day}}) + "\n")
    return path


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_timeline_to_a_closed_pipe_is_quiet(long_series, tmp_path, fmt):
    first, status, err = closed_pipe(["timeline", str(long_series), "-f", fmt], tmp_path)
    assert first
    assert (status, err) == (0, "")


# ---------------------------------------------------------------- re-running changes nothing

@pytest.mark.parametrize("name", ["out.jsonl", "out.csv", "out.db"])
def test_re_running_a_batch_changes_nothing(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    for sample in sorted(SAMPLES.glob("*.txt")):
        (tmp_path / "in" / sample.name).write_bytes(sample.read_bytes())
    (tmp_path / "in" / "broken.txt").write_bytes(b"\xff\xfe\x00 binary")
    snapshots = []
    for args in (["-j", "1"], ["-j", "2"], ["-j", "2", "--resume"], ["-j", "1"]):
        result = run("batch", "in", "-o", name, "-q", *args)
        assert result.exit_code == (0 if "--resume" in args else 1), result.output   # broken.txt, unless skipped
        if name.endswith(".db"):
            con = sqlite3.connect(name)
            snapshots.append([con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                              for t in ("documents", "figures", "claims", "directions", "errors")])
            con.close()
        else:
            snapshots.append((tmp_path / name).read_bytes())
    assert all(s == snapshots[0] for s in snapshots)
