"""Where `wirecoder watch` got to in each source, kept in the store beside the articles.

One row per position key ("file:PATH", "tail:PATH", "feed:URL") with a small JSON state
(a file's size and mtime, a JSONL file's byte offset, a feed's ETag/Last-Modified). The rows
are written in the SAME transaction as the batch of articles they account for, so after a
kill -9 the store and the positions agree: the watcher resumes exactly after the last
committed batch, and idempotent writes absorb anything read twice.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

import duckdb

from ..schema import Report
from .db import Store

__all__ = ["WATCH_STATE_SQL", "commit_batch", "ensure_watch_state", "load_watch_state",
           "save_watch_state", "stored_urls"]

WATCH_STATE_SQL = """
CREATE TABLE IF NOT EXISTS watch_state (
    key      VARCHAR PRIMARY KEY,   -- file:PATH | tail:PATH | feed:URL
    state    VARCHAR,               -- JSON, see watch/*.py
    updated  TIMESTAMP
);
"""


def ensure_watch_state(store: Store) -> None:
    """Create the side table if this store has none yet (older stores, fresh files)."""
    with store.connection() as con:
        con.execute(WATCH_STATE_SQL)


def load_watch_state(store: Store) -> dict[str, dict[str, Any]]:
    """Every saved position, key → state."""
    with store.connection() as con:
        rows = con.execute("SELECT key, state FROM watch_state").fetchall()
    return {k: json.loads(s) for k, s in rows}


def save_watch_state(con: duckdb.DuckDBPyConnection,
                     states: Mapping[str, Mapping[str, Any]]) -> None:
    """Upsert positions on an open connection (inside the caller's transaction)."""
    if not states:
        return
    now = datetime.now(UTC).replace(tzinfo=None)
    for key, state in states.items():
        con.execute("INSERT OR REPLACE INTO watch_state VALUES (?, ?, ?)",
                    [key, json.dumps(dict(state), sort_keys=True), now])


def commit_batch(store: Store, reports: Iterable[Report], run_id: str,
                 states: Mapping[str, Mapping[str, Any]]) -> int:
    """Write a batch's reports and the positions it reaches in one transaction; returns the
    number of articles written (already stored ones are skipped, as in `ingest`)."""
    reports = list(reports)
    if not reports and not states:
        return 0
    return store.write_reports(reports, run_id, also=lambda con: save_watch_state(con, states))


def stored_urls(store: Store, urls: Iterable[str]) -> set[str]:
    """Which of these article URLs are stored already (feed entries are known by their link)."""
    urls = [u for u in urls if u]
    if not urls:
        return set()
    with store.connection() as con:
        rows = con.execute("SELECT DISTINCT url FROM articles WHERE list_contains(?, url)",
                           [urls]).fetchall()
    return {r[0] for r in rows}
