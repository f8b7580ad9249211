"""Read-only access to the DuckDB store that lets `wirecoder ingest` write at the same time.

DuckDB lets one process write a file, and any open connection (even read-only) holds a file
lock. Opening costs ~tens of ms on a large store, so the server shares one read-only
connection between the requests in flight (a cursor each) and closes it `linger` seconds
after the last one, so a writer can take the lock. Steady traffic would keep the file held
for ever (each new request reopens it at once), so a *hold period* is capped: once the file
has been held for `max_age` seconds without a free pause of `gap` seconds, new requests wait
until every connection is closed and `gap` has passed. That pause is the writer's window; it
is longer than the store writer's longest retry pause (0.5 s, store/db.py). Opening retries
while a writer holds its per-batch lock (StoreBusy after `retry_seconds`). New rows show
from the next open on.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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
    msg = str(err).lower()
    return "lock" in msg and ("conflicting" in msg or "could not set lock" in msg)


class Store:
    """Shared, short-lived read-only DuckDB connections to one database file."""

    # gap > the store writer's longest retry pause (0.5 s, store/db.py), so a waiting
    # `wirecoder ingest` gets the lock within max_age + gap even under steady reads.
    def __init__(
        self,
        path: str | Path,
        *,
        retry_seconds: float = 5.0,
        linger: float = 0.1,
        max_age: float = 3.0,
        gap: float = 0.6,
    ) -> None:
        self.path = Path(path)
        self.retry_seconds = retry_seconds
        self.linger, self.max_age, self.gap = linger, max_age, gap
        self._lock = threading.Condition()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._idle_since: float | None = None
        self._users = 0
        self._retired: list[list[Any]] = []  # [connection, users] still serving old requests
        self._held_since = 0.0  # start of the current hold period
        self._free_since = float("-inf")  # when the last connection closed (file free)
        self._reaper: threading.Thread | None = None
        self._closed = False

    def check(self) -> None:
        """Fail early with a clear error when the file is absent or not a wirecoder store."""
        if not self.path.is_file():
            raise StoreMissing(
                f"no database at {self.path}",
                fix="Run `wirecoder ingest … --db FILE` first or pass --db.",
            )
        try:
            self.query("SELECT count(*) FROM events")
        except duckdb.Error as e:
            raise StoreError(
                f"{self.path} is not a wirecoder store: {str(e).splitlines()[0]}"
            ) from None

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
                    raise StoreBusy(
                        f"{self.path} is locked by a writer",
                        fix="Retry in a moment; ingest holds the lock per batch.",
                    ) from e
                time.sleep(delay)
                delay = min(delay * 2, 0.1)
            except duckdb.Error as e:
                raise StoreError(f"cannot open {self.path}: {e}") from e

    def _mark_free(self) -> None:
        """Called under the lock after a close: note when the file became free."""
        if self._con is None and not self._retired:
            self._free_since = time.monotonic()
            self._lock.notify_all()

    def _acquire(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            while True:
                now = time.monotonic()
                over = now - self._held_since >= self.max_age
                if self._con is not None and not over:
                    self._users += 1
                    self._idle_since = None
                    return self._con
                if self._con is not None:  # held too long: retire it; the window follows
                    if self._users:
                        self._retired.append([self._con, self._users])
                    else:
                        self._con.close()
                    self._con, self._users = None, 0
                    self._mark_free()
                    continue
                if self._retired:  # old requests still hold the file
                    self._lock.wait(0.05)
                    continue
                free_for = now - self._free_since
                if free_for >= self.gap or not over:
                    break
                self._lock.wait(self.gap - free_for)  # the writer's window
        con = self._open()  # outside the lock: a retry must not stall other requests
        with self._lock:
            if self._con is None:
                now = time.monotonic()
                if now - self._free_since >= self.gap:  # a real pause: new hold period
                    self._held_since = now
                self._con, self._users, self._idle_since = con, 1, None
                self._start_reaper()
                return con
            con.close()  # another request opened one meanwhile: share it
            self._users += 1
            self._idle_since = None
            return self._con

    def _release(self, con: duckdb.DuckDBPyConnection) -> None:
        with self._lock:
            if con is self._con:
                self._users -= 1
                if self._users == 0:
                    self._idle_since = time.monotonic()
                return
            for entry in self._retired:
                if entry[0] is con:
                    entry[1] -= 1
                    if entry[1] == 0:
                        con.close()
                        self._retired.remove(entry)
                        self._mark_free()
                    return

    def _start_reaper(self) -> None:
        if self._reaper is None or not self._reaper.is_alive():
            self._reaper = threading.Thread(
                target=self._reap, name="wirecoder-store-reaper", daemon=True
            )
            self._reaper.start()

    def _reap(self) -> None:
        """Close the shared connection once it has been idle `linger` seconds."""
        while True:
            time.sleep(max(0.02, self.linger / 4))
            with self._lock:
                if self._closed or self._con is None:
                    return
                if (
                    self._users == 0
                    and self._idle_since is not None
                    and time.monotonic() - self._idle_since >= self.linger
                ):
                    self._con.close()
                    self._con = None
                    self._mark_free()
                    return

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor on the shared read-only connection, released when the block ends."""
        con = self._acquire()
        try:
            cur = con.cursor()
            try:
                yield cur
            finally:
                cur.close()
        finally:
            self._release(con)

    def query(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        """Rows as dicts."""
        with self.cursor() as cur:
            cur.execute(sql, list(params))
            cols = [d[0] for d in cur.description or []]
            return [dict(zip(cols, row)) for row in cur.fetchall()]

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._con is not None:
                self._con.close()
                self._con = None
            for con, _ in self._retired:
                con.close()
            self._retired.clear()
            self._lock.notify_all()
