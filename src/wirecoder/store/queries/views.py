"""Aggregates of the whole store or of the event filters: counts (`stats`), events per day
and type (`timeline`), who acts on whom (`graph`), events per place (`places`)."""
from __future__ import annotations

from typing import Any

from ..filters import Filters
from .fetch import fetch_dicts
from .where import events_where

__all__ = ["graph", "places", "stats", "timeline"]

# -- views -----------------------------------------------------------------------------------
def stats(db: Any) -> dict[str, Any]:
    counts = fetch_dicts(db,
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
    counts["by_country"] = fetch_dicts(db,
        "SELECT country, count(*) AS n FROM events WHERE country IS NOT NULL GROUP BY country "
        "ORDER BY n DESC, country LIMIT 20")
    runs = fetch_dicts(db, "SELECT run_id, started, finished, articles, failures, status "
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
    edges = fetch_dicts(db,
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
    return fetch_dicts(db,
        "SELECT any_value(e.location_name) AS name, e.country, round(e.lat, 3) AS lat, "
        "round(e.lon, 3) AS lon, count(*) AS events, mode(e.type) AS top_type FROM events e "
        f"WHERE {w.sql()} AND e.lat IS NOT NULL AND e.lon IS NOT NULL GROUP BY 2, 3, 4 "
        f"ORDER BY events DESC, name LIMIT {int(limit)}", w.params)
