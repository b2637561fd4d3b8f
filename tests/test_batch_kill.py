"""A real `casualty batch` killed with SIGKILL mid-run, then --resume: every input exactly once, output valid."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

N = 3000


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    root = tmp_path_factory.mktemp("kill")
    folder = root / "in"
    for i in range(N):
        sub = folder / f"{i // 500:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"r{i:05d}.txt").write_text(f"tanks ‒ {1000 + i} (+{i % 7}),\nreport {i}\n", encoding="utf-8")
    return folder


def batch(args, cwd):
    return subprocess.Popen([sys.executable, "-m", "casualty_cli", "batch", *args], cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def written(out):
    if str(out).endswith(".jsonl"):
        return out.read_bytes().count(b"\n") if out.exists() else 0
    try:
        con = sqlite3.connect(out)
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("name", ["out.jsonl", "out.db"])
def test_kill_9_then_resume_gives_every_input_once(inputs, tmp_path, name):
    out = tmp_path / name
    proc = batch([str(inputs), "-o", str(out), "-j", "2", "--chunk-size", "8", "-q"], tmp_path)
    deadline = time.time() + 30
    while written(out) < N // 10 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.01)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)          # the whole run: the main process and its workers
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    before = written(out)
    assert 0 < before < N
    resumed = batch([str(inputs), "-o", str(out), "-j", "2", "--resume"], tmp_path)
    _, err = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, err
    assert b"skipped" in err
    expected = sorted(str(p) for p in inputs.rglob("*.txt"))
    if name.endswith(".jsonl"):
        sources = [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()]
    else:
        con = sqlite3.connect(out)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        sources = [r[0] for r in con.execute("SELECT source FROM documents ORDER BY seq")]
        assert con.execute("SELECT count(*) FROM errors").fetchone() == (0,)
    assert sorted(sources) == expected            # every input, exactly once
    assert sources == expected                   # and still in input order
