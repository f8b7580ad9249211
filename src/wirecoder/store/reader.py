"""A long-lived reader of the store (the API server) that lets `wirecoder ingest` write.

DuckDB lets one process write a file, and any open connection (even read-only) holds a file
lock. Opening costs tens of ms on a large store and empties DuckDB's caches, so the reader
keeps one read-only connection and lends each request a cursor from a pool (a connection per
worker thread, reused; no per-request connect). It lets go when a writer asks:

- a wirecoder writer leaves a notice before it opens the file (intent.py); while one is there,
  no new cursor is lent, the connection closes as soon as the requests in flight end, and
  requests wait until the notice is gone (then reopen), answering StoreBusy (503) after
  `retry_seconds`;
- a writer that leaves no notice still gets the file: a connection is retired once it has been
  held `max_age` seconds without a free pause of `gap` seconds, and after `linger` seconds
  without requests.

`version` identifies what the open connection sees: the database file's and WAL's size and
mtime, read once the connection holds its lock (no write can happen while it is open). It
changes only when a writer has written, so caches keyed on it are exact (api/cache.py).
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from .intent import writer_waiting

__all__ = ["Reader", "StoreBusy", "StoreMissing", "file_stamp", "tune"]




def file_stamp(path: str | os.PathLike[str]) -> tuple[Any, ...]:
    """(mtime, size) of a DuckDB file and its WAL: changes whenever a writer commits, read
    without opening the database (no lock taken)."""
    out: list[Any] = []
    for p in (str(path), str(path) + ".wal"):
        try:
            st = os.stat(p)
            out.append((st.st_mtime_ns, st.st_size))
        except OSError:
            out.append(None)
    return tuple(out)

class StoreMissing(StoreError):
    """The database file does not exist."""

    code = "E301"


class StoreBusy(StoreError):
    """The database stayed locked by a writer for longer than the retry budget."""

    code = "E302"


def _is_lock_conflict(err: Exception) -> bool:
    msg = str(err).lower()
    return "lock" in msg and ("conflicting" in msg or "could not set lock" in msg)


def tune(con: duckdb.DuckDBPyConnection) -> None:
    """Settings the query layer relies on: a page of up to 500 rows is fetched by late
    materialization (DuckDB's default stops at 50 rows, and a 51-row top-N of wide rows
    was 5× slower)."""
    try:
        con.execute("SET GLOBAL late_materialization_max_rows = 1024")
        threads = os.environ.get("WIRECODER_DUCKDB_THREADS")
        if threads:
            con.execute(f"SET GLOBAL threads = {int(threads)}")
    except duckdb.Error:
        pass


class _Gen:
    """One open connection, its idle cursors and its users."""

    __slots__ = ("con", "cursors", "idle", "opened", "users", "version")

    def __init__(self, con: duckdb.DuckDBPyConnection, version: tuple[Any, ...]) -> None:
        self.con = con
        self.idle: list[duckdb.DuckDBPyConnection] = []
        self.cursors: list[duckdb.DuckDBPyConnection] = []
        self.users = 0
        self.version = version
        self.opened = time.monotonic()

    def close(self) -> None:
        for c in self.cursors:
            try:
                c.close()
            except duckdb.Error:
                pass
        self.cursors.clear()
        self.idle.clear()
        self.con.close()


class Reader:
    """Shared read-only access to one database file (see module docstring)."""

    def __init__(self, path: str | Path, *, retry_seconds: float = 5.0, linger: float = 0.1,
                 max_age: float = 30.0, gap: float = 0.6) -> None:
        self.path = Path(path)
        self.retry_seconds = retry_seconds
        self.linger, self.max_age, self.gap = linger, max_age, gap
        self._lock = threading.Condition()
        self._gen: _Gen | None = None
        self._idle_since: float | None = None
        self._retired: list[_Gen] = []
        self._held_since = 0.0
        self._free_since = float("-inf")
        self._reaper: threading.Thread | None = None
        self._closed = False
        self._last_version: tuple[Any, ...] | None = None

    # -- compatibility with the earlier api.db.Store ----------------------------------------
    def check(self) -> None:
        """Fail early with a clear error when the file is absent or not a wirecoder store;
        upgrade a store written by an older wirecoder (store/layout.py) once."""
        if not self.path.is_file():
            raise StoreMissing(f"no database at {self.path}",
                               fix="Run `wirecoder ingest … --db FILE` first or pass --db.")
        try:
            _, rows = self.fetch("SELECT count(*) FROM events")
        except duckdb.Error as e:
            raise StoreError(f"{self.path} is not a wirecoder store: "
                             f"{str(e).splitlines()[0]}") from None
        from .layout import LAYOUT

        _, rows = self.fetch("SELECT count(*) FROM duckdb_tables() WHERE table_name = "
                             "'store_meta'")
        layout = 1
        if rows[0][0]:
            _, r = self.fetch("SELECT value FROM store_meta WHERE key = 'layout'")
            layout = int(r[0][0]) if r else 1
        self.release_all()  # the file is free for a writer until the first request
        if layout < LAYOUT:
            from .db import upgrade

            upgrade(self.path, self.retry_seconds)

    # -- opening and lending -----------------------------------------------------------------
    def _stamp(self) -> tuple[Any, ...]:
        return file_stamp(self.path)

    def _open(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.retry_seconds
        delay = 0.01
        while True:
            if writer_waiting(self.path) and time.monotonic() < deadline:
                time.sleep(delay)
                delay = min(delay * 2, 0.05)
                continue
            try:
                con = duckdb.connect(str(self.path), read_only=True)
                tune(con)
                return con
            except duckdb.IOException as e:
                if not _is_lock_conflict(e):
                    raise StoreError(f"cannot open {self.path}: {e}") from e
                if time.monotonic() >= deadline:
                    raise StoreBusy(f"{self.path} is locked by a writer",
                                    fix="Retry in a moment; ingest holds the lock per batch.") from e
                time.sleep(delay)
                delay = min(delay * 2, 0.1)
            except duckdb.Error as e:
                raise StoreError(f"cannot open {self.path}: {e}") from e

    def _mark_free(self) -> None:
        if self._gen is None and not self._retired:
            self._free_since = time.monotonic()
            self._lock.notify_all()

    def _retire(self) -> None:
        """Under the lock: stop lending the current connection; close it when unused."""
        g = self._gen
        if g is None:
            return
        self._gen = None
        if g.users:
            self._retired.append(g)
        else:
            g.close()
        self._mark_free()

    def _acquire(self) -> _Gen:
        deadline = time.monotonic() + self.retry_seconds
        with self._lock:
            while True:
                if self._closed:
                    raise StoreError("the store reader is closed")
                now = time.monotonic()
                waiting = writer_waiting(self.path)
                over = now - self._held_since >= self.max_age
                if self._gen is not None and not waiting and not over:
                    self._gen.users += 1
                    self._idle_since = None
                    return self._gen
                if self._gen is not None:  # a writer asks, or held too long: let go
                    self._retire()
                    continue
                if self._retired or waiting:  # old requests or a writer still hold the file
                    if now >= deadline:
                        raise StoreBusy(f"{self.path} is locked by a writer",
                                        fix="Retry in a moment; ingest holds the lock per batch.")
                    self._lock.wait(0.02)
                    continue
                free_for = now - self._free_since
                if free_for >= self.gap or not over:
                    break
                self._lock.wait(self.gap - free_for)  # the writer's window
        con = self._open()  # outside the lock: a retry must not stall other requests
        version = self._stamp()  # the lock is held now: no write until we close
        with self._lock:
            if self._gen is None:
                now = time.monotonic()
                if now - self._free_since >= self.gap:  # a real pause: new hold period
                    self._held_since = now
                self._gen = _Gen(con, version)
                self._gen.users = 1
                self._idle_since = None
                self._last_version = version
                self._start_reaper()
                return self._gen
            con.close()  # another request opened one meanwhile: share it
            self._gen.users += 1
            self._idle_since = None
            return self._gen

    def _release(self, g: _Gen, cur: duckdb.DuckDBPyConnection | None) -> None:
        with self._lock:
            g.users -= 1
            if g is self._gen:
                if cur is not None:
                    g.idle.append(cur)
                if g.users == 0:
                    self._idle_since = time.monotonic()
                return
            if g in self._retired and g.users == 0:
                g.close()
                self._retired.remove(g)
                self._mark_free()

    def _start_reaper(self) -> None:
        if self._reaper is None or not self._reaper.is_alive():
            self._reaper = threading.Thread(target=self._reap, name="wirecoder-store-reaper",
                                            daemon=True)
            self._reaper.start()

    def _reap(self) -> None:
        """Close the connection once idle `linger` seconds, or at once when a writer asks."""
        while True:
            time.sleep(0.02)
            with self._lock:
                if self._closed or self._gen is None:
                    return
                idle = (self._gen.users == 0 and self._idle_since is not None
                        and time.monotonic() - self._idle_since >= self.linger)
                if idle or (self._gen.users == 0 and writer_waiting(self.path)):
                    self._retire()
                    return

    @contextmanager
    def lease(self) -> Iterator[tuple[duckdb.DuckDBPyConnection, tuple[Any, ...]]]:
        """A cursor of the shared connection and the version it sees, for one request."""
        g = self._acquire()
        cur = None
        try:
            with self._lock:
                cur = g.idle.pop() if g.idle else None
            if cur is None:
                cur = g.con.cursor()
                with self._lock:
                    g.cursors.append(cur)
            yield cur, g.version
        except BaseException:
            self._release(g, None)  # a cursor that failed mid-query is not reused
            raise
        else:
            self._release(g, cur)

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.lease() as (cur, _):
            yield cur

    def current_version(self) -> tuple[Any, ...] | None:
        """The version of the open connection while it may keep serving (no writer asking,
        within its hold period), else None: what a cached answer can be matched against
        without touching the database."""
        g = self._gen
        if g is None or time.monotonic() - self._held_since >= self.max_age \
                or writer_waiting(self.path):
            return None
        return g.version

    @property
    def version(self) -> tuple[Any, ...] | None:
        """The version the last opened connection saw (None before the first)."""
        return self._last_version

    def fetch(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        with self.cursor() as cur:
            cur.execute(sql, list(params))
            return [d[0] for d in cur.description or []], cur.fetchall()

    def query(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        """Rows as dicts."""
        cols, rows = self.fetch(sql, params)
        return [dict(zip(cols, r)) for r in rows]

    def release_all(self) -> None:
        """Close the connection now if unused (before this process writes the file itself)."""
        with self._lock:
            self._retire()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._gen is not None:
                self._gen.close()
                self._gen = None
            for g in self._retired:
                g.close()
            self._retired.clear()
            self._lock.notify_all()


class Bound:
    """The query layer's reader interface over one leased cursor (one request)."""

    def __init__(self, cur: duckdb.DuckDBPyConnection, version: tuple[Any, ...]) -> None:
        self.cur, self.version = cur, version

    def fetch(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        self.cur.execute(sql, list(params))
        return [d[0] for d in self.cur.description or []], self.cur.fetchall()


__all__ += ["Bound"]
