"""Exports of a store: events as parquet/CSV (DuckDB COPY), ACLED-style CSV (one row per merged
real-world event with an ACLED type and status occurred/ongoing), and PLOVER JSON records (one per per-article event)."""
from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .db import Store
from .queries import Filters, build_query

__all__ = [
    "ACLED_COLUMNS",
    "EXPORT_KINDS",
    "acled_rows",
    "export",
    "export_kind_for",
    "plover_records",
]

EXPORT_KINDS = ("parquet", "csv", "acled", "plover")
ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
                 "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
                 "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
                 "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
                 "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
                 "timestamp")
# ACLED geo_precision: 1 = the town itself, 2 = near a town / part of a region, 3 = province+.
_GEO_PRECISION = {"point": 1, "city": 1, "admin1": 3, "country": 3, "region": 3}
# ACLED time_precision: 1 = day, 2 = week or a few days, 3 = month.
_TIME_PRECISION = {"day": 1, "week": 2, "range": 2, "month": 3, "year": 3}
_ACLED_STATUS = ("occurred", "ongoing")
_DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
             "Violence against civilians": "Political violence", "Riots": "Political violence",
             "Protests": "Demonstrations", "Strategic developments": "Strategic developments"}


def export_kind_for(path: str, as_: str | None = None) -> str:
    """The export kind from --as or the file name (…acled.csv → acled, .jsonl → plover)."""
    if as_:
        if as_ not in EXPORT_KINDS:
            raise UsageError(f"--as must be one of {', '.join(EXPORT_KINDS)}, got {as_!r}.")
        return as_
    name = Path(path).name.lower()
    if name.endswith("acled.csv"):
        return "acled"
    if name.endswith(".parquet"):
        return "parquet"
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".jsonl", ".json", ".ndjson")):
        return "plover"
    raise UsageError(f"cannot tell the export format from {path!r}.",
                     fix="Name it .parquet, .csv, acled.csv or plover.jsonl, or pass --as.")


def _country(iso3: str | None) -> tuple[str | None, int | None]:
    """Country name and ISO 3166 numeric code (ACLED's `country`, `iso`)."""
    if not iso3:
        return None, None
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3)
    if c is None:
        return iso3, None
    return getattr(c, "common_name", None) or c.name, int(c.numeric)


def acled_rows(store: Store, filters: Filters | None = None) -> Iterator[tuple[Any, ...]]:
    """ACLED-style rows: merged events that have an ACLED type, actors as ACLED actor names."""
    f = filters or Filters()
    sql, params = build_query("merged", f)
    res = store.query(sql, params)
    now = int(time.time())
    member = {r[0]: r[1:] for r in store.query(
        "SELECT e.uid, e.date_precision, e.location_precision, e.admin1, e.evidence_text, "
        "coalesce(a.outlet, a.source) FROM events e JOIN articles a USING (article_id) "
        "WHERE e.acled_event_type IS NOT NULL").rows}
    for m in res.records():
        # ACLED codes events that happened: not planned, possible, negated or background ones
        if not m["acled_event_type"] or m["status"] not in _ACLED_STATUS:
            continue
        extra = [member[u] for u in sorted(json.loads(m["uids"] or "[]")) if u in member]
        actors, recipients = json.loads(m["actors"]), json.loads(m["recipients"])
        first = extra[0] if extra else (None,) * 5
        sources = sorted({r[4] for r in extra if r[4]})
        d = m["date_start"]
        country, iso = _country(m["country"])
        yield (f"{m['country'] or 'XXX'}-{m['merged_id']}", d.isoformat() if d else None, d.year if d else None,
               _TIME_PRECISION.get(first[0] or "", 3), _DISORDER.get(m["acled_event_type"]),
               m["acled_event_type"], m["acled_sub_event_type"],
               actors[0] if actors else None, "; ".join(actors[1:]) or None, None,
               recipients[0] if recipients else None, "; ".join(recipients[1:]) or None, None,
               None, None, iso, None, country, first[2], None, None,
               m["location_name"], m["lat"], m["lon"], _GEO_PRECISION.get(first[1] or "", 3),
               "; ".join(sources), None, first[3], m["dead"] or 0, None, now)


def plover_records(store: Store, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
    """PLOVER JSON records (PLOVER manual's event record fields), one per per-article event."""
    sql, params = build_query("events", filters)
    res = store.query(sql, params)
    docs = dict(store.query("SELECT uid, doc FROM events").rows)
    arts = {r[0]: r[1:] for r in store.query(
        "SELECT article_id, url, title, outlet, source, published FROM articles").rows}
    for e in res.records():
        art = arts[e["article_id"]]
        doc = docs.get(e["uid"])
        ev = json.loads(doc) if doc else {}
        yield {
            "id": e["uid"], "date": e["date_start"].isoformat() if e["date_start"] else None,
            "actor": e["actors"], "recipient": e["recipients"], "event": e["type"],
            "mode": e["mode"], "context": ev.get("context", []), "status": e["status"],
            "event_loc": {"name": e["location_name"], "country": e["country"],
                          "lat": (ev.get("location") or {}).get("lat"),
                          "lon": (ev.get("location") or {}).get("lon")},
            "event_text": e["evidence_text"],
            "size": {"dead": e["dead"], "injured": e["injured"]},
            "cite_info": {"article_id": e["article_id"], "url": art[0], "title": art[1],
                          "outlet": art[2], "source": art[3],
                          "published": art[4].isoformat() if art[4] else None},
            "merged_id": e["merged_id"],
        }


def export(store: Store, path: str | Path, kind: str, filters: Filters | None = None,
           what: str = "events") -> int:
    """Write one export file; returns the number of records written."""
    path = str(path)
    if kind in ("parquet", "csv"):
        sql, params = build_query(what, filters)
        store.copy(sql, params, path, kind)
        return int(store.query(f"SELECT count(*) FROM ({sql})", params).rows[0][0])
    n = 0
    if kind == "acled":
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(ACLED_COLUMNS)
            for row in acled_rows(store, filters):
                w.writerow(row)
                n += 1
        return n
    if kind == "plover":
        with open(path, "w", encoding="utf-8") as fh:
            for rec in plover_records(store, filters):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
        return n
    raise UsageError(f"unknown export kind {kind!r}.")
