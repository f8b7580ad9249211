"""Exports of a store: events as parquet/CSV (DuckDB COPY), ACLED-style CSV (one row per merged
real-world event ACLED would code: store/acled.py), and PLOVER JSON records (one per
per-article event)."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .acled import ACLED_COLUMNS, DEFAULT_MIN_CONFIDENCE, acled_records
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


def acled_rows(store: Store, filters: Filters | None = None, *,
               min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> Iterator[tuple[Any, ...]]:
    """ACLED-style rows (store/acled.py): merged events ACLED would code, in ACLED_COLUMNS order."""
    sql, params = build_query("merged", filters)
    for rec in acled_records(lambda q, p: store.query(q, p).records(), sql, params,
                             min_confidence=min_confidence):
        yield tuple(rec[c] for c in ACLED_COLUMNS)


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
           what: str = "events", *, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> int:
    """Write one export file; returns the number of records written. `min_confidence` applies
    to the ACLED export only (events below it are left out)."""
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
            for row in acled_rows(store, filters, min_confidence=min_confidence):
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
