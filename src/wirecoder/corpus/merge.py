"""Cross-article event merging: the same real-world event told by several articles becomes one
row of `merged_events`; the per-article events stay and point to it via `events.merged_id`.

Two events are the same when ALL of these hold (constants below):
- same PLOVER type, and compatible status (negated events never merge; planned/possible merge
  only with planned/possible; occurred/ongoing/historical only with each other);
- dates agree: day-precision dates within DATE_TOLERANCE_DAYS; week/range dates overlap,
  widened by the same tolerance; month/year dates ("in March", "last year") are too coarse to
  overlap anything: they (and ranges longer than LONG_RANGE_DAYS, e.g. "this year") merge only
  with the same period at the same precision; an
  unknown date falls back to the article's publication day (news mostly tells recent events);
- places agree: both have coordinates finer than country → within PLACE_KM km; else both
  have a place name finer than country → equal names; else equal countries; a missing place on
  either side is accepted only when the actors agree by name;
- actors agree: an actor/recipient name in common (normalized), or an actor with the same
  (country, sector); but two named actors with nothing in common never merge, nor do mirror
  events (one's actor is the other's recipient and their actors differ); when one side (or both) names no actor, a place finer than the country
  on both sides (same town / within PLACE_KM) must tie them instead.
Clusters are the connected components of this relation (union-find), compared within blocks of
(type, status group) sorted by date; to stop chains (7/16 ~ 7/17 ~ 7/18 …) a union is refused
when the merged cluster's dates would span more than MAX_CLUSTER_DAYS, or when it would hold two
events that conflict (`_conflict`: same article, other sides, other country, far-apart towns).

Recompute strategy: full recompute after each ingest (`merge_store`): it is deterministic, order-
independent (so any engine gives the same result) and takes about a second for 10⁴ events.
`merged_id` = "m" + 12 hex of the smallest member uid, stable while a cluster only grows.
"""
from __future__ import annotations

import hashlib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..store.rows import normalize_name

__all__ = [
    "DATE_TOLERANCE_DAYS",
    "LONG_RANGE_DAYS",
    "MAX_CLUSTER_DAYS",
    "PLACE_KM",
    "MergeEvent",
    "cluster_events",
    "merge_store",
    "same_event",
]

DATE_TOLERANCE_DAYS = 1
LONG_RANGE_DAYS = 7
MAX_CLUSTER_DAYS = 3
PLACE_KM = 25.0
_STATUS_GROUP = {"occurred": "real", "ongoing": "real", "historical": "real",
                 "planned": "irrealis", "possible": "irrealis"}
_FINE = {"point", "city", "admin1"}
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD"})  # as extract.incidents.state_side
_COARSE = {"month", "year"}


@dataclass
class MergeEvent:
    """What merging needs to know of one per-article event."""

    uid: str
    article_id: str
    type: str
    status: str
    start: date | None
    end: date | None
    precision: str | None
    published: date | None
    country: str | None = None
    place: str | None = None
    location_precision: str | None = None
    lat: float | None = None
    lon: float | None = None
    names: set[str] = field(default_factory=set)            # normalized actor+recipient names
    codes: set[tuple[str, str]] = field(default_factory=set)  # (country, sector) of actors
    mode: str | None = None
    dead: int | None = None
    injured: int | None = None
    acled: tuple[str | None, str | None] = (None, None)
    confidence: float = 0.0
    dated: bool = False  # the report states a date (not the publication-day fallback)
    actor_names: list[str] = field(default_factory=list)
    recipient_names: list[str] = field(default_factory=list)

    def window(self) -> tuple[date, date] | None:
        """The days this event may be on, tolerance included."""
        tol = timedelta(days=DATE_TOLERANCE_DAYS)
        if self.start is not None:
            return self.start - tol, (self.end or self.start) + tol
        if self.published is not None:
            return self.published - tol, self.published + tol
        return None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _dates_agree(a: MergeEvent, b: MergeEvent) -> bool:
    wa, wb = a.window(), b.window()
    if wa is None or wb is None:
        return False
    if a.start is not None and b.start is not None and a.precision == b.precision == "day":
        return abs((a.start - b.start).days) <= DATE_TOLERANCE_DAYS
    ca, cb = _coarse(a), _coarse(b)
    if ca or cb:
        return ca and cb and a.precision == b.precision and (a.start, a.end) == (b.start, b.end)
    return wa[0] <= wb[1] and wb[0] <= wa[1]


def _coarse(e: MergeEvent) -> bool:
    """A date too vague to overlap with: a month, a year, or a long range."""
    if e.start is None:
        return False
    if e.precision in _COARSE:
        return True
    return (e.end or e.start) - e.start > timedelta(days=LONG_RANGE_DAYS)


def _days(e: MergeEvent) -> tuple[date, date] | None:
    """The event's own days (no tolerance), the publication day when it has no date."""
    if e.start is not None:
        return e.start, e.end or e.start
    if e.published is not None:
        return e.published, e.published
    return None


def _fine(e: MergeEvent) -> bool:
    return (e.location_precision or "") in _FINE


def _place_agree(a: MergeEvent, b: MergeEvent, names_agree: bool) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    if _fine(a) and _fine(b):
        if None not in (a.lat, a.lon, b.lat, b.lon):
            return _km(a.lat, a.lon, b.lat, b.lon) <= PLACE_KM  # type: ignore[arg-type]
        if a.place and b.place:
            return normalize_name(a.place) == normalize_name(b.place)
    if a.country and b.country:
        return True
    return names_agree


def _sides_agree(a: MergeEvent, b: MergeEvent) -> bool:
    """Who acted must agree: two named actors with nothing in common are two events, and so
    are mirror events (the Houthis' drone on Tel Aviv and Israel's strike on Hodeidah)."""
    aa = {normalize_name(n) for n in a.actor_names} - {""}
    ab = {normalize_name(n) for n in b.actor_names} - {""}
    ra = {normalize_name(n) for n in a.recipient_names} - {""}
    rb = {normalize_name(n) for n in b.recipient_names} - {""}
    shared = bool(aa & ab) or bool(a.codes & b.codes)
    if aa and ab and not shared:
        return False
    return shared or not ((aa & rb) or (ab & ra))


def _conflict(a: MergeEvent, b: MergeEvent) -> bool:
    """Two events that cannot be one incident, whatever links them: other sides, other
    countries, other ACLED event types, or towns far apart. (Two events of one article may
    join through other outlets' reports: an article that tells one strike twice is merged
    rather than exported twice.)"""
    if not _sides_agree(a, b):
        return True
    if a.country and b.country and a.country != b.country:
        return True
    if a.acled[0] and b.acled[0] and a.acled[0] != b.acled[0]:
        return True  # a shooting (violence against civilians) is not an air strike
    if _fine(a) and _fine(b) and None not in (a.lat, a.lon, b.lat, b.lon):
        return _km(a.lat, a.lon, b.lat, b.lon) > PLACE_KM  # type: ignore[arg-type]
    return False


def _joinable(x: list[MergeEvent], y: list[MergeEvent]) -> bool:
    """Single linkage joins clusters through one similar pair; a chain must not carry two
    events that conflict (the Houthis' drone on Tel Aviv and Israel's strike on Hodeidah,
    bridged by a report that placed the strike in Tel Aviv)."""
    return not any(_conflict(a, b) for a in x for b in y)


def same_event(a: MergeEvent, b: MergeEvent) -> bool:
    """Whether two per-article events tell the same real-world event (module docstring)."""
    if a.article_id == b.article_id or a.type != b.type:
        return False
    ga, gb = _STATUS_GROUP.get(a.status), _STATUS_GROUP.get(b.status)
    if ga is None or ga != gb:
        return False
    if not _dates_agree(a, b):
        return False
    if not _sides_agree(a, b):
        return False
    names_agree = bool(a.names & b.names)
    a_named, b_named = bool(a.names or a.codes), bool(b.names or b.codes)
    if a_named and b_named:
        if not (names_agree or a.codes & b.codes):
            return False
    elif not (_fine(a) and _fine(b)):
        # one side names nobody: only a place finer than the country can tie them
        return False
    return _place_agree(a, b, names_agree)


def cluster_events(events: Iterable[MergeEvent]) -> list[list[MergeEvent]]:
    """Connected components of `same_event`, each sorted by uid; clusters sorted by first uid."""
    blocks: dict[tuple[str, str], list[MergeEvent]] = defaultdict(list)
    for e in events:
        g = _STATUS_GROUP.get(e.status)
        if g is not None and e.window() is not None:
            blocks[(e.type, g)].append(e)
        else:
            blocks[(e.uid, "single")].append(e)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    members: dict[str, MergeEvent] = {}
    span: dict[str, tuple[date, date]] = {}  # root → the cluster's first and last day
    group: dict[str, list[MergeEvent]] = {}  # root → its members
    for block in blocks.values():
        for e in block:
            members[e.uid] = e
            find(e.uid)
            group[e.uid] = [e]
            d = _days(e)
            if d is not None:
                span[e.uid] = d
        if len(block) < 2:
            continue
        block.sort(key=lambda e: (e.window()[0], e.uid))  # type: ignore[index]
        for i, a in enumerate(block):
            wa = a.window()
            for b in block[i + 1:]:
                wb = b.window()
                if wb[0] > wa[1]:  # type: ignore[index]  # sorted by window start: no more overlaps
                    break
                if same_event(a, b):
                    ra, rb = find(a.uid), find(b.uid)
                    if ra == rb or not _joinable(group[ra], group[rb]):
                        continue
                    sa, sb = span.get(ra), span.get(rb)
                    if sa and sb:
                        lo, hi = min(sa[0], sb[0]), max(sa[1], sb[1])
                        if not (_coarse(a) and _coarse(b)) and \
                                (hi - lo).days > MAX_CLUSTER_DAYS:
                            continue
                        span[min(ra, rb)] = (lo, hi)
                    parent[max(ra, rb)] = min(ra, rb)
                    group[min(ra, rb)] = group[ra] + group[rb]
    groups: dict[str, list[MergeEvent]] = defaultdict(list)
    for uid, e in members.items():
        groups[find(uid)].append(e)
    clusters = [sorted(g, key=lambda e: e.uid) for g in groups.values()]
    return sorted(clusters, key=lambda c: c[0].uid)


def _as_date(v: Any) -> date | None:
    return v if isinstance(v, date) else None


def _load(con: Any) -> list[MergeEvent]:
    rows = con.execute("""
        SELECT e.uid, e.article_id, e.type, e.status, e.date_start, e.date_end, e.date_precision,
               a.published, e.country, e.location_name, e.location_precision, e.lat, e.lon,
               e.mode, e.dead, e.injured, e.acled_event_type, e.acled_sub_event_type,
               e.confidence, e.date_text
        FROM events e JOIN articles a USING (article_id) ORDER BY e.uid""").fetchall()
    evs = {r[0]: MergeEvent(uid=r[0], article_id=r[1], type=r[2], status=r[3],
                            start=_as_date(r[4]), end=_as_date(r[5]), precision=r[6],
                            published=_as_date(r[7]), country=r[8], place=r[9],
                            location_precision=r[10], lat=r[11], lon=r[12], mode=r[13],
                            dead=r[14], injured=r[15], acled=(r[16], r[17]),
                            confidence=r[18] or 0.0,
                            dated=r[19] is not None and r[4] is not None) for r in rows}
    for uid, role, name, country, sector, kind in con.execute(
            "SELECT ea.uid, ea.role, ea.name, ea.country, ea.sector, x.kind FROM event_actors ea "
            "LEFT JOIN actors x USING (article_id, actor_id) ORDER BY ea.uid, ea.role, ea.actor_id"
    ).fetchall():
        e = evs.get(uid)
        if e is None:
            continue
        n = normalize_name(name)
        if role in ("actor", "recipient") and n:
            e.names.add(n)
            (e.actor_names if role == "actor" else e.recipient_names).append(name)
        if role == "actor" and country and sector:
            e.codes.add((country, sector))
        if role == "actor" and country and (kind == "state" or sector in _STATE_SECTORS):
            e.codes.add((country, "state"))  # "Israel" and "the Israel Defense Forces": one side
    return list(evs.values())


def _most_common(values: Iterable[Any]) -> Any:
    """The most frequent value; ties go to the one met first (callers pass values in order of
    their report's confidence, so the most confident report breaks a tie)."""
    vals = [v for v in values if v is not None]
    if not vals:
        return None
    counts = Counter(vals)
    return max(counts, key=lambda v: (counts[v], -vals.index(v)))


def _merged_row(cluster: list[MergeEvent]) -> tuple[Any, ...]:
    first = cluster[0]
    mid = "m" + hashlib.sha256(first.uid.encode()).hexdigest()[:12]
    ranked = sorted(cluster, key=lambda e: (-e.confidence, e.uid))
    # a stated date outweighs the publication-day fallback of another outlet's report
    dated = [e for e in cluster if e.dated] or cluster
    starts = [d for e in dated if (d := e.start or e.published) is not None]
    ends = [d for e in dated if (d := e.end or e.start or e.published) is not None]
    fine = [e for e in ranked if _fine(e)]
    place_src = fine or ranked
    place = _most_common(e.place for e in place_src)
    with_xy = [e for e in place_src if e.lat is not None and e.lon is not None and
               (place is None or e.place == place)]
    articles = sorted({e.article_id for e in cluster})
    actors = sorted({n for e in cluster for n in e.actor_names})
    recipients = sorted({n for e in cluster for n in e.recipient_names})
    # dead/injured: the most common reported figure (outlets repeat the same toll); on a tie
    # the lowest (ACLED's conservative rule: the best-supported, not the largest, figure)
    tolls = sorted(e.dead for e in cluster if e.dead is not None)
    hurt = sorted(e.injured for e in cluster if e.injured is not None)
    return (mid, first.type, _most_common(e.mode for e in ranked),
            min(starts) if starts else None, max(ends) if ends else None,
            _most_common(e.country for e in ranked), place,
            with_xy[0].lat if with_xy else None, with_xy[0].lon if with_xy else None,
            _most_common(e.status for e in ranked), json.dumps(actors, ensure_ascii=False),
            json.dumps(recipients, ensure_ascii=False), len(articles), json.dumps(articles),
            _most_common(tolls), _most_common(hurt), _most_common(e.acled[0] for e in ranked),
            _most_common(e.acled[1] for e in ranked), json.dumps([e.uid for e in cluster]))


def merge_store(db: str) -> int:
    """Recompute `merged_events` and `events.merged_id` for the whole store in one
    transaction; returns the number of merged events (singletons included)."""
    from ..store import Store

    store = Store(db, hold=False)
    with store.connection() as con:
        clusters = cluster_events(_load(con))
        rows = [_merged_row(c) for c in clusters]
        links = [(r[0], e.uid) for r, c in zip(rows, clusters) for e in c]
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM merged_events")
            if rows:
                con.executemany(f"INSERT INTO merged_events (merged_id, type, mode, date_start, "
                                f"date_end, country, location_name, lat, lon, status, actors, "
                                f"recipients, source_count, article_ids, dead, injured, "
                                f"acled_event_type, acled_sub_event_type, uids) VALUES "
                                f"({', '.join('?' * 19)})", rows)
                con.execute("CREATE TEMP TABLE _links (merged_id VARCHAR, uid VARCHAR)")
                con.executemany("INSERT INTO _links VALUES (?, ?)", links)
                con.execute("UPDATE events SET merged_id = _links.merged_id FROM _links "
                            "WHERE events.uid = _links.uid")
                con.execute("DROP TABLE _links")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return len(rows)
