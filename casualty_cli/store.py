"""SQLite output of `casualty batch`, and reading it back (for `casualty timeline` and --resume).

Tables (one row per document; the full record is kept as JSON in documents.record):

    documents(source PK, input, seq, published, language, as_of, since, reporter, previous_as_of, title, record)
    figures(source, category, total, daily, previous)      -- tidy, as `parse -f csv`
    claims(source, position, by_whom, side, what, value, low, qualifier, as_of)
    directions(source, position, name)
    errors(source PK, input, seq, error)

Writes are upserts by source (a re-run replaces a document's rows in its old place, never duplicates them), one
transaction per chunk, in WAL mode: a process killed with kill -9 loses at most the chunk it was writing.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any, Iterable, Iterator

from .errors import OutputError

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    source TEXT PRIMARY KEY, input TEXT NOT NULL, seq INTEGER NOT NULL,
    published TEXT, language TEXT, as_of TEXT, since TEXT, reporter TEXT, previous_as_of TEXT, title TEXT,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS figures (
    source TEXT NOT NULL REFERENCES documents(source) ON DELETE CASCADE,
    category TEXT NOT NULL, total INTEGER, daily INTEGER, previous INTEGER,
    PRIMARY KEY (source, category)
);
CREATE TABLE IF NOT EXISTS claims (
    source TEXT NOT NULL REFERENCES documents(source) ON DELETE CASCADE, position INTEGER NOT NULL,
    by_whom TEXT, side TEXT, what TEXT, value INTEGER, low INTEGER, qualifier TEXT, as_of TEXT,
    PRIMARY KEY (source, position)
);
CREATE TABLE IF NOT EXISTS directions (
    source TEXT NOT NULL REFERENCES documents(source) ON DELETE CASCADE, position INTEGER NOT NULL, name TEXT NOT NULL,
    PRIMARY KEY (source, position)
);
CREATE TABLE IF NOT EXISTS errors (
    source TEXT PRIMARY KEY, input TEXT NOT NULL, seq INTEGER NOT NULL, error TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_as_of ON documents(as_of);
CREATE INDEX IF NOT EXISTS documents_input ON documents(input);
CREATE INDEX IF NOT EXISTS documents_seq ON documents(seq);
CREATE INDEX IF NOT EXISTS figures_category ON figures(category);
CREATE INDEX IF NOT EXISTS errors_input ON errors(input);
"""

ROLES = ("totals", "daily", "previous")


def connect(path: str) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)  # explicit BEGIN/COMMIT below
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")   # WAL + NORMAL: a killed process never loses a commit
    con.execute("PRAGMA foreign_keys=ON")
    con.executescript(SCHEMA)
    return con


class SqliteStore:
    """Upserting writer; `write_chunk` is one transaction."""

    def __init__(self, path: str):
        self.path = path
        self.con = None
        try:
            self.con = connect(path)
            row = self.con.execute(
                "SELECT max(m) FROM (SELECT max(seq) AS m FROM documents UNION ALL SELECT max(seq) FROM errors)"
            ).fetchone()
        except sqlite3.Error as exc:   # a read-only directory, a full disk, not a database
            self.abort()
            raise self._error(exc) from None
        self.seq = (row[0] or 0) if row else 0

    def _error(self, exc: sqlite3.Error) -> OutputError:
        return OutputError(f"cannot write {self.path}: {exc}")

    def done_inputs(self) -> set[str]:
        rows = self.con.execute("SELECT input FROM documents UNION SELECT input FROM errors")
        return {r[0] for r in rows}

    def write_chunk(self, results: Iterable[tuple[str, list[dict[str, Any]]]]) -> None:
        con = self.con
        seq = self.seq
        try:
            con.execute("BEGIN IMMEDIATE")
            try:
                for key, records in results:
                    for record in records:
                        self._upsert(key, record)
                con.execute("COMMIT")
            except BaseException:
                self.seq = seq
                if con.in_transaction:
                    con.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:   # the database or disk is full, ...: the chunk is not written at all
            raise self._error(exc) from None

    def _upsert(self, key: str, record: dict[str, Any]) -> None:
        con = self.con
        source = record["source"]
        # A document written before keeps its place: re-running a batch leaves every row as it was.
        row = con.execute("SELECT seq FROM documents WHERE source = ? UNION ALL SELECT seq FROM errors WHERE source = ?",
                          (source, source)).fetchone()
        if row is None:
            self.seq += 1
        seq = row[0] if row else self.seq
        con.execute("DELETE FROM documents WHERE source = ?", (source,))   # cascades to figures/claims/directions
        con.execute("DELETE FROM errors WHERE source = ?", (source,))
        if "error" in record and "totals" not in record:
            con.execute("INSERT INTO errors(source, input, seq, error) VALUES (?, ?, ?, ?)",
                        (source, key, seq, record["error"]))
            return
        con.execute(
            "INSERT INTO documents(source, input, seq, published, language, as_of, since, reporter, previous_as_of,"
            " title, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (source, key, seq, record.get("published"), record.get("language"), record.get("as_of"),
             record.get("since"), record.get("reporter"), record.get("previous_as_of"), record.get("title"),
             json.dumps(record, ensure_ascii=False)))
        figures: dict[str, list[Any]] = {}
        for index, role in enumerate(ROLES):
            for category, value in (record.get(role) or {}).items():
                figures.setdefault(category, [None, None, None])[index] = value
        con.executemany("INSERT INTO figures(source, category, total, daily, previous) VALUES (?, ?, ?, ?, ?)",
                        [(source, c, *v) for c, v in figures.items()])
        con.executemany(
            "INSERT INTO claims(source, position, by_whom, side, what, value, low, qualifier, as_of)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(source, i, c.get("by"), c.get("side"), c.get("what"), c.get("value"), c.get("low"), c.get("qualifier"),
              c.get("as_of")) for i, c in enumerate(record.get("claims") or [])])
        con.executemany("INSERT INTO directions(source, position, name) VALUES (?, ?, ?)",
                        [(source, i, name) for i, name in enumerate(record.get("directions") or [])])

    def abort(self) -> None:
        """The database keeps every committed chunk: nothing to undo."""
        self.close()

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None


def read_records(path: str, errors: bool = False) -> Iterator[dict[str, Any]]:
    """The records of a batch database, in the order they were written (streamed, not loaded at once)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if errors:
            query = ("SELECT seq, record, NULL, NULL FROM documents UNION ALL "
                     "SELECT seq, NULL, source, error FROM errors ORDER BY 1")
        else:
            query = "SELECT seq, record, NULL, NULL FROM documents ORDER BY seq"
        for _seq, record, source, error in con.execute(query):
            yield json.loads(record) if record is not None else {"source": source, "error": error}
    finally:
        con.close()
