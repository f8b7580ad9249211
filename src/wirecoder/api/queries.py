"""The API's SQL over the store (store/schema.sql). Read-only; every value is a bound parameter."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from .db import Store
from .marks import evidence_marks
from .params import EventFilters

__all__ = [
    "EVENT_COLUMNS",
    "event_where",
    "get_actor",
    "get_article",
    "get_event",
    "graph",
    "keyset_ids",
    "keyset_page",
    "list_actors",
    "list_articles",
    "list_claims",
    "list_events",
    "places",
    "stats",
    "timeline",
]

EVENT_COLUMNS = (
    "e.uid, e.article_id, e.event_id, e.type, e.mode, e.date_start, e.date_end, "
    "e.date_precision, e.date_text, e.location_name, e.country, e.lat, e.lon, "
    "e.status, e.dead, e.injured, e.acled_event_type, e.acled_sub_event_type, "
    "e.confidence, e.evidence_start, e.evidence_end, e.evidence_text, e.merged_id"
)


def event_where(f: EventFilters, alias: str = "e") -> tuple[str, list[Any]]:
    """WHERE clause (always non-empty) and parameters for the event filters."""
    a = alias
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []

    def _in(col: str, values: list[str]) -> None:
        clauses.append(f"{col} IN ({', '.join('?' for _ in values)})")
        params.extend(values)

    if f.types:
        _in(f"{a}.type", f.types)
    if f.modes:
        _in(f"lower({a}.mode)", f.modes)
    if f.statuses:
        _in(f"{a}.status", f.statuses)
    if f.countries:
        _in(f"{a}.country", f.countries)
    if f.actor:
        role = " AND ea.role = ?" if f.role else ""
        clauses.append(
            f"{a}.uid IN (SELECT ea.uid FROM event_actors ea WHERE "
            f"(lower(ea.name) = lower(?) OR ea.article_id || ':' || ea.actor_id = ?){role})"
        )
        params.extend([f.actor, f.actor] + ([f.role] if f.role else []))
    if f.since:
        clauses.append(f"COALESCE({a}.date_end, {a}.date_start) >= ?")
        params.append(f.since)
    if f.until:
        clauses.append(f"{a}.date_start <= ?")
        params.append(f.until)
    if f.q:
        clauses.append(
            f"(contains(lower({a}.evidence_text), lower(?)) "
            f"OR contains(lower({a}.location_name), lower(?)))"
        )
        params.extend([f.q, f.q])
    if f.article:
        clauses.append(f"{a}.article_id = ?")
        params.append(f.article)
    return " AND ".join(clauses), params


def keyset_page(
    store: Store,
    base_sql: str,
    params: list[Any],
    *,
    key_expr: str,
    desc: bool,
    id_col: str,
    limit: int,
    after: tuple[Any, str] | None,
) -> tuple[list[dict[str, Any]], tuple[Any, str] | None]:
    """One page of `base_sql` ordered by (key, id); returns rows and the last row's key or None."""
    op = "<" if desc else ">"
    order = "DESC" if desc else "ASC"
    where, p = "TRUE", list(params)
    if after is not None:
        where = f"(_k {op} ? OR (_k = ? AND {id_col} {op} ?))"
        p += [after[0], after[0], after[1]]
    sql = (
        f"SELECT * FROM (SELECT t.*, {key_expr} AS _k FROM ({base_sql}) t) "
        f"WHERE {where} ORDER BY _k {order}, {id_col} {order} LIMIT {int(limit) + 1}"
    )
    rows = store.query(sql, p)
    more = len(rows) > limit
    rows = rows[:limit]
    last = (rows[-1]["_k"], rows[-1][id_col]) if more and rows else None
    for r in rows:
        r.pop("_k", None)
    return rows, last


def keyset_ids(
    store: Store,
    from_where: str,
    params: list[Any],
    *,
    key_expr: str,
    id_expr: str,
    desc: bool,
    limit: int,
    after: tuple[Any, str] | None,
) -> tuple[list[str], tuple[Any, str] | None]:
    """Phase one of a page on a big table: only ids and sort keys (narrow rows make the top-N
    cheap); callers then fetch the full rows of those ids."""
    op = "<" if desc else ">"
    order = "DESC" if desc else "ASC"
    p = list(params)
    keyset = ""
    if after is not None:
        keyset = f" AND ({key_expr} {op} ? OR ({key_expr} = ? AND {id_expr} {op} ?))"
        p += [after[0], after[0], after[1]]
    rows = store.query(
        f"SELECT {id_expr} AS _id, {key_expr} AS _k {from_where}{keyset} "
        f"ORDER BY _k {order}, _id {order} LIMIT {int(limit) + 1}",
        p,
    )
    more = len(rows) > limit
    rows = rows[:limit]
    last = (rows[-1]["_k"], rows[-1]["_id"]) if more and rows else None
    return [r["_id"] for r in rows], last


def list_events(
    store: Store,
    f: EventFilters,
    *,
    sort_key: str,
    desc: bool,
    limit: int,
    after: tuple[Any, str] | None,
) -> tuple[list[dict[str, Any]], tuple[Any, str] | None]:
    """A page in three cheap steps: the top-N on narrow (uid, key) rows, then the page's rows,
    articles and participants by `= ANY(list)` (a join would scan the big tables)."""
    where, params = event_where(f)
    uids, last = keyset_ids(
        store,
        f"FROM events e WHERE {where}",
        params,
        key_expr=sort_key,
        id_expr="e.uid",
        desc=desc,
        limit=limit,
        after=after,
    )
    if not uids:
        return [], None
    by_uid = {
        r["uid"]: r
        for r in store.query(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.uid = ANY(?)", [uids])
    }
    rows = [by_uid[u] for u in uids if u in by_uid]
    art_ids = sorted({r["article_id"] for r in rows})
    arts = {
        a["article_id"]: a
        for a in store.query(
            "SELECT article_id, title AS article_title, outlet, published FROM articles "
            "WHERE article_id = ANY(?)",
            [art_ids],
        )
    }
    names: dict[str, dict[str, list[str]]] = {}
    for p in store.query(
        "SELECT uid, role, COALESCE(name, actor_id) AS name FROM event_actors "
        "WHERE article_id = ANY(?) AND uid = ANY(?) ORDER BY name",
        [art_ids, uids],
    ):
        names.setdefault(p["uid"], {}).setdefault(p["role"], []).append(p["name"])
    for r in rows:
        a = arts.get(r["article_id"], {})
        r.update(
            article_title=a.get("article_title"),
            outlet=a.get("outlet"),
            published=a.get("published"),
        )
        roles = names.get(r["uid"], {})
        r["actors"] = roles.get("actor", [])
        r["recipients"] = roles.get("recipient", [])
        r["mediators"] = roles.get("mediator", [])
    return rows, last


def get_event(store: Store, uid: str) -> dict[str, Any] | None:
    rows = store.query(f"SELECT {EVENT_COLUMNS}, e.doc FROM events e WHERE e.uid = ?", [uid])
    if not rows:
        return None
    ev = rows[0]
    doc = json.loads(ev.pop("doc") or "{}")
    art = store.query(
        "SELECT article_id, source, url, title, outlet, published, language, text "
        "FROM articles WHERE article_id = ?",
        [ev["article_id"]],
    )
    article = art[0] if art else None
    parts = store.query(
        "SELECT role, actor_id, name, country, sector FROM event_actors "
        "WHERE uid = ? ORDER BY role, name",
        [uid],
    )
    mentions = store.query(
        "SELECT actor_id, start_char, end_char, text FROM mentions "
        "WHERE article_id = ? ORDER BY start_char",
        [ev["article_id"]],
    )
    claims = store.query(
        "SELECT uid, quantity, value, value_max, bound, claimant, claimant_text, "
        "as_of, evidence_start, evidence_end, evidence_text FROM claims "
        "WHERE event_uid = ? ORDER BY uid",
        [uid],
    )
    sources: list[dict[str, Any]] = []
    merged = None
    if ev.get("merged_id"):
        m = store.query("SELECT * FROM merged_events WHERE merged_id = ?", [ev["merged_id"]])
        merged = m[0] if m else None
        sources = store.query(
            "SELECT e.uid, e.article_id, ar.title, ar.outlet, ar.url, ar.published, "
            "e.date_start, e.dead, e.evidence_text FROM events e "
            "LEFT JOIN articles ar ON ar.article_id = e.article_id "
            "WHERE e.merged_id = ? ORDER BY ar.published NULLS LAST, e.uid",
            [ev["merged_id"]],
        )
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


def list_articles(
    store: Store,
    *,
    q: str | None,
    outlet: str | None,
    since: date | None,
    until: date | None,
    limit: int,
    after: tuple[Any, str] | None,
) -> tuple[list[dict[str, Any]], tuple[Any, str] | None]:
    clauses, params = ["TRUE"], []  # type: list[str], list[Any]
    if q:
        clauses.append(
            "(contains(lower(ar.title), lower(?)) OR contains(lower(ar.text), lower(?)))"
        )
        params += [q, q]
    if outlet:
        clauses.append("lower(ar.outlet) = lower(?)")
        params.append(outlet)
    if since:
        clauses.append("ar.published >= ?")
        params.append(since)
    if until:
        clauses.append("ar.published <= ?")
        params.append(until)
    ids, last = keyset_ids(
        store,
        f"FROM articles ar WHERE {' AND '.join(clauses)}",
        params,
        key_expr="COALESCE(ar.published, DATE '0001-01-01')",
        id_expr="ar.article_id",
        desc=True,
        limit=limit,
        after=after,
    )
    if not ids:
        return [], None
    full = store.query(
        "SELECT ar.article_id, ar.source, ar.url, ar.title, ar.outlet, ar.published, ar.language, "
        "ar.ingested_at, length(ar.text) AS chars, "
        "(SELECT count(*) FROM events e WHERE e.article_id = ar.article_id) AS events, "
        "(SELECT count(*) FROM claims c WHERE c.article_id = ar.article_id) AS claims, "
        "(SELECT count(*) FROM quotes q WHERE q.article_id = ar.article_id) AS quotes "
        "FROM (SELECT unnest(?::VARCHAR[]) AS id) p JOIN articles ar ON ar.article_id = p.id",
        [ids],
    )
    by_id = {r["article_id"]: r for r in full}
    return [by_id[i] for i in ids if i in by_id], last


def get_article(store: Store, article_id: str) -> dict[str, Any] | None:
    rows = store.query("SELECT * FROM articles WHERE article_id = ?", [article_id])
    if not rows:
        return None
    art = rows[0]
    art["related"] = store.query(
        "SELECT title, url FROM related_links WHERE article_id = ? ORDER BY seq", [article_id]
    )
    art["actors"] = store.query(
        "SELECT actor_id, name, kind, country, sector, affiliation, "
        "wikidata FROM actors WHERE article_id = ? ORDER BY actor_id",
        [article_id],
    )
    art["events"] = store.query(
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.article_id = ? "
        "ORDER BY e.evidence_start NULLS LAST, e.uid",
        [article_id],
    )
    art["claims"] = store.query(
        "SELECT uid, quantity, value, value_max, bound, claimant, "
        "claimant_text, as_of, event_uid, evidence_start, evidence_end "
        "FROM claims WHERE article_id = ? ORDER BY uid",
        [article_id],
    )
    art["quotes"] = store.query(
        "SELECT uid, text, speaker, speaker_text, cue, channel, direct, "
        "evidence_start, evidence_end FROM quotes WHERE article_id = ? "
        "ORDER BY evidence_start NULLS LAST",
        [article_id],
    )
    return art


ACTOR_BASE = """
SELECT any_value(a.name) AS name, lower(a.name) AS key, mode(a.kind) AS kind,
       mode(a.country) AS country, mode(a.sector) AS sector, max(a.wikidata) AS wikidata,
       count(DISTINCT a.article_id) AS articles,
       COALESCE(any_value(ev.as_actor), 0) AS as_actor,
       COALESCE(any_value(ev.as_recipient), 0) AS as_recipient,
       COALESCE(any_value(ev.as_actor), 0) + COALESCE(any_value(ev.as_recipient), 0) AS events
FROM actors a
LEFT JOIN (SELECT lower(name) AS key, count(*) FILTER (WHERE role = 'actor') AS as_actor,
                  count(*) FILTER (WHERE role = 'recipient') AS as_recipient
           FROM event_actors GROUP BY 1) ev ON ev.key = lower(a.name)
WHERE a.name IS NOT NULL AND {where}
GROUP BY lower(a.name)
"""


def list_actors(
    store: Store,
    *,
    q: str | None,
    country: list[str],
    sector: str | None,
    kind: str | None,
    limit: int,
    after: tuple[Any, str] | None,
) -> tuple[list[dict[str, Any]], tuple[Any, str] | None]:
    clauses, params = ["TRUE"], []  # type: list[str], list[Any]
    if q:
        clauses.append("contains(lower(a.name), lower(?))")
        params.append(q)
    if country:
        clauses.append(f"a.country IN ({', '.join('?' for _ in country)})")
        params += country
    if sector:
        clauses.append("upper(a.sector) = upper(?)")
        params.append(sector)
    if kind:
        clauses.append("lower(a.kind) = lower(?)")
        params.append(kind)
    base = ACTOR_BASE.format(where=" AND ".join(clauses))
    return keyset_page(
        store, base, params, key_expr="events", desc=True, id_col="key", limit=limit, after=after
    )


def get_actor(store: Store, ref: str, limit: int = 200) -> dict[str, Any] | None:
    """An actor by name (case-insensitive), Wikidata id or `article_id:actor_id`."""
    rows = store.query(
        "SELECT lower(name) AS key FROM actors WHERE lower(name) = lower(?) OR wikidata = ? "
        "OR article_id || ':' || actor_id = ? LIMIT 1",
        [ref, ref, ref],
    )
    if not rows:
        rows = store.query(
            "SELECT lower(name) AS key FROM event_actors WHERE lower(name) = lower(?) LIMIT 1",
            [ref],
        )
    if not rows:
        return None
    key = rows[0]["key"]
    prof = store.query(ACTOR_BASE.format(where="lower(a.name) = ?"), [key])
    profile = prof[0] if prof else {"name": ref, "key": key}

    def events(role: str) -> list[dict[str, Any]]:
        return store.query(
            f"SELECT {EVENT_COLUMNS}, ar.title AS article_title FROM events e "
            "LEFT JOIN articles ar ON ar.article_id = e.article_id WHERE e.uid IN "
            "(SELECT uid FROM event_actors WHERE lower(name) = ? AND role = ?) "
            f"ORDER BY e.date_start DESC NULLS LAST, e.uid LIMIT {int(limit)}",
            [key, role],
        )

    profile["as_actor_events"] = events("actor")
    profile["as_recipient_events"] = events("recipient")
    profile["claims"] = store.query(
        "SELECT uid, quantity, value, value_max, bound, as_of, claimant_text FROM claims "
        f"WHERE lower(claimant) = ? ORDER BY as_of NULLS LAST, uid LIMIT {int(limit)}",
        [key],
    )
    profile["quotes"] = store.query(
        "SELECT uid, article_id, text, cue FROM quotes WHERE lower(speaker) = ? "
        f"ORDER BY uid LIMIT {int(limit)}",
        [key],
    )
    profile["partners"] = store.query(
        "SELECT any_value(o.name) AS name, o.role, count(DISTINCT o.uid) AS events "
        "FROM event_actors s JOIN event_actors o ON o.uid = s.uid "
        "WHERE lower(s.name) = ? AND lower(o.name) <> ? GROUP BY lower(o.name), o.role "
        "ORDER BY events DESC LIMIT 30",
        [key, key],
    )
    return profile


CLAIM_COLUMNS = (
    "c.uid, c.article_id, c.claim_id, c.quantity, c.value, c.value_max, c.bound, "
    "c.unit, COALESCE(c.claimant, c.claimant_text) AS claimant, c.claimant_text, "
    "c.claimant_country, COALESCE(c.as_of, ar.published) AS as_of, c.period_start, "
    "c.period_end, c.location_name, c.country, c.event_uid, c.evidence_text, "
    "ar.title AS article_title, ar.outlet, ar.published"
)


def claim_where(
    *,
    quantity: str | None,
    claimant: str | None,
    country: list[str],
    since: date | None,
    until: date | None,
    article: str | None,
    q: str | None,
) -> tuple[str, list[Any]]:
    clauses, params = ["TRUE"], []  # type: list[str], list[Any]
    if quantity:
        clauses.append("c.quantity = ?")
        params.append(quantity)
    if claimant:
        clauses.append("(lower(c.claimant) = lower(?) OR lower(c.claimant_text) = lower(?))")
        params += [claimant, claimant]
    if country:
        clauses.append(f"c.country IN ({', '.join('?' for _ in country)})")
        params += country
    if since:
        clauses.append("COALESCE(c.as_of, ar.published) >= ?")
        params.append(since)
    if until:
        clauses.append("COALESCE(c.as_of, ar.published) <= ?")
        params.append(until)
    if article:
        clauses.append("c.article_id = ?")
        params.append(article)
    if q:
        clauses.append("contains(lower(c.evidence_text), lower(?))")
        params.append(q)
    return " AND ".join(clauses), params


def list_claims(
    store: Store, *, limit: int, after: tuple[Any, str] | None, **filters: Any
) -> tuple[list[dict[str, Any]], tuple[Any, str] | None]:
    where, params = claim_where(**filters)
    base = (
        f"SELECT {CLAIM_COLUMNS} FROM claims c "
        f"LEFT JOIN articles ar ON ar.article_id = c.article_id WHERE {where}"
    )
    return keyset_page(
        store,
        base,
        params,
        key_expr="COALESCE(as_of, DATE '0001-01-01')",
        desc=True,
        id_col="uid",
        limit=limit,
        after=after,
    )


def stats(store: Store) -> dict[str, Any]:
    counts = store.query(
        "SELECT (SELECT count(*) FROM articles) AS articles,"
        " (SELECT count(*) FROM events) AS events,"
        " (SELECT count(DISTINCT lower(name)) FROM actors) AS actors,"
        " (SELECT count(*) FROM claims) AS claims, (SELECT count(*) FROM quotes) AS quotes,"
        " (SELECT count(*) FROM merged_events) AS merged_events,"
        " (SELECT min(date_start) FROM events) AS first_date,"
        " (SELECT max(date_start) FROM events) AS last_date,"
        " (SELECT max(ingested_at) FROM articles) AS last_ingested"
    )[0]
    counts["by_type"] = {
        r["type"]: r["n"]
        for r in store.query("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC")
    }
    counts["by_status"] = {
        r["status"]: r["n"]
        for r in store.query(
            "SELECT status, count(*) AS n FROM events GROUP BY status ORDER BY n DESC"
        )
    }
    counts["by_country"] = store.query(
        "SELECT country, count(*) AS n FROM events WHERE country IS NOT NULL GROUP BY country "
        "ORDER BY n DESC LIMIT 20"
    )
    runs = store.query(
        "SELECT run_id, started, finished, articles, failures, status "
        "FROM ingest_runs ORDER BY started DESC LIMIT 1"
    )
    counts["last_run"] = runs[0] if runs else None
    return counts


def timeline(store: Store, f: EventFilters) -> dict[str, Any]:
    """Events per day and type (for the stacked timeline); days without events are absent."""
    where, params = event_where(f)
    rows = store.query(
        f"SELECT e.date_start AS day, e.type, count(*) AS n FROM events e "
        f"WHERE {where} AND e.date_start IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2",
        params,
    )
    days = sorted({r["day"] for r in rows})
    types = sorted({r["type"] for r in rows})
    idx = {d: i for i, d in enumerate(days)}
    counts = {t: [0] * len(days) for t in types}
    for r in rows:
        counts[r["type"]][idx[r["day"]]] = r["n"]
    return {"days": [d.isoformat() for d in days], "types": types, "counts": counts}


def graph(store: Store, f: EventFilters, limit: int = 150) -> dict[str, Any]:
    """Who acts on whom: edges actor → recipient weighted by the number of events."""
    where, params = event_where(f)
    edges = store.query(
        "SELECT any_value(a.name) AS source, any_value(r.name) AS target, "
        "count(DISTINCT a.uid) AS events FROM event_actors a JOIN event_actors r "
        "ON r.uid = a.uid AND r.role = 'recipient' AND lower(r.name) <> lower(a.name) "
        f"WHERE a.role = 'actor' AND a.name IS NOT NULL AND r.name IS NOT NULL AND a.uid IN "
        f"(SELECT e.uid FROM events e WHERE {where}) GROUP BY lower(a.name), lower(r.name) "
        f"ORDER BY events DESC, source, target LIMIT {int(limit)}",
        params,
    )
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges:
        for end, col in ((e["source"], "out"), (e["target"], "in")):
            n = nodes.setdefault(end.lower(), {"id": end, "out": 0, "in": 0})
            n[col] += e["events"]
    return {
        "nodes": list(nodes.values()),
        "edges": [
            {
                **e,
                "source": nodes[e["source"].lower()]["id"],
                "target": nodes[e["target"].lower()]["id"],
            }
            for e in edges
        ],
    }


def places(store: Store, f: EventFilters, limit: int = 2000) -> list[dict[str, Any]]:
    where, params = event_where(f)
    return store.query(
        "SELECT any_value(e.location_name) AS name, e.country, round(e.lat, 3) AS lat, "
        "round(e.lon, 3) AS lon, count(*) AS events, mode(e.type) AS top_type FROM events e "
        f"WHERE {where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL GROUP BY 2, 3, 4 "
        f"ORDER BY events DESC LIMIT {int(limit)}",
        params,
    )
