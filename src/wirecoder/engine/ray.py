"""Ray engine: the same extraction on Ray Data (`map_batches` over an actor pool, the model
loaded once per actor). Results are re-ordered by input position (Ray Data does not keep
order), so the store ends up identical to the local engine's.

Articles are sent to Ray in chunks of `chunk` articles (one Dataset each) so an endless stream
stays bounded in memory; each chunk's results come back as the original batches, which the
caller writes one transaction each, exactly as with the local engine. Without an address a
local runtime is started on this machine (loopback, no dashboard, usage stats off) and shut
down at the end; `--ray-address` joins an existing cluster instead.
"""
from __future__ import annotations

import os
import pickle
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import ExtractionFailed, OptionalDependencyMissing
from ..ingest import InputFailure
from ..schema import Article, Report

__all__ = ["DEFAULT_CHUNK", "RayExtractor"]

DEFAULT_CHUNK = 1024


def _import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError:
        raise OptionalDependencyMissing("--engine ray needs Ray Data, which is not installed.",
                                        fix="Run: pip install 'wirecoder[ray]'") from None
    return ray


class _RayWorker:
    """One Ray actor: loads the model once, extracts a batch of articles (JSON in) and turns
    each report into its table rows (rows.ReportRows, pickled), so the driver only writes."""

    def __init__(self, model: str | None, run_id: str | None = None,
                 types_model: str | None = None) -> None:
        from ..pipeline import Pipeline

        self.pipeline = Pipeline(model, types_model=types_model)
        self.run_id = run_id

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import pickle

        from ..store.rows import ReportRows
        from .local import extract_batch

        articles = [Article.model_validate_json(s) for s in batch["article"]]
        out = []
        for r in extract_batch(self.pipeline, articles, warn_undated=False):
            if isinstance(r, Report):
                out.append(pickle.dumps(ReportRows.of(r, self.run_id)))
            else:
                out.append(pickle.dumps({"failure": [r.source, r.error.message]}))
        return {"idx": list(batch["idx"]), "result": out}


class RayExtractor:
    """`map(batches)` like the local extractors, on a Ray Data actor pool of `workers` actors."""

    def __init__(self, workers: int = 2, model: str | None = None, address: str | None = None,
                 chunk: int = DEFAULT_CHUNK, run_id: str | None = None,
                 types_model: str | None = None) -> None:
        ray = _import_ray()
        from ..nlp import resolve_model_name

        resolve_model_name(model)  # a missing model fails here, not in every actor
        self.ray, self.workers, self.model, self.chunk = ray, max(1, workers), model, chunk
        self.run_id = run_id
        from ..learn.model import resolve_types_model

        # resolved here: actors on a cluster do not see this process's environment
        self.types_model = resolve_types_model(types_model) or "none"
        self.started = False
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        if not ray.is_initialized():
            import logging

            kw: dict[str, Any] = {"logging_level": logging.WARNING, "log_to_driver": False}
            if address:
                ray.init(address=address, **kw)
            else:
                # Ray gives its raylet 30 s to register; a loaded 2-core machine can miss that
                # once, so a local start is tried twice.
                for attempt in (1, 2):
                    try:
                        ray.init(num_cpus=max(2, self.workers), include_dashboard=False,
                                 _node_ip_address="127.0.0.1", **kw)
                        break
                    except Exception as e:
                        ray.shutdown()
                        if attempt == 2 or "timed out during startup" not in str(e):
                            raise
            self.started = True
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        ctx.print_on_execution_start = False

    def _run(self, batches: list[list[Article]]) -> Iterator[list[Report | InputFailure]]:
        ray = self.ray
        items = [{"idx": i, "article": a.model_dump_json()}
                 for i, a in enumerate(a for b in batches for a in b)]
        per = max(1, min(16, len(items) // self.workers or 1))
        ds = ray.data.from_items(items).map_batches(
            _RayWorker, fn_constructor_args=(self.model, self.run_id, self.types_model),
            batch_size=per,
            compute=ray.data.ActorPoolStrategy(size=self.workers))
        rows = sorted(ds.take_all(), key=lambda r: r["idx"])  # Ray Data does not keep order
        results: list[Any] = []
        for r in rows:
            d = pickle.loads(r["result"])  # made by our own actors (trusted)
            if isinstance(d, dict) and "failure" in d:
                src, msg = d["failure"]
                results.append(InputFailure(src, ExtractionFailed(msg, source=src)))
            else:
                results.append(d)  # rows.ReportRows
        pos = 0
        for b in batches:
            yield results[pos:pos + len(b)]
            pos += len(b)

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Report | InputFailure]]:
        pending: list[list[Article]] = []
        n = 0
        for b in batches:
            pending.append(b)
            n += len(b)
            if n >= self.chunk:
                yield from self._run(pending)
                pending, n = [], 0
        if pending:
            yield from self._run(pending)

    def close(self) -> None:
        if self.started:
            self.ray.shutdown()
            self.started = False
