"""DuckDB store of reports: `Store`, `open_reader`, listing queries (see db.py for concurrency)."""
from __future__ import annotations

from .db import LOCK_RETRY_SECONDS, QueryResult, Store, new_run_id, open_reader
from .queries import QUERY_KINDS, Filters, build_query

__all__ = [
    "LOCK_RETRY_SECONDS",
    "QUERY_KINDS",
    "Filters",
    "QueryResult",
    "Store",
    "build_query",
    "new_run_id",
    "open_reader",
]
