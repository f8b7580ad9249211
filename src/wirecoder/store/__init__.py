"""DuckDB store of reports: `Store`, `open_reader`, and the one query layer (queries/) that
the CLI and the API both call (see db.py for concurrency, layout.py for the physical layout)."""
from __future__ import annotations

from .db import LOCK_RETRY_SECONDS, QueryResult, Store, new_run_id, open_reader, upgrade
from .filters import Filters, InvalidFilter
from .paging import Page
from .queries import QUERY_KINDS, build_query

__all__ = [
    "LOCK_RETRY_SECONDS",
    "QUERY_KINDS",
    "Filters",
    "InvalidFilter",
    "Page",
    "QueryResult",
    "Store",
    "build_query",
    "new_run_id",
    "open_reader",
    "upgrade",
]
