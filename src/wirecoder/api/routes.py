"""The JSON/CSV endpoints under /api. Every list is keyset-paginated with an opaque cursor."""

from __future__ import annotations

import csv
import io
import json
import threading
from datetime import date, datetime
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from . import queries
from .db import Store
from .errors import ApiError
from .params import (
    SORTS,
    EventFilters,
    decode_cursor,
    encode_cursor,
    invalid,
    parse_country,
    parse_date,
    parse_event_filters,
    parse_format,
    parse_quantity,
    parse_sort,
)
from .series import claim_series

__all__ = ["router"]

router = APIRouter(prefix="/api")

LIMIT = Query(50, ge=1, le=500, description="Rows per page (1–500).")
FORMAT = Query(None, description="`json` (default) or `csv`.")
CURSOR = Query(None, description="Opaque cursor from a previous page's `next` link.")


def _store(request: Request) -> Store:
    return request.app.state.store


def _csv_value(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        return ";".join(str(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, default=str)
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    return v


def _page(
    request: Request,
    rows: list[dict[str, Any]],
    last: tuple[Any, str] | None,
    sort: str,
    fmt: str,
    extra: dict[str, Any] | None = None,
) -> Response:
    cursor = encode_cursor(sort, last[0], last[1]) if last else None
    nxt = str(request.url.include_query_params(cursor=cursor)) if cursor else None
    if fmt == "csv":
        buf = io.StringIO()
        if rows:
            w = csv.DictWriter(buf, fieldnames=list(rows[0]), extrasaction="ignore")
            w.writeheader()
            for r in rows:
                w.writerow({k: _csv_value(v) for k, v in r.items()})
        headers = {"Link": f'<{nxt}>; rel="next"'} if nxt else {}
        return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    from fastapi.encoders import jsonable_encoder

    body = {"items": rows, "count": len(rows), "next": nxt, "cursor": cursor, **(extra or {})}
    return JSONResponse(jsonable_encoder(body))


def _after(cursor: str | None, sort: str, date_key: bool) -> tuple[Any, str] | None:
    if not cursor:
        return None
    key, uid = decode_cursor(cursor, sort)
    if date_key:
        try:
            key = date.fromisoformat(key)
        except (TypeError, ValueError):
            raise invalid("cursor", "malformed cursor") from None
    elif not isinstance(key, (int, float)):
        raise invalid("cursor", "malformed cursor")
    return key, uid


def _event_filters(
    type: str | None,
    mode: str | None,
    status: str | None,
    country: str | None,
    actor: str | None,
    role: str | None,
    since: str | None,
    until: str | None,
    q: str | None,
    article: str | None,
) -> EventFilters:
    return parse_event_filters(
        type=type,
        mode=mode,
        status=status,
        country=country,
        actor=actor,
        role=role,
        since=since,
        until=until,
        q=q,
        article=article,
    )


EVENT_FILTER_DOC = {
    "type": Query(None, description="PLOVER type(s), comma-separated (e.g. ASSAULT,CONSULT)."),
    "mode": Query(None, description="PLOVER mode(s), comma-separated."),
    "status": Query(None, description="occurred, ongoing, planned, possible, negated, historical."),
    "country": Query(None, description="ISO 3166 alpha-3 code(s) of the event's place."),
    "actor": Query(None, description="Actor name (case-insensitive) or `article_id:actor_id`."),
    "role": Query(None, description="With `actor`: actor, recipient or mediator."),
    "since": Query(None, description="Events on or after this date (YYYY-MM-DD)."),
    "until": Query(None, description="Events on or before this date (YYYY-MM-DD)."),
    "q": Query(None, description="Text search in the evidence sentence and place name."),
    "article": Query(None, description="Only events of this article id."),
}


@router.get("", summary="Index of the API's endpoints, with links to /openapi.json and /docs")
def index(request: Request) -> dict[str, Any]:
    spec = request.app.openapi()
    eps = [
        {
            "method": m.upper(),
            "path": path,
            "summary": op.get("summary"),
            "parameters": [q["name"] for q in op.get("parameters", [])],
        }
        for path, ops in spec["paths"].items()
        for m, op in ops.items()
    ]
    return {"endpoints": eps, "openapi": "/openapi.json", "docs": "/docs", "dashboard": "/"}


@router.get("/events", summary="Events, filtered, sorted, paginated")
def events(
    request: Request,
    type: str | None = EVENT_FILTER_DOC["type"],
    mode: str | None = EVENT_FILTER_DOC["mode"],
    status: str | None = EVENT_FILTER_DOC["status"],
    country: str | None = EVENT_FILTER_DOC["country"],
    actor: str | None = EVENT_FILTER_DOC["actor"],
    role: str | None = EVENT_FILTER_DOC["role"],
    since: str | None = EVENT_FILTER_DOC["since"],
    until: str | None = EVENT_FILTER_DOC["until"],
    q: str | None = EVENT_FILTER_DOC["q"],
    article: str | None = EVENT_FILTER_DOC["article"],
    sort: str | None = Query(
        None, description="-date (default), date, -dead, dead, -confidence, confidence."
    ),
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
    format: str | None = FORMAT,
) -> Response:
    f = _event_filters(type, mode, status, country, actor, role, since, until, q, article)
    s = parse_sort(sort, SORTS, "-date")
    fmt = parse_format(format)
    key_expr, desc = SORTS[s]
    after = _after(cursor, s, date_key="date" in s)
    rows, last = queries.list_events(
        _store(request), f, sort_key=key_expr, desc=desc, limit=limit, after=after
    )
    return _page(request, rows, last, s, fmt)


@router.get("/events/{uid}", summary="One event with evidence, article text and merged sources")
def event(
    request: Request,
    uid: str = PathParam(description="Event uid, `article_id:event_id` (e.g. from /api/events)."),
) -> dict[str, Any]:
    ev = queries.get_event(_store(request), uid)
    if ev is None:
        raise ApiError(404, "not_found", f"no event {uid!r}", "uid")
    return ev


@router.get("/timeline", summary="Events per day and type (same filters as /api/events)")
def timeline(
    request: Request,
    type: str | None = EVENT_FILTER_DOC["type"],
    mode: str | None = EVENT_FILTER_DOC["mode"],
    status: str | None = EVENT_FILTER_DOC["status"],
    country: str | None = EVENT_FILTER_DOC["country"],
    actor: str | None = EVENT_FILTER_DOC["actor"],
    role: str | None = EVENT_FILTER_DOC["role"],
    since: str | None = EVENT_FILTER_DOC["since"],
    until: str | None = EVENT_FILTER_DOC["until"],
    q: str | None = EVENT_FILTER_DOC["q"],
) -> dict[str, Any]:
    f = _event_filters(type, mode, status, country, actor, role, since, until, q, None)
    return queries.timeline(_store(request), f)


@router.get("/graph", summary="Actor graph: who acts on whom, edges weighted by events")
def graph(
    request: Request,
    type: str | None = EVENT_FILTER_DOC["type"],
    mode: str | None = EVENT_FILTER_DOC["mode"],
    status: str | None = EVENT_FILTER_DOC["status"],
    country: str | None = EVENT_FILTER_DOC["country"],
    actor: str | None = EVENT_FILTER_DOC["actor"],
    role: str | None = EVENT_FILTER_DOC["role"],
    since: str | None = EVENT_FILTER_DOC["since"],
    until: str | None = EVENT_FILTER_DOC["until"],
    q: str | None = EVENT_FILTER_DOC["q"],
    limit: int = Query(150, ge=1, le=1000, description="Most-weighted edges kept."),
) -> dict[str, Any]:
    f = _event_filters(type, mode, status, country, actor, role, since, until, q, None)
    return queries.graph(_store(request), f, limit)


@router.get("/places", summary="Event locations (points with counts) for the map")
def places(
    request: Request,
    type: str | None = EVENT_FILTER_DOC["type"],
    mode: str | None = EVENT_FILTER_DOC["mode"],
    status: str | None = EVENT_FILTER_DOC["status"],
    country: str | None = EVENT_FILTER_DOC["country"],
    actor: str | None = EVENT_FILTER_DOC["actor"],
    role: str | None = EVENT_FILTER_DOC["role"],
    since: str | None = EVENT_FILTER_DOC["since"],
    until: str | None = EVENT_FILTER_DOC["until"],
    q: str | None = EVENT_FILTER_DOC["q"],
) -> dict[str, Any]:
    f = _event_filters(type, mode, status, country, actor, role, since, until, q, None)
    return {"items": queries.places(_store(request), f)}


@router.get("/articles", summary="Articles, newest first")
def articles(
    request: Request,
    q: str | None = Query(None, description="Text in title or body."),
    outlet: str | None = Query(None, description="Outlet name (case-insensitive, exact)."),
    since: str | None = Query(None, description="Published on or after this date (YYYY-MM-DD)."),
    until: str | None = Query(None, description="Published on or before this date (YYYY-MM-DD)."),
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
    format: str | None = FORMAT,
) -> Response:
    fmt = parse_format(format)
    rows, last = queries.list_articles(
        _store(request),
        q=q,
        outlet=outlet,
        since=parse_date("since", since),
        until=parse_date("until", until),
        limit=limit,
        after=_after(cursor, "-published", True),
    )
    return _page(request, rows, last, "-published", fmt)


@router.get(
    "/articles/{article_id}", summary="One article with its text, actors, events, claims, quotes"
)
def article(
    request: Request,
    article_id: str = PathParam(description="Article id (e.g. from /api/articles)."),
) -> dict[str, Any]:
    art = queries.get_article(_store(request), article_id)
    if art is None:
        raise ApiError(404, "not_found", f"no article {article_id!r}", "article_id")
    return art


@router.get("/actors", summary="Actors across articles (by name), most active first")
def actors(
    request: Request,
    q: str | None = Query(None, description="Text in the name."),
    country: str | None = Query(None, description="ISO 3166 alpha-3 code(s)."),
    sector: str | None = Query(None, description="PLOVER sector code, e.g. GOV."),
    kind: str | None = Query(None, description="person, organization, state, group, population."),
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
    format: str | None = FORMAT,
) -> Response:
    fmt = parse_format(format)
    rows, last = queries.list_actors(
        _store(request),
        q=q,
        country=parse_country("country", country),
        sector=sector,
        kind=kind,
        limit=limit,
        after=_after(cursor, "-events", False),
    )
    return _page(request, rows, last, "-events", fmt)


@router.get(
    "/actors/{ref}",
    summary="One actor (name, Wikidata id or article_id:actor_id) "
    "with its events as actor and as recipient",
)
def actor(
    request: Request,
    ref: str = PathParam(description="Actor name, Wikidata id (Q…) or `article_id:actor_id`."),
) -> dict[str, Any]:
    prof = queries.get_actor(_store(request), ref)
    if prof is None:
        raise ApiError(404, "not_found", f"no actor {ref!r}", "ref")
    return prof


def _claim_filters(
    quantity: str | None,
    claimant: str | None,
    country: str | None,
    since: str | None,
    until: str | None,
    article: str | None,
    q: str | None,
    *,
    quantity_required: bool = False,
) -> dict[str, Any]:
    s, u = parse_date("since", since), parse_date("until", until)
    if s and u and s > u:
        raise invalid("until", "until is before since")
    return {
        "quantity": parse_quantity(quantity, required=quantity_required),
        "claimant": claimant or None,
        "country": parse_country("country", country),
        "since": s,
        "until": u,
        "article": article or None,
        "q": q or None,
    }


@router.get("/claims", summary="Numeric claims (figure, bound, claimant, as-of date)")
def claims(
    request: Request,
    quantity: str | None = Query(None, description="killed, injured, …"),
    claimant: str | None = Query(
        None, description="Resolved claimant name or claimant text (case-insensitive)."
    ),
    country: str | None = Query(None, description="ISO 3166 alpha-3 code(s) of the claim."),
    since: str | None = Query(
        None, description="As of (else published) on or after this date (YYYY-MM-DD)."
    ),
    until: str | None = Query(
        None, description="As of (else published) on or before this date (YYYY-MM-DD)."
    ),
    article: str | None = Query(None, description="Only claims of this article id."),
    q: str | None = Query(None, description="Text search in the claim's evidence sentence."),
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
    format: str | None = FORMAT,
) -> Response:
    fmt = parse_format(format)
    filters = _claim_filters(quantity, claimant, country, since, until, article, q)
    rows, last = queries.list_claims(
        _store(request), limit=limit, after=_after(cursor, "-as_of", True), **filters
    )
    return _page(request, rows, last, "-as_of", fmt)


@router.get(
    "/series", summary="A figure over time per claimant, revisions and disagreements marked"
)
def series(
    request: Request,
    quantity: str | None = Query(None, description="Required: killed, …"),
    country: str | None = Query(None, description="One ISO 3166 alpha-3 code (the series' scope)."),
    claimant: str | None = Query(
        None, description="Only claimants whose normalized name contains this text."
    ),
    since: str | None = Query(None, description="Points as of this date or later (YYYY-MM-DD)."),
    until: str | None = Query(None, description="Points as of this date or earlier (YYYY-MM-DD)."),
    format: str | None = FORMAT,
) -> Response:
    fmt = parse_format(format)
    filters = _claim_filters(
        quantity, claimant, country, since, until, None, None, quantity_required=True
    )
    if len(filters["country"]) > 1:
        raise invalid("country", "one country per series")
    s, u = filters["since"], filters["until"]
    out = claim_series(
        _store(request),
        quantity=filters["quantity"],
        country=(filters["country"] or [None])[0],
        claimant=filters["claimant"],
        since=s.isoformat() if s else None,
        until=u.isoformat() if u else None,
    )
    if fmt == "csv":
        rows = [
            {"claimant": line["claimant"], "scope": line["scope"], **p}
            for line in out["series"]
            for p in line["points"]
        ]
        return _page(request, rows, None, "", "csv")
    return JSONResponse(out)


@router.get("/stats", summary="Counts, breakdowns and the last ingest run")
def stats(request: Request) -> dict[str, Any]:
    return queries.stats(_store(request))


_pipeline_lock = threading.Lock()
_extract_lock = threading.Lock()  # one parse at a time: spaCy's vocab is shared mutable state


def _pipeline(request: Request) -> Any:
    """The extraction pipeline, loaded on first use and kept (the model loads once)."""
    state = request.app.state
    with _pipeline_lock:
        if getattr(state, "pipeline", None) is None:
            from ..pipeline import Pipeline

            state.pipeline = Pipeline()
        return state.pipeline


@router.post(
    "/extract",
    summary="Text in, report out (SPEC §2). JSON {text, published?, title?, url?} or text/plain.",
)
async def extract(request: Request) -> Response:
    limit: int = request.app.state.max_extract_bytes
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "too_large", f"body is {declared} bytes; the limit is {limit}", "text")
    body = await request.body()
    if len(body) > limit:
        raise ApiError(413, "too_large", f"body is {len(body)} bytes; the limit is {limit}", "text")
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    meta: dict[str, Any] = {}
    if ctype == "application/json":
        try:
            payload = json.loads(body or b"null")
        except ValueError:
            raise ApiError(422, "invalid", "body is not valid JSON", "body") from None
        if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
            raise ApiError(422, "invalid", "text: required string", "text")
        text = payload["text"]
        published = payload.get("published")
        if published is not None:
            if not isinstance(published, str):
                raise invalid("published", "a date string (YYYY-MM-DD)")
            parse_date("published", published)
        meta = {
            k: payload.get(k) for k in ("title", "url", "outlet") if isinstance(payload.get(k), str)
        }
        meta["published"] = published
    elif ctype in ("text/plain", ""):
        text = body.decode("utf-8", errors="replace")
    else:
        raise ApiError(
            415, "unsupported_media_type", 'send application/json {"text": …} or text/plain', "body"
        )
    if not text.strip():
        raise ApiError(422, "invalid", "text: empty", "text")

    def run() -> dict[str, Any]:
        from ..ingest import make_article

        pipe = _pipeline(request)
        with _extract_lock:
            report = pipe.extract(make_article(text, **meta))
        return report.to_dict()

    return JSONResponse(await run_in_threadpool(run))
