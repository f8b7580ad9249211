"""The store's physical layout: the columns, indexes and bookkeeping that make a listing of a
million-row store one cheap query (issue 11), and the upgrade of stores written before them.

Layout 2 adds
- `seq` (write order) and `k_day` (one BIGINT sorting by (day, seq), rows.sort_key) to
  articles, events, claims and quotes: "newest first" is `ORDER BY k_day DESC LIMIT n`, a
  top-N that DuckDB answers from the row groups whose min/max can still hold a result
  (derived.py keeps `events` physically sorted by it, so the first row groups do);
- copies of what a listing shows of the article (published, outlet, title) and of the
  participants (names per role, `names_lc`) on events, claims and quotes: no join per page;
- ART indexes for the lookups of one event or article (participants, mentions, claims);
- `store_meta`: `layout`, `data_version` (+1 per committed batch) and the bookkeeping of
  the derived tables (derived.py).

`ensure_layout` runs on every read-write open (cheap when up to date); an old store is
upgraded in place once, in one transaction.
"""
from __future__ import annotations

from typing import Any

__all__ = ["INDEXES", "LAYOUT", "bump_data_version", "ensure_layout", "get_meta", "k_day_sql",
           "layout_of", "set_meta"]

LAYOUT = 2

# (name, table, column): lookups of one event / article without a scan of the big tables.
INDEXES: tuple[tuple[str, str, str], ...] = (
    ("ix_event_actors_uid", "event_actors", "uid"),
    ("ix_events_article", "events", "article_id"),
    ("ix_mentions_article", "mentions", "article_id"),
    ("ix_actors_article", "actors", "article_id"),
    ("ix_claims_event", "claims", "event_uid"),
    ("ix_claims_article", "claims", "article_id"),
    ("ix_quotes_article", "quotes", "article_id"),
    ("ix_related_article", "related_links", "article_id"),
)

_NEW_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (("seq", "BIGINT"), ("k_day", "BIGINT")),
    "events": (("seq", "BIGINT"), ("k_day", "BIGINT"), ("day", "DATE"), ("day_end", "DATE"),
               ("actor_names", "VARCHAR[]"), ("recipient_names", "VARCHAR[]"),
               ("mediator_names", "VARCHAR[]"), ("names_lc", "VARCHAR"), ("published", "DATE"),
               ("outlet", "VARCHAR"), ("article_title", "VARCHAR")),
    "claims": (("seq", "BIGINT"), ("k_day", "BIGINT"), ("day", "DATE"), ("published", "DATE"),
               ("outlet", "VARCHAR"), ("article_title", "VARCHAR")),
    "quotes": (("seq", "BIGINT"), ("k_day", "BIGINT"), ("published", "DATE"),
               ("outlet", "VARCHAR"), ("article_title", "VARCHAR")),
}


def k_day_sql(day: str, seq: str) -> str:
    """SQL twin of rows.sort_key."""
    return (f"(CASE WHEN {day} IS NULL THEN 0 ELSE date_diff('day', DATE '1970-01-01', {day})"
            f" + 1048577 END) * 4294967296 + {seq}")


def get_meta(con: Any, key: str) -> str | None:
    try:
        row = con.execute("SELECT value FROM store_meta WHERE key = ?", [key]).fetchone()
    except Exception:  # noqa: BLE001 - no store_meta: a layout-1 store
        return None
    return row[0] if row else None


def set_meta(con: Any, key: str, value: Any) -> None:
    con.execute("INSERT OR REPLACE INTO store_meta VALUES (?, ?)", [key, str(value)])


def layout_of(con: Any) -> int:
    v = get_meta(con, "layout")
    return int(v) if v else 1


def bump_data_version(con: Any) -> int:
    v = int(get_meta(con, "data_version") or 0) + 1
    set_meta(con, "data_version", v)
    return v


def _columns(con: Any, table: str) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = ? AND schema_name = 'main'",
        [table]).fetchall()}


def create_indexes(con: Any) -> None:
    for name, table, col in INDEXES:
        con.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({col})")


def ensure_layout(con: Any) -> bool:
    """Bring the store to LAYOUT (columns, backfill, indexes); True if anything changed."""
    if layout_of(con) >= LAYOUT:
        return False
    con.execute("BEGIN TRANSACTION")
    try:
        for table, cols in _NEW_COLUMNS.items():
            have = _columns(con, table)
            for col, typ in cols:
                if col not in have:
                    con.execute(f"ALTER TABLE {table} ADD COLUMN {col} {typ}")
        _backfill(con)
        create_indexes(con)
        set_meta(con, "layout", LAYOUT)
        if get_meta(con, "data_version") is None:
            set_meta(con, "data_version", 1)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return True


def _backfill(con: Any) -> None:
    """Fill the layout-2 columns of rows written before them (no-op on a new store)."""
    con.execute(f"""
        UPDATE articles SET seq = s.n, k_day = {k_day_sql('s.published', 's.n')}
        FROM (SELECT article_id, published, row_number() OVER (ORDER BY rowid) AS n
              FROM articles) s
        WHERE articles.article_id = s.article_id AND articles.seq IS NULL""")
    con.execute(f"""
        UPDATE events SET seq = s.n, day = s.day, day_end = s.day_end,
               k_day = {k_day_sql('s.day', 's.n')}, actor_names = s.an,
               recipient_names = s.rn, mediator_names = s.mn, names_lc = s.lc,
               published = s.published, outlet = s.outlet, article_title = s.title
        FROM (SELECT e.uid, row_number() OVER (ORDER BY e.rowid) AS n,
                     coalesce(e.date_start, e.date_end, a.published) AS day,
                     coalesce(e.date_end, e.date_start, a.published) AS day_end,
                     coalesce(p.an, []) AS an, coalesce(p.rn, []) AS rn,
                     coalesce(p.mn, []) AS mn, p.lc, a.published, a.outlet, a.title
              FROM events e LEFT JOIN articles a ON a.article_id = e.article_id
              LEFT JOIN (SELECT uid,
                   list(coalesce(name, actor_id) ORDER BY rowid) FILTER (WHERE role = 'actor') AS an,
                   list(coalesce(name, actor_id) ORDER BY rowid) FILTER (WHERE role = 'recipient') AS rn,
                   list(coalesce(name, actor_id) ORDER BY rowid) FILTER (WHERE role = 'mediator') AS mn,
                   string_agg(lower(coalesce(name, actor_id)), '|' ORDER BY rowid) AS lc
                   FROM event_actors GROUP BY uid) p ON p.uid = e.uid) s
        WHERE events.uid = s.uid AND events.seq IS NULL""")
    con.execute(f"""
        UPDATE claims SET seq = s.n, day = s.day, k_day = {k_day_sql('s.day', 's.n')},
               published = s.published, outlet = s.outlet, article_title = s.title
        FROM (SELECT c.uid, row_number() OVER (ORDER BY c.rowid) AS n,
                     coalesce(c.as_of, a.published) AS day, a.published, a.outlet, a.title
              FROM claims c LEFT JOIN articles a ON a.article_id = c.article_id) s
        WHERE claims.uid = s.uid AND claims.seq IS NULL""")
    con.execute(f"""
        UPDATE quotes SET seq = s.n, k_day = {k_day_sql('s.published', 's.n')},
               published = s.published, outlet = s.outlet, article_title = s.title
        FROM (SELECT q.uid, row_number() OVER (ORDER BY q.rowid) AS n, a.published, a.outlet,
                     a.title
              FROM quotes q LEFT JOIN articles a ON a.article_id = q.article_id) s
        WHERE quotes.uid = s.uid AND quotes.seq IS NULL""")
