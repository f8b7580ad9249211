"""The one pagination model: sorts, opaque keyset cursors and pages (CLI and API alike).

A sort is a list of keys (column, descending?); NULL counts as the smallest value (last when
descending, first when ascending). Every sort ends in a unique key, so a page boundary is
exact, and a cursor is the sort's name and the last row's key values: the next page is
"rows after these values", which stays right while ingest adds rows (no offsets).
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .filters import InvalidFilter

__all__ = ["SORTS", "Page", "Sort", "decode_cursor", "encode_cursor", "keyset_sql", "order_sql",
           "parse_sort"]


@dataclass(frozen=True)
class Sort:
    name: str
    keys: tuple[tuple[str, bool], ...]   # (SQL column, descending)
    dates: tuple[bool, ...] = ()          # which key values are dates (for the cursor)


def _s(name: str, *keys: tuple[str, bool], dates: tuple[bool, ...] = ()) -> Sort:
    return Sort(name, tuple(keys), dates or tuple(False for _ in keys))


# Per listing: sort name → Sort; the first is the default ("newest first" everywhere).
SORTS: dict[str, dict[str, Sort]] = {
    "events": {
        "-date": _s("-date", ("k_day", True)),
        "date": _s("date", ("k_day", False)),
        "-dead": _s("-dead", ("dead", True), ("seq", True)),
        "dead": _s("dead", ("dead", False), ("seq", False)),
        "-confidence": _s("-confidence", ("confidence", True), ("seq", True)),
        "confidence": _s("confidence", ("confidence", False), ("seq", False)),
    },
    "merged": {
        "-date": _s("-date", ("date_start", True), ("merged_id", True), dates=(True, False)),
        "date": _s("date", ("date_start", False), ("merged_id", False), dates=(True, False)),
        "-sources": _s("-sources", ("source_count", True), ("merged_id", True)),
    },
    "claims": {
        "-date": _s("-date", ("k_day", True)),
        "date": _s("date", ("k_day", False)),
        "-value": _s("-value", ("value", True), ("seq", True)),
        "value": _s("value", ("value", False), ("seq", False)),
    },
    "quotes": {
        "-date": _s("-date", ("k_day", True)),
        "date": _s("date", ("k_day", False)),
    },
    "articles": {
        "-date": _s("-date", ("k_day", True)),
        "date": _s("date", ("k_day", False)),
    },
    "actors": {
        "-events": _s("-events", ("events", True), ("key", False)),
        "-articles": _s("-articles", ("articles", True), ("key", False)),
        "name": _s("name", ("key", False)),
    },
}
DEFAULT_SORT = {kind: next(iter(s)) for kind, s in SORTS.items()}


def parse_sort(kind: str, value: str | None) -> Sort:
    sorts = SORTS[kind]
    v = (value or DEFAULT_SORT[kind]).strip()
    if v not in sorts:
        raise InvalidFilter("sort", f"unknown value {v!r}; accepted: {', '.join(sorts)}",
                            list(sorts))
    return sorts[v]


def order_sql(sort: Sort) -> str:
    return ", ".join(f"{c} {'DESC NULLS LAST' if d else 'ASC NULLS FIRST'}" for c, d in sort.keys)


def keyset_sql(sort: Sort, after: list[Any]) -> tuple[str, list[Any]]:
    """A predicate for the rows that come after the key values `after` in `sort`."""
    def after_one(col: str, desc: bool, v: Any) -> tuple[str, list[Any]]:
        if v is None:
            return ("FALSE", []) if desc else (f"{col} IS NOT NULL", [])
        return (f"({col} < ? OR {col} IS NULL)", [v]) if desc else (f"{col} > ?", [v])

    def eq(col: str, v: Any) -> tuple[str, list[Any]]:
        return (f"{col} IS NULL", []) if v is None else (f"{col} = ?", [v])

    parts: list[str] = []
    params: list[Any] = []
    prefix: list[str] = []
    prefix_params: list[Any] = []
    for (col, desc), v in zip(sort.keys, after):
        a_sql, a_p = after_one(col, desc, v)
        parts.append("(" + " AND ".join(prefix + [a_sql]) + ")")
        params += prefix_params + a_p
        e_sql, e_p = eq(col, v)
        prefix.append(e_sql)
        prefix_params += e_p
    return "(" + " OR ".join(parts) + ")", params


def _plain(v: Any) -> Any:
    return v.isoformat() if isinstance(v, date) else v


def encode_cursor(sort: Sort, values: list[Any]) -> str:
    """Opaque cursor: the sort's name and the last row's key values."""
    raw = json.dumps([sort.name, *[_plain(v) for v in values]], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(value: str, sort: Sort) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        name, *values = json.loads(raw)
    except (ValueError, TypeError):  # bad base64, JSON or shape
        raise InvalidFilter("cursor", "not a cursor from this listing (pass the `next` link "
                            "as it is)") from None
    if name != sort.name:
        raise InvalidFilter("cursor", "the cursor belongs to another sort order")
    if len(values) != len(sort.keys):
        raise InvalidFilter("cursor", "malformed cursor")
    out = []
    for v, is_date in zip(values, sort.dates):
        if v is not None and is_date:
            try:
                v = date.fromisoformat(v)
            except (TypeError, ValueError):
                raise InvalidFilter("cursor", "malformed cursor") from None
        elif v is not None and not isinstance(v, (int, float, str)):
            raise InvalidFilter("cursor", "malformed cursor")
        out.append(v)
    return out


@dataclass
class Page:
    """One page of a listing: rows as dicts, the total of rows matching the filters, and the
    cursor of the next page (None on the last)."""

    items: list[dict[str, Any]]
    total: int | None
    next_cursor: str | None = None
    columns: list[str] = field(default_factory=list)
