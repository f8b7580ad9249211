"""Local ingest engine: stream articles, extract in batches (one process or a process pool),
write each batch in one store transaction, then recompute the cross-article merge.

Why batches: a batch is the unit of work, of commit and of crash recovery. Articles already
in the store are skipped before extraction, so re-running an interrupted ingest only does
what is missing and never duplicates anything.
"""
from __future__ import annotations

import multiprocessing as mp
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from ..errors import ExtractionFailed, WirecoderError
from ..ingest import InputFailure, iter_articles
from ..schema import Article, Report

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "IngestSummary",
    "LocalExtractor",
    "PoolExtractor",
    "Progress",
    "batched",
    "extract_batch",
    "iter_inputs",
    "run_ingest",
]

DEFAULT_BATCH_SIZE = 32
# Articles spaCy parses at once inside a batch: a worker's peak memory grows with it (CNN
# dev articles: 451 MB at 8, 782 MB at 32) while its speed hardly does.
NLP_BATCH = 8


@dataclass
class IngestSummary:
    """What one ingest run did."""

    run_id: str
    seen: int = 0            # articles read from the sources
    stored: int = 0          # newly written
    skipped: int = 0         # already in the store
    failures: list[InputFailure] = field(default_factory=list)
    words: int = 0           # words of the articles extracted
    undated: int = 0         # extracted articles without a publication date
    seconds: float = 0.0
    start_seconds: float = 0.0   # of which before the first batch came back (model start)
    write_seconds: float = 0.0   # of which spent writing to the store
    merged_events: int | None = None

    @property
    def ok(self) -> bool:
        return not self.failures

    def line(self) -> str:
        rate = self.seen / self.seconds if self.seconds else 0.0
        merged = f", {self.merged_events} merged events" if self.merged_events is not None else ""
        undated = (f", {self.undated} without a publication date (relative dates unresolved)"
                   if self.undated else "")
        return (f"{self.seen} articles read, {self.stored} stored, {self.skipped} already stored, "
                f"{len(self.failures)} failed in {self.seconds:.1f}s ({rate:.1f} articles/s)"
                f"{merged}{undated}")


# (articles done, failures, words) after each batch
Progress = Callable[[int, int, int], None]


def iter_inputs(sources: Sequence[str], *, published: str | None = None,
                limit: int | None = None, columns: Any = None, input_format: str | None = None,
                max_bytes: int | None = None,
                language: str | None = None) -> Iterator[Article | InputFailure]:
    """Articles and failures of every source in order; at most `limit` articles (failures do
    not count towards the limit). Wraps `ingest.iter_articles` (same input options as
    `wirecoder extract`: `columns`, `input_format`, `max_bytes`), which has no limit."""
    n = 0
    for source in sources:
        for item in iter_articles(source, published=published, columns=columns,
                                  input_format=input_format, max_bytes=max_bytes,
                                  language=language):
            if isinstance(item, Article):
                if limit is not None and n >= limit:
                    return
                n += 1
            yield item


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for x in items:
        batch.append(x)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _failure(article: Article, e: Exception) -> InputFailure:
    msg = str(e).splitlines()[0] if str(e) else type(e).__name__
    return InputFailure(article.source, ExtractionFailed(f"extraction failed ({type(e).__name__}: "
                                                         f"{msg[:200]})", source=article.source))


UNDATED = ("no publication date: relative dates ('yesterday', 'on Monday') cannot be "
           "resolved; pass --published DATE (or --published-field FIELD for a corpus)")


def undated_warning(article: Article) -> str:
    return f"{article.source or article.id}: {UNDATED}"


def extract_batch(pipeline: Any, articles: list[Article], *,
                  warn_undated: bool = True) -> list[Report | InputFailure]:
    """Reports in input order; if the batched pass raises, retry one by one so a single bad
    article becomes an InputFailure instead of losing the batch. Articles without a
    publication date are logged as warnings (logger `wirecoder.ingest`) unless the caller
    reports them itself (`warn_undated=False`, the ingest engine)."""
    if warn_undated:
        import logging

        log = logging.getLogger("wirecoder.ingest")
        for a in articles:
            if not a.published:
                log.warning(undated_warning(a))
    try:
        return list(pipeline.extract_many(articles, batch_size=min(NLP_BATCH, len(articles) or 1)))
    except Exception:  # noqa: BLE001 - isolate the culprit below
        out: list[Report | InputFailure] = []
        for a in articles:
            try:
                out.append(pipeline.extract(a))
            except Exception as e:  # noqa: BLE001
                out.append(_failure(a, e))
        return out


class LocalExtractor:
    """Extraction in this process (model loaded once)."""

    def __init__(self, model: str | None = None, types_model: str | None = None) -> None:
        from ..pipeline import Pipeline

        self.pipeline = Pipeline(model, types_model=types_model)

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Report | InputFailure]]:
        for b in batches:
            yield extract_batch(self.pipeline, b, warn_undated=False)

    def close(self) -> None:
        pass


# -- process pool: one model per worker, loaded in the initializer ------------------------------
_WORKER_PIPELINE: Any = None


_WORKER_RUN_ID: str | None = None


def _init_worker(model: str | None, run_id: str | None = None,
                 types_model: str | None = None) -> None:
    global _WORKER_PIPELINE, _WORKER_RUN_ID
    from ..pipeline import Pipeline

    _WORKER_PIPELINE = Pipeline(model, types_model=types_model)
    _WORKER_RUN_ID = run_id


def _work(batch: list[dict[str, Any]]) -> list[Any]:
    """In a worker: extract, and turn each report into its table rows here, so the main process
    only writes (no report re-validated there: that was a sixth of its time)."""
    from ..store.rows import ReportRows

    articles = [Article.model_validate(a) for a in batch]
    out: list[Any] = []
    for r in extract_batch(_WORKER_PIPELINE, articles, warn_undated=False):
        if isinstance(r, Report):
            out.append(ReportRows.of(r, _WORKER_RUN_ID))
        else:
            out.append({"failure": [r.source, r.error.message]})
    return out


class PoolExtractor:
    """A multiprocessing pool (spawn: no forked DuckDB/thread state); at most 2×workers batches
    in flight so a stream of any length uses bounded memory; results come back in order.

    Each batch goes to the workers in parts of NLP_BATCH articles: with whole 32-article
    batches one worker idled through the last batch of a run (a quarter of a 256-article
    run on two workers) and waited behind a long batch; parts keep both busy to the end."""

    def __init__(self, workers: int, model: str | None = None,
                 run_id: str | None = None, types_model: str | None = None) -> None:
        from ..learn.model import load_types_model, resolve_types_model
        from ..nlp import resolve_model_name

        # fail here, not in the initializer: a pool re-spawns workers whose initializer raised
        resolve_model_name(model)
        types_model = resolve_types_model(types_model)
        if types_model:
            load_types_model(types_model)
        self.workers = workers
        self.pool = mp.get_context("spawn").Pool(workers, initializer=_init_worker,
                                                  initargs=(model, run_id, types_model or "none"))

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Report | InputFailure]]:
        window: deque[list[Any]] = deque()
        for b in batches:
            window.append([self.pool.apply_async(_work, ([a.model_dump(mode="json")
                                                          for a in part],))
                           for part in batched(b, NLP_BATCH)])
            if len(window) >= 2 * self.workers:
                yield self._collect(window.popleft())
        while window:
            yield self._collect(window.popleft())

    def _collect(self, parts: list[Any]) -> list[Any]:
        """One batch's results, its parts in order."""
        return [r for p in parts for r in self._decode(p.get())]

    @staticmethod
    def _decode(items: list[Any]) -> list[Any]:
        out: list[Any] = []
        for it in items:
            if isinstance(it, dict) and "failure" in it:
                src, msg = it["failure"]
                out.append(InputFailure(src, ExtractionFailed(msg, source=src)))
            else:
                out.append(it)  # rows.ReportRows
        return out

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


def make_extractor(engine: str, workers: int, model: str | None,
                   ray_address: str | None = None, run_id: str | None = None,
                   types_model: str | None = None) -> Any:
    if engine == "ray":
        from .ray import RayExtractor

        return RayExtractor(workers=workers, model=model, address=ray_address, run_id=run_id,
                            types_model=types_model)
    if workers > 1:
        return PoolExtractor(workers, model, run_id, types_model)
    return LocalExtractor(model, types_model)


def run_ingest(sources: Sequence[str], db: str, *, workers: int = 1, engine: str = "local",
               batch_size: int = DEFAULT_BATCH_SIZE, limit: int | None = None,
               published: str | None = None, model: str | None = None,
               ray_address: str | None = None, merge: bool = True,
               language: str | None = None,
               types_model: str | None = None,
               on_progress: Progress | None = None,
               on_failure: Callable[[InputFailure], None] | None = None,
               on_warning: Callable[[str], None] | None = None,
               columns: Any = None, input_format: str | None = None,
               max_bytes: int | None = None, max_warnings: int = 5) -> IngestSummary:
    """Ingest `sources` into the store at `db`; see the module docstring for the guarantees.
    `on_warning` gets the first `max_warnings` articles without a publication date (the
    summary counts them all)."""
    from ..store import Store, new_run_id

    store = Store(db, hold=False)  # open per batch: readers get the file between batches
    summary = IngestSummary(run_id=new_run_id())
    store.start_run(summary.run_id, list(sources), engine if engine == "ray" else
                    f"local:{workers}")
    t0 = time.perf_counter()

    def fail(f: InputFailure) -> None:
        summary.failures.append(f)
        if on_failure:
            on_failure(f)

    def todo() -> Iterator[list[Article]]:
        """Batches of articles not yet stored; read failures are reported on the way."""
        def articles() -> Iterator[Article]:
            for item in iter_inputs(sources, published=published, limit=limit, columns=columns,
                                    input_format=input_format, max_bytes=max_bytes,
                                    language=language):
                if isinstance(item, InputFailure):
                    fail(item)
                    continue
                summary.seen += 1
                yield item
        for batch in batched(articles(), batch_size):
            have = store.existing_ids(a.id for a in batch)
            new, seen_ids = [], set()
            for a in batch:
                if a.id in have or a.id in seen_ids:
                    summary.skipped += 1
                else:
                    seen_ids.add(a.id)
                    new.append(a)
            if new:
                yield new
            elif on_progress:
                on_progress(summary.seen, len(summary.failures), summary.words)

    status = "interrupted"
    extractor: Any = None
    try:
        batches = todo()
        first = next(batches, None)  # no model load (or Ray start) when nothing is new
        if first is not None:
            extractor = make_extractor(engine, workers, model, ray_address, summary.run_id,
                                       types_model)
        for results in (extractor.map(chain([first], batches)) if extractor else ()):
            if not summary.start_seconds:
                summary.start_seconds = time.perf_counter() - t0
            reports: list[Any] = []
            for r in results:
                if isinstance(r, InputFailure):
                    fail(r)
                    continue
                reports.append(r)
                if isinstance(r, Report):
                    summary.words += len(r.article.text.split())
                    dated, where = bool(r.article.published), r.article.source or r.article.id
                else:  # rows.ReportRows from a worker process
                    summary.words += r.words
                    dated, where = bool(r.published), r.source or r.article_id
                if not dated:
                    summary.undated += 1
                    if on_warning and summary.undated <= max_warnings:
                        on_warning(f"{where}: {UNDATED}")
            tw = time.perf_counter()
            summary.stored += store.write_reports(reports, summary.run_id)
            summary.write_seconds += time.perf_counter() - tw
            if on_progress:
                on_progress(summary.seen, len(summary.failures), summary.words)
        status = "done"
    finally:
        if extractor is not None:
            extractor.close()
        summary.seconds = time.perf_counter() - t0
        try:
            store.finish_run(summary.run_id, summary.stored, len(summary.failures), status)
        except WirecoderError:
            pass
    if merge:
        from ..corpus.merge import merge_store

        summary.merged_events = merge_store(db)
    if summary.stored or merge:
        from ..store.derived import refresh_derived

        refresh_derived(db)  # sorted events and the claim series for readers (derived.py)
    summary.seconds = time.perf_counter() - t0
    return summary
