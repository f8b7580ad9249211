"""ACLED-style rows from a store: one row per merged real-world event, every ACLED column
derived where the store knows it (docs/export.md has the table of how each column is made).

Only events ACLED would code are kept: an ACLED event type, status occurred or ongoing (never
planned, possible, negated or historical), a date no more than a year before the first report
(older ones are background), a place, and a confidence (the highest of the merged event's
reports) of at least `min_confidence`.

The functions take a `Rows` callable (SQL, params → list of dicts) so the CLI's store and the
API's read-only connections share one implementation.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "ACLED_COLUMNS",
    "DEFAULT_MIN_CONFIDENCE",
    "Rows",
    "acled_records",
    "actor_type",
    "interaction",
    "outlet_info",
    "region_of",
    "source_name",
]

Rows = Callable[[str, list[Any]], list[dict[str, Any]]]

ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
                 "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
                 "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
                 "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
                 "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
                 "timestamp")
DEFAULT_MIN_CONFIDENCE = 0.5
ACLED_STATUSES = ("occurred", "ongoing")

# ACLED geo_precision: 1 = the town itself, 2 = near a town / part of a region, 3 = a province
# or larger (its capital's coordinates).
GEO_PRECISION = {"point": 1, "city": 1, "admin1": 3, "region": 3, "country": 3}
# ACLED time_precision: 1 = the day, 2 = the week (or a span of a few days), 3 = the month.
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Riots": "Political violence",
            "Protests": "Demonstrations", "Strategic developments": "Strategic developments"}
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}

# ACLED actor-type codes (inter1/inter2): 1 state forces, 2 rebel groups, 3 political
# militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
# From the actor's PLOVER sector first, then its kind.
SECTOR_CODE = {
    "GOV": 1, "MIL": 1, "COP": 1, "SPY": 1, "JUD": 1, "LEG": 1,
    "REB": 2,
    "UAF": 3, "CRM": 3,
    "ETH": 4,
    "CVL": 7, "MED": 7, "HLH": 7, "JRN": 7, "REF": 7, "EDU": 7, "REL": 7, "AGR": 7, "LAB": 7,
    "IGO": 8, "NGO": 8, "BUS": 8, "PTY": 8, "ELI": 8, "OPP": 8,
}
KIND_CODE = {"state": 1, "population": 7}


def actor_type(kind: str | None, sector: str | None, event_type: str | None,
               role: str) -> int | None:
    """ACLED's actor-type code of one participant, or None when nothing tells it.

    In ACLED's Protests the acting side are protesters (6) and in Riots rioters (5), unless
    it is a state force (police breaking up a protest keeps 1)."""
    code = SECTOR_CODE.get((sector or "").upper()) or KIND_CODE.get((kind or "").lower())
    if role == "actor" and code not in (1, 2, 3, 4):
        if event_type == "Protests":
            return 6
        if event_type == "Riots":
            return 5
    return code


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction: both codes, lower first (17 = state forces vs civilians); a lone
    actor is its code followed by 0 (60 = protesters alone)."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    from ..extract.kb import lexicon_files, read_csv

    out: dict[str, str] = {}
    for path in lexicon_files("acled_regions*.csv"):
        for row in read_csv(path):
            for iso in (row.get("iso3") or "").split("|"):
                if iso.strip():
                    out[iso.strip().upper()] = row["region"].strip()
    return out


def region_of(iso3: str | None) -> str | None:
    """ACLED's region of a country (ISO 3166 alpha-3), or None."""
    return _regions().get((iso3 or "").upper())


@dataclass(frozen=True)
class Outlet:
    name: str
    country: str | None
    scale: str | None


@lru_cache(maxsize=1)
def _outlets() -> dict[str, Outlet]:
    from ..extract.kb import lexicon_files, norm, read_csv

    out: dict[str, Outlet] = {}
    for path in lexicon_files("outlets*.csv"):
        for row in read_csv(path):
            o = Outlet(row["name"].strip(), (row.get("country") or "").strip() or None,
                       (row.get("scale") or "").strip() or None)
            for key in [o.name, *(row.get("aliases") or "").split("|")]:
                if key.strip():
                    out[norm(key)] = o
            for dom in (row.get("domains") or "").split("|"):
                if dom.strip():
                    out["domain:" + dom.strip().lower()] = o
    return out


def _host(url: str | None) -> str:
    try:
        host = (urlsplit(url or "").hostname or "").lower()
    except ValueError:
        return ""
    return host.removeprefix("www.")


def outlet_info(outlet: str | None, url: str | None) -> Outlet | None:
    """The outlet lexicon's entry for an article, by outlet name or by its URL's domain."""
    from ..extract.kb import norm

    table = _outlets()
    if outlet and norm(outlet) in table:
        return table[norm(outlet)]
    host = _host(url)
    while host:
        if "domain:" + host in table:
            return table["domain:" + host]
        host = host.partition(".")[2] if host.count(".") > 1 else ""
    return None


def source_name(outlet: str | None, url: str | None, title: str | None) -> str | None:
    """ACLED's source for one report: the outlet, else the URL, else the title. Never the
    local file the article was read from (articles.source)."""
    info = outlet_info(outlet, url)
    if outlet:
        return outlet
    if info:
        return info.name
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    return title or None


SCALE_ORDER = ("Local", "Subnational", "National", "Regional", "International", "Other")


def source_scale(outlets: list[Outlet | None], country: str | None) -> str | None:
    """ACLED's source_scale from the reporting outlets: e.g. National, International, or
    National-International when both kinds reported the event; None when no outlet is known."""
    scales = set()
    for o in outlets:
        if o is None:
            continue
        if o.scale:
            scales.add(o.scale)
        elif o.country and country:
            scales.add("National" if o.country == country else "International")
    return "-".join(s for s in SCALE_ORDER if s in scales) or None


def _time_precision(prec: str | None, start: date | None, end: date | None) -> int:
    if prec == "range" and start and end:
        days = (end - start).days
        return 1 if days == 0 else 2 if days <= 7 else 3
    return TIME_PRECISION.get(prec or "", 3)


def _country(iso3: str | None) -> tuple[str | None, int | None]:
    """Country name and ISO 3166 numeric code (ACLED's `country`, `iso`)."""
    if not iso3:
        return None, None
    import pycountry

    from ..extract.kb import country_display

    c = pycountry.countries.get(alpha_3=iso3)
    return country_display(iso3), (int(c.numeric) if c is not None else None)


def _names(raw: str | None) -> list[str]:
    try:
        v = json.loads(raw or "[]")
    except ValueError:
        return []
    return [str(x) for x in v if x] if isinstance(v, list) else []


# The ACLED export's reads (part of the query layer, kept with the export they serve): the
# merged events of a selection (any SQL giving merged ids) that ACLED would code, their
# member events and their participants.
MERGED_SQL = """
SELECT m.merged_id, m.date_start, m.date_end, m.country, m.location_name, m.lat, m.lon,
       m.status, m.actors, m.recipients, m.dead, m.acled_event_type, m.acled_sub_event_type,
       c.conf
FROM merged_events m
JOIN (SELECT e.merged_id, max(e.confidence) AS conf, min(a.published) AS first_published,
             count(*) FILTER (WHERE e.date_text IS NOT NULL AND e.date_start IS NOT NULL) AS dated,
             count(*) FILTER (WHERE e.location_name IS NOT NULL OR e.lat IS NOT NULL) AS placed
      FROM events e JOIN articles a USING (article_id)
      WHERE e.merged_id IS NOT NULL GROUP BY e.merged_id) c USING (merged_id)
WHERE m.merged_id IN (SELECT merged_id FROM ({selection}))
  AND m.acled_event_type IS NOT NULL AND m.status IN ('occurred', 'ongoing')
  -- a report must give the date and the place: the merge's fallbacks (publication day) do
  -- not, nor does a date phrase left unresolved ("the following day" of nothing dated)
  AND m.date_start IS NOT NULL AND c.dated > 0 AND c.placed > 0
  AND (m.location_name IS NOT NULL OR (m.lat IS NOT NULL AND m.lon IS NOT NULL))
  AND c.conf >= ?
  -- dated over a year before its first report: background, whatever the status says
  AND (c.first_published IS NULL OR m.date_start >= c.first_published - INTERVAL 365 DAY)
ORDER BY m.date_start, m.merged_id
"""
MEMBERS_SQL = """
SELECT e.merged_id, e.uid, e.date_precision, e.location_precision, e.location_name, e.admin1,
       e.evidence_text, e.confidence, a.outlet, a.url, a.title, a.published
FROM events e JOIN articles a USING (article_id)
WHERE e.merged_id = ANY(?)
ORDER BY e.merged_id, e.confidence DESC, a.published NULLS LAST, e.uid
"""
PARTICIPANTS_SQL = """
SELECT ea.uid, ea.role, ea.name, ea.sector, x.kind
FROM event_actors ea LEFT JOIN actors x USING (article_id, actor_id)
WHERE ea.uid = ANY(?) AND ea.name IS NOT NULL
"""


def _participants(parts: list[dict[str, Any]]) -> dict[str, tuple[str | None, str | None]]:
    """name (lowercased) → (kind, sector), preferring rows that know a sector."""
    out: dict[str, tuple[str | None, str | None]] = {}
    for p in parts:
        key = p["name"].lower()
        if key not in out or (out[key][1] is None and p["sector"]):
            out[key] = (p["kind"], p["sector"])
    return out


# the head noun of a target that makes it a place, not an actor ("Shalom Aleichem Street",
# "the Yemeni port of Hodeidah")
_PLACE_WORDS = frozenset({"street", "road", "avenue", "square", "coast", "port", "area",
                          "neighborhood", "neighbourhood", "district", "city", "town", "village",
                          "camp", "border", "highway", "crossing", "region", "province"})


def _is_place(name: str, kind: str | None, sector: str | None) -> bool:
    """A target that is a place ("struck Nuseirat", "hit Shalom Aleichem Street"): ACLED
    gives it as the location, never as actor 2 (a state's name stays an actor; so does an
    organisation the actor table knows the sector of)."""
    from ..extract.places import lookup_place

    if kind in ("person", "state", "population") or sector:
        return False
    loc = lookup_place(name)
    if loc is not None:
        return loc.precision not in ("country",)
    words = name.lower().split()
    head = words[words.index("of") - 1] if "of" in words[1:] else (words[-1] if words else "")
    return head in _PLACE_WORDS


def _side(names: list[str], known: dict[str, tuple[str | None, str | None]],
          event_type: str | None, role: str) -> tuple[str | None, str | None, int | None]:
    """Main actor, associated actors ('; '), and the main actor's ACLED code; a target that
    is a place is no actor."""
    if role == "recipient":
        names = [n for n in names if not _is_place(n, *known.get(n.lower(), (None, None)))]
    if not names:
        return None, None, None
    kind, sector = known.get(names[0].lower(), (None, None))
    return names[0], "; ".join(names[1:]) or None, actor_type(kind, sector, event_type, role)


def acled_records(rows: Rows, selection_sql: str, params: list[Any] | None = None, *,
                  min_confidence: float = DEFAULT_MIN_CONFIDENCE,
                  now: int | None = None) -> Iterator[dict[str, Any]]:
    """ACLED rows (dicts keyed by ACLED_COLUMNS) for the merged events named by
    `selection_sql` (a query with a `merged_id` column; `params` are its parameters)."""
    merged = rows(MERGED_SQL.format(selection=selection_sql), [*(params or []), min_confidence])
    if not merged:
        return
    ids = [m["merged_id"] for m in merged]
    members: dict[str, list[dict[str, Any]]] = {}
    for r in rows(MEMBERS_SQL, [ids]):
        members.setdefault(r["merged_id"], []).append(r)
    uids = [r["uid"] for rs in members.values() for r in rs]
    parts_by_uid: dict[str, list[dict[str, Any]]] = {}
    for p in rows(PARTICIPANTS_SQL, [uids]):
        parts_by_uid.setdefault(p["uid"], []).append(p)
    stamp = int(time.time()) if now is None else now
    for m in merged:
        mem = members.get(m["merged_id"], [])
        best = mem[0] if mem else {}
        known = _participants([p for r in mem for p in parts_by_uid.get(r["uid"], [])])
        et = m["acled_event_type"]
        actor1, assoc1, inter1 = _side(_names(m["actors"]), known, et, "actor")
        actor2, assoc2, inter2 = _side(_names(m["recipients"]), known, et, "recipient")
        targeted = et == "Violence against civilians" or (et in VIOLENT and inter2 == 7)
        country, iso = _country(m["country"])
        admin1 = next((r["admin1"] for r in mem if r["admin1"]), None)
        if admin1 is None and best.get("location_precision") == "admin1":
            admin1 = best.get("location_name")
        sources: list[str] = []
        for r in sorted(mem, key=lambda r: (r["published"] or date.max, r["uid"])):
            s = source_name(r["outlet"], r["url"], r["title"])
            if s and s not in sources:
                sources.append(s)
        d = m["date_start"]
        yield dict(zip(ACLED_COLUMNS, (
            f"{m['country'] or 'XXX'}-{m['merged_id']}", d.isoformat(), d.year,
            _time_precision(best.get("date_precision"), d, m["date_end"]), DISORDER.get(et),
            et, m["acled_sub_event_type"], actor1, assoc1, inter1, actor2, assoc2, inter2,
            interaction(inter1, inter2), "Civilian targeting" if targeted else None,
            iso, region_of(m["country"]), country, admin1, None, None,
            m["location_name"], m["lat"], m["lon"],
            GEO_PRECISION.get(best.get("location_precision") or "", 3),
            "; ".join(sources) or None,
            source_scale([outlet_info(r["outlet"], r["url"]) for r in mem], m["country"]),
            best.get("evidence_text"), m["dead"] or 0, None, stamp)))
