"""The claim series: the flagged points (`series_points`), one line per (scope, claimant,
kind) for charts (`series_lines`), and the same as JSON bytes made by DuckDB (`series_json`)
or stored gzipped at ingest (`series_body`). Read from the `series_points` table when it is
up to date (derived.py), else computed from the claims (corpus.series)."""
from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from typing import Any

from ..filters import QUANTITIES, Filters, InvalidFilter
from .fetch import derived_fresh
from .where import series_where

__all__ = ["series_body", "series_json", "series_lines", "series_points"]

def series_points(db: Any, filters: Filters | None = None) -> list[Any]:
    """The flagged claim series (corpus.series.SeriesPoint), from `series_points` when it is
    up to date (derived.py), else computed from the claims; flags are over the whole
    quantity/scope, so a claimant filter keeps other claimants' disagreements visible."""
    from ...corpus.series import SeriesPoint, build_series
    from ..derived import SERIES_COLUMNS_SQL, SERIES_ORDER_SQL, load_claim_points
    from ..rows import normalize_name

    f = (filters or Filters()).checked("series")
    country = f.country[0] if f.country else None
    if len(f.country) > 1:
        raise InvalidFilter("country", "one country per series")
    if derived_fresh(db):
        w = series_where(f, country)
        _, rows = db.fetch(f"SELECT {SERIES_COLUMNS_SQL} FROM series_points WHERE {w.sql()} "
                           f"ORDER BY {SERIES_ORDER_SQL}", w.params)
        return [SeriesPoint(as_of=r[0], quantity=r[1], scope=r[2], claimant=r[3], kind=r[4],
                            value=r[5], value_max=r[6], bound=r[7], period_start=r[8],
                            article_id=r[9], outlet=r[10], revision=r[11], disagreement=r[12],
                            uid=r[13]) for r in rows]
    pts = build_series(load_claim_points(db.fetch, quantity=f.quantity,
                                         countries=[country] if country else None))
    if f.claimant:
        needle = normalize_name(f.claimant)
        pts = [p for p in pts if needle in p.claimant]
    if f.since:
        pts = [p for p in pts if p.as_of is not None and p.as_of >= f.since]
    if f.until:
        pts = [p for p in pts if p.as_of is not None and p.as_of <= f.until]
    return pts


def series_body(db: Any, filters: Filters) -> bytes | None:
    """The stored, gzipped /api/series answer for a quantity and one country (derived.py), or
    None (other filters, or the stored series not up to date)."""
    from ..derived import SERIES_FORMAT

    f = filters.checked("series")
    if not (f.quantity and len(f.country) == 1) or f.claimant or f.since or f.until:
        return None
    try:
        _, rows = db.fetch(
            "SELECT body FROM series_bodies WHERE quantity = ? AND country = ? AND "
            "(SELECT value FROM store_meta WHERE key = 'series_format') = ?",
            [f.quantity, f.country[0], SERIES_FORMAT])
    except Exception:  # noqa: BLE001 - a store without the table
        return None
    if rows:
        return bytes(rows[0][0]) if derived_fresh(db) else None
    return None


def series_json(db: Any, filters: Filters | None = None, *, fresh: bool = False) -> bytes | None:
    """`series_lines` as JSON bytes made by DuckDB from `series_points` (no Python object per
    point: a 20,000-point series is ~20 ms instead of ~250); None when that table is not up
    to date (then use series_lines)."""
    f = (filters or Filters()).checked("series")
    if not f.quantity or len(f.country) > 1 or not (fresh or derived_fresh(db)):
        return None
    w = series_where(f, f.country[0] if f.country else None)
    _, rows = db.fetch(f"""
        WITH lines AS (
          SELECT scope, claimant, kind, count(*) AS n,
                 list(struct_pack(date := as_of, value := value, value_max := value_max,
                                  bound := bound, uid := uid, article_id := article_id,
                                  outlet := outlet, revision := revision,
                                  disagreement := disagreement, kind := kind)
                      ORDER BY as_of NULLS LAST, article_id, uid) AS points,
                 count(revision) AS revisions, count(disagreement) AS disagreements
          FROM series_points WHERE {w.sql()} GROUP BY scope, claimant, kind)
        SELECT coalesce(sum(n), 0), to_json(coalesce(list(struct_pack(
                 claimant := claimant, scope := scope, kind := kind, points := points,
                 latest := points[-1].value, revisions := revisions,
                 disagreements := disagreements) ORDER BY n DESC, scope, claimant, kind), []))
        FROM lines""", w.params)
    n, series = rows[0]
    head = json.dumps({"quantity": f.quantity, "country": f.country[0] if f.country else None,
                       "points": int(n)})
    return (head[:-1] + ', "series": ' + series + "}").encode()


def series_lines(db: Any, filters: Filters | None = None) -> dict[str, Any]:
    """The series as one line per (scope, claimant, kind), most points first (for charts)."""
    f = (filters or Filters()).checked("series")
    if not f.quantity:
        raise InvalidFilter("quantity", "required; accepted: " + ", ".join(QUANTITIES),
                            list(QUANTITIES))
    pts = series_points(db, f)
    lines: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
    for p in pts:
        lines[(p.scope, p.claimant, p.kind)].append(p)
    series = [
        {
            "claimant": c, "scope": s, "kind": k,
            "points": [{"date": p.as_of.isoformat() if isinstance(p.as_of, date) else p.as_of,
                        "value": p.value, "value_max": p.value_max, "bound": p.bound,
                        "uid": p.uid, "article_id": p.article_id, "outlet": p.outlet,
                        "revision": p.revision, "disagreement": p.disagreement, "kind": p.kind}
                       for p in ps],
            "latest": ps[-1].value,
            "revisions": sum(1 for p in ps if p.revision),
            "disagreements": sum(1 for p in ps if p.disagreement),
        }
        for (s, c, k), ps in sorted(lines.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    return {"quantity": f.quantity, "country": f.country[0] if f.country else None,
            "points": len(pts), "series": series}
