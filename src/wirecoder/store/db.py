"""The DuckDB store: idempotent batch writes, read-only readers, listing queries.

Concurrency (DuckDB: one read-write process per file, or any number of read-only ones):
- the ingest writer opens the file for each batch and closes it right after the commit
  (`Store(path, hold=False)`), so between batches the file is free; while it waits for and
  holds the file it leaves a notice (intent.py) so a long-lived reader lets go at once;
- readers (API, CLI listings) use `open_reader(path)`, which retries briefly while a
  writer holds the lock, and should close the connection after each request.
"""
from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from ..schema import Report
from .intent import announce
from .layout import LAYOUT, bump_data_version, ensure_layout, layout_of
from .queries import Filters, build_query
from .reader import tune
from .rows import SEQ_TABLES, TABLE_COLUMNS, ReportRows, number_rows, report_rows

__all__ = ["LOCK_RETRY_SECONDS", "QueryResult", "Store", "new_run_id", "open_reader", "upgrade"]

LOCK_RETRY_SECONDS = 10.0
# Parts of an article are deleted in this order before a forced rewrite (children first).
_PART_TABLES = ("related_links", "mentions", "event_actors", "actors", "events", "claims", "quotes")


def _schema_sql() -> str:
    return resources.files("wirecoder.store").joinpath("schema.sql").read_text(encoding="utf-8")


def _is_lock_error(e: Exception) -> bool:
    msg = str(e).lower()
    # "different configuration": this process still has the file open read-only (an API in the
    # same process); it lets go when it sees the writer's notice (intent.py), so retry.
    return ("lock" in msg or "conflicting" in msg or "being used" in msg
            or "different configuration" in msg)


def _connect(path: str, read_only: bool, retry: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + retry
    delay = 0.05
    while True:
        try:
            con = duckdb.connect(path, read_only=read_only)
            con.execute("SET enable_progress_bar = false")  # no bars on a user's stderr
            tune(con)
            return con
        except duckdb.Error as e:
            if _is_lock_error(e) and time.monotonic() < deadline:
                time.sleep(delay)
                delay = min(delay * 2, 0.5)
                continue
            if read_only and not Path(path).exists():
                raise StoreError("no such database", source=path,
                                 fix="Run `wirecoder ingest SOURCE --db FILE` first.") from None
            raise StoreError(f"cannot open the database: {str(e).splitlines()[0]}", source=path,
                             fix="Another process may be writing it; retry when it is done.") from None


_ROWS_PER_INSERT = 200


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple[Any, ...]]) -> None:
    """Multi-row INSERTs: DuckDB's executemany runs one statement per row (~10× slower)."""
    cols = TABLE_COLUMNS[table]
    one = "(" + ", ".join("?" * len(cols)) + ")"
    for i in range(0, len(rows), _ROWS_PER_INSERT):
        chunk = rows[i:i + _ROWS_PER_INSERT]
        con.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                    + ", ".join([one] * len(chunk)), [v for r in chunk for v in r])


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


@dataclass
class QueryResult:
    """Columns and rows of a listing."""

    columns: list[str]
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r)) for r in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


class Store:
    """A wirecoder DuckDB file. `hold=False` opens the file per operation (ingest writer)."""

    def __init__(self, path: str | Path, read_only: bool = False, *, hold: bool = True,
                 retry: float = LOCK_RETRY_SECONDS) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.hold = hold
        self.retry = retry
        self._con: duckdb.DuckDBPyConnection | None = None
        self._notice: Any = None
        if not read_only:
            with self.connection() as con:
                con.execute(_schema_sql())
                ensure_layout(con)
        else:
            with self.connection() as con:
                old = layout_of(con) < LAYOUT
            if old:  # written by an older wirecoder: upgrade it once, then read
                self.close()
                upgrade(self.path, retry)

    # -- connections -----------------------------------------------------------------------
    @contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The open connection (hold=True) or a fresh one closed on exit (hold=False)."""
        if self._con is not None:
            yield self._con
            return
        notice = None if self.read_only else announce(self.path)
        if notice is not None:
            notice.__enter__()
        try:
            con = _connect(self.path, self.read_only, self.retry)
        except BaseException:
            if notice is not None:
                notice.__exit__(None, None, None)
            raise
        if self.hold:
            self._con, self._notice = con, notice
            yield con
            return
        try:
            yield con
        finally:
            con.close()
            if notice is not None:
                notice.__exit__(None, None, None)

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        if self._notice is not None:
            self._notice.__exit__(None, None, None)
            self._notice = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        with self.connection() as con:
            return con.execute("SELECT 1 FROM articles WHERE article_id = ?",
                               [article_id]).fetchone() is not None

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are stored already."""
        ids = list(ids)
        if not ids:
            return set()
        with self.connection() as con:
            rows = con.execute("SELECT article_id FROM articles WHERE list_contains(?, article_id)",
                               [ids]).fetchall()
        return {r[0] for r in rows}

    def write_reports(self, reports: Iterable[Report | ReportRows], run_id: str | None = None,
                      *, replace: bool = False,
                      also: Callable[[duckdb.DuckDBPyConnection], None] | None = None) -> int:
        """Store reports (or their rows, made by a worker process: rows.ReportRows) in ONE
        transaction; articles already stored are skipped (or replaced when `replace`).
        Returns how many articles were written. A crash mid-call leaves nothing of the batch,
        so re-running the same input completes it without duplicates. `also(con)` runs inside
        the same transaction (e.g. `watch` saving its read positions)."""
        reports = list(reports)
        if not reports and also is None:
            return 0

        def aid(r: Report | ReportRows) -> str:
            return r.article_id if isinstance(r, ReportRows) else r.article.id

        with self.connection() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                ids = [aid(r) for r in reports]
                if replace:
                    for t in _PART_TABLES + ("articles",):
                        con.execute(f"DELETE FROM {t} WHERE list_contains(?, article_id)", [ids])
                    existing: set[str] = set()
                else:
                    existing = {r[0] for r in con.execute(
                        "SELECT article_id FROM articles WHERE list_contains(?, article_id)",
                        [ids]).fetchall()} if ids else set()
                rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in TABLE_COLUMNS}
                written = 0
                for r in reports:
                    if aid(r) in existing:
                        continue
                    existing.add(aid(r))  # the same article twice in one batch
                    parts = r.rows if isinstance(r, ReportRows) else report_rows(r, run_id)
                    for table, trs in parts.items():
                        rows[table].extend(trs)
                    written += 1
                number_rows(rows, {t: 1 + con.execute(
                    f"SELECT coalesce(max(seq), 0) FROM {t}").fetchone()[0]  # type: ignore[index]
                    for t in SEQ_TABLES})
                for table, trs in rows.items():
                    _insert(con, table, trs)
                if also is not None:
                    also(con)
                if written:
                    bump_data_version(con)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return written

    def start_run(self, run_id: str, sources: list[str], engine: str) -> None:
        with self.connection() as con:
            con.execute("INSERT INTO ingest_runs VALUES (?, ?, NULL, ?, ?, 0, 0, 'running')",
                        [run_id, datetime.now(UTC).replace(tzinfo=None),
                         json.dumps(sources), engine])

    def finish_run(self, run_id: str, articles: int, failures: int, status: str = "done") -> None:
        with self.connection() as con:
            con.execute("UPDATE ingest_runs SET finished = ?, articles = ?, failures = ?, "
                        "status = ? WHERE run_id = ?",
                        [datetime.now(UTC).replace(tzinfo=None), articles, failures,
                         status, run_id])

    # -- reading -------------------------------------------------------------------------------
    def query(self, sql: str, params: list[Any] | None = None) -> QueryResult:
        with self.connection() as con:
            cur = con.execute(sql, params or [])
            cols = [d[0] for d in cur.description] if cur.description else []
            return QueryResult(cols, cur.fetchall())

    def fetch(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Columns and rows: the interface the query layer (queries/) reads through."""
        res = self.query(sql, list(params))
        return res.columns, res.rows

    @property
    def version(self) -> None:
        """No cache across calls for a CLI store (see reader.Reader.version)."""
        return None

    def listing(self, kind: str, filters: Filters | None = None) -> QueryResult:
        sql, params = build_query(kind, filters)
        return self.query(sql, params)

    def query_events(self, filters: Filters | None = None) -> QueryResult:
        return self.listing("events", filters)

    def query_merged(self, filters: Filters | None = None) -> QueryResult:
        return self.listing("merged", filters)

    def query_claims(self, filters: Filters | None = None) -> QueryResult:
        return self.listing("claims", filters)

    def query_actors(self, filters: Filters | None = None) -> QueryResult:
        return self.listing("actors", filters)

    def query_quotes(self, filters: Filters | None = None) -> QueryResult:
        return self.listing("quotes", filters)

    def copy(self, sql: str, params: list[Any], path: str | Path, fmt: str) -> None:
        """DuckDB COPY of a query to a file (fmt: parquet | csv); works read-only too."""
        fmt_sql = {"parquet": "(FORMAT parquet)", "csv": "(FORMAT csv, HEADER true)"}[fmt]
        target = str(path).replace("'", "''")
        with self.connection() as con:
            con.execute(f"COPY ({sql}) TO '{target}' {fmt_sql}", params)

    def counts(self) -> dict[str, int]:
        """Rows per table (for summaries and tests)."""
        out = {}
        with self.connection() as con:
            for t in ("articles",) + _PART_TABLES + ("merged_events", "ingest_runs"):
                out[t] = con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
        return out


def upgrade(path: str | Path, retry: float = LOCK_RETRY_SECONDS) -> bool:
    """Bring an older store to the current layout (layout.py); True if it changed."""
    st = Store.__new__(Store)
    st.path, st.read_only, st.hold, st.retry = str(path), False, False, retry
    st._con, st._notice = None, None
    with st.connection() as con:
        con.execute(_schema_sql())
        changed = ensure_layout(con)
    if changed:
        from .derived import refresh_derived

        refresh_derived(path)
    return changed


def open_reader(path: str | Path, retry: float = LOCK_RETRY_SECONDS) -> Store:
    """A read-only Store that waits up to `retry` s while an ingest batch holds the write lock.
    Close it (or use it as a context manager) soon, so the next ingest batch can write."""
    return Store(path, read_only=True, retry=retry)
