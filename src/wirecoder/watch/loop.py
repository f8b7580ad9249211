"""The watch loop: poll every source, extract what is new in batches, commit each batch with
the source positions it reaches, merge, wait, repeat — until `stop` is set.

Guarantees (the same as `ingest`, kept across restarts):
- a batch is one store transaction holding its reports AND the positions (files' sizes and
  mtimes, JSONL offsets, feed validators) of everything it accounts for, so a kill -9 leaves
  positions that match the stored articles; the next start resumes from there;
- articles already stored (by id, and feed entries by link) are skipped before extraction;
- a failing input is reported and skipped; a failing feed backs off; other sources go on;
- `stop` is honoured between batches: the batch in hand is finished and committed first.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..engine.local import DEFAULT_BATCH_SIZE, make_extractor
from ..errors import InputError, StoreError, WirecoderError
from ..ingest import InputFailure
from ..schema import Article, Report
from .feeds import FeedSource
from .files import FileSource, FolderSource, TailSource
from .sources import Pending, SourceSpec

__all__ = ["WatchStatus", "WatchSummary", "run_watch"]

TICK_SECONDS = 1.0


class Source(Protocol):
    def poll(self) -> list[Pending]: ...
    def note(self) -> str: ...
    def close(self) -> None: ...


@dataclass
class WatchSummary:
    """What a watch run did so far (also the status line's numbers)."""

    run_id: str
    seen: int = 0
    stored: int = 0
    skipped: int = 0
    failures: list[InputFailure] = field(default_factory=list)
    batches: int = 0
    cycles: int = 0
    merged_events: int | None = None
    last_stored_at: float | None = None  # time.time() of the last batch that stored articles

    def line(self) -> str:
        merged = f", {self.merged_events} merged events" if self.merged_events is not None else ""
        return (f"{self.seen} articles read, {self.stored} stored, {self.skipped} already "
                f"stored, {len(self.failures)} failed{merged}")


@dataclass
class WatchStatus:
    """A snapshot for the status line: totals, what the loop is doing, per-source notes."""

    summary: WatchSummary
    doing: str
    notes: dict[str, str]


def _open_sources(specs: Sequence[SourceSpec], states: dict[str, dict[str, Any]],
                  published: str | None, settle: float, wake: Callable[[], None],
                  db: str) -> list[tuple[SourceSpec, Source]]:
    out: list[tuple[SourceSpec, Source]] = []
    for s in specs:
        src: Source
        if s.kind == "folder":
            src = FolderSource(s.target, states, published=published, settle=settle, wake=wake,
                               ignore=str(Path(db).resolve()))
        elif s.kind == "tail":
            src = TailSource(s.target, states, published=published)
        elif s.kind == "file":
            src = FileSource(s.target, states, published=published, settle=settle)
        else:
            src = FeedSource(s.target, s.interval, states, published=published)
        out.append((s, src))
    return out


def _batches(pending: list[Pending], size: int) -> list[list[Pending]]:
    """Consecutive runs of pending items holding at most `size` articles each."""
    out: list[list[Pending]] = [[]]
    n = 0
    for p in pending:
        if isinstance(p.item, Article) and n >= size:
            out.append([])
            n = 0
        out[-1].append(p)
        n += isinstance(p.item, Article)
    return [b for b in out if b]


def run_watch(specs: Sequence[str | SourceSpec], db: str, *, stop: threading.Event,
              batch_size: int = DEFAULT_BATCH_SIZE, workers: int = 1,
              model: str | None = None, published: str | None = None, merge: bool = True,
              once: bool = False, settle: float = 1.0, default_interval: float = 300.0,
              on_failure: Callable[[InputFailure], None] | None = None,
              on_status: Callable[[WatchStatus], None] | None = None) -> WatchSummary:
    """Watch `specs` into the store at `db` until `stop` is set (or after one pass with
    `once`); see the module docstring for the guarantees."""
    from ..store import Store, new_run_id
    from ..store.watch_state import (
        commit_batch,
        ensure_watch_state,
        load_watch_state,
        stored_urls,
    )
    from .sources import parse_source

    parsed = [s if isinstance(s, SourceSpec) else parse_source(s, default_interval)
              for s in specs]
    store = Store(db, hold=False)
    ensure_watch_state(store)
    states = load_watch_state(store)
    summary = WatchSummary(run_id=new_run_id())
    store.start_run(summary.run_id, [s.label for s in parsed], "watch")
    wake = threading.Event()
    sources = _open_sources(parsed, states, published, settle, wake.set, db)
    extractor: Any = None
    doing = "starting"

    def status(what: str) -> None:
        nonlocal doing
        doing = what
        if on_status:
            on_status(WatchStatus(summary, doing, {s.label: src.note() for s, src in sources}))

    def fail(f: InputFailure) -> None:
        summary.failures.append(f)
        if on_failure:
            on_failure(f)

    def run_batch(batch: list[Pending]) -> None:
        nonlocal extractor
        articles = [p for p in batch if isinstance(p.item, Article)]
        have = store.existing_ids(p.item.id for p in articles)  # type: ignore[union-attr]
        linked = stored_urls(store, (p.item.url for p in articles  # type: ignore[union-attr]
                                     if p.by_url and p.item.url))  # type: ignore[union-attr]
        new: list[Article] = []
        ids: set[str] = set()
        for p in batch:
            if isinstance(p.item, InputFailure):
                fail(p.item)
            elif isinstance(p.item, Article):
                a = p.item
                summary.seen += 1
                if a.id in have or a.id in ids or (p.by_url and a.url in linked):
                    summary.skipped += 1
                else:
                    ids.add(a.id)
                    new.append(a)
        reports: list[Report] = []
        if new:
            status(f"extracting {len(new)} articles")
            if extractor is None:
                extractor = make_extractor("local", workers, model)
            for results in extractor.map([new]):
                for r in results:
                    if isinstance(r, Report):
                        reports.append(r)
                    else:
                        fail(r)
        positions = {p.key: p.state for p in batch if p.key and p.state is not None}
        written = commit_batch(store, reports, summary.run_id, positions)
        states.update(positions)  # only now: a position moves once its batch is committed
        summary.stored += written
        summary.batches += 1
        if written:
            summary.last_stored_at = time.time()

    status_word = "interrupted"
    try:
        while True:
            wake.clear()
            status("polling")
            pending: list[Pending] = []
            for spec, src in sources:
                try:
                    pending.extend(src.poll())
                except WirecoderError as e:  # one source's trouble never stops the others
                    fail(InputFailure(spec.label, e))
                except OSError as e:  # e.g. a file made unreadable: report, retry next cycle
                    fail(InputFailure(spec.label, InputError(f"cannot read it ({e}).",
                                                             source=spec.label)))
            stored_before = summary.stored
            try:
                for batch in _batches(pending, batch_size):
                    run_batch(batch)
                    if stop.is_set():
                        break
                # the first cycle merges too: a run killed between its last batch and its
                # merge left merged_events behind the articles
                if merge and (summary.stored > stored_before or summary.cycles == 0):
                    from ..corpus.merge import merge_store

                    status("merging")
                    summary.merged_events = merge_store(db)
                if summary.stored > stored_before or summary.cycles == 0:
                    store.finish_run(summary.run_id, summary.stored, len(summary.failures),
                                     "running")
            except StoreError as e:
                # the store stayed locked (or failed): nothing of the batch was committed and
                # no position moved, so later cycles read it again (folders: at the rescan)
                fail(InputFailure(db, e))
            summary.cycles += 1
            if stop.is_set():
                break
            if once and not any(isinstance(src, FolderSource) and src.has_waiting()
                                for _, src in sources):
                break
            status("watching")
            deadline = time.monotonic() + TICK_SECONDS
            while not stop.is_set() and time.monotonic() < deadline:
                if wake.wait(0.1):
                    time.sleep(0.1)  # let a burst of file events gather
                    break
        status_word = "done"
    finally:
        for _, src in sources:
            src.close()
        if extractor is not None:
            extractor.close()
        try:
            store.finish_run(summary.run_id, summary.stored, len(summary.failures), status_word)
        except WirecoderError:
            pass
    return summary
