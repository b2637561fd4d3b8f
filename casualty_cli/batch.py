"""Batch conversion: inputs expanded into tasks, tasks mapped over worker processes (or a Dask cluster)
in input order with a bounded window of work in flight, results handed to a writer chunk by chunk.

A task is picklable plain data, `(kind, key, payload)`:
    ("path", "a/b.txt", None)          a file or URL, read by casualty_cli.sources in the worker
                                       (payload: the absolute path, for workers in another directory)
    ("article", source, (text, date))  one article of a JSONL file, read in the main process
    ("error", source, message)         an input that could not even be expanded
Workers return, per task, `(key, [record dict, ...])`; an input that fails gives an error record
`{"source", "error"}` instead, so one bad input never stops the run.
"""
from __future__ import annotations

import contextlib
import glob
import io
import os
import signal
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Sequence

from .errors import InputError
from .options import ArticleFields, ParseOptions

EXTENSIONS = (".txt", ".html", ".htm", ".gz", ".warc", ".jsonl")
Task = tuple[str, str, Any]
Result = tuple[str, list[dict[str, Any]]]


# ---------------------------------------------------------------- input expansion

def _is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def _has_glob(spec: str) -> bool:
    return any(ch in spec for ch in "*?[")


def _wanted(name: str) -> bool:
    return name.lower().endswith(EXTENSIONS)


def _walk(directory: str) -> Iterator[str]:
    """Files under `directory` with a known extension, in a stable (sorted) order."""
    for root, dirs, files in os.walk(directory):
        dirs.sort()
        for name in sorted(files):
            if _wanted(name):
                yield os.path.join(root, name)


def _list_lines(path: str, stdin) -> Iterator[str]:
    """The non-blank, non-comment lines of a list file ('-': standard input)."""
    if path == "-":
        stream = io.TextIOWrapper(stdin, encoding="utf-8") if stdin is not None else io.StringIO()
    else:
        stream = open(path, encoding="utf-8")
    try:
        for line in stream:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line
    finally:
        if path != "-":
            stream.close()


def expand_inputs(inputs: Sequence[str], from_list: Sequence[str] = (), fields: ArticleFields = ArticleFields(),
                  stdin=None) -> Iterator[Task]:
    """Tasks for every input, lazily and in order: files, directories, globs, list files, JSONL articles, URLs."""
    specs: Iterable[str] = list(inputs)
    for spec in specs:
        yield from _expand_one(spec, fields, explicit=True)
    for list_path in from_list:
        try:
            for spec in _list_lines(list_path, stdin):
                yield from _expand_one(spec, fields, explicit=True)
        except OSError as exc:
            yield ("error", list_path, f"cannot read the list: {exc.strerror or exc}")
        except UnicodeDecodeError:
            yield ("error", list_path, "the list is not UTF-8 text")


def _expand_one(spec: str, fields: ArticleFields, explicit: bool) -> Iterator[Task]:
    if _is_url(spec):
        yield ("path", spec, None)
    elif os.path.isdir(spec):
        for path in _walk(spec):
            yield from _expand_file(path, fields)
    elif os.path.exists(spec) or not _has_glob(spec):
        yield from _expand_file(spec, fields)
    else:
        matches = sorted(glob.iglob(spec, recursive=True))
        if not matches:
            yield ("error", spec, "no file matches this pattern")
        for match in matches:
            if os.path.isdir(match):
                yield from (t for p in _walk(match) for t in _expand_file(p, fields))
            else:
                yield from _expand_file(match, fields)


def _expand_file(path: str, fields: ArticleFields) -> Iterator[Task]:
    if path.lower().endswith(".jsonl"):
        yield from _articles(path, fields)
    else:
        yield ("path", path, None)   # a missing file fails in the worker, as for `parse`


def _articles(path: str, fields: ArticleFields) -> Iterator[Task]:
    """One task per line of a JSONL file of articles (streamed: the file is never loaded whole)."""
    from .sources.articles import read_articles

    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield ("error", path, exc.strerror or str(exc))
        return
    with handle:
        for item in read_articles(handle, path, fields):
            if isinstance(item, InputError):
                yield ("error", item.source, item.message)
            else:
                yield ("article", item.source, (item.text, item.date))


def count_tasks(inputs: Sequence[str], from_list: Sequence[str], fields: ArticleFields) -> int | None:
    """How many tasks `expand_inputs` will give, cheaply (for the progress bar); None if unknowable."""
    if "-" in from_list:
        return None
    total = 0
    for task in expand_inputs(inputs, from_list, fields):
        total += 1
    return total


# ---------------------------------------------------------------- the work itself (runs in workers)

def run_task(task: Task, options: ParseOptions) -> Result:
    """Records for one task; never raises."""
    from .pipeline import error_record, report_for
    from .sources import Document, read_documents

    kind, key, payload = task
    try:
        if kind == "error":
            return key, [{"source": key, "error": payload}]
        if kind == "article":
            from .extract.dates import parse_iso_date

            text, published = payload
            document = Document(text=text, source=key, published=parse_iso_date(published))
            return key, [report_for(document, options).to_dict()]
        where = payload or key   # an absolute path when the worker may run in another directory (Dask)
        records = []
        for item in read_documents([where], options, io.BytesIO()):
            if isinstance(item, InputError):
                record = error_record(item)
            else:
                record = report_for(item, options).to_dict()
            if where != key and record["source"].startswith(where):
                record["source"] = key + record["source"][len(where):]   # name it as the user did
            records.append(record)
        return key, records
    except Exception as exc:  # an extractor bug on one document must not end the run
        return key, [{"source": key, "error": f"internal error: {type(exc).__name__}: {exc}"}]


def run_chunk(tasks: list[Task], options: ParseOptions) -> list[Result]:
    return [run_task(task, options) for task in tasks]


def run_timed_chunk(tasks: list[Task], options: ParseOptions) -> tuple[float, list[Result]]:
    """run_chunk, with the seconds it took where it ran (a Dask worker): chunks are sized from it."""
    started = time.perf_counter()
    results = run_chunk(tasks, options)
    return time.perf_counter() - started, results


def absolute(task: Task) -> Task:
    """The task with its file's absolute path, for workers that do not share our working directory."""
    kind, key, payload = task
    if kind == "path" and not _is_url(key):
        return kind, key, os.path.abspath(key)
    return task


# ---------------------------------------------------------------- ordered, bounded parallel map

def _chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Sizer:
    """Chunk sizes for a cluster, from the seconds the workers report: every chunk costs a few round trips
    between client, scheduler and worker, so a chunk should be long enough (about TARGET seconds of work)
    for that cost not to count, yet short enough that many are in flight for many workers."""

    TARGET = 0.5
    LARGEST = 4096

    def __init__(self, start: int):
        self.size = start

    def record(self, tasks: int, seconds: float) -> None:
        if tasks and seconds > 0:
            wanted = int(tasks * self.TARGET / seconds)
            self.size = max(1, min(self.LARGEST, wanted, 4 * self.size))   # grows at most 4x a step


def _sized_chunks(tasks: Iterable[Task], sizer: _Sizer) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) >= sizer.size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Timed:
    """A future of run_timed_chunk's (seconds, results): gives the results, tells the sizer the seconds."""

    def __init__(self, future: Any, tasks: int, sizer: _Sizer):
        self.future, self.tasks, self.sizer = future, tasks, sizer

    def result(self):
        seconds, results = self.future.result()
        self.sizer.record(self.tasks, seconds)
        return results


def ordered_map(submit: Callable[[list[Task]], Any], tasks: Iterable[Task], chunk_size: int,
                window: int, chunks: Iterable[list[Task]] | None = None) -> Iterator[list[Result]]:
    """Submit chunks while at most `window` are in flight; yield their results in input order.

    `submit(chunk)` returns a future (concurrent.futures or dask.distributed); a chunk whose future
    fails (a worker died) becomes error records for its inputs. `chunks` replaces fixed-size chunks.
    """
    pending: deque[tuple[list[Task], Any]] = deque()
    for chunk in chunks if chunks is not None else _chunks(tasks, chunk_size):
        pending.append((chunk, submit(chunk)))
        while len(pending) >= window:
            yield _result(*pending.popleft())
    while pending:
        yield _result(*pending.popleft())


def _result(chunk: list[Task], future: Any) -> list[Result]:
    try:
        return future.result()
    except Exception as exc:
        message = f"worker failed: {type(exc).__name__}: {exc}"
        return [(key, [{"source": key, "error": message}]) for _kind, key, _payload in chunk]


class _Done:
    """A finished 'future', for the in-process path (-j 1)."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def map_tasks(tasks: Iterable[Task], options: ParseOptions, *, jobs: int = 1, scheduler: str | None = None,
              chunk_size: int = 64, connect_timeout: float = 20.0) -> Iterator[list[Result]]:
    """Chunks of results in input order: in this process (jobs=1), a process pool, or a Dask cluster."""
    if scheduler:
        from .cluster import dask_submitter

        sizer = _Sizer(chunk_size)
        with dask_submitter(scheduler, options, connect_timeout) as (submit, workers):
            yield from ordered_map(lambda chunk: _Timed(submit(chunk), len(chunk), sizer), tasks, chunk_size,
                                   window=max(4, 4 * workers), chunks=_sized_chunks(tasks, sizer))
    elif jobs <= 1:
        yield from ordered_map(lambda chunk: _Done(run_chunk(chunk, options)), tasks, chunk_size, window=1)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # forkserver: never fork a process that runs threads (the progress bar's)
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method),
                                   initializer=_ignore_sigint)
        try:
            yield from ordered_map(lambda chunk: pool.submit(run_chunk, chunk, options), tasks, chunk_size,
                                   window=4 * jobs)
        except BaseException:
            _stop_pool(pool)   # Ctrl-C, a closed pipe, a full disk: don't finish the work in flight
            raise
        pool.shutdown(wait=True)


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C (sent to the whole process group) to the main process, which stops them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop_pool(pool) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=5)
    # The pool's manager thread closes its wake-up pipe as it ends; at exit, Python wakes every such thread
    # through that pipe without a lock, and a pipe closed in between printed "Exception ignored ... Bad file
    # descriptor" after "casualty: interrupted". Waiting for the thread here leaves nothing to race at exit.
    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is not None:
        manager.join(timeout=5)


@contextlib.contextmanager
def sigint_deferred():
    """Ctrl-C waits until the block is done (a chunk being written): outputs end on a chunk boundary."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        if previous is signal.default_int_handler:
            raise KeyboardInterrupt
        if callable(previous):
            previous(signal.SIGINT, None)


# ---------------------------------------------------------------- a whole run

@dataclass
class Stats:
    inputs: int = 0
    records: int = 0
    skipped: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    failed: int = 0
    seconds: float = 0.0


def run_batch(tasks: Iterable[Task], writer, options: ParseOptions, *, jobs: int = 1, scheduler: str | None = None,
              chunk_size: int = 64, resume: bool = False, on_chunk: Callable[[int, int], None] | None = None,
              keep_failures: int = 20, connect_timeout: float = 20.0) -> Stats:
    """Run every task not already in the output (with `resume`) and write the records in input order."""
    stats = Stats()
    started = time.perf_counter()
    if resume:
        done = writer.done_inputs()

        def todo(stream):
            for task in stream:
                if task[1] in done:
                    stats.skipped += 1
                    if on_chunk:
                        on_chunk(1, 0)
                else:
                    yield task

        tasks = todo(tasks)

    def consume(results_stream: Iterator[list[Result]]) -> None:
        for results in results_stream:
            with sigint_deferred():
                writer.write_chunk(results)
            failed_now = 0
            for _key, records in results:
                stats.inputs += 1
                stats.records += len(records)
                for record in records:
                    if "error" in record and "totals" not in record:
                        failed_now += 1
                        stats.failed += 1
                        if len(stats.failures) < keep_failures:
                            stats.failures.append((record["source"], record["error"]))
            if on_chunk:
                on_chunk(len(results), failed_now)

    consume(map_tasks(tasks, options, jobs=jobs, scheduler=scheduler, chunk_size=chunk_size,
                      connect_timeout=connect_timeout))
    stats.seconds = time.perf_counter() - started
    return stats
