"""The one query layer (issue 11): every question the CLI and the API ask of a store, one
module per kind of answer.

Readers: anything with `fetch(sql, params) -> (columns, rows)` — `store.Store` (CLI) and
`store.reader.Reader` (API). Filters come in as `filters.Filters` and are validated here
(`Filters.checked(kind)`), so both front ends accept and refuse the same values.

- where.py: the WHERE clause of each listing, from the one filter model;
- listings.py: `page(db, kind, filters, sort=, limit=, cursor=)` → `paging.Page` with
  `items`, `total` and `next_cursor`; `iter_rows` walks every page (CLI output, exports);
  `build_query(kind, filters)`, the whole listing as one SQL statement (DuckDB COPY);
- lookups.py: one thing, `get_event`, `get_article`, `get_actor`;
- views.py: `stats`, `timeline`, `graph`, `places`;
- series.py: the claim series, `series_points` / `series_lines` / `series_json`;
- selection.py: the dashboard's selection (totals, actor graph, claims / quotes / articles
  tables, countries, downloads);
- fetch.py: rows as dicts, and whether the derived tables are up to date.
"""
from __future__ import annotations

from ..filters import QUANTITIES, Filters
from ..paging import SORTS
from .listings import (
    EVENT_COLUMNS,
    LIST_COLUMNS,
    LIST_KINDS,
    QUERY_KINDS,
    build_query,
    iter_rows,
    list_columns,
    page,
)
from .lookups import get_actor, get_article, get_event
from .selection import (
    countries,
    selection_events_sql,
    selection_graph,
    selection_merged_ids_sql,
    selection_summary,
    selection_table,
)
from .series import series_body, series_json, series_lines, series_points
from .views import graph, places, stats, timeline
from .where import events_where

__all__ = [
    "EVENT_COLUMNS",
    "LIST_COLUMNS",
    "LIST_KINDS",
    "QUANTITIES",
    "QUERY_KINDS",
    "SORTS",
    "Filters",
    "build_query",
    "countries",
    "events_where",
    "get_actor",
    "get_article",
    "get_event",
    "graph",
    "iter_rows",
    "list_columns",
    "page",
    "places",
    "selection_events_sql",
    "selection_graph",
    "selection_merged_ids_sql",
    "selection_summary",
    "selection_table",
    "series_body",
    "series_json",
    "series_lines",
    "series_points",
    "stats",
    "timeline",
]
