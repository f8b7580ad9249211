"""The one query layer (issue 11): every question the CLI and the API ask of a store.

Readers: anything with `fetch(sql, params) -> (columns, rows)` — `store.Store` (CLI) and
`store.reader.Reader` (API). Filters come in as `filters.Filters` and are validated here
(`Filters.checked(kind)`), so both front ends accept and refuse the same values.

- listings: `page(db, kind, filters, sort=, limit=, cursor=)` → `paging.Page` with `items`,
  `total` and `next_cursor`; `iter_rows` walks every page (CLI output, exports);
- one thing: `get_event`, `get_article`, `get_actor`;
- views: `stats`, `timeline`, `graph`, `places`, `series_points` / `series_lines`;
- `build_query(kind, filters)`: the whole listing as one SQL statement (DuckDB COPY exports).

Speed (docs/api.md, bench/api_load.py): a page is one `ORDER BY <key> LIMIT n` over `events`
(layout.py: sort keys and the article's and participants' names are columns of the row),
answered by DuckDB's top-N with late materialization on a table kept sorted (derived.py).
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any

from .filters import QUANTITIES, Filters, InvalidFilter
from .marks import evidence_marks
from .paging import (
    SORTS,
    Page,
    Sort,
    decode_cursor,
    encode_cursor,
    keyset_sql,
    order_sql,
    parse_sort,
)

__all__ = [
    "EVENT_COLUMNS",
    "LIST_COLUMNS",
    "QUERY_KINDS",
    "Filters",
    "build_query",
    "get_actor",
    "get_article",
    "get_event",
    "graph",
    "iter_rows",
    "page",
    "places",
    "series_lines",
    "series_points",
    "stats",
    "timeline",
]

QUERY_KINDS: tuple[str, ...] = ("events", "merged", "claims", "actors", "quotes")
LIST_KINDS: tuple[str, ...] = QUERY_KINDS + ("articles",)


def _dicts(db: Any, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    cols, rows = db.fetch(sql, list(params))
    return [dict(zip(cols, r)) for r in rows]


def _lc(s: str) -> str:
    return s.lower()


# -- WHERE clauses, one per listing ----------------------------------------------------------
class _Where:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []
        self.counts_only = True  # only type/mode/status/country: event_counts can count it

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def any_of(self, col: str, values: list[str]) -> None:
        if values:
            self.add(f"{col} IN ({', '.join('?' * len(values))})", *values)

    def sql(self) -> str:
        return " AND ".join(self.parts) if self.parts else "TRUE"


_ACTOR_REF = re.compile(r"^[^\s:]+:[^\s:]+$")


def events_where(f: Filters, a: str = "e") -> _Where:
    w = _Where()
    w.any_of(f"{a}.type", f.type)
    w.any_of(f"lower({a}.mode)", f.mode)
    w.any_of(f"{a}.status", f.status)
    w.any_of(f"{a}.country", f.country)
    w.counts_only = not (f.actor or f.since or f.until or f.q or f.article)
    if f.actor:
        needle = _lc(f.actor)
        if f.role or _ACTOR_REF.match(f.actor):
            role = " AND x.role = ?" if f.role else ""
            w.add(f"{a}.uid IN (SELECT x.uid FROM event_actors x WHERE (contains(lower(x.name), ?)"
                  f" OR x.article_id || ':' || x.actor_id = ?){role})",
                  needle, f.actor, *([f.role] if f.role else []))
        else:
            w.add(f"contains({a}.names_lc, ?)", needle)
    if f.since:
        w.add(f"{a}.day_end >= ?", f.since)
    if f.until:
        w.add(f"{a}.day <= ?", f.until)
    if f.q:
        w.add(f"(contains(lower({a}.evidence_text), ?) OR contains(lower({a}.location_name), ?))",
              _lc(f.q), _lc(f.q))
    if f.article:
        w.add(f"{a}.article_id = ?", f.article)
    return w


def _merged_where(f: Filters) -> _Where:
    w = _Where()
    w.any_of("m.type", f.type)
    w.any_of("lower(m.mode)", f.mode)
    w.any_of("m.status", f.status)
    w.any_of("m.country", f.country)
    if f.actor:
        w.add("(contains(lower(m.actors), ?) OR contains(lower(m.recipients), ?))",
              _lc(f.actor), _lc(f.actor))
    if f.since:
        w.add("coalesce(m.date_end, m.date_start) >= ?", f.since)
    if f.until:
        w.add("m.date_start <= ?", f.until)
    if f.q:
        w.add("contains(lower(m.location_name), ?)", _lc(f.q))
    return w


def _claims_where(f: Filters) -> _Where:
    w = _Where()
    if f.quantity:
        w.add("c.quantity = ?", f.quantity)
    if f.claimant:
        w.add("(contains(lower(c.claimant), ?) OR contains(lower(c.claimant_text), ?))",
              _lc(f.claimant), _lc(f.claimant))
    w.any_of("c.country", f.country)
    if f.since:
        w.add("c.day >= ?", f.since)
    if f.until:
        w.add("c.day <= ?", f.until)
    if f.article:
        w.add("c.article_id = ?", f.article)
    if f.q:
        w.add("contains(lower(c.evidence_text), ?)", _lc(f.q))
    return w


def _quotes_where(f: Filters) -> _Where:
    w = _Where()
    who = f.claimant or f.actor
    if who:
        w.add("(contains(lower(q.speaker), ?) OR contains(lower(q.speaker_text), ?))",
              _lc(who), _lc(who))
    if f.since:
        w.add("q.published >= ?", f.since)
    if f.until:
        w.add("q.published <= ?", f.until)
    if f.article:
        w.add("q.article_id = ?", f.article)
    if f.q:
        w.add("contains(lower(q.text), ?)", _lc(f.q))
    return w


def _articles_where(f: Filters) -> _Where:
    w = _Where()
    if f.q:
        w.add("(contains(lower(ar.title), ?) OR contains(lower(ar.text), ?))", _lc(f.q), _lc(f.q))
    if f.outlet:
        w.add("lower(ar.outlet) = ?", _lc(f.outlet))
    if f.since:
        w.add("ar.published >= ?", f.since)
    if f.until:
        w.add("ar.published <= ?", f.until)
    return w


def _actors_where(f: Filters) -> _Where:
    w = _Where()
    for text in (f.q, f.actor):
        if text:
            w.add("contains(lower(a.name), ?)", _lc(text))
    w.any_of("a.country", f.country)
    if f.sector:
        w.add("upper(a.sector) = ?", f.sector)
    if f.kind:
        w.add("lower(a.kind) = ?", f.kind)
    if f.since or f.until:
        w.add("a.article_id IN (SELECT article_id FROM articles WHERE published BETWEEN ? AND ?)",
              f.since or date(1, 1, 1), f.until or date(9999, 12, 31))
    return w


# -- listings --------------------------------------------------------------------------------
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
_WHERE = {"events": events_where, "merged": _merged_where, "claims": _claims_where,
          "quotes": _quotes_where, "articles": _articles_where}
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


def _total(db: Any, from_sql: str, where: _Where) -> int:
    """count(*) of the filtered listing, kept per store version (pages of one listing differ in
    cursor, limit and sort, not in their total)."""
    version = getattr(db, "version", None)
    key = (version, from_sql, where.sql(), tuple(map(str, where.params)))
    if version is not None and key in _TOTALS:
        return _TOTALS[key]
    if from_sql == "events e" and where.counts_only and _derived_fresh(db):
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
    where = _WHERE[kind](f)
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
    where = _actors_where(f)
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
        where = _actors_where(f)
        sql = (f"SELECT * EXCLUDE (key) FROM ({ACTOR_BASE.format(where=where.sql())}) t "
               f"ORDER BY {order_sql(s)}")
    else:
        where = _WHERE[kind](f)
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


# -- one thing -------------------------------------------------------------------------------
# One statement for the five lookups of an event page (each an index scan): a statement costs
# a parse and a plan, so one instead of five is a fifth less per uncached /api/events/{uid}.
_EVENT_PAGE = f"""
SELECT 0 AS k, to_json(x) FROM (SELECT {EVENT_COLUMNS}, e.doc FROM events e WHERE e.uid = $1) x
UNION ALL SELECT 1, to_json(x) FROM (SELECT article_id, source, url, title, outlet, published,
    language, text FROM articles WHERE article_id = $2) x
UNION ALL SELECT 2, to_json(x) FROM (SELECT role, actor_id, name, country, sector
    FROM event_actors WHERE uid = $1 ORDER BY role, name) x
UNION ALL SELECT 3, to_json(x) FROM (SELECT actor_id, start_char, end_char, text FROM mentions
    WHERE article_id = $2 ORDER BY start_char) x
UNION ALL SELECT 4, to_json(x) FROM (SELECT uid, quantity, value, value_max, bound, claimant,
    claimant_text, as_of, evidence_start, evidence_end, evidence_text FROM claims
    WHERE event_uid = $1 ORDER BY uid) x"""


def get_event(db: Any, uid: str) -> dict[str, Any] | None:
    if ":" not in uid:
        return None
    _, rows = db.fetch(_EVENT_PAGE, [uid, uid.rsplit(":", 1)[0]])
    part: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for k, j in rows:
        part[k].append(json.loads(j))
    if not part[0]:
        return None
    ev = part[0][0]
    doc = json.loads(ev.pop("doc") or "{}")
    article = part[1][0] if part[1] else None
    # UNION ALL does not promise its branches' order: put each list in its ORDER BY again
    parts = sorted(part[2], key=lambda p: (p["role"], p["name"] is None, p["name"] or ""))
    mentions = sorted(part[3], key=lambda m: (m["start_char"] is None, m["start_char"] or 0))
    claims = sorted(part[4], key=lambda c: c["uid"])
    sources: list[dict[str, Any]] = []
    merged = None
    if ev.get("merged_id"):
        m = _dicts(db, "SELECT * FROM merged_events WHERE merged_id = ?", [ev["merged_id"]])
        merged = m[0] if m else None
        members = json.loads(merged["uids"] or "[]") if merged else []
        for u in members[:200]:
            sources += _dicts(db, "SELECT e.uid, e.article_id, e.article_title AS title, "
                              "e.outlet, e.published, e.date_start, e.dead, e.evidence_text "
                              "FROM events e WHERE e.uid = ?", [u])
        urls = {}
        for aid in sorted({s["article_id"] for s in sources}):
            urls.update(dict(db.fetch("SELECT article_id, url FROM articles WHERE article_id = ?",
                                      [aid])[1]))
        for s in sources:
            s["url"] = urls.get(s["article_id"])
        sources.sort(key=lambda s: (s["published"] is None, s["published"] or date.min, s["uid"]))
        sources = [{k: s[k] for k in ("uid", "article_id", "title", "outlet", "url", "published",
                                      "date_start", "dead", "evidence_text")} for s in sources]
    text = article["text"] if article and article.get("text") else ""
    ev["actors"] = [p["name"] for p in parts if p["role"] == "actor"]
    ev["recipients"] = [p["name"] for p in parts if p["role"] == "recipient"]
    ev["mediators"] = [p["name"] for p in parts if p["role"] == "mediator"]
    marks = evidence_marks(ev, doc, text, parts, mentions, claims)
    return {
        "event": ev,
        "doc": doc,
        "participants": parts,
        "article": article,
        "evidence": [m for m in marks if m["kind"] == "evidence"],
        "marks": marks,
        "claims": claims,
        "merged": merged,
        "sources": sources,
    }


def get_article(db: Any, article_id: str) -> dict[str, Any] | None:
    rows = _dicts(db, "SELECT * EXCLUDE (seq, k_day) FROM articles WHERE article_id = ?",
                  [article_id])
    if not rows:
        return None
    art = rows[0]
    art["related"] = _dicts(db, "SELECT title, url FROM related_links WHERE article_id = ? "
                            "ORDER BY seq", [article_id])
    art["actors"] = _dicts(db, "SELECT actor_id, name, kind, country, sector, affiliation, "
                           "wikidata FROM actors WHERE article_id = ? ORDER BY actor_id",
                           [article_id])
    art["events"] = _dicts(db, f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.article_id = ? "
                           "ORDER BY e.evidence_start NULLS LAST, e.uid", [article_id])
    art["claims"] = _dicts(db, "SELECT uid, quantity, value, value_max, bound, claimant, "
                           "claimant_text, as_of, event_uid, evidence_start, evidence_end "
                           "FROM claims WHERE article_id = ? ORDER BY uid", [article_id])
    art["quotes"] = _dicts(db, "SELECT uid, text, speaker, speaker_text, cue, channel, direct, "
                           "evidence_start, evidence_end FROM quotes WHERE article_id = ? "
                           "ORDER BY evidence_start NULLS LAST", [article_id])
    return art


def get_actor(db: Any, ref: str, limit: int = 200) -> dict[str, Any] | None:
    """An actor by name (case-insensitive), Wikidata id or `article_id:actor_id`."""
    rows = _dicts(db, "SELECT lower(name) AS key FROM actors WHERE lower(name) = lower(?) "
                  "OR wikidata = ? OR article_id || ':' || actor_id = ? LIMIT 1", [ref, ref, ref])
    if not rows:
        rows = _dicts(db, "SELECT lower(name) AS key FROM event_actors "
                      "WHERE lower(name) = lower(?) LIMIT 1", [ref])
    if not rows:
        return None
    key = rows[0]["key"]
    prof = _dicts(db, ACTOR_BASE.format(where="lower(a.name) = ?"), [key])
    profile = prof[0] if prof else {"name": ref, "key": key}

    def events(role: str) -> list[dict[str, Any]]:
        return _dicts(db, f"SELECT {EVENT_COLUMNS}, e.article_title FROM events e WHERE e.uid IN "
                      "(SELECT uid FROM event_actors WHERE lower(name) = ? AND role = ?) "
                      f"ORDER BY e.k_day DESC LIMIT {int(limit)}", [key, role])

    profile["as_actor_events"] = events("actor")
    profile["as_recipient_events"] = events("recipient")
    profile["claims"] = _dicts(db, "SELECT uid, quantity, value, value_max, bound, as_of, "
                               "claimant_text FROM claims WHERE lower(claimant) = ? "
                               f"ORDER BY k_day DESC LIMIT {int(limit)}", [key])
    profile["quotes"] = _dicts(db, "SELECT uid, article_id, text, cue FROM quotes "
                               f"WHERE lower(speaker) = ? ORDER BY k_day DESC LIMIT {int(limit)}",
                               [key])
    profile["partners"] = _dicts(
        db, "SELECT any_value(o.name) AS name, o.role, count(DISTINCT o.uid) AS events "
        "FROM event_actors s JOIN event_actors o ON o.uid = s.uid "
        "WHERE lower(s.name) = ? AND lower(o.name) <> ? GROUP BY lower(o.name), o.role "
        "ORDER BY events DESC, name LIMIT 30", [key, key])
    return profile


# -- views -----------------------------------------------------------------------------------
def stats(db: Any) -> dict[str, Any]:
    counts = _dicts(db,
        "SELECT (SELECT count(*) FROM articles) AS articles,"
        " (SELECT count(*) FROM events) AS events,"
        " (SELECT count(DISTINCT lower(name)) FROM actors) AS actors,"
        " (SELECT count(*) FROM claims) AS claims, (SELECT count(*) FROM quotes) AS quotes,"
        " (SELECT count(*) FROM merged_events) AS merged_events,"
        " (SELECT min(date_start) FROM events) AS first_date,"
        " (SELECT max(date_start) FROM events) AS last_date,"
        " (SELECT max(ingested_at) FROM articles) AS last_ingested")[0]
    counts["by_type"] = dict(db.fetch(
        "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")[1])
    counts["by_status"] = dict(db.fetch(
        "SELECT status, count(*) AS n FROM events GROUP BY status ORDER BY n DESC, status")[1])
    counts["by_country"] = _dicts(db,
        "SELECT country, count(*) AS n FROM events WHERE country IS NOT NULL GROUP BY country "
        "ORDER BY n DESC, country LIMIT 20")
    runs = _dicts(db, "SELECT run_id, started, finished, articles, failures, status "
                  "FROM ingest_runs ORDER BY started DESC LIMIT 1")
    counts["last_run"] = runs[0] if runs else None
    return counts


def timeline(db: Any, filters: Filters | None = None) -> dict[str, Any]:
    """Events per day and type (for the stacked timeline); days without events are absent."""
    w = events_where((filters or Filters()).checked("events"))
    _, rows = db.fetch(f"SELECT e.date_start AS day, e.type, count(*) AS n FROM events e "
                       f"WHERE {w.sql()} AND e.date_start IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2",
                       w.params)
    days = sorted({r[0] for r in rows})
    types = sorted({r[1] for r in rows})
    idx = {d: i for i, d in enumerate(days)}
    counts = {t: [0] * len(days) for t in types}
    for d, t, n in rows:
        counts[t][idx[d]] = n
    return {"days": [d.isoformat() for d in days], "types": types, "counts": counts}


def graph(db: Any, filters: Filters | None = None, limit: int = 150) -> dict[str, Any]:
    """Who acts on whom: edges actor → recipient weighted by the number of events."""
    w = events_where((filters or Filters()).checked("events"))
    edges = _dicts(db,
        "SELECT any_value(a.name) AS source, any_value(r.name) AS target, "
        "count(DISTINCT a.uid) AS events FROM event_actors a JOIN event_actors r "
        "ON r.uid = a.uid AND r.role = 'recipient' AND lower(r.name) <> lower(a.name) "
        f"WHERE a.role = 'actor' AND a.name IS NOT NULL AND r.name IS NOT NULL AND a.uid IN "
        f"(SELECT e.uid FROM events e WHERE {w.sql()}) GROUP BY lower(a.name), lower(r.name) "
        f"ORDER BY events DESC, source, target LIMIT {int(limit)}", w.params)
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges:
        for end, col in ((e["source"], "out"), (e["target"], "in")):
            n = nodes.setdefault(end.lower(), {"id": end, "out": 0, "in": 0})
            n[col] += e["events"]
    return {"nodes": list(nodes.values()),
            "edges": [{**e, "source": nodes[e["source"].lower()]["id"],
                       "target": nodes[e["target"].lower()]["id"]} for e in edges]}


def places(db: Any, filters: Filters | None = None, limit: int = 2000) -> list[dict[str, Any]]:
    w = events_where((filters or Filters()).checked("events"))
    return _dicts(db,
        "SELECT any_value(e.location_name) AS name, e.country, round(e.lat, 3) AS lat, "
        "round(e.lon, 3) AS lon, count(*) AS events, mode(e.type) AS top_type FROM events e "
        f"WHERE {w.sql()} AND e.lat IS NOT NULL AND e.lon IS NOT NULL GROUP BY 2, 3, 4 "
        f"ORDER BY events DESC, name LIMIT {int(limit)}", w.params)


# -- claim series ----------------------------------------------------------------------------
_FRESH: dict[Any, bool] = {}


def _derived_fresh(db: Any) -> bool:
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


def series_points(db: Any, filters: Filters | None = None) -> list[Any]:
    """The flagged claim series (corpus.series.SeriesPoint), from `series_points` when it is
    up to date (derived.py), else computed from the claims; flags are over the whole
    quantity/scope, so a claimant filter keeps other claimants' disagreements visible."""
    from ..corpus.series import SeriesPoint, build_series
    from .derived import SERIES_COLUMNS_SQL, SERIES_ORDER_SQL, load_claim_points
    from .rows import normalize_name

    f = (filters or Filters()).checked("series")
    country = f.country[0] if f.country else None
    if len(f.country) > 1:
        raise InvalidFilter("country", "one country per series")
    if _derived_fresh(db):
        w = _Where()
        if f.quantity:
            w.add("quantity = ?", f.quantity)
        if country:
            w.add("country = ?", country)
        if f.claimant:
            w.add("contains(claimant, ?)", normalize_name(f.claimant))
        if f.since:
            w.add("as_of >= ?", f.since)
        if f.until:
            w.add("as_of <= ?", f.until)
        _, rows = db.fetch(f"SELECT {SERIES_COLUMNS_SQL} FROM series_points WHERE {w.sql()} "
                           f"ORDER BY {SERIES_ORDER_SQL}", w.params)
        return [SeriesPoint(as_of=r[0], quantity=r[1], scope=r[2], claimant=r[3], kind=r[4],
                            value=r[5], value_max=r[6], bound=r[7], period_start=r[8],
                            article_id=r[9], outlet=r[10], revision=r[11], disagreement=r[12],
                            uid=r[13]) for r in rows]
    pts = build_series(load_claim_points(db.fetch, quantity=f.quantity,
                                         countries=[country] if country else None))
    if f.claimant:
        needle = normalize_name(f.claimant)
        pts = [p for p in pts if needle in p.claimant]
    if f.since:
        pts = [p for p in pts if p.as_of is not None and p.as_of >= f.since]
    if f.until:
        pts = [p for p in pts if p.as_of is not None and p.as_of <= f.until]
    return pts


def series_body(db: Any, filters: Filters) -> bytes | None:
    """The stored, gzipped /api/series answer for a quantity and one country (derived.py), or
    None (other filters, or the stored series not up to date)."""
    from .derived import SERIES_FORMAT

    f = filters.checked("series")
    if not (f.quantity and len(f.country) == 1) or f.claimant or f.since or f.until:
        return None
    try:
        _, rows = db.fetch(
            "SELECT body FROM series_bodies WHERE quantity = ? AND country = ? AND "
            "(SELECT value FROM store_meta WHERE key = 'series_format') = ?",
            [f.quantity, f.country[0], SERIES_FORMAT])
    except Exception:  # noqa: BLE001 - a store without the table
        return None
    if rows:
        return bytes(rows[0][0]) if _derived_fresh(db) else None
    return None


def series_json(db: Any, filters: Filters | None = None, *, fresh: bool = False) -> bytes | None:
    """`series_lines` as JSON bytes made by DuckDB from `series_points` (no Python object per
    point: a 20,000-point series is ~20 ms instead of ~250); None when that table is not up
    to date (then use series_lines)."""
    from .rows import normalize_name

    f = (filters or Filters()).checked("series")
    if not f.quantity or len(f.country) > 1 or not (fresh or _derived_fresh(db)):
        return None
    w = _Where()
    w.add("quantity = ?", f.quantity)
    if f.country:
        w.add("country = ?", f.country[0])
    if f.claimant:
        w.add("contains(claimant, ?)", normalize_name(f.claimant))
    if f.since:
        w.add("as_of >= ?", f.since)
    if f.until:
        w.add("as_of <= ?", f.until)
    _, rows = db.fetch(f"""
        WITH lines AS (
          SELECT scope, claimant, kind, count(*) AS n,
                 list(struct_pack(date := as_of, value := value, value_max := value_max,
                                  bound := bound, uid := uid, article_id := article_id,
                                  outlet := outlet, revision := revision,
                                  disagreement := disagreement, kind := kind)
                      ORDER BY as_of NULLS LAST, article_id, uid) AS points,
                 count(revision) AS revisions, count(disagreement) AS disagreements
          FROM series_points WHERE {w.sql()} GROUP BY scope, claimant, kind)
        SELECT coalesce(sum(n), 0), to_json(coalesce(list(struct_pack(
                 claimant := claimant, scope := scope, kind := kind, points := points,
                 latest := points[-1].value, revisions := revisions,
                 disagreements := disagreements) ORDER BY n DESC, scope, claimant, kind), []))
        FROM lines""", w.params)
    n, series = rows[0]
    head = json.dumps({"quantity": f.quantity, "country": f.country[0] if f.country else None,
                       "points": int(n)})
    return (head[:-1] + ', "series": ' + series + "}").encode()


def series_lines(db: Any, filters: Filters | None = None) -> dict[str, Any]:
    """The series as one line per (scope, claimant, kind), most points first (for charts)."""
    f = (filters or Filters()).checked("series")
    if not f.quantity:
        raise InvalidFilter("quantity", "required; accepted: " + ", ".join(QUANTITIES),
                            list(QUANTITIES))
    pts = series_points(db, f)
    lines: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
    for p in pts:
        lines[(p.scope, p.claimant, p.kind)].append(p)
    series = [
        {
            "claimant": c, "scope": s, "kind": k,
            "points": [{"date": p.as_of.isoformat() if isinstance(p.as_of, date) else p.as_of,
                        "value": p.value, "value_max": p.value_max, "bound": p.bound,
                        "uid": p.uid, "article_id": p.article_id, "outlet": p.outlet,
                        "revision": p.revision, "disagreement": p.disagreement, "kind": p.kind}
                       for p in ps],
            "latest": ps[-1].value,
            "revisions": sum(1 for p in ps if p.revision),
            "disagreements": sum(1 for p in ps if p.disagreement),
        }
        for (s, c, k), ps in sorted(lines.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    return {"quantity": f.quantity, "country": f.country[0] if f.country else None,
            "points": len(pts), "series": series}


__all__ += ["LIST_KINDS", "SORTS", "events_where", "list_columns", "series_body", "series_json"]
