"""Field-level comparisons of SPEC §3 "Scoring details": actors and slots, dates, places, lists.

Every comparison returns True/False; callers decide whether a gold key is present
(an absent gold key is not scored).
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from ..schema import Event, EventDate, Location, Report
from .normalize import contains_tokens, normalize_name, normalize_text

EARTH_RADIUS_KM = 6371.0088
LOCATION_KM = 25.0


def value_of(v: Any) -> str:
    """An enum field's plain value: pydantic keeps an unvalidated default as the Enum member,
    whose str() is "Status.occurred", not "occurred"."""
    return str(v.value) if isinstance(v, Enum) else str(v)


@dataclass(frozen=True)
class PredActor:
    """A predicted actor as the scorer sees it: normalized names, country, sector."""

    names: frozenset[str]
    country: str | None = None
    sector: str | None = None


def pred_actor(report: Report, actor_id: str | None, extra_text: str | None = None) -> PredActor | None:
    """The actor `actor_id` of the report (canonical name + mention texts), plus `extra_text`
    (a claim's claimant_text, a quote's speaker_text) as one more mention. None when neither
    an actor nor a text is there."""
    names: set[str] = set()
    country = sector = None
    actor = report.actor(actor_id)
    if actor is not None:
        names.add(normalize_name(actor.name))
        names.update(normalize_name(m.text) for m in actor.mentions)
        country, sector = actor.country, actor.sector
    if extra_text:
        names.add(normalize_name(extra_text))
    names.discard("")
    if actor is None and not names:
        return None
    return PredActor(frozenset(names), country, sector)


def pred_slot(report: Report, ids: Iterable[str]) -> list[PredActor]:
    """The predicted actors of an event slot (dangling ids still count as "someone named")."""
    out = []
    for i in ids:
        a = pred_actor(report, i)
        out.append(a if a is not None else PredActor(frozenset()))
    return out


def actor_matches(pred: PredActor, gold: list[str] | dict[str, Any]) -> bool:
    """A list of acceptable names: any normalized name equal. A code actor {country, sector}:
    equal ISO3 country and sector, each only when not null (PETR2 CAMEO codes)."""
    if isinstance(gold, dict):
        country, sector = gold.get("country"), gold.get("sector")
        if country and (pred.country or "").upper() != country.upper():
            return False
        return not (sector and (pred.sector or "").upper() != sector.upper())
    return any(normalize_name(n) in pred.names for n in gold)


def slot_right(pred: list[PredActor], gold: list[Any]) -> bool:
    """Right when any predicted actor matches any gold actor; an empty gold slot is right only
    when the prediction names nobody there."""
    if not gold:
        return not pred
    return any(actor_matches(p, g) for p in pred for g in gold)


def any_of(gold: Any) -> list[Any]:
    """A gold value or list of values ("any of these") as a list."""
    return list(gold) if isinstance(gold, list) else [gold]


def date_right(pred: EventDate | None, gold: str | dict[str, str]) -> bool:
    """A gold day needs start = end = day; a gold range needs gold.start ≤ start ≤ end ≤ gold.end.
    ISO dates compare correctly as strings once cut to the day."""
    if pred is None or not pred.start:
        return False
    start = pred.start[:10]
    end = (pred.end or pred.start)[:10]
    if isinstance(gold, str):
        return start == end == gold[:10]
    return gold["start"][:10] <= start <= end <= gold["end"][:10]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def location_right(pred: Location | None, gold: dict[str, Any], km: float = LOCATION_KM) -> bool:
    """Gold with lat/lon: predicted point within `km` (SPEC: 25 km). Gold with only a name:
    the name is contained, as whole tokens, in the predicted location's name or text."""
    if pred is None:
        return False
    if gold.get("lat") is not None and gold.get("lon") is not None:
        if pred.lat is None or pred.lon is None:
            return False
        return haversine_km(gold["lat"], gold["lon"], pred.lat, pred.lon) <= km
    name = normalize_text(gold.get("name") or "")
    return any(contains_tokens(normalize_text(t), name) for t in (pred.name, pred.text) if t)


def country_right(pred: Location | None, gold: str) -> bool:
    return pred is not None and (pred.country or "").upper() == gold.upper()


def mode_right(pred: str | None, gold: Any) -> bool:
    """`mode` is a list meaning any of these; a null in it accepts an unspecified mode."""
    return pred in any_of(gold)


def status_right(pred: str, gold: Any) -> bool:
    return pred in any_of(gold)


def event_agreements(report: Report, pred: Event, gold: dict[str, Any]) -> dict[str, bool]:
    """Agreement of a predicted event with a gold event on every field the gold gives,
    in SPEC ranking order: actor slots, then date, country, location, status, mode, dead, injured."""
    out: dict[str, bool] = {}
    for slot in ("actor", "recipient", "mediator"):
        if slot in gold:
            out[slot] = slot_right(pred_slot(report, getattr(pred, slot)), gold[slot])
    if "date" in gold:
        out["date"] = date_right(pred.date, gold["date"])
    country = gold.get("country")
    if country:
        out["country"] = country_right(pred.location, country)
    if isinstance(gold.get("location"), dict):
        out["location"] = location_right(pred.location, gold["location"])
    if "status" in gold:
        out["status"] = status_right(value_of(pred.status), gold["status"])
    if "mode" in gold:
        out["mode"] = mode_right(pred.mode, gold["mode"])
    for k in ("dead", "injured"):
        if gold.get(k) is not None:
            out[k] = getattr(pred, k) == gold[k]
    return out


RANK_FIELDS: tuple[str, ...] = ("date", "country", "location", "status", "mode", "dead", "injured")


def rank_key(agree: dict[str, bool]) -> tuple[int, ...]:
    """Matching actor slots first, then each agreeing field in SPEC order (lexicographic)."""
    slots = sum(agree.get(s, False) for s in ("actor", "recipient", "mediator"))
    return (slots, *(int(agree.get(f, False)) for f in RANK_FIELDS))


__all__ = [
    "LOCATION_KM",
    "RANK_FIELDS",
    "PredActor",
    "actor_matches",
    "any_of",
    "country_right",
    "date_right",
    "event_agreements",
    "haversine_km",
    "location_right",
    "mode_right",
    "pred_actor",
    "pred_slot",
    "rank_key",
    "slot_right",
    "status_right",
    "value_of",
]
