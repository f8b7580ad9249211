"""How the query layer reads: rows as dicts, and whether the tables derived at ingest
(derived.py: sorted events, event counts, the claim series) are up to date, per store version.

Readers: anything with `fetch(sql, params) -> (columns, rows)` — `store.Store` (CLI) and
`store.reader.Reader` (API); a reader with a `version` lets answers be kept per version."""
from __future__ import annotations

from typing import Any

__all__ = ["derived_fresh", "fetch_dicts"]


def fetch_dicts(db: Any, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    """The rows of a query as dicts keyed by column name."""
    cols, rows = db.fetch(sql, list(params))
    return [dict(zip(cols, r)) for r in rows]


_FRESH: dict[Any, bool] = {}


def derived_fresh(db: Any) -> bool:
    """Whether the derived tables hold the store's current data (kept per store version)."""
    version = getattr(db, "version", None)
    if version is not None and version in _FRESH:
        return _FRESH[version]
    fresh = _derived_fresh_now(db)
    if version is not None:
        if len(_FRESH) > 64:
            _FRESH.clear()
        _FRESH[version] = fresh
    return fresh


def _derived_fresh_now(db: Any) -> bool:
    try:
        _, rows = db.fetch("SELECT (SELECT value FROM store_meta WHERE key = 'derived_version') = "
                           "(SELECT value FROM store_meta WHERE key = 'data_version')")
    except Exception:  # noqa: BLE001 - an old store without store_meta
        return False
    return bool(rows and rows[0][0])
