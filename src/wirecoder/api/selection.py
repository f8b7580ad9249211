"""The dashboard's current selection (the event filters): its totals, its actor graph, and a
download of it as CSV, Parquet or ACLED-style CSV."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from ..store.acled import ACLED_COLUMNS, DEFAULT_MIN_CONFIDENCE, acled_records
from .db import Store
from .examples import example_response
from .params import EventFilters, invalid, parse_event_filters
from .queries import event_where

__all__ = ["SELECTION", "router", "selection_filters"]

router = APIRouter(prefix="/api/selection", tags=["views"])


def selection_filters(
    type: str | None = Query(None, description="PLOVER type(s), comma-separated."),
    mode: str | None = Query(None, description="PLOVER mode(s), comma-separated."),
    status: str | None = Query(None, description="Event status(es), comma-separated."),
    country: str | None = Query(None, description="ISO 3166 alpha-3 code(s) of the place."),
    actor: str | None = Query(None, description="Actor name (case-insensitive)."),
    role: str | None = Query(None, description="With `actor`: actor, recipient or mediator."),
    since: str | None = Query(None, description="Events on or after this date (YYYY-MM-DD)."),
    until: str | None = Query(None, description="Events on or before this date (YYYY-MM-DD)."),
    q: str | None = Query(None, description="Text in the evidence sentence or place name."),
) -> EventFilters:
    """The same event filters as /api/events, checked the same way (422 naming the field)."""
    return parse_event_filters(type=type, mode=mode, status=status, country=country,
                               actor=actor, role=role, since=since, until=until, q=q)


SELECTION = Depends(selection_filters)


def _store(request: Request) -> Store:
    return request.app.state.store


@router.get("/summary", responses=example_response("selection_summary"), summary="Totals of the selection: events, merged events, articles, "
            "places, actors")
def summary(request: Request, f: EventFilters = SELECTION) -> dict[str, Any]:
    where, params = event_where(f)
    # query-layer: move to store/
    row = _store(request).query(
        "SELECT count(*) AS events, count(DISTINCT e.merged_id) AS merged_events, "
        "count(DISTINCT e.article_id) AS articles, "
        "count(DISTINCT e.location_name) AS places, "
        "min(e.date_start) AS first_date, max(e.date_start) AS last_date "
        f"FROM events e WHERE {where}", params)[0]
    row["actors"] = _store(request).query(
        "SELECT count(DISTINCT lower(ea.name)) AS n FROM event_actors ea "
        f"WHERE ea.uid IN (SELECT e.uid FROM events e WHERE {where})", params)[0]["n"]
    return row


# An actor worth a node: a proper name (or a Wikidata id) that is a person, state or
# organization, or has a PLOVER sector; common nouns ("people", "operation", "others") and
# sectorless groups ("US targets") are extraction leftovers, not actors.
GRAPH_SQL = """
WITH p AS (
  SELECT ea.uid, ea.role, ea.name, ea.sector, x.kind, x.wikidata
  FROM event_actors ea LEFT JOIN actors x USING (article_id, actor_id)
  WHERE ea.role IN ('actor', 'recipient') AND ea.name IS NOT NULL
    AND ea.uid IN (SELECT e.uid FROM events e WHERE {where})
), good AS (
  SELECT * FROM p
  WHERE (regexp_matches(name, '^[\\p{{Lu}}\\p{{N}}]') OR wikidata IS NOT NULL)
    AND (sector IS NOT NULL OR kind IN ('person', 'state', 'organization')
         OR wikidata IS NOT NULL)
), ranked AS (
  SELECT lower(name) AS key, any_value(name) AS id, mode(kind) AS kind, mode(sector) AS sector,
         count(DISTINCT uid) FILTER (WHERE role = 'actor') AS "out",
         count(DISTINCT uid) FILTER (WHERE role = 'recipient') AS "in",
         count(DISTINCT uid) AS events, count(*) OVER () AS total
  FROM good GROUP BY lower(name)
)
SELECT * FROM ranked ORDER BY events DESC, key LIMIT ?
"""
EDGES_SQL = """
WITH good AS (
  SELECT ea.uid, ea.role, lower(ea.name) AS key FROM event_actors ea
  WHERE ea.role IN ('actor', 'recipient') AND lower(ea.name) = ANY(?)
    AND ea.uid IN (SELECT e.uid FROM events e WHERE {where})
)
SELECT a.key AS source, r.key AS target, count(DISTINCT a.uid) AS events
FROM good a JOIN good r ON r.uid = a.uid AND a.role = 'actor' AND r.role = 'recipient'
     AND r.key <> a.key
GROUP BY 1, 2 ORDER BY events DESC, source, target
"""


@router.get("/graph", responses=example_response("selection_graph"), summary="Actor graph of the selection: the top actors (no common "
            "nouns) and who acts on whom among them")
def graph(
    request: Request,
    f: EventFilters = SELECTION,
    top: int = Query(30, ge=2, le=200, description="How many of the most active actors."),
) -> dict[str, Any]:
    where, params = event_where(f)
    store = _store(request)
    # query-layer: move to store/
    nodes = store.query(GRAPH_SQL.format(where=where), [*params, top])
    total = nodes[0]["total"] if nodes else 0
    by_key = {n.pop("key"): n for n in nodes}
    for n in nodes:
        n.pop("total")
    edges = store.query(EDGES_SQL.format(where=where), [list(by_key), *params]) if nodes else []
    return {
        "nodes": nodes,
        "edges": [{"source": by_key[e["source"]]["id"], "target": by_key[e["target"]]["id"],
                   "events": e["events"]} for e in edges],
        "total": total,
    }


# Columns of the CSV / Parquet download: one row per per-article event, participants joined
# with "; " (the CLI's table convention), the article's outlet, URL and title as its source.
EVENTS_SQL = """
SELECT e.uid, e.article_id, e.type, e.mode, e.status, e.date_start, e.date_end,
       e.date_precision, e.location_name, e.country, e.admin1, e.lat, e.lon,
       (SELECT string_agg(x.name, '; ' ORDER BY x.name) FROM event_actors x
         WHERE x.uid = e.uid AND x.role = 'actor') AS actors,
       (SELECT string_agg(x.name, '; ' ORDER BY x.name) FROM event_actors x
         WHERE x.uid = e.uid AND x.role = 'recipient') AS recipients,
       e.dead, e.injured, e.acled_event_type, e.acled_sub_event_type, e.confidence,
       e.merged_id, a.outlet, a.url, a.title, a.published, e.evidence_text
FROM events e JOIN articles a USING (article_id)
WHERE {where}
ORDER BY e.date_start DESC NULLS LAST, e.uid
"""
MEDIA = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet",
         "acled": "text/csv; charset=utf-8"}
SUFFIX = {"csv": "events.csv", "parquet": "events.parquet", "acled": "acled.csv"}


def _copy(store: Store, sql: str, params: list[Any], fmt: str) -> bytes:
    """DuckDB COPY of the query to a temporary file (works on a read-only connection)."""
    fd, path = tempfile.mkstemp(suffix="." + fmt)
    os.close(fd)
    try:
        opts = "(FORMAT parquet)" if fmt == "parquet" else "(FORMAT csv, HEADER true)"
        target = path.replace("'", "''")
        with store.cursor() as cur:
            cur.execute(f"COPY ({sql}) TO '{target}' {opts}", params)
        with open(path, "rb") as fh:
            return fh.read()
    finally:
        os.unlink(path)


def _acled_csv(store: Store, where: str, params: list[Any], min_confidence: float) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(ACLED_COLUMNS)
    for rec in acled_records(store.query, f"SELECT e.merged_id FROM events e WHERE {where}",
                             params, min_confidence=min_confidence):
        w.writerow(rec[c] for c in ACLED_COLUMNS)
    return buf.getvalue().encode("utf-8")


@router.get("/download", responses=example_response("selection_download", "text/csv"), summary="The selection as a file: events CSV, events Parquet, or "
            "ACLED-style CSV (merged events ACLED would code)")
async def download(
    request: Request,
    f: EventFilters = SELECTION,
    format: str = Query("csv", description="`csv`, `parquet` or `acled`."),
    min_confidence: float = Query(DEFAULT_MIN_CONFIDENCE, ge=0.0, le=1.0,
                                  description="ACLED only: leave out events below this "
                                  "confidence."),
) -> Response:
    fmt = format.lower()
    if fmt not in MEDIA:
        raise invalid("format", f"{format!r}: one of csv, parquet, acled")
    where, params = event_where(f)
    store = _store(request)
    if fmt == "acled":
        body = await run_in_threadpool(_acled_csv, store, where, params, min_confidence)
    else:
        body = await run_in_threadpool(_copy, store, EVENTS_SQL.format(where=where), params, fmt)
    name = "wirecoder-" + SUFFIX[fmt]
    return Response(body, media_type=MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
