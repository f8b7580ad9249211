"""Score one report against one gold document, and add documents up per dataset.

Pure functions over plain data: no model needed, so the scorer is unit-tested on
hand-built Reports. Only the parts a gold document lists in `annotated` are scored.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..schema import Report
from .events import score_acled, score_events
from .parts import score_claims, score_quotes, score_related
from .tally import Tallies

ACLED_PARTS = frozenset({"events.acled", "events.date", "events.location", "events.fatalities"})


@dataclass
class DocScore:
    """The counts of one document."""

    id: str
    dataset: str
    tallies: Tallies = field(default_factory=Tallies)

    def metrics(self) -> dict[str, float | None]:
        return self.tallies.metrics()


@dataclass
class DatasetScore:
    """Micro-averaged counts of one dataset (sums of its documents' counts)."""

    dataset: str
    docs: int = 0
    skipped: int = 0  # documents with `annotated: []` (nothing to score)
    errors: list[str] = field(default_factory=list)  # gold lines that failed validation
    tallies: Tallies = field(default_factory=Tallies)
    seconds: float | None = None
    documents: list[DocScore] = field(default_factory=list)

    def metrics(self) -> dict[str, float | None]:
        return self.tallies.metrics()

    def to_dict(self, documents: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"dataset": self.dataset, "docs": self.docs, "skipped": self.skipped,
                               "errors": list(self.errors), "seconds": self.seconds,
                               "metrics": self.metrics(), "counts": self.tallies.counts()}
        if documents:
            out["documents"] = [{"id": d.id, "metrics": d.metrics(), "counts": d.tallies.counts(),
                                 "notes": d.tallies.notes} for d in self.documents]
        return out


def score_document(gold: dict[str, Any], report: Report) -> DocScore:
    """Every annotated part of `gold` scored against `report` (SPEC §3 "Scoring details")."""
    annotated = frozenset(gold.get("annotated") or ())
    ds = DocScore(id=str(gold.get("id", report.article.id)), dataset=str(gold.get("dataset", "")))
    t = ds.tallies
    if "events" in annotated:
        score_events(gold, report, t)
    elif "events.recall" in annotated:
        score_events(gold, report, t, recall_only=True)
    if annotated & ACLED_PARTS:
        score_acled(gold, report, t, annotated)
    if "claims" in annotated:
        score_claims(gold, report, t)
    if "quotes" in annotated:
        score_quotes(gold, report, t)
    if "related" in annotated:
        score_related(gold, report, t)
    return ds


def aggregate(scores: Iterable[DocScore], dataset: str | None = None) -> DatasetScore:
    """Micro-average: the documents' counts summed; ratios are taken from the sums."""
    out: DatasetScore | None = None
    for s in scores:
        if out is None:
            out = DatasetScore(dataset=dataset or s.dataset)
        out.docs += 1
        out.tallies.add(s.tallies)
    return out if out is not None else DatasetScore(dataset=dataset or "")


__all__ = ["DatasetScore", "DocScore", "aggregate", "score_document"]
