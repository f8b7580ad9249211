"""Live updates: server-sent events when the store changes, and a cheap "anything new since X".

The store's *version* is the latest write time it records, in microseconds since the epoch:
the newest `articles.ingested_at` or `ingest_runs` start/finish (`watch` stamps its run after
each merge, so the version moves once merged events are ready too). One poller per app,
shared by every open stream, looks at the database file's size and mtime (and its WAL's)
every second — no lock taken — and reads the version only when they moved.
"""
from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from sse_starlette import EventSourceResponse

from ..errors import StoreError
from ..store.reader import file_stamp
from .db import Store
from .examples import example_response

__all__ = ["POLL_SECONDS", "STREAM_SECONDS", "ChangeFeed", "router", "store_version"]

router = APIRouter(prefix="/api", tags=["live"])

POLL_SECONDS = 1.0
# A stream ends after this long and the browser reconnects RETRY_MS later (a keep-alive
# request and a file stat; the `version` event on reconnect announces anything missed).
# Why: an open stream holds a server's graceful shutdown (uvicorn waits for every response),
# so a stream must never outlive a stop by more than a few seconds.
STREAM_SECONDS = 5.0
RETRY_MS = 500
FORCE_READ_SECONDS = 30.0  # read the version now and then even when the file looks still

_VERSION_SQL = """
SELECT
  (SELECT count(*) FROM articles) AS articles,
  (SELECT count(*) FROM events) AS events,
  (SELECT count(*) FROM merged_events) AS merged_events,
  greatest(
    (SELECT coalesce(max(epoch_us(ingested_at)), 0) FROM articles),
    (SELECT coalesce(max(greatest(epoch_us(started), coalesce(epoch_us(finished), 0))), 0)
       FROM ingest_runs)) AS version
"""


def store_version(store: Store) -> dict[str, int]:
    """The store's version and totals: {version, articles, events, merged_events}."""
    row = store.query(_VERSION_SQL)[0]
    return {k: int(row[k] or 0) for k in ("version", "articles", "events", "merged_events")}


def _fingerprint(v: dict[str, int]) -> str:
    return f"{v['version']}/{v['articles']}/{v['events']}/{v['merged_events']}"


class ChangeFeed:
    """Watches one store for every client of an app; started by the first open stream and
    stopped when the last one closes."""

    def __init__(self, store: Store, interval: float = POLL_SECONDS) -> None:
        self.store, self.interval = store, interval
        self.current: dict[str, int] | None = None
        self.stamp: tuple[Any, ...] | None = None
        self.read_at = 0.0
        self.queues: set[asyncio.Queue[dict[str, Any]]] = set()
        self.task: asyncio.Task[None] | None = None

    def file_stamp(self) -> tuple[Any, ...]:
        return file_stamp(self.store.path)

    async def refresh(self) -> dict[str, Any] | None:
        """The change since the last look, or None: {version, previous, new_articles,
        new_events, articles, events, merged_events, fingerprint}."""
        stamp = self.file_stamp()
        now = time.monotonic()
        if self.current is not None and stamp == self.stamp \
                and now - self.read_at < FORCE_READ_SECONDS:
            return None
        new = await run_in_threadpool(store_version, self.store)
        self.stamp, self.read_at = stamp, now
        old, self.current = self.current, new
        if old is None or _fingerprint(old) == _fingerprint(new):
            return None
        return {**self.describe(new), "previous": old["version"],
                "new_articles": max(0, new["articles"] - old["articles"]),
                "new_events": max(0, new["events"] - old["events"])}

    @staticmethod
    def describe(v: dict[str, int]) -> dict[str, Any]:
        return {**v, "fingerprint": _fingerprint(v)}

    async def snapshot(self) -> dict[str, int]:
        await self.refresh()
        assert self.current is not None
        return self.current

    def subscribe(self) -> asyncio.Queue[dict[str, Any]]:
        q: asyncio.Queue[dict[str, Any]] = asyncio.Queue(maxsize=16)
        self.queues.add(q)
        if self.task is None or self.task.done():
            self.task = asyncio.get_running_loop().create_task(self.run())
        return q

    def unsubscribe(self, q: asyncio.Queue[dict[str, Any]]) -> None:
        self.queues.discard(q)

    async def run(self) -> None:
        while self.queues:
            await asyncio.sleep(self.interval)
            try:
                change = await self.refresh()
            except StoreError:
                continue  # a writer holds the file: look again next second
            if change is None:
                continue
            for q in list(self.queues):
                if q.full():  # a stalled client keeps only the newest news
                    q.get_nowait()
                q.put_nowait(change)


def change_feed(request: Request) -> ChangeFeed:
    """The app's shared ChangeFeed, made on first use."""
    state = request.app.state
    feed = getattr(state, "change_feed", None)
    if feed is None:
        feed = state.change_feed = ChangeFeed(state.store)
    return feed


@router.get("/stream", responses=example_response("stream", "text/event-stream"), summary="Server-sent events: one `changed` event each time the store changes",
            description="An `text/event-stream`. On connect a `version` event gives the store's "
            "version and totals; afterwards a `changed` event (JSON: version, previous, "
            "new_articles, new_events and totals) follows every committed change, checked "
            "once a second for all clients together. A stream ends after a few seconds; "
            "browsers reconnect by themselves (`retry` 500 ms) and the next `version` "
            "event shows anything missed in between.",
            response_class=EventSourceResponse)
async def stream(request: Request) -> EventSourceResponse:
    feed = change_feed(request)
    first = ChangeFeed.describe(await feed.snapshot())
    q = feed.subscribe()

    async def events() -> AsyncIterator[dict[str, Any]]:
        deadline = time.monotonic() + getattr(request.app.state, "live_stream_seconds",
                                              STREAM_SECONDS)
        try:
            yield {"event": "version", "data": json.dumps(first), "retry": RETRY_MS}
            while (left := deadline - time.monotonic()) > 0:
                try:
                    change = await asyncio.wait_for(q.get(), timeout=left)
                except TimeoutError:
                    return
                yield {"event": "changed", "id": str(change["version"]),
                       "data": json.dumps(change)}
        finally:
            feed.unsubscribe(q)

    return EventSourceResponse(events(), ping=15, headers={"Cache-Control": "no-store"})


@router.get("/changes", responses=example_response("changes"), summary="Anything new since a version? Counts of new articles and events",
            description="Cheap to call often: `since` is a version from this endpoint, "
            "/api/stream or 0; the answer gives the current version and how many articles "
            "(and their events) were stored after `since`.")
def changes(
    request: Request,
    since: int = Query(0, ge=0, description="A version seen before (0: from the start)."),
) -> dict[str, Any]:
    store: Store = request.app.state.store
    now = store_version(store)
    row = store.query(
        "SELECT count(*) AS articles, (SELECT count(*) FROM events e JOIN articles a "
        "USING (article_id) WHERE epoch_us(a.ingested_at) > ?) AS events "
        "FROM articles WHERE epoch_us(ingested_at) > ?", [since, since])[0]
    return {"since": since, "version": now["version"], "changed": now["version"] > since,
            "new_articles": int(row["articles"]), "new_events": int(row["events"]),
            "articles": now["articles"], "events": now["events"],
            "merged_events": now["merged_events"]}
