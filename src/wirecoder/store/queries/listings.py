"""Listings: one page of events, merged events, claims, quotes, articles or actors (keyset
pagination with an opaque cursor, and the filtered total), every row of one (`iter_rows`),
its columns, and the whole listing as one SQL statement for DuckDB COPY (`build_query`).

Speed (docs/api.md, bench/api_load.py): a page is one `ORDER BY <key> LIMIT n` over `events`
(layout.py: sort keys and the article's and participants' names are columns of the row),
answered by DuckDB's top-N with late materialization on a table kept sorted (derived.py).
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ..filters import Filters
from ..paging import Page, Sort, decode_cursor, encode_cursor, keyset_sql, order_sql, parse_sort
from .fetch import derived_fresh
from .where import WHERE, Where, actors_where

__all__ = ["ACTOR_BASE", "EVENT_COLUMNS", "LIST_COLUMNS", "LIST_KINDS", "QUERY_KINDS",
           "build_query", "iter_rows", "list_columns", "page"]

QUERY_KINDS: tuple[str, ...] = ("events", "merged", "claims", "actors", "quotes")
LIST_KINDS: tuple[str, ...] = QUERY_KINDS + ("articles",)

EVENT_COLUMNS = (
    "e.uid, e.article_id, e.event_id, e.type, e.mode, e.date_start, e.date_end, "
    "e.date_precision, e.date_text, e.location_name, e.country, e.lat, e.lon, "
    "e.status, e.dead, e.injured, e.acled_event_type, e.acled_sub_event_type, "
    "e.confidence, e.evidence_start, e.evidence_end, e.evidence_text, e.merged_id"
)
LIST_COLUMNS: dict[str, str] = {
    "events": EVENT_COLUMNS + ", e.article_title, e.outlet, e.published, "
    "e.actor_names AS actors, e.recipient_names AS recipients, e.mediator_names AS mediators",
    "merged": "m.merged_id, m.type, m.mode, m.date_start, m.date_end, m.country, "
    "m.location_name, m.lat, m.lon, m.status, m.actors, m.recipients, m.source_count, "
    "m.article_ids, m.dead, m.injured, m.acled_event_type, m.acled_sub_event_type, m.uids",
    "claims": "c.uid, c.article_id, c.claim_id, c.quantity, c.value, c.value_max, c.bound, "
    "c.unit, COALESCE(c.claimant, c.claimant_text) AS claimant, c.claimant_text, "
    "c.claimant_country, c.day AS as_of, c.period_start, c.period_end, c.location_name, "
    "c.country, c.event_uid, c.evidence_text, c.article_title, c.outlet, c.published",
    "quotes": "q.uid, q.article_id, q.quote_id, q.speaker, q.speaker_text, q.cue, q.channel, "
    "q.direct, q.text, q.published, q.outlet, q.article_title",
    "articles": "ar.article_id, ar.source, ar.url, ar.title, ar.outlet, ar.published, "
    "ar.language, ar.ingested_at, length(ar.text) AS chars",
}
_FROM = {"events": "events e", "merged": "merged_events m", "claims": "claims c",
         "quotes": "quotes q", "articles": "articles ar"}
_ALIAS = {"events": "e", "merged": "m", "claims": "c", "quotes": "q", "articles": "ar"}
_JSON_LISTS = {"merged": ("actors", "recipients", "article_ids", "uids")}

ACTOR_BASE = """
SELECT any_value(a.name) AS name, lower(a.name) AS key, mode(a.kind) AS kind,
       mode(a.country) AS country, mode(a.sector) AS sector, max(a.wikidata) AS wikidata,
       count(DISTINCT a.article_id) AS articles,
       CAST(COALESCE(sum(mn.n), 0) AS BIGINT) AS mentions,
       COALESCE(any_value(ev.as_actor), 0) AS as_actor,
       COALESCE(any_value(ev.as_recipient), 0) AS as_recipient,
       COALESCE(any_value(ev.as_actor), 0) + COALESCE(any_value(ev.as_recipient), 0) AS events
FROM actors a
LEFT JOIN (SELECT lower(name) AS key, count(*) FILTER (WHERE role = 'actor') AS as_actor,
                  count(*) FILTER (WHERE role = 'recipient') AS as_recipient
           FROM event_actors GROUP BY 1) ev ON ev.key = lower(a.name)
LEFT JOIN (SELECT article_id, actor_id, count(*) AS n FROM mentions GROUP BY 1, 2) mn
       ON mn.article_id = a.article_id AND mn.actor_id = a.actor_id
WHERE a.name IS NOT NULL AND {where}
GROUP BY lower(a.name)
"""


def _sort_columns(sort: Sort) -> list[str]:
    return [c for c, _ in sort.keys]


def _clean(kind: str, rows: list[dict[str, Any]], internal: list[str]) -> list[dict[str, Any]]:
    for r in rows:
        for c in internal:
            r.pop(c, None)
        for c in _JSON_LISTS.get(kind, ()):
            v = r.get(c)
            if isinstance(v, str):
                try:
                    r[c] = json.loads(v)
                except ValueError:
                    pass
        for c in ("actors", "recipients", "mediators"):
            if kind == "events" and r.get(c) is None and c in r:
                r[c] = []
    return rows


_TOTALS: dict[Any, int] = {}


def _total(db: Any, from_sql: str, where: Where) -> int:
    """count(*) of the filtered listing, kept per store version (pages of one listing differ in
    cursor, limit and sort, not in their total)."""
    version = getattr(db, "version", None)
    key = (version, from_sql, where.sql(), tuple(map(str, where.params)))
    if version is not None and key in _TOTALS:
        return _TOTALS[key]
    if from_sql == "events e" and where.counts_only and derived_fresh(db):
        _, rows = db.fetch(f"SELECT coalesce(sum(n), 0) FROM event_counts e WHERE {where.sql()}",
                           where.params)
    else:
        _, rows = db.fetch(f"SELECT count(*) FROM {from_sql} WHERE {where.sql()}", where.params)
    n = int(rows[0][0])
    if version is not None:
        if len(_TOTALS) > 4096 or any(k[0] != version for k in list(_TOTALS)[:1]):
            _TOTALS.clear()
        _TOTALS[key] = n
    return n


def page(db: Any, kind: str, filters: Filters | None = None, *, sort: str | None = None,
         limit: int = 50, cursor: str | None = None, total: bool = True) -> Page:
    """One page of listing `kind` (LIST_KINDS), newest first unless `sort` says otherwise."""
    if kind not in LIST_KINDS:
        raise ValueError(f"unknown listing {kind!r}")
    f = (filters or Filters()).checked(kind)
    s = parse_sort(kind, sort)
    after = decode_cursor(cursor, s) if cursor else None
    if kind == "actors":
        return _actors_page(db, f, s, limit, after, total)
    where = WHERE[kind](f)
    a = _ALIAS[kind]
    keys = [f"{a}.{c}" for c in _sort_columns(s)]
    ks = Sort(s.name, tuple((k, d) for k, (_, d) in zip(keys, s.keys)), s.dates)
    cond, params = where.sql(), list(where.params)
    if after is not None:
        k_sql, k_params = keyset_sql(ks, after)
        cond, params = f"{cond} AND {k_sql}", params + k_params
    internal = [f"_k{i}" for i in range(len(keys))]
    sql = (f"SELECT {LIST_COLUMNS[kind]}, {', '.join(f'{k} AS {n}' for k, n in zip(keys, internal))} "
           f"FROM {_FROM[kind]} WHERE {cond} ORDER BY {order_sql(ks)} LIMIT {int(limit) + 1}")
    cols, rows = db.fetch(sql, params)
    more = len(rows) > limit
    rows = rows[:limit]
    items = [dict(zip(cols, r)) for r in rows]
    nxt = encode_cursor(s, [items[-1][n] for n in internal]) if more and items else None
    items = _clean(kind, items, internal)
    if kind == "articles" and items:
        _article_counts(db, items)
    n = _total(db, _FROM[kind], where) if total else None
    return Page(items, n, nxt, [c for c in cols if c not in internal])


def _article_counts(db: Any, items: list[dict[str, Any]]) -> None:
    ids = [i["article_id"] for i in items]
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for table in ("events", "claims", "quotes"):
        _, rows = db.fetch(f"SELECT article_id, count(*) FROM {table} WHERE article_id IN "
                           f"({', '.join('?' * len(ids))}) GROUP BY 1", ids)
        for aid, n in rows:
            counts[aid][table] = n
    for i in items:
        for table in ("events", "claims", "quotes"):
            i[table] = counts[i["article_id"]].get(table, 0)


def _actors_page(db: Any, f: Filters, s: Sort, limit: int, after: list[Any] | None,
                 total: bool) -> Page:
    where = actors_where(f)
    base = ACTOR_BASE.format(where=where.sql())
    cond, params = "TRUE", list(where.params)
    if after is not None:
        k_sql, k_params = keyset_sql(s, after)
        cond, params = k_sql, params + k_params
    cols, rows = db.fetch(f"SELECT * FROM ({base}) t WHERE {cond} ORDER BY {order_sql(s)} "
                          f"LIMIT {int(limit) + 1}", params)
    more = len(rows) > limit
    items = [dict(zip(cols, r)) for r in rows[:limit]]
    nxt = encode_cursor(s, [items[-1][c] for c in _sort_columns(s)]) if more and items else None
    n = None
    if total:
        _, t = db.fetch(f"SELECT count(DISTINCT lower(a.name)) FROM actors a "
                        f"WHERE a.name IS NOT NULL AND {where.sql()}", where.params)
        n = int(t[0][0])
    return Page(items, n, nxt, cols)


def iter_rows(db: Any, kind: str, filters: Filters | None = None, *, sort: str | None = None,
              limit: int | None = None, page_size: int = 2000) -> Iterator[dict[str, Any]]:
    """Every row of a listing (at most `limit`), page by page: the CLI's listings."""
    cursor, left = None, limit
    while left is None or left > 0:
        n = page_size if left is None else min(page_size, left)
        p = page(db, kind, filters, sort=sort, limit=n, cursor=cursor, total=False)
        yield from p.items
        if left is not None:
            left -= len(p.items)
        if not p.next_cursor:
            return
        cursor = p.next_cursor


def list_columns(db: Any, kind: str) -> list[str]:
    """The columns of a listing's rows (also when it has none)."""
    if kind == "actors":
        cols, _ = db.fetch(f"SELECT * FROM ({ACTOR_BASE.format(where='FALSE')}) t LIMIT 0")
        return cols
    extra = {"articles": ["events", "claims", "quotes"]}.get(kind, [])
    cols, _ = db.fetch(f"SELECT {LIST_COLUMNS[kind]} FROM {_FROM[kind]} LIMIT 0")
    return cols + extra


def build_query(kind: str, filters: Filters | None = None) -> tuple[str, list[Any]]:
    """The whole listing `kind` (QUERY_KINDS) as one SQL statement and its parameters, newest
    first: for DuckDB COPY exports. List columns are "a; b" text here (merged events keep
    their JSON lists, as stored)."""
    if kind not in QUERY_KINDS:
        raise ValueError(f"unknown listing {kind!r}")
    f0 = filters or Filters()
    f = f0.checked(kind)
    s = parse_sort(kind, None)
    if kind == "actors":
        where = actors_where(f)
        sql = (f"SELECT * EXCLUDE (key) FROM ({ACTOR_BASE.format(where=where.sql())}) t "
               f"ORDER BY {order_sql(s)}")
    else:
        where = WHERE[kind](f)
        cols = LIST_COLUMNS[kind]
        if kind == "events":
            cols = cols.replace("e.actor_names AS actors", "array_to_string(e.actor_names, '; ') "
                                "AS actors").replace(
                "e.recipient_names AS recipients",
                "array_to_string(e.recipient_names, '; ') AS recipients").replace(
                "e.mediator_names AS mediators",
                "array_to_string(e.mediator_names, '; ') AS mediators")
        a = _ALIAS[kind]
        order = order_sql(Sort(s.name, tuple((f"{a}.{c}", d) for c, d in s.keys)))
        sql = f"SELECT {cols} FROM {_FROM[kind]} WHERE {where.sql()} ORDER BY {order}"
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    return sql, list(where.params)
