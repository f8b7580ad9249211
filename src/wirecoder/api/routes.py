"""The JSON/CSV endpoints under /api: thin over the one query layer (store/queries/).

Each endpoint names its query parameters (OpenAPI shows them, grouped by tag, with an example
response); a parameter it does not know is a 422 naming it, never silently ignored. Filters
are validated by `store.filters.Filters.checked`, the same code the CLI runs. Lists are
keyset-paginated with an opaque cursor and carry `total`. GET responses are kept per store
version (cache.py) and every request borrows one cursor of the shared connection.
"""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic_core import to_json

from ..store import queries
from ..store.filters import Filters, InvalidFilter, parse_date
from ..store.paging import SORTS
from ..store.reader import Bound, Reader
from .cache import Cached, ResponseCache, accepts_gzip
from .errors import ApiError
from .examples import EXAMPLES

__all__ = ["TAGS", "check_params", "router"]

TAGS = [
    {"name": "events", "description": "Per-article events, merged events, and one event "
     "with its evidence."},
    {"name": "claims", "description": "Numeric claims and each figure over time."},
    {"name": "actors", "description": "Actors across articles."},
    {"name": "quotes", "description": "Quotes with their speakers."},
    {"name": "articles", "description": "The stored articles."},
    {"name": "views", "description": "Aggregates for the dashboard: counts, timeline, actor "
     "graph, map."},
    {"name": "extract", "description": "Run the extraction on a text."},
    {"name": "meta", "description": "The API's own index."},
    {"name": "live", "description": "Changes pushed to the dashboard (server-sent events) and "
     "a cheap 'anything new since' question."},
]


def _allowed(route: Any) -> set[str]:
    dep = getattr(route, "dependant", None)
    if dep is None:
        return set()
    names = {p.alias for p in dep.query_params}
    for sub in dep.dependencies:
        names |= {p.alias for p in sub.query_params}
    return names


def check_params(request: Request) -> None:
    """422 for a query parameter the endpoint does not take (`?contry=PSE` used to be ignored
    and returned everything)."""
    route = request.scope.get("route")
    if route is None:
        return
    allowed = _allowed(route)
    unknown = sorted({k for k in request.query_params if k not in allowed})
    if unknown:
        names = ", ".join(repr(u) for u in unknown)
        raise ApiError(422, "invalid", f"unknown query parameter{'s' if len(unknown) > 1 else ''}"
                       f" {names}; accepted: {', '.join(sorted(allowed)) or 'none'}", unknown[0])


router = APIRouter(prefix="/api", dependencies=[Depends(check_params)])

LIMIT = Query(50, ge=1, le=500, description="Rows per page (1–500).")
FORMAT = Query(None, description="`json` (default) or `csv`.")
CURSOR = Query(None, description="Opaque cursor from a previous page's `next` link.")


def _ex(name: str) -> dict[Any, Any]:
    return {200: {"content": {"application/json": {"example": EXAMPLES[name]}}}}


def _reader(request: Request) -> Reader:
    return request.app.state.store


def _cache(request: Request) -> ResponseCache:
    return request.app.state.cache


def _csv_value(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        return "; ".join(str(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, default=str)
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    return v


def _csv(rows: list[dict[str, Any]], columns: list[str] | None = None) -> bytes:
    buf = io.StringIO()
    cols = columns or (list(rows[0]) if rows else [])
    if cols:
        w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: _csv_value(v) for k, v in r.items()})
    return buf.getvalue().encode("utf-8")


def parse_format(value: str | None) -> str:
    v = (value or "json").lower()
    if v not in ("json", "csv"):
        raise InvalidFilter("format", f"unknown value {value!r}; accepted: json, csv",
                            ["json", "csv"])
    return v


Result = tuple[bytes, str, tuple[tuple[str, str], ...]] | Cached


def respond(request: Request, compute: Callable[[Bound], Result]) -> Response:
    """Run `compute` on a cursor of the shared connection, or serve the body it made for the
    same URL at the same store version."""
    cache = _cache(request)
    key = str(request.url)
    with _reader(request).lease() as (cur, version):
        hit = cache.get(version, key)
        while hit is None and cache.max_entries > 0:
            flight = cache.claim(version, key)
            if flight is None:
                break
            flight.wait(30)  # another request computes this very answer: take it from it
            hit = cache.get(version, key)
        if hit is None:
            try:
                out = compute(Bound(cur, version))
                hit = out if isinstance(out, Cached) else Cached.make(*out)
                cache.put(version, key, hit)
            finally:
                cache.done(version, key)
    data, gz = hit.payload(accepts_gzip(request.headers.get("accept-encoding")))
    headers = dict(hit.headers)
    if hit.gzipped:
        headers["Vary"] = "Accept-Encoding"
    if gz:
        headers["Content-Encoding"] = "gzip"
    return Response(data, media_type=hit.media_type, headers=headers)


def _json(obj: Any) -> Result:
    return to_json(obj), "application/json", ()


def _page(request: Request, db: Bound, kind: str, f: Filters, sort: str | None, limit: int,
          cursor: str | None, fmt: str) -> Result:
    p = queries.page(db, kind, f, sort=sort, limit=limit, cursor=cursor)
    nxt = str(request.url.include_query_params(cursor=p.next_cursor)) if p.next_cursor else None
    if fmt == "csv":
        headers = [("X-Total-Count", str(p.total))]
        if nxt:
            headers.append(("Link", f'<{nxt}>; rel="next"'))
        return _csv(p.items, p.columns), "text/csv; charset=utf-8", tuple(headers)
    return _json({"items": p.items, "count": len(p.items), "total": p.total, "next": nxt,
                  "cursor": p.next_cursor})


def _sort_doc(kind: str) -> str:
    names = list(SORTS[kind])
    return f"{names[0]} (default, newest first), " + ", ".join(names[1:]) + "."


# -- event filters: one declaration for /events, /timeline, /graph, /places ---------------------
class EventQuery:
    def __init__(
        self,
        type: str | None = Query(None, description="PLOVER type(s), comma-separated "
                                 "(e.g. ASSAULT,CONSULT)."),
        mode: str | None = Query(None, description="PLOVER mode(s), comma-separated."),
        status: str | None = Query(None, description="occurred, ongoing, planned, possible, "
                                   "negated, historical (comma-separated)."),
        country: str | None = Query(None, description="Country of the event's place: ISO 3166 "
                                    "alpha-3 code(s) or English name(s), comma-separated."),
        actor: str | None = Query(None, description="Part of a participant's name "
                                  "(case-insensitive), or `article_id:actor_id`."),
        role: str | None = Query(None, description="With `actor`: actor, recipient or mediator."),
        since: str | None = Query(None, description="Events on or after this date (YYYY-MM-DD); "
                                  "an undated event counts on its article's date."),
        until: str | None = Query(None, description="Events on or before this date (YYYY-MM-DD)."),
        q: str | None = Query(None, description="Text in the evidence sentence or place name."),
    ) -> None:
        self.filters = Filters(type=type, mode=mode, status=status, country=country, actor=actor,
                               role=role, since=since, until=until, q=q)


@router.get("", summary="Index of the API's endpoints, with links to /openapi.json and /docs",
            tags=["meta"], responses=_ex("index"))
def index(request: Request) -> dict[str, Any]:
    spec = request.app.openapi()
    eps = [
        {"method": m.upper(), "path": path, "summary": op.get("summary"),
         "tags": op.get("tags", []), "parameters": [q["name"] for q in op.get("parameters", [])]}
        for path, ops in spec["paths"].items()
        for m, op in ops.items()
    ]
    return {"endpoints": eps, "openapi": "/openapi.json", "docs": "/docs", "dashboard": "/"}


@router.get("/events", summary="Events, filtered, sorted (newest first), paginated, with total",
            tags=["events"], responses=_ex("events"))
def events(
    request: Request,
    ev: EventQuery = Depends(),
    article: str | None = Query(None, description="Only events of this article id."),
    sort: str | None = Query(None, description=_sort_doc("events")),
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
    format: str | None = FORMAT,
) -> Response:
    f = ev.filters
    f.article = article
    f = f.checked("events")
    fmt = parse_format(format)
    return respond(request, lambda db: _page(request, db, "events", f, sort, limit, cursor, fmt))


@router.get("/merged", summary="Merged events (one per real-world event across articles)",
            tags=["events"], responses=_ex("merged"))
def merged(
    request: Request,
    type: str | None = Query(None, description="PLOVER type(s), comma-separated."),
    mode: str | None = Query(None, description="PLOVER mode(s), comma-separated."),
    status: str | None = Query(None, description="Status(es), comma-separated."),
    country: str | None = Query(None, description="ISO 3166 alpha-3 code(s) or country name(s)."),
    actor: str | None = Query(None, description="Part of an actor's or recipient's name."),
    since: str | None = Query(None, description="On or after this date (YYYY-MM-DD)."),
    until: str | None = Query(None, description="On or before this date (YYYY-MM-DD)."),
    q: str | None = Query(None, description="Text in the place name."),
    sort: str | None = Query(None, description=_sort_doc("merged")),
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
    format: str | None = FORMAT,
) -> Response:
    f = Filters(type=type, mode=mode, status=status, country=country, actor=actor, since=since,
                until=until, q=q).checked("merged")
    fmt = parse_format(format)
    return respond(request, lambda db: _page(request, db, "merged", f, sort, limit, cursor, fmt))


@router.get("/events/{uid}", summary="One event with evidence, article text and merged sources",
            tags=["events"], responses=_ex("event"))
def event(
    request: Request,
    uid: str = PathParam(description="Event uid, `article_id:event_id` (e.g. from /api/events)."),
) -> Response:
    def compute(db: Bound) -> Result:
        ev = queries.get_event(db, uid)
        if ev is None:
            raise ApiError(404, "not_found", f"no event {uid!r}", "uid")
        return _json(ev)

    return respond(request, compute)


@router.get("/timeline", summary="Events per day and type (same filters as /api/events)",
            tags=["views"], responses=_ex("timeline"))
def timeline(request: Request, ev: EventQuery = Depends()) -> Response:
    f = ev.filters.checked("events")
    return respond(request, lambda db: _json(queries.timeline(db, f)))


@router.get("/graph", summary="Actor graph: who acts on whom, edges weighted by events",
            tags=["views"], responses=_ex("graph"))
def graph(
    request: Request,
    ev: EventQuery = Depends(),
    limit: int = Query(150, ge=1, le=1000, description="Most-weighted edges kept."),
) -> Response:
    f = ev.filters.checked("events")
    return respond(request, lambda db: _json(queries.graph(db, f, limit)))


@router.get("/places", summary="Event locations (points with counts) for the map",
            tags=["views"], responses=_ex("places"))
def places(request: Request, ev: EventQuery = Depends()) -> Response:
    f = ev.filters.checked("events")
    return respond(request, lambda db: _json({"items": queries.places(db, f)}))


@router.get("/articles", summary="Articles, newest first, with total",
            tags=["articles"], responses=_ex("articles"))
def articles(
    request: Request,
    q: str | None = Query(None, description="Text in title or body."),
    outlet: str | None = Query(None, description="Outlet name (case-insensitive, exact)."),
    since: str | None = Query(None, description="Published on or after this date (YYYY-MM-DD)."),
    until: str | None = Query(None, description="Published on or before this date (YYYY-MM-DD)."),
    sort: str | None = Query(None, description=_sort_doc("articles")),
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
    format: str | None = FORMAT,
) -> Response:
    f = Filters(q=q, outlet=outlet, since=since, until=until).checked("articles")
    fmt = parse_format(format)
    return respond(request, lambda db: _page(request, db, "articles", f, sort, limit, cursor,
                                             fmt))


@router.get("/articles/{article_id}",
            summary="One article with its text, actors, events, claims, quotes",
            tags=["articles"], responses=_ex("article"))
def article(
    request: Request,
    article_id: str = PathParam(description="Article id (e.g. from /api/articles)."),
) -> Response:
    def compute(db: Bound) -> Result:
        art = queries.get_article(db, article_id)
        if art is None:
            raise ApiError(404, "not_found", f"no article {article_id!r}", "article_id")
        return _json(art)

    return respond(request, compute)


@router.get("/actors", summary="Actors across articles (by name), most active first, with total",
            tags=["actors"], responses=_ex("actors"))
def actors(
    request: Request,
    q: str | None = Query(None, description="Part of the name (case-insensitive)."),
    country: str | None = Query(None, description="ISO 3166 alpha-3 code(s) or country name(s)."),
    sector: str | None = Query(None, description="PLOVER sector code, e.g. GOV."),
    kind: str | None = Query(None, description="person, organization, state, group, "
                             "population."),
    since: str | None = Query(None, description="Actors of articles published on or after this "
                              "date (YYYY-MM-DD)."),
    until: str | None = Query(None, description="… on or before this date (YYYY-MM-DD)."),
    sort: str | None = Query(None, description=_sort_doc("actors")),
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
    format: str | None = FORMAT,
) -> Response:
    f = Filters(q=q, country=country, sector=sector, kind=kind, since=since,
                until=until).checked("actors")
    fmt = parse_format(format)
    return respond(request, lambda db: _page(request, db, "actors", f, sort, limit, cursor, fmt))


@router.get("/actors/{ref}", summary="One actor (name, Wikidata id or article_id:actor_id) "
            "with its events as actor and as recipient", tags=["actors"], responses=_ex("actor"))
def actor(
    request: Request,
    ref: str = PathParam(description="Actor name, Wikidata id (Q…) or `article_id:actor_id`."),
) -> Response:
    def compute(db: Bound) -> Result:
        prof = queries.get_actor(db, ref)
        if prof is None:
            raise ApiError(404, "not_found", f"no actor {ref!r}", "ref")
        return _json(prof)

    return respond(request, compute)


@router.get("/claims", summary="Numeric claims (figure, bound, claimant, as-of date), newest "
            "first, with total", tags=["claims"], responses=_ex("claims"))
def claims(
    request: Request,
    quantity: str | None = Query(None, description="killed, injured, …"),
    claimant: str | None = Query(None, description="Part of the claimant's resolved name or "
                                 "text (case-insensitive)."),
    country: str | None = Query(None, description="ISO 3166 alpha-3 code(s) or country "
                                "name(s) of the claim."),
    since: str | None = Query(None, description="As of (else published) on or after this date "
                              "(YYYY-MM-DD)."),
    until: str | None = Query(None, description="As of (else published) on or before this date "
                              "(YYYY-MM-DD)."),
    article: str | None = Query(None, description="Only claims of this article id."),
    q: str | None = Query(None, description="Text in the claim's evidence sentence."),
    sort: str | None = Query(None, description=_sort_doc("claims")),
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
    format: str | None = FORMAT,
) -> Response:
    f = Filters(quantity=quantity, claimant=claimant, country=country, since=since, until=until,
                article=article, q=q).checked("claims")
    fmt = parse_format(format)
    return respond(request, lambda db: _page(request, db, "claims", f, sort, limit, cursor, fmt))


@router.get("/quotes", summary="Quotes with their speakers, newest first, with total",
            tags=["quotes"], responses=_ex("quotes"))
def quotes(
    request: Request,
    claimant: str | None = Query(None, description="Part of the speaker's name or text "
                                 "(case-insensitive)."),
    country: str | None = Query(None, description="Quotes of articles with an event in these "
                                "countries (ISO 3166 alpha-3 codes or names, comma-separated)."),
    since: str | None = Query(None, description="Published on or after this date (YYYY-MM-DD)."),
    until: str | None = Query(None, description="Published on or before this date (YYYY-MM-DD)."),
    article: str | None = Query(None, description="Only quotes of this article id."),
    q: str | None = Query(None, description="Text in the quote."),
    sort: str | None = Query(None, description=_sort_doc("quotes")),
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
    format: str | None = FORMAT,
) -> Response:
    f = Filters(claimant=claimant, country=country, since=since, until=until, article=article,
                q=q).checked("quotes")
    fmt = parse_format(format)
    return respond(request, lambda db: _page(request, db, "quotes", f, sort, limit, cursor, fmt))


@router.get("/series", summary="A figure over time per claimant, revisions and disagreements "
            "marked", tags=["claims"], responses=_ex("series"))
def series(
    request: Request,
    quantity: str | None = Query(None, description="Required: killed, …"),
    country: str | None = Query(None, description="One ISO 3166 alpha-3 code or country name "
                                "(the series' scope)."),
    claimant: str | None = Query(None, description="Only claimants whose normalized name "
                                 "contains this text."),
    since: str | None = Query(None, description="Points as of this date or later (YYYY-MM-DD)."),
    until: str | None = Query(None, description="Points as of this date or earlier (YYYY-MM-DD)."),
    format: str | None = FORMAT,
) -> Response:
    f = Filters(quantity=quantity, country=country, claimant=claimant, since=since,
                until=until).checked("series")
    if not f.quantity:
        raise InvalidFilter("quantity", "required; accepted: " + ", ".join(
            queries.QUANTITIES), list(queries.QUANTITIES))
    if len(f.country) > 1:
        raise InvalidFilter("country", "one country per series")
    fmt = parse_format(format)

    def compute(db: Bound) -> Result:
        if fmt == "json":
            stored = queries.series_body(db, f)  # made at ingest, gzipped (store/derived.py)
            if stored is not None:
                return Cached(stored, "application/json", (), gzipped=True)
            fast = queries.series_json(db, f)
            if fast is not None:
                return fast, "application/json", ()
        out = queries.series_lines(db, f)
        if fmt == "csv":
            rows = [{"claimant": line["claimant"], "scope": line["scope"], **p}
                    for line in out["series"] for p in line["points"]]
            return _csv(rows), "text/csv; charset=utf-8", ()
        return _json(out)

    return respond(request, compute)


@router.get("/stats", summary="Counts, breakdowns and the last ingest run", tags=["views"],
            responses=_ex("stats"))
def stats(request: Request) -> Response:
    return respond(request, lambda db: _json(queries.stats(db)))


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
    tags=["extract"],
    responses=_ex("extract"),
    openapi_extra={"requestBody": {"content": {
        "application/json": {"example": EXAMPLES["extract_request"]},
        "text/plain": {"example": EXAMPLES["extract_request"]["text"]}}}},
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
                raise ApiError(422, "invalid", "published: a date string (YYYY-MM-DD)",
                               "published")
            parse_date("published", published)  # the filters' date check
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
