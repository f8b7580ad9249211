"""Run the pipeline over gold files and score every document: `wirecoder eval`'s core."""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import GoldError, NotGoldFile, WirecoderError
from ..ingest import make_article
from ..schema import Article, Report
from .gold import GoldDoc, read_gold, select
from .score import DatasetScore, DocScore, score_document

if TYPE_CHECKING:
    from ..pipeline import Pipeline

CHUNK = 64  # articles per extract_many call: a failing article costs one chunk's retry, not the run


def gold_article(doc: GoldDoc) -> Article:
    """The Article a gold document describes: its text, publication date, id and title."""
    d = doc.data
    published = d.get("published") if isinstance(d.get("published"), str) else None
    return make_article(d["text"], id=doc.id, source=doc.where, published=published,
                        title=d.get("title") if isinstance(d.get("title"), str) else None,
                        language=d.get("language") or "en")


def _extract(pipeline: Pipeline, articles: Sequence[Article], errors: list[str]) -> Iterator[Report]:
    """Reports in input order, batched; an article whose extraction raises is reported and
    scored as an empty report (every gold item missed) so one bug does not stop the run."""
    for i in range(0, len(articles), CHUNK):
        chunk = articles[i:i + CHUNK]
        try:
            reports = list(pipeline.extract_many(chunk))
        except Exception:  # noqa: BLE001 — retried one by one below to find the culprit
            reports = []
            for a in chunk:
                try:
                    reports.append(pipeline.extract(a))
                except Exception as e:  # noqa: BLE001
                    errors.append(f"{a.source}: extraction failed: {type(e).__name__}: {e}")
                    reports.append(Report(article=a))
        yield from reports


def _progress(enabled: bool):  # type: ignore[no-untyped-def]
    if not enabled:
        return nullcontext(None)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=Console(stderr=True), transient=False)


def evaluate_files(paths: Iterable[str | Path], pipeline: Pipeline | None = None,
                   limit: int | None = None, progress: bool = True, *, sample: int | None = None,
                   model: str | None = None,
                   on_error: Callable[[str], None] | None = None,
                   on_skip: Callable[[str], None] | None = None) -> dict[str, DatasetScore]:
    """Score gold files: {dataset: DatasetScore}. `limit` keeps the first N documents of each
    file, `sample` a deterministic N of them (by sha1 of the id). Bad gold lines and failed
    extractions are passed to `on_error` (default: printed to stderr) and the run goes on; a
    file that is not report gold at all (HTML-extraction gold) goes to `on_skip`."""
    report_error = on_error or (lambda msg: print(f"wirecoder eval: {msg}", file=sys.stderr))
    report_skip = on_skip or (lambda msg: print(f"wirecoder eval: {msg}", file=sys.stderr))
    results: dict[str, DatasetScore] = {}
    with _progress(progress) as bar:
        for path in paths:
            docs: list[GoldDoc] = []
            bad: list[str] = []
            try:
                for item in read_gold(path):
                    if isinstance(item, GoldError):
                        bad.append(str(item))
                        report_error(str(item))
                    else:
                        docs.append(item)
            except NotGoldFile as e:
                report_skip(str(e))
                continue
            except GoldError as e:
                report_error(str(e))
                continue
            docs = select(docs, limit=limit, sample=sample)
            scored = [d for d in docs if d.annotated]
            doc_scores: list[DocScore] = []
            if scored and pipeline is None:
                from ..pipeline import Pipeline
                pipeline = Pipeline(model)
            t0 = time.perf_counter()  # extraction + scoring, not the model load
            if scored and pipeline is not None:
                task = bar.add_task(Path(path).name, total=len(scored)) if bar else None
                pairs: list[tuple[GoldDoc, Article]] = []
                for d in scored:
                    try:
                        pairs.append((d, gold_article(d)))
                    except (WirecoderError, ValueError) as e:
                        bad.append(f"{d.where}: cannot build the article: {e}")
                        report_error(bad[-1])
                ex_errors: list[str] = []
                for (d, _), rep in zip(pairs, _extract(pipeline, [a for _, a in pairs], ex_errors)):
                    s = score_document(d.data, rep)
                    s.dataset = d.dataset
                    doc_scores.append(s)
                    if bar is not None and task is not None:
                        bar.advance(task)
                for msg in ex_errors:
                    report_error(msg)
                bad.extend(ex_errors)
            for d in docs:
                ds = results.setdefault(d.dataset, DatasetScore(dataset=d.dataset))
                if not d.annotated:
                    ds.skipped += 1
            for s in doc_scores:
                ds = results.setdefault(s.dataset, DatasetScore(dataset=s.dataset))
                ds.docs += 1
                ds.tallies.add(s.tallies)
                ds.documents.append(s)
            elapsed = time.perf_counter() - t0
            for name in {d.dataset for d in docs}:
                ds = results[name]
                ds.errors.extend(bad)
                ds.seconds = round((ds.seconds or 0.0) + elapsed, 2)
    return results


__all__ = ["evaluate_files", "gold_article"]
