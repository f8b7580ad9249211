"""The dashboard's selection (event filters, `Filters` checked for "events"): its totals, its
actor graph, its claims, quotes and articles tables (offset pages with the filtered total),
the countries with events, and the SQL of its downloads.

Claims and quotes take from the selection what applies to them (where.selection_where): the
country, the dates, the actor as claimant / speaker (a part of the name, as everywhere) and
the text; event type, mode and status do not apply."""
from __future__ import annotations

from typing import Any

from ..filters import Filters
from .fetch import fetch_dicts
from .where import events_where, selection_where

__all__ = ["SELECTION_TABLES", "countries", "selection_events_sql", "selection_graph",
           "selection_merged_ids_sql", "selection_summary", "selection_table"]


def _events(f: Filters) -> tuple[str, list[Any]]:
    w = events_where(f.checked("events"))
    return w.sql(), w.params


def selection_summary(db: Any, f: Filters) -> dict[str, Any]:
    """Events, merged events, articles, places, actors and the first and last date."""
    where, params = _events(f)
    row = fetch_dicts(
        db, "SELECT count(*) AS events, count(DISTINCT e.merged_id) AS merged_events, "
        "count(DISTINCT e.article_id) AS articles, "
        "count(DISTINCT e.location_name) AS places, "
        "min(e.date_start) AS first_date, max(e.date_start) AS last_date "
        f"FROM events e WHERE {where}", params)[0]
    row["actors"] = fetch_dicts(
        db, "SELECT count(DISTINCT lower(ea.name)) AS n FROM event_actors ea "
        f"WHERE ea.uid IN (SELECT e.uid FROM events e WHERE {where})", params)[0]["n"]
    return row


# An actor worth a node: a proper name (or a Wikidata id) that is a person, state or
# organization, or has a PLOVER sector; common nouns ("people", "operation", "others") and
# sectorless groups ("US targets") are extraction leftovers, not actors.
GRAPH_SQL = """
WITH p AS (
  SELECT ea.uid, ea.role, ea.name, ea.sector, x.kind, x.wikidata
  FROM event_actors ea LEFT JOIN actors x USING (article_id, actor_id)
  WHERE ea.role IN ('actor', 'recipient') AND ea.name IS NOT NULL
    AND ea.uid IN (SELECT e.uid FROM events e WHERE {where})
), good AS (
  SELECT * FROM p
  WHERE (regexp_matches(name, '^[\\p{{Lu}}\\p{{N}}]') OR wikidata IS NOT NULL)
    AND (sector IS NOT NULL OR kind IN ('person', 'state', 'organization')
         OR wikidata IS NOT NULL)
), ranked AS (
  SELECT lower(name) AS key, any_value(name) AS id, mode(kind) AS kind, mode(sector) AS sector,
         count(DISTINCT uid) FILTER (WHERE role = 'actor') AS "out",
         count(DISTINCT uid) FILTER (WHERE role = 'recipient') AS "in",
         count(DISTINCT uid) AS events, count(*) OVER () AS total
  FROM good GROUP BY lower(name)
)
SELECT * FROM ranked ORDER BY events DESC, key LIMIT ?
"""
EDGES_SQL = """
WITH good AS (
  SELECT ea.uid, ea.role, lower(ea.name) AS key FROM event_actors ea
  WHERE ea.role IN ('actor', 'recipient') AND lower(ea.name) = ANY(?)
    AND ea.uid IN (SELECT e.uid FROM events e WHERE {where})
)
SELECT a.key AS source, r.key AS target, count(DISTINCT a.uid) AS events
FROM good a JOIN good r ON r.uid = a.uid AND a.role = 'actor' AND r.role = 'recipient'
     AND r.key <> a.key
GROUP BY 1, 2 ORDER BY events DESC, source, target
"""


def selection_graph(db: Any, f: Filters, top: int) -> dict[str, Any]:
    """The `top` most active actors of the selection (no common nouns) and who acts on whom
    among them; `total` counts every actor that qualifies."""
    where, params = _events(f)
    nodes = fetch_dicts(db, GRAPH_SQL.format(where=where), [*params, top])
    total = nodes[0]["total"] if nodes else 0
    by_key = {n.pop("key"): n for n in nodes}
    for n in nodes:
        n.pop("total")
    edges = (fetch_dicts(db, EDGES_SQL.format(where=where), [list(by_key), *params])
             if nodes else [])
    return {
        "nodes": nodes,
        "edges": [{"source": by_key[e["source"]]["id"], "target": by_key[e["target"]]["id"],
                   "events": e["events"]} for e in edges],
        "total": total,
    }


# kind → (columns, FROM, ORDER BY) of the selection's tables; each row points at its evidence
SELECTION_TABLES: dict[str, tuple[str, str, str]] = {
    "claims": (
        ("c.uid, c.article_id, c.quantity, c.value, c.value_max, c.bound, c.unit, "
         "COALESCE(c.claimant, c.claimant_text) AS claimant, COALESCE(c.as_of, ar.published) "
         "AS as_of, c.location_name, c.country, c.event_uid, c.evidence_start, c.evidence_end, "
         "c.evidence_text, ar.title AS article_title, ar.outlet"),
        "claims c LEFT JOIN articles ar ON ar.article_id = c.article_id",
        "as_of DESC NULLS LAST, c.uid"),
    "quotes": (
        ("q.uid, q.article_id, q.text, COALESCE(q.speaker, q.speaker_text) AS speaker, q.cue, "
         "q.channel, q.direct, q.evidence_start, q.evidence_end, ar.title AS article_title, "
         "ar.outlet, ar.published"),
        "quotes q LEFT JOIN articles ar ON ar.article_id = q.article_id",
        "ar.published DESC NULLS LAST, q.uid"),
    "articles": (
        "ar.article_id, ar.title, ar.outlet, ar.url, ar.published, m.events",
        ("articles ar JOIN (SELECT e.article_id, count(*) AS events FROM events e "
         "WHERE {where} GROUP BY 1) m ON m.article_id = ar.article_id"),
        "ar.published DESC NULLS LAST, ar.article_id"),
}


def selection_table(db: Any, kind: str, f: Filters, *, limit: int,
                    offset: int) -> tuple[list[dict[str, Any]], int]:
    """One page of the selection's claims, quotes or articles (articles with at least one
    event of the selection, with how many), newest first, and how many rows match."""
    columns, from_sql, order = SELECTION_TABLES[kind]
    if kind == "articles":
        where, params = _events(f)
        from_sql, cond = from_sql.format(where=where), "TRUE"
    else:
        w = selection_where(kind, f)
        cond, params = w.sql(), w.params
    total = fetch_dicts(db, f"SELECT count(*) AS n FROM {from_sql} WHERE {cond}", params)[0]["n"]
    items = fetch_dicts(db, f"SELECT {columns} FROM {from_sql} WHERE {cond} ORDER BY {order} "
                        f"LIMIT {int(limit)} OFFSET {int(offset)}", params)
    return items, int(total)


def countries(db: Any) -> list[dict[str, Any]]:
    """Countries with events, by name: ISO 3166 alpha-3 code, display name, events."""
    from ...extract.kb import country_display

    rows = fetch_dicts(db, "SELECT country AS iso3, count(*) AS events FROM events "
                       "WHERE country IS NOT NULL GROUP BY 1")
    return sorted(({"iso3": r["iso3"], "name": country_display(r["iso3"]),
                    "events": r["events"]} for r in rows), key=lambda r: r["name"])


# One row per per-article event, participants joined with "; " (the CLI's table convention),
# the article's outlet, URL and title as its source.
EVENTS_SQL = """
SELECT e.uid, e.article_id, e.type, e.mode, e.status, e.date_start, e.date_end,
       e.date_precision, e.location_name, e.country, e.admin1, e.lat, e.lon,
       (SELECT string_agg(x.name, '; ' ORDER BY x.name) FROM event_actors x
         WHERE x.uid = e.uid AND x.role = 'actor') AS actors,
       (SELECT string_agg(x.name, '; ' ORDER BY x.name) FROM event_actors x
         WHERE x.uid = e.uid AND x.role = 'recipient') AS recipients,
       e.dead, e.injured, e.acled_event_type, e.acled_sub_event_type, e.confidence,
       e.merged_id, a.outlet, a.url, a.title, a.published, e.evidence_text
FROM events e JOIN articles a USING (article_id)
WHERE {where}
ORDER BY e.date_start DESC NULLS LAST, e.uid
"""


def selection_events_sql(f: Filters) -> tuple[str, list[Any]]:
    """The selection's events as one statement (the CSV / Parquet download, by DuckDB COPY)."""
    where, params = _events(f)
    return EVENTS_SQL.format(where=where), params


def selection_merged_ids_sql(f: Filters) -> tuple[str, list[Any]]:
    """The merged ids of the selection's events (the ACLED-style download: acled.py)."""
    where, params = _events(f)
    return f"SELECT e.merged_id FROM events e WHERE {where}", params
