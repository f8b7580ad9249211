"""The dashboard's current selection (the event filters): its totals, its actor graph, and a
download of it as CSV, Parquet or ACLED-style CSV. Thin over the query layer
(store/queries/selection.py)."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from ..store import queries
from ..store.acled import ACLED_COLUMNS, DEFAULT_MIN_CONFIDENCE, acled_records
from .db import Store
from .examples import example_response
from .params import EventFilters, invalid, parse_event_filters

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
    return queries.selection_summary(_store(request), f)


@router.get("/graph", responses=example_response("selection_graph"), summary="Actor graph of the selection: the top actors (no common "
            "nouns) and who acts on whom among them")
def graph(
    request: Request,
    f: EventFilters = SELECTION,
    top: int = Query(30, ge=2, le=200, description="How many of the most active actors."),
) -> dict[str, Any]:
    return queries.selection_graph(_store(request), f, top)


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


def _acled_csv(store: Store, f: EventFilters, min_confidence: float) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(ACLED_COLUMNS)
    sql, params = queries.selection_merged_ids_sql(f)
    for rec in acled_records(store.query, sql, params, min_confidence=min_confidence):
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
    store = _store(request)
    if fmt == "acled":
        body = await run_in_threadpool(_acled_csv, store, f, min_confidence)
    else:
        sql, params = queries.selection_events_sql(f)
        body = await run_in_threadpool(_copy, store, sql, params, fmt)
    name = "wirecoder-" + SUFFIX[fmt]
    return Response(body, media_type=MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
