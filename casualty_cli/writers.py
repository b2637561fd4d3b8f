"""Batch outputs, one interface: JSON Lines, tidy CSV, SQLite, or JSON Lines on standard output.

A writer receives chunks of results, each result `(input_key, records)` for one input, and makes every
chunk durable before the next one (fsync for files, a commit for SQLite). `done_inputs()` names the
inputs already in the output, for --resume.

Resuming a file output first cuts what a killed run may have left half-written: a torn last line, and
for CSV the rows of the last source (they may be incomplete, so that input is simply done again).
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tempfile
from typing import Any, Iterable, Protocol, TextIO

from .errors import OutputError
from .output import atomic_text_file, file_mode, output_error
from .csvsafe import safe_row, unneutralise
from .render import CSV_HEADER, csv_rows

BATCH_CSV_HEADER = (*CSV_HEADER, "error")
Results = Iterable[tuple[str, list[dict[str, Any]]]]


class Writer(Protocol):
    def done_inputs(self) -> set[str]: ...
    def write_chunk(self, results: Results) -> None: ...
    def abort(self) -> None: ...    # after a write error: leave an existing output as it was
    def close(self) -> None: ...


def output_kind(path: str) -> str:
    if path == "-":
        return "stdout"
    lower = path.lower()
    for suffix, kind in ((".jsonl", "jsonl"), (".ndjson", "jsonl"), (".csv", "csv"), (".db", "sqlite"),
                         (".sqlite", "sqlite"), (".sqlite3", "sqlite")):
        if lower.endswith(suffix):
            return kind
    raise OutputError(f"{path}: unknown output type (use .jsonl, .csv, .db/.sqlite, or - for standard output)")


def open_writer(path: str, resume: bool = False, stdout: TextIO | None = None) -> Writer:
    kind = output_kind(path)
    try:
        if kind == "stdout":
            return StreamWriter(stdout)
        if kind == "sqlite":
            from .store import SqliteStore

            return SqliteStore(path)
        return (JsonlWriter if kind == "jsonl" else CsvWriter)(path, resume)
    except OSError as exc:
        raise output_error(path, exc) from None


def record_line(key: str, record: dict[str, Any]) -> str:
    """One JSONL line; a record whose source is not its input (a page of an archive) names the input."""
    if record.get("source") != key:
        record = {**record, "input": key}
    return json.dumps(record, ensure_ascii=False) + "\n"


class StreamWriter:
    def __init__(self, out: TextIO):
        self.out = out

    def done_inputs(self) -> set[str]:
        return set()

    def write_chunk(self, results: Results) -> None:
        self.out.write("".join(record_line(key, r) for key, records in results for r in records))
        self.out.flush()

    def abort(self) -> None:
        pass

    def close(self) -> None:
        self.out.flush()


class _AppendFile:
    """A text file written in appended, fsynced chunks, straight to the file descriptor (no buffer).

    A chunk that cannot be written whole (a full disk, an I/O error) is cut off again, so the file
    always ends at a chunk boundary: --resume continues it once there is room. A new run over an
    existing OUT writes beside it and renames into place when it ends (done, failed inputs, or
    Ctrl-C); if writing fails, OUT is left as it was.
    """

    def __init__(self, path: str, resume: bool):
        self.path = path
        self._done: set[str] = set()
        self._tmp: str | None = None
        self._closed = False
        fresh = not (resume and os.path.exists(path))
        if not fresh:
            self._recover()
            self.fd = os.open(path, os.O_WRONLY | os.O_APPEND)
        elif os.path.isfile(path):
            directory = os.path.dirname(os.path.abspath(path))
            self.fd, self._tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=directory)
            with contextlib.suppress(OSError):
                os.fchmod(self.fd, file_mode(path))   # the replacement keeps OUT's permissions, not mkstemp's 0600
        else:
            self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        self._size = os.fstat(self.fd).st_size
        try:
            if fresh:
                self._start()
        except BaseException:
            self.abort()
            raise

    def _start(self) -> None:
        pass

    def _recover(self) -> None:
        raise NotImplementedError

    def done_inputs(self) -> set[str]:
        return self._done

    def _append(self, text: str) -> None:
        if not text:
            return
        data = memoryview(text.encode("utf-8"))
        try:
            while data:
                data = data[os.write(self.fd, data):]
            os.fsync(self.fd)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.ftruncate(self.fd, self._size)   # back to the last whole chunk
            raise output_error(self.path, exc) from None
        self._size = os.fstat(self.fd).st_size

    def abort(self) -> None:
        """After a write error: close, and drop a replacement file so that an existing OUT stays as it was."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(OSError):
            os.close(self.fd)
        if self._tmp:
            with contextlib.suppress(OSError):
                os.unlink(self._tmp)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        os.close(self.fd)
        if self._tmp:
            try:
                os.replace(self._tmp, self.path)
            except OSError as exc:
                with contextlib.suppress(OSError):
                    os.unlink(self._tmp)
                raise output_error(self.path, exc) from None


class JsonlWriter(_AppendFile):
    def _recover(self) -> None:
        """Collect the inputs already written; cut a torn or unreadable tail."""
        good = 0
        with open(self.path, "rb") as handle:
            for line in handle:
                if not line.endswith(b"\n"):
                    break
                try:
                    record = json.loads(line)
                except ValueError:
                    break
                self._done.add(record.get("input", record.get("source")))
                good += len(line)
        _truncate(self.path, good)

    def write_chunk(self, results: Results) -> None:
        self._append("".join(record_line(key, r) for key, records in results for r in records))


class CsvWriter(_AppendFile):
    """Tidy rows as `parse -f csv`, plus an `error` column; a record with no figures keeps one bare row."""

    def _start(self) -> None:
        self._append(_csv_text([BATCH_CSV_HEADER]))

    def _recover(self) -> None:
        with open(self.path, "rb") as handle:
            data = handle.read()
        if not data.startswith(",".join(BATCH_CSV_HEADER).encode()):
            raise OutputError(f"{self.path}: not a `casualty batch` CSV file; cannot resume it")
        end = data.rfind(b"\n") + 1          # drop a torn last line
        rows = list(csv.reader(io.StringIO(data[:end].decode("utf-8"), newline="")))
        body = rows[1:]
        if body:                              # the last source's rows may be incomplete: do it again
            last = body[-1][0]
            while body and body[-1][0] == last:
                body.pop()
        self._done = {unneutralise(row[0]) for row in body}
        kept = _csv_text([BATCH_CSV_HEADER, *body]).encode("utf-8")
        if data.startswith(kept):
            _truncate(self.path, len(kept))          # what we wrote is a prefix: cut, never rewrite
        else:
            with atomic_text_file(self.path) as handle:
                handle.write(kept.decode("utf-8"))

    def write_chunk(self, results: Results) -> None:
        rows: list[Any] = []
        for _key, records in results:
            for record in records:
                if "error" in record and "totals" not in record:
                    rows.append([record.get("source"), "", "", "", "", "", "", record["error"]])
                    continue
                tidy = [list(row) + [""] for row in csv_rows(record)]
                rows.extend(tidy or [[record.get("source"), record.get("published"), record.get("as_of"),
                                      "", "", "", "", ""]])
        self._append(_csv_text([safe_row(row) for row in rows]))


def _csv_text(rows: Iterable[Iterable[Any]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _truncate(path: str, size: int) -> None:
    if os.path.getsize(path) != size:
        with open(path, "r+b") as handle:
            handle.truncate(size)
            handle.flush()
            os.fsync(handle.fileno())
