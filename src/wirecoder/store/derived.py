"""What the end of an ingest leaves ready for readers (issue 11): events sorted by their sort
key, and the claim series with its flags in `series_points`.

- **Sorted events.** A listing is `ORDER BY k_day DESC LIMIT n`; DuckDB skips every row group
  whose min/max cannot hold a result, so on a sorted table a page reads one or two row groups
  whatever the filters. New rows arrive at the end, unsorted; the table is rewritten in order
  when that unsorted tail passes RESORT_FRACTION of it (amortised: each row is rewritten a
  bounded number of times).
- **Counts.** `event_counts` (events per type, mode, status, country) answers the `total` of
  the listings filtered by those alone.
- **Series.** `corpus.series` flags revisions and disagreements over a whole
  (quantity, scope); computing that per request took seconds on a large store. Here it is
  computed once per ingest, only for the (quantity, scope) pairs that got new claims, and
  stored (`series_points`), with the whole gzipped JSON answer of each (quantity, country)
  (`series_bodies`: 30 MB of JSON for a country of the million-event benchmark store, 1 MB
  gzipped); `store_meta.derived_version` = the `data_version` it was computed at. A reader
  uses the tables only while the two are equal and otherwise computes the series itself
  (queries.series_points), so a store written by other means is still answered right.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .layout import INDEXES, get_meta, set_meta

__all__ = ["RESORT_FRACTION", "SERIES_COLUMNS_SQL", "SERIES_FORMAT", "load_claim_points",
           "refresh_derived", "resort_events"]

RESORT_FRACTION = 0.2
RESORT_MIN_ROWS = 50_000   # below this a scan is cheap anyway; sort once the tail is this big

SERIES_COLUMNS_SQL = ("as_of, quantity, scope, claimant, kind, value, value_max, bound, "
                      "period_start, article_id, outlet, revision, disagreement, uid")
SERIES_ORDER_SQL = "quantity, scope, kind, as_of NULLS LAST, claimant, article_id, uid"


def refresh_derived(db: str | Path, *, force_sort: bool = False) -> dict[str, Any]:
    """Sort events if due and bring `series_points` up to date; one write transaction each.
    Returns what was done (for logs and the benchmark)."""
    from .db import Store

    store = Store(db, hold=False)
    out: dict[str, Any] = {}
    with store.connection() as con:
        out["sorted"] = resort_events(con, force=force_sort)
        refresh_counts(con)
        out["series_groups"] = refresh_series(con)
    return out


def refresh_counts(con: Any) -> None:
    """`event_counts`: the `total` of an event listing filtered only by type, mode, status and
    country is a sum over a few hundred rows instead of a count over every event."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM event_counts")
        con.execute("INSERT INTO event_counts SELECT type, mode, status, country, count(*) "
                    "FROM events GROUP BY ALL")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def resort_events(con: Any, *, force: bool = False) -> bool:
    """Rewrite `events` in k_day order when its unsorted tail is large enough."""
    total = con.execute("SELECT count(*) FROM events").fetchone()[0]
    done = int(get_meta(con, "events_sorted_rows") or 0)
    tail = total - done
    if not force and (tail < RESORT_MIN_ROWS or tail < RESORT_FRACTION * total):
        return False
    ddl = con.execute("SELECT sql FROM duckdb_tables() WHERE table_name = 'events' "
                      "AND schema_name = 'main'").fetchone()[0]
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DROP TABLE IF EXISTS events__sorted")
        con.execute(ddl.replace("CREATE TABLE events", "CREATE TABLE events__sorted", 1))
        con.execute("INSERT INTO events__sorted SELECT * FROM events ORDER BY k_day DESC")
        con.execute("DROP TABLE events")
        con.execute("ALTER TABLE events__sorted RENAME TO events")
        for name, table, col in INDEXES:
            if table == "events":
                con.execute(f"CREATE INDEX IF NOT EXISTS {name} ON events ({col})")
        set_meta(con, "events_sorted_rows", total)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("CHECKPOINT")
    return True


def load_claim_points(fetch: Any, *, quantity: str | None = None,
                      countries: Iterable[str] | None = None,
                      no_country: bool = False) -> list[Any]:
    """SeriesPoints (corpus.series) of the claims of `quantity` in `countries` (and those
    without a country when `no_country`), unflagged. `fetch(sql, params)` → (cols, rows)."""
    from ..corpus.series import SeriesPoint, claim_kind, series_claimant
    from .rows import normalize_name

    where, params = [], []
    if quantity:
        where.append("c.quantity = ?")
        params.append(quantity)
    scope_parts = []
    cs = sorted(set(countries or ()))
    if cs:
        scope_parts.append(f"c.country IN ({', '.join('?' * len(cs))})")
        params.extend(cs)
    if no_country:
        scope_parts.append("c.country IS NULL")
    if countries is not None or no_country:
        where.append("(" + (" OR ".join(scope_parts) or "FALSE") + ")")
    sql = ("SELECT c.uid, c.article_id, c.quantity, c.value, c.value_max, c.bound, "
           "c.day, c.claimant, c.claimant_text, c.country, c.location_name, c.period_start, "
           "c.outlet, c.event_uid, c.evidence_text, e.merged_id "
           "FROM claims c LEFT JOIN events e ON e.uid = c.event_uid"
           + (" WHERE " + " AND ".join(where) if where else ""))
    _, rows = fetch(sql, params)
    return [SeriesPoint(uid=r[0], article_id=r[1], quantity=r[2], value=r[3], value_max=r[4],
                        bound=r[5], as_of=r[6], claimant=series_claimant(r[7], r[8], r[9]),
                        scope=r[9] or normalize_name(r[10]) or "-", period_start=r[11],
                        outlet=r[12], kind=claim_kind(r[14], r[11], r[13]), group=r[15])
            for r in rows]


def refresh_series(con: Any) -> int:
    """Recompute the stored series of every (quantity, scope) with claims newer than the last
    run; returns how many (quantity, scope) pairs were recomputed."""
    from ..corpus.series import build_series
    from .rows import normalize_name

    def fetch(sql: str, params: list[Any]) -> tuple[list[str], list[tuple[Any, ...]]]:
        cur = con.execute(sql, params)
        return [d[0] for d in cur.description], cur.fetchall()

    data_version = get_meta(con, "data_version") or "0"
    last = int(get_meta(con, "series_claim_seq") or 0)
    new = con.execute("SELECT DISTINCT quantity, country, location_name FROM claims "
                      "WHERE seq > ?", [last]).fetchall()
    top = con.execute("SELECT coalesce(max(seq), 0) FROM claims").fetchone()[0]
    touched: dict[str, set[str]] = {}
    for q, country, place in new:
        touched.setdefault(q, set()).add(country or normalize_name(place) or "-")
    groups = 0
    con.execute("BEGIN TRANSACTION")
    try:
        for quantity, scopes in sorted(touched.items(), key=lambda kv: str(kv[0])):
            countries = {s for s in scopes if len(s) == 3 and s.isupper()}
            pts = load_claim_points(fetch, quantity=quantity, countries=countries,
                                    no_country=bool(scopes - countries))
            pts = [p for p in build_series(pts) if p.scope in scopes]
            ph = ", ".join("?" * len(scopes))
            con.execute(f"DELETE FROM series_points WHERE quantity IS NOT DISTINCT FROM ? "
                        f"AND scope IN ({ph})", [quantity, *sorted(scopes)])
            rows = [(*p.row(), p.scope if p.scope in countries else None) for p in pts]
            if rows:
                _insert_many(con, f"series_points ({SERIES_COLUMNS_SQL}, country)", rows)
            groups += len(scopes)
            _store_bodies(con, fetch, quantity, sorted(countries))
        set_meta(con, "series_claim_seq", top)
        set_meta(con, "series_format", SERIES_FORMAT)
        set_meta(con, "derived_version", data_version)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return groups


SERIES_FORMAT = "1"   # bump when the JSON of /api/series changes: stored bodies are rebuilt


def _store_bodies(con: Any, fetch: Any, quantity: str, countries: list[str]) -> None:
    """The whole /api/series answer of each (quantity, country), gzipped, ready to send."""
    import gzip

    from .filters import Filters
    from .queries import series_json

    class _Db:  # series_json's reader interface over this transaction
        version = None

        @staticmethod
        def fetch(sql: str, params: Any = ()) -> Any:
            return fetch(sql, list(params))

    for country in countries:
        body = series_json(_Db, Filters(quantity=quantity, country=country), fresh=True)
        con.execute("DELETE FROM series_bodies WHERE quantity = ? AND country = ?",
                    [quantity, country])
        if body is not None:
            con.execute("INSERT INTO series_bodies VALUES (?, ?, ?)",
                        [quantity, country, gzip.compress(body, compresslevel=6)])


def _insert_many(con: Any, table: str, rows: list[tuple[Any, ...]], chunk: int = 500) -> None:
    n = len(rows[0])
    one = "(" + ", ".join("?" * n) + ")"
    for i in range(0, len(rows), chunk):
        part = rows[i:i + chunk]
        con.execute(f"INSERT INTO {table} VALUES " + ", ".join([one] * len(part)),
                    [v for r in part for v in r])
