"""A writer's notice to readers: "I am waiting for this file" (DuckDB: one writer or readers).

A wirecoder writer (ingest batch, merge, upgrade) puts a file in `<db>.writers/` before it
opens the database and removes it after closing. A long-lived reader (the API server) checks
that folder before each request (one `scandir`, microseconds): while it holds a notice from a
live process, the reader closes its connection as soon as the requests in flight end and
opens no new one, so the writer gets the file within one request's time; with no notice, the
reader keeps its connection (and its warm caches) as long as it likes. A notice of a process
that is gone is ignored.
"""
from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["announce", "writer_waiting", "writers_dir"]

_ids = itertools.count(1)
_lock = threading.Lock()


def writers_dir(db: str | Path) -> Path:
    return Path(str(db) + ".writers")


@contextmanager
def announce(db: str | Path) -> Iterator[None]:
    """Hold a writer notice for `db` during the block (best effort: no notice if the folder
    cannot be written, e.g. an in-memory or read-only location)."""
    d = writers_dir(db)
    with _lock:
        n = next(_ids)
    path = d / f"{os.getpid()}-{n}"
    made = False
    if str(db) not in ("", ":memory:"):
        try:
            d.mkdir(exist_ok=True)
            path.touch()
            made = True
        except OSError:
            pass
    try:
        yield
    finally:
        if made:
            try:
                path.unlink()
            except OSError:
                pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def writer_waiting(db: str | Path) -> bool:
    """True while a live writer process holds a notice for `db`."""
    try:
        entries = list(os.scandir(writers_dir(db)))
    except OSError:
        return False
    for e in entries:
        try:
            pid = int(e.name.split("-", 1)[0])
        except ValueError:
            continue
        if _alive(pid):
            return True
        try:
            os.unlink(e.path)  # a crashed writer's notice
        except OSError:
            pass
    return False
