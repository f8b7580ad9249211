"""The dashboard's tables of the selection (claims, quotes, articles, each row pointing at its
evidence span) and the country list with names for the country picker.

Lists answer `items`, `next` (a link to the next page or null) and `total` (rows matching).
Thin over the query layer (store/queries/selection.py), which decides what of the selection
applies: claims take country, dates (as of, else published), actor (a part of the claimant)
and q (evidence); quotes take actor (a part of the speaker), dates (published), country
(articles with an event there) and q (quote text); articles are those with an event in the
selection. Event type, mode and status do not apply to claims and quotes.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from ..store import queries
from .db import Store
from .examples import example_response
from .params import EventFilters
from .selection import SELECTION

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["views"])

LIMIT = Query(50, ge=1, le=500, description="Rows per page (1–500).")
OFFSET = Query(0, ge=0, description="Rows to skip (from a previous page's `next` link).")


def _store(request: Request) -> Store:
    return request.app.state.store


def _page(request: Request, kind: str, f: EventFilters, limit: int,
          offset: int) -> dict[str, Any]:
    items, total = queries.selection_table(_store(request), kind, f, limit=limit, offset=offset)
    nxt = None
    if offset + len(items) < total:
        nxt = str(request.url.include_query_params(offset=offset + limit))
    return {"items": items, "next": nxt, "total": total}


@router.get("/selection/claims", responses=example_response("selection_claims"), summary="Claimed figures of the selection (country, dates, "
            "claimant, text), newest first, with their evidence span")
def claims(request: Request, f: EventFilters = SELECTION,
           limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
    return _page(request, "claims", f, limit, offset)


@router.get("/selection/quotes", responses=example_response("selection_quotes"), summary="Quotes of the selection (speaker, dates, country, "
            "text), newest first, with their evidence span")
def quotes(request: Request, f: EventFilters = SELECTION,
           limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
    return _page(request, "quotes", f, limit, offset)


@router.get("/selection/articles", responses=example_response("selection_articles"), summary="Articles with at least one event in the "
            "selection, newest first, with how many")
def articles(request: Request, f: EventFilters = SELECTION,
             limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
    return _page(request, "articles", f, limit, offset)


@router.get("/countries", responses=example_response("countries"), summary="Countries with events, by name, with ISO 3166 alpha-3 "
            "codes and counts (for a country picker)")
def countries(request: Request) -> dict[str, Any]:
    items = queries.countries(_store(request))
    return {"items": items, "next": None, "total": len(items)}
