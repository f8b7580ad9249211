"""Read-only access to the DuckDB store that never blocks a writer for long.

DuckDB lets one process write a file and any open connection (even read-only) holds a file
lock. So the server keeps no connection open between requests: requests in flight share one
read-only connection (a cursor each), it is closed as soon as the last one finishes or it is
older than `max_age`, and opening it retries briefly while `wirecoder ingest` holds its
per-batch write lock. New rows are visible on the next request without a restart.
"""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import duckdb

from ..errors import StoreError

__all__ = ["Store", "StoreBusy", "StoreMissing"]


class StoreMissing(StoreError):
    """The database file does not exist."""

    code = "E301"


class StoreBusy(StoreError):
    """The database stayed locked by a writer for longer than the retry budget."""

    code = "E302"


def _is_lock_conflict(err: Exception) -> bool:
    msg = str(err)
    return "lock" in msg.lower() and ("Conflicting" in msg or "Could not set lock" in msg)


class Store:
    """Short-lived, shared read-only DuckDB connections to one database file."""

    def __init__(self, path: str | Path, *, retry_seconds: float = 5.0,
                 max_age: float = 1.0) -> None:
        self.path = Path(path)
        self.retry_seconds = retry_seconds
        self.max_age = max_age  # a connection older than this is not handed to new requests
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._opened = 0.0
        self._users = 0
        self._retired: dict[int, list[Any]] = {}  # old connections still in use: [con, users]

    def check(self) -> None:
        """Fail early with a clear error when the file is absent or not a DuckDB store."""
        if not self.path.is_file():
            raise StoreMissing(f"no database at {self.path}",
                               fix="Run `wirecoder ingest … --db FILE` first or pass --db.")
        with self.cursor() as cur:
            cur.execute("SELECT count(*) FROM events").fetchone()

    def _open(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.retry_seconds
        delay = 0.01
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=True)
            except duckdb.IOException as e:
                if not _is_lock_conflict(e):
                    raise StoreError(f"cannot open {self.path}: {e}") from e
                if time.monotonic() >= deadline:
                    raise StoreBusy(f"{self.path} is locked by a writer",
                                    fix="Retry in a moment; ingest holds the lock per batch.") from e
                time.sleep(delay)
                delay = min(delay * 2, 0.2)
            except duckdb.Error as e:
                raise StoreError(f"cannot open {self.path}: {e}") from e

    def _acquire(self) -> tuple[int, duckdb.DuckDBPyConnection]:
        with self._lock:
            fresh = self._con is not None and time.monotonic() - self._opened < self.max_age
            if fresh:
                self._users += 1
                assert self._con is not None
                return id(self._con), self._con
            self._retire_current()
        con = self._open()  # outside the lock: retries must not stall readers of a live one
        with self._lock:
            if self._con is None:
                self._con, self._opened, self._users = con, time.monotonic(), 1
                return id(con), con
            # another request opened one meanwhile: keep ours private, closed after use
            self._retired[id(con)] = [con, 1]
            return id(con), con

    def _retire_current(self) -> None:
        if self._con is None:
            return
        if self._users == 0:
            self._con.close()
        else:
            self._retired[id(self._con)] = [self._con, self._users]
        self._con, self._users = None, 0

    def _release(self, key: int) -> None:
        with self._lock:
            if self._con is not None and id(self._con) == key:
                self._users -= 1
                if self._users == 0:  # idle: let a writer in
                    self._con.close()
                    self._con = None
                return
            entry = self._retired.get(key)
            if entry is not None:
                entry[1] -= 1
                if entry[1] == 0:
                    entry[0].close()
                    del self._retired[key]

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor on a read-only connection, released when the block ends."""
        key, con = self._acquire()
        try:
            cur = con.cursor()
            try:
                yield cur
            finally:
                cur.close()
        finally:
            self._release(key)

    def query(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        """Rows as dicts."""
        with self.cursor() as cur:
            cur.execute(sql, list(params))
            cols = [d[0] for d in cur.description or []]
            return [dict(zip(cols, row)) for row in cur.fetchall()]

    def columns(self, table: str) -> set[str]:
        """Column names of a table (the store's layout gains columns over time)."""
        rows = self.query("SELECT column_name FROM information_schema.columns "
                          "WHERE table_name = ?", [table])
        return {r["column_name"] for r in rows}

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None
            for con, _ in self._retired.values():
                con.close()
            self._retired.clear()
