"""Compatibility names for API modules written against the API's own SQL: every query now
lives in the one query layer, `store/queries.py` (issue 11), shared with the CLI."""

from __future__ import annotations

from typing import Any

from ..store.filters import Filters
from ..store.queries import (  # noqa: F401 - re-exported
    EVENT_COLUMNS,
    events_where,
    get_actor,
    get_article,
    get_event,
    graph,
    places,
    stats,
    timeline,
)

__all__ = ["EVENT_COLUMNS", "event_where", "get_actor", "get_article", "get_event", "graph",
           "places", "stats", "timeline"]


def event_where(f: Filters, alias: str = "e") -> tuple[str, list[Any]]:
    """WHERE clause (never empty) and parameters of the event filters, as /api/events uses."""
    w = events_where(f.checked("events"), alias)
    return w.sql(), w.params
