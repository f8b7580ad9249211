"""The dashboard's tables of the selection (claims, quotes, articles, each row pointing at its
evidence span) and the country list with names for the country picker.

Lists answer `items`, `next` (a link to the next page or null) and `total` (rows matching).
Which filters apply: claims take country, dates (as of, else published), actor (the
claimant) and q (evidence); quotes take actor (the speaker), dates (published), country
(articles with an event there) and q (quote text); articles are those with an event in the
selection. Event type and status do not apply to claims and quotes.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from .db import Store
from .examples import example_response
from .params import EventFilters
from .queries import event_where
from .selection import SELECTION

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["views"])

LIMIT = Query(50, ge=1, le=500, description="Rows per page (1–500).")
OFFSET = Query(0, ge=0, description="Rows to skip (from a previous page's `next` link).")


def _store(request: Request) -> Store:
    return request.app.state.store


def _in(col: str, values: list[str]) -> str:
    return f"{col} IN ({', '.join('?' for _ in values)})"


def _page(request: Request, store: Store, select: str, from_where: str, params: list[Any],
          order: str, limit: int, offset: int) -> dict[str, Any]:
    total = store.query(f"SELECT count(*) AS n {from_where}", params)[0]["n"]
    items = store.query(f"SELECT {select} {from_where} ORDER BY {order} "
                        f"LIMIT {int(limit)} OFFSET {int(offset)}", params)
    nxt = None
    if offset + len(items) < total:
        nxt = str(request.url.include_query_params(offset=offset + limit))
    return {"items": items, "next": nxt, "total": total}


@router.get("/selection/claims", responses=example_response("selection_claims"), summary="Claimed figures of the selection (country, dates, "
            "claimant, text), newest first, with their evidence span")
def claims(request: Request, f: EventFilters = SELECTION,
           limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
    # query-layer: move to store/
    clauses, params = ["TRUE"], []  # type: list[str], list[Any]
    if f.countries:
        clauses.append(_in("c.country", f.countries))
        params += f.countries
    if f.since:
        clauses.append("COALESCE(c.as_of, ar.published) >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("COALESCE(c.as_of, ar.published) <= ?")
        params.append(f.until)
    if f.actor:
        clauses.append("(lower(c.claimant) = lower(?) OR lower(c.claimant_text) = lower(?))")
        params += [f.actor, f.actor]
    if f.q:
        clauses.append("contains(lower(c.evidence_text), lower(?))")
        params.append(f.q)
    return _page(
        request, _store(request),
        "c.uid, c.article_id, c.quantity, c.value, c.value_max, c.bound, c.unit, "
        "COALESCE(c.claimant, c.claimant_text) AS claimant, COALESCE(c.as_of, ar.published) "
        "AS as_of, c.location_name, c.country, c.event_uid, c.evidence_start, c.evidence_end, "
        "c.evidence_text, ar.title AS article_title, ar.outlet",
        "FROM claims c LEFT JOIN articles ar ON ar.article_id = c.article_id "
        f"WHERE {' AND '.join(clauses)}",
        params, "as_of DESC NULLS LAST, c.uid", limit, offset)


@router.get("/selection/quotes", responses=example_response("selection_quotes"), summary="Quotes of the selection (speaker, dates, country, "
            "text), newest first, with their evidence span")
def quotes(request: Request, f: EventFilters = SELECTION,
           limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
    # query-layer: move to store/
    clauses, params = ["TRUE"], []  # type: list[str], list[Any]
    if f.countries:
        clauses.append("q.article_id IN (SELECT article_id FROM events WHERE "
                       + _in("country", f.countries) + ")")
        params += f.countries
    if f.since:
        clauses.append("ar.published >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("ar.published <= ?")
        params.append(f.until)
    if f.actor:
        clauses.append("(lower(q.speaker) = lower(?) OR lower(q.speaker_text) = lower(?))")
        params += [f.actor, f.actor]
    if f.q:
        clauses.append("contains(lower(q.text), lower(?))")
        params.append(f.q)
    return _page(
        request, _store(request),
        "q.uid, q.article_id, q.text, COALESCE(q.speaker, q.speaker_text) AS speaker, q.cue, "
        "q.channel, q.direct, q.evidence_start, q.evidence_end, ar.title AS article_title, "
        "ar.outlet, ar.published",
        "FROM quotes q LEFT JOIN articles ar ON ar.article_id = q.article_id "
        f"WHERE {' AND '.join(clauses)}",
        params, "ar.published DESC NULLS LAST, q.uid", limit, offset)


@router.get("/selection/articles", responses=example_response("selection_articles"), summary="Articles with at least one event in the "
            "selection, newest first, with how many")
def articles(request: Request, f: EventFilters = SELECTION,
             limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
    where, params = event_where(f)
    # query-layer: move to store/
    return _page(
        request, _store(request),
        "ar.article_id, ar.title, ar.outlet, ar.url, ar.published, m.events",
        "FROM articles ar JOIN (SELECT e.article_id, count(*) AS events FROM events e "
        f"WHERE {where} GROUP BY 1) m ON m.article_id = ar.article_id",
        params, "ar.published DESC NULLS LAST, ar.article_id", limit, offset)


@router.get("/countries", responses=example_response("countries"), summary="Countries with events, by name, with ISO 3166 alpha-3 "
            "codes and counts (for a country picker)")
def countries(request: Request) -> dict[str, Any]:
    from ..extract.kb import country_display

    # query-layer: move to store/
    rows = _store(request).query(
        "SELECT country AS iso3, count(*) AS events FROM events WHERE country IS NOT NULL "
        "GROUP BY 1")
    items = sorted(({"iso3": r["iso3"], "name": country_display(r["iso3"]),
                     "events": r["events"]} for r in rows), key=lambda r: r["name"])
    return {"items": items, "next": None, "total": len(items)}
