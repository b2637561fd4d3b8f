"""`casualty batch --scheduler` on a real Dask cluster (a scheduler and two worker processes on 127.0.0.1)
gives the same records as a local run."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from casualty_cli.cli import cli

distributed = pytest.importorskip("distributed")
SAMPLES = sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.txt"))


def write_inputs(articles: int, files: int) -> None:
    """A JSONL file of articles and a folder of .txt files, made of the project's samples (in every language)."""
    with open("articles.jsonl", "w", encoding="utf-8") as out:
        for index in range(articles):
            sample = SAMPLES[index % len(SAMPLES)]
            dated = sample.stem[-10:] if sample.stem[-10:-6].isdigit() else None  # "news-de-2024-02-16"
            out.write(json.dumps({"url": f"https://example.org/{index}", "date": dated,
                                  "text": sample.read_text(encoding="utf-8")}) + "\n")
    Path("files").mkdir()
    for index in range(files):
        sample = SAMPLES[index % len(SAMPLES)]
        (Path("files") / f"{index:03d}-{sample.name}").write_bytes(sample.read_bytes())


def _sample_has_totals(index: int) -> bool:
    expected = SAMPLES[index % len(SAMPLES)].with_suffix(".expected.json")
    return bool(json.loads(expected.read_text(encoding="utf-8"))["totals"])


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, worker_dashboard_address=None) as local:
        yield local.scheduler_address


def test_dask_run_gives_the_records_of_a_local_run(cluster, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_inputs(60, 30)
    inputs = ["articles.jsonl", "files", "missing.txt"]
    local = CliRunner().invoke(cli, ["batch", *inputs, "-o", "local.jsonl", "-j", "1", "-q"])
    remote = CliRunner().invoke(cli, ["batch", *inputs, "-o", "dask.db", "--scheduler", cluster, "-q",
                                      "--chunk-size", "7"])
    assert local.exit_code == remote.exit_code == 1, remote.stderr
    assert "missing.txt: no such file" in remote.stderr
    remote_jsonl = CliRunner().invoke(cli, ["batch", *inputs, "-o", "dask.jsonl", "--scheduler", cluster, "-q"])
    assert remote_jsonl.exit_code == 1
    assert Path("dask.jsonl").read_bytes() == Path("local.jsonl").read_bytes()
    from casualty_cli.store import read_records

    records = [json.loads(line) for line in Path("local.jsonl").read_text(encoding="utf-8").splitlines()]
    assert list(read_records("dask.db", errors=True)) == records
    assert len(records) == 91
    assert sum(1 for r in records if r.get("totals")) == sum(map(_sample_has_totals, [*range(60), *range(30)]))


def test_unreachable_scheduler_is_a_one_line_error(tmp_path):
    (tmp_path / "a.txt").write_text("tanks ‒ 5", encoding="utf-8")
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o.jsonl"),
                                      "--scheduler", "tcp://127.0.0.1:9", "--connect-timeout", "1", "-q"])
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler" in result.stderr and "Traceback" not in result.stderr


def test_work_goes_to_the_cluster_in_chunks_that_grow(cluster, tmp_path, monkeypatch):
    """Every chunk costs round trips between client, scheduler and worker (64 short documents a chunk made a
    cluster of the same cores 0.58x of a local run): chunks grow to about half a second of work each."""
    monkeypatch.chdir(tmp_path)
    write_inputs(3000, 0)

    def chunks_run(dask_scheduler):
        return sum(prefix.state_counts["memory"] for name, prefix in dask_scheduler.task_prefixes.items()
                   if name.startswith("run_") and "chunk" in name)

    with distributed.Client(cluster) as client:
        before = client.run_on_scheduler(chunks_run)
        result = CliRunner().invoke(cli, ["batch", "articles.jsonl", "-o", "dask.jsonl", "--scheduler", cluster,
                                          "-q", "--chunk-size", "16"])
        submitted = client.run_on_scheduler(chunks_run) - before
    assert result.exit_code == 0, result.stderr
    assert len(Path("dask.jsonl").read_text(encoding="utf-8").splitlines()) == 3000
    assert 0 < submitted <= 3000 / 16 / 2   # fixed chunks of 16 would be 188; a quiet machine makes about 50
