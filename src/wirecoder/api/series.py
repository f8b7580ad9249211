"""/api/series: the corpus claim series (corpus/series.py) grouped per claimant for charts.

Revisions and disagreements are flagged by `wirecoder.corpus.series` (one definition for the
CLI and the API); this module only reads the store through the API's read-only connections
and shapes the points as one line per (scope, claimant).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..corpus.series import SeriesPoint, series_from_store
from .db import Store

__all__ = ["claim_series"]


@dataclass
class _Rows:
    rows: list[tuple[Any, ...]]


class _Reader:
    """The `store.query(sql, params).rows` interface series_from_store expects."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def query(self, sql: str, params: list[Any] | None = None) -> _Rows:
        with self.store.cursor() as cur:
            cur.execute(sql, params or [])
            return _Rows(cur.fetchall())


def _point(p: SeriesPoint) -> dict[str, Any]:
    return {
        "date": p.as_of.isoformat() if isinstance(p.as_of, date) else p.as_of,
        "value": p.value,
        "value_max": p.value_max,
        "bound": p.bound,
        "uid": p.uid,
        "article_id": p.article_id,
        "outlet": p.outlet,
        "revision": p.revision,
        "disagreement": p.disagreement,
        "kind": getattr(p, "kind", "total"),
    }


def claim_series(
    store: Store,
    *,
    quantity: str,
    country: str | None = None,
    claimant: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    """{"series": [{claimant, scope, kind, points, latest, revisions, disagreements}], …}."""
    pts = series_from_store(
        _Reader(store),
        quantity=quantity,
        country=country,
        claimant=claimant,
        since=since,
        until=until,
    )
    # corpus/series keeps event-tied figures ("incident") apart from running totals
    lines: dict[tuple[str, str, str], list[SeriesPoint]] = defaultdict(list)
    for p in pts:
        lines[(p.scope, p.claimant, getattr(p, "kind", "total"))].append(p)
    series = [
        {
            "claimant": c,
            "scope": s,
            "kind": k,
            "points": [_point(p) for p in ps],
            "latest": ps[-1].value,
            "revisions": sum(1 for p in ps if p.revision),
            "disagreements": sum(1 for p in ps if p.disagreement),
        }
        for (s, c, k), ps in sorted(lines.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    return {"quantity": quantity, "country": country, "points": len(pts), "series": series}
