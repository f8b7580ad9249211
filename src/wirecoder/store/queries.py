"""SQL for the listing queries (events, claims, actors, quotes, merged events) with filters.

Each builder returns (sql, params) so the same query can be fetched as rows or COPied straight
to a parquet/CSV file by DuckDB.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["QUERY_KINDS", "Filters", "build_query"]


@dataclass
class Filters:
    """Filters shared by the listing commands and the API; None = not filtered."""

    type: str | None = None          # event type (PLOVER) / actor kind
    actor: str | None = None         # substring of an actor's name (case-insensitive)
    country: str | None = None       # ISO3
    since: str | None = None         # ISO date, inclusive
    until: str | None = None         # ISO date, inclusive
    status: str | None = None        # event status
    claimant: str | None = None      # substring of a claimant / speaker name or text
    quantity: str | None = None      # claim quantity
    article: str | None = None       # article id
    limit: int | None = None


def _like(s: str) -> str:
    return "%" + s.lower().replace("%", r"\%").replace("_", r"\_") + "%"


class _Where:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.parts)) if self.parts else ""


def _events(f: Filters) -> tuple[str, list[Any]]:
    w = _Where()
    if f.type:
        w.add("e.type = ?", f.type.upper())
    if f.status:
        w.add("e.status = ?", f.status)
    if f.country:
        w.add("(e.country = ? OR EXISTS (SELECT 1 FROM event_actors x WHERE x.uid = e.uid "
              "AND x.country = ?))", f.country.upper(), f.country.upper())
    if f.actor:
        w.add("EXISTS (SELECT 1 FROM event_actors x WHERE x.uid = e.uid "
              "AND lower(x.name) LIKE ? ESCAPE '\\')", _like(f.actor))
    if f.since:
        w.add("coalesce(e.date_end, e.date_start, a.published) >= CAST(? AS DATE)", f.since)
    if f.until:
        w.add("coalesce(e.date_start, e.date_end, a.published) <= CAST(? AS DATE)", f.until)
    if f.article:
        w.add("e.article_id = ?", f.article)
    sql = f"""
SELECT e.uid, e.article_id, e.type, e.mode, e.date_start, e.date_end, e.country,
       e.location_name, e.status,
       (SELECT string_agg(x.name, '; ' ORDER BY x.actor_id) FROM event_actors x
         WHERE x.uid = e.uid AND x.role = 'actor') AS actors,
       (SELECT string_agg(x.name, '; ' ORDER BY x.actor_id) FROM event_actors x
         WHERE x.uid = e.uid AND x.role = 'recipient') AS recipients,
       e.dead, e.injured, e.acled_event_type, e.acled_sub_event_type, e.merged_id,
       a.published, a.outlet, a.source, e.evidence_text
FROM events e JOIN articles a USING (article_id){w.sql()}
ORDER BY coalesce(e.date_start, a.published) NULLS LAST, e.article_id, e.event_id"""
    return sql, w.params


def _merged(f: Filters) -> tuple[str, list[Any]]:
    w = _Where()
    if f.type:
        w.add("m.type = ?", f.type.upper())
    if f.status:
        w.add("m.status = ?", f.status)
    if f.country:
        w.add("m.country = ?", f.country.upper())
    if f.actor:
        w.add("(lower(m.actors) LIKE ? ESCAPE '\\' OR lower(m.recipients) LIKE ? ESCAPE '\\')",
              _like(f.actor), _like(f.actor))
    if f.since:
        w.add("coalesce(m.date_end, m.date_start) >= CAST(? AS DATE)", f.since)
    if f.until:
        w.add("m.date_start <= CAST(? AS DATE)", f.until)
    sql = f"""
SELECT m.merged_id, m.type, m.mode, m.date_start, m.date_end, m.country, m.location_name,
       m.lat, m.lon, m.status, m.actors, m.recipients, m.source_count, m.article_ids, m.dead,
       m.injured, m.acled_event_type, m.acled_sub_event_type, m.uids
FROM merged_events m{w.sql()}
ORDER BY m.date_start NULLS LAST, m.source_count DESC, m.merged_id"""
    return sql, w.params


def _claims(f: Filters) -> tuple[str, list[Any]]:
    w = _Where()
    if f.quantity:
        w.add("c.quantity = ?", f.quantity)
    if f.country:
        w.add("c.country = ?", f.country.upper())
    if f.claimant:
        w.add("(lower(c.claimant) LIKE ? ESCAPE '\\' OR lower(c.claimant_text) LIKE ? ESCAPE '\\')",
              _like(f.claimant), _like(f.claimant))
    if f.actor:
        w.add("lower(c.claimant) LIKE ? ESCAPE '\\'", _like(f.actor))
    if f.since:
        w.add("coalesce(c.as_of, a.published) >= CAST(? AS DATE)", f.since)
    if f.until:
        w.add("coalesce(c.as_of, a.published) <= CAST(? AS DATE)", f.until)
    if f.article:
        w.add("c.article_id = ?", f.article)
    sql = f"""
SELECT c.uid, c.article_id, c.quantity, c.value, c.value_max, c.bound, c.unit, c.claimant,
       c.claimant_text, c.as_of, c.period_start, c.period_end, c.country, c.location_name,
       c.event_uid, a.published, a.outlet, a.source, c.evidence_text
FROM claims c JOIN articles a USING (article_id){w.sql()}
ORDER BY c.quantity, coalesce(c.as_of, a.published) NULLS LAST, c.article_id, c.claim_id"""
    return sql, w.params


def _actors(f: Filters) -> tuple[str, list[Any]]:
    w = _Where()
    if f.type:
        w.add("x.kind = ?", f.type.lower())
    if f.country:
        w.add("x.country = ?", f.country.upper())
    if f.actor:
        w.add("lower(x.name) LIKE ? ESCAPE '\\'", _like(f.actor))
    if f.article:
        w.add("x.article_id = ?", f.article)
    if f.since or f.until:
        w.add("x.article_id IN (SELECT article_id FROM articles WHERE "
              "published BETWEEN CAST(? AS DATE) AND CAST(? AS DATE))",
              f.since or "0001-01-01", f.until or "9999-12-31")
    sql = f"""
SELECT any_value(x.name) AS name, x.kind, x.country, x.sector, any_value(x.wikidata) AS wikidata,
       count(DISTINCT x.article_id) AS articles, CAST(sum(coalesce(m.n, 0)) AS BIGINT) AS mentions
FROM actors x LEFT JOIN (SELECT article_id, actor_id, count(*) AS n FROM mentions
                         GROUP BY article_id, actor_id) m USING (article_id, actor_id){w.sql()}
GROUP BY lower(x.name), x.kind, x.country, x.sector
ORDER BY articles DESC, mentions DESC, name"""
    return sql, w.params


def _quotes(f: Filters) -> tuple[str, list[Any]]:
    w = _Where()
    who = f.claimant or f.actor
    if who:
        w.add("(lower(q.speaker) LIKE ? ESCAPE '\\' OR lower(q.speaker_text) LIKE ? ESCAPE '\\')",
              _like(who), _like(who))
    if f.since:
        w.add("a.published >= CAST(? AS DATE)", f.since)
    if f.until:
        w.add("a.published <= CAST(? AS DATE)", f.until)
    if f.article:
        w.add("q.article_id = ?", f.article)
    sql = f"""
SELECT q.uid, q.article_id, q.speaker, q.speaker_text, q.cue, q.channel, q.direct, q.text,
       a.published, a.outlet, a.source
FROM quotes q JOIN articles a USING (article_id){w.sql()}
ORDER BY a.published NULLS LAST, q.article_id, q.evidence_start"""
    return sql, w.params


_BUILDERS = {"events": _events, "merged": _merged, "claims": _claims, "actors": _actors,
             "quotes": _quotes}
QUERY_KINDS: tuple[str, ...] = tuple(_BUILDERS)


def build_query(kind: str, filters: Filters | None = None) -> tuple[str, list[Any]]:
    """SQL and parameters for one listing; `kind` is one of QUERY_KINDS."""
    f = filters or Filters()
    sql, params = _BUILDERS[kind](f)
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    return sql, params
