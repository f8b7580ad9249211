"""Eval output: one Rich table per dataset (stdout) and the JSON of every number."""
from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from .score import DatasetScore

# Headline metrics first, in this order; the rest follow alphabetically.
ORDER: tuple[str, ...] = (
    "events.f1", "events.precision", "events.recall", "events.key_recall", "events.actor",
    "events.recipient", "events.mediator", "events.date", "events.country", "events.location",
    "events.status", "events.mode", "events.dead", "events.injured",
    "acled.sub_event", "acled.event_type", "acled.date", "acled.location", "acled.location_5km",
    "acled.fatalities",
    "acled.outside",
    "claims.f1", "claims.precision", "claims.recall", "claims.bound", "claims.claimant",
    "claims.as_of", "claims.period_start", "claims.qualifiers",
    "quotes.f1", "quotes.precision", "quotes.recall", "quotes.speaker", "quotes.channel",
    "related.f1", "related.precision", "related.recall",
)


def ordered_metrics(ds: DatasetScore) -> list[tuple[str, float | None]]:
    m = ds.metrics()
    first = [(k, m[k]) for k in ORDER if k in m]
    rest = [(k, m[k]) for k in sorted(m) if k not in ORDER]
    return first + rest


def _counts_text(ds: DatasetScore, name: str) -> str:
    counts = ds.tallies.counts()
    base = name.rsplit(".", 1)[0] if name.rsplit(".", 1)[-1] in ("f1", "precision", "recall") \
        and name.rsplit(".", 1)[0] in ds.tallies.prf else name
    c = counts.get(base)
    if c is None:
        return ""
    if "tp" in c:
        return f"tp {c['tp']}  fp {c['fp']}  fn {c['fn']}"
    return f"{c['right']} / {c['total']}"


def fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def print_tables(results: Mapping[str, DatasetScore], console: Console | None = None) -> None:
    """A table per dataset: metric, value, the counts it comes from."""
    console = console or Console()
    for name, ds in results.items():
        secs = f", {ds.seconds:.1f} s" if ds.seconds is not None else ""
        head = f"[bold]{name}[/bold]: {ds.docs} docs scored, {ds.skipped} skipped{secs}"
        if ds.errors:
            head += f", [red]{len(ds.errors)} errors[/red]"
        console.print(head)
        if not ds.docs:
            continue
        table = Table()
        table.add_column("metric")
        table.add_column("value", justify="right")
        table.add_column("counts", justify="right")
        for metric, value in ordered_metrics(ds):
            table.add_row(metric, fmt(value), _counts_text(ds, metric))
        console.print(table)
        console.print()


def results_json(results: Mapping[str, DatasetScore], *, documents: bool = False,
                 **meta: Any) -> dict[str, Any]:
    """Every number of a run as JSON-ready data."""
    return {**meta, "datasets": {k: v.to_dict(documents=documents) for k, v in results.items()}}


def write_json(path: str | Path, results: Mapping[str, DatasetScore], *, documents: bool = False,
               **meta: Any) -> None:
    Path(path).write_text(json.dumps(results_json(results, documents=documents, **meta),
                                     indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


__all__ = ["ORDER", "fmt", "ordered_metrics", "print_tables", "results_json", "write_json"]
