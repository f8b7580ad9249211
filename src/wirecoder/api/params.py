"""Query-string filters: parsed and checked here so a bad value names its field (422)."""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..schema import EventType, Quantity, Status
from .errors import ApiError

__all__ = [
    "SORTS",
    "EventFilters",
    "decode_cursor",
    "encode_cursor",
    "parse_country",
    "parse_date",
    "parse_enum_list",
    "parse_event_filters",
    "parse_format",
    "parse_list",
    "parse_quantity",
    "parse_sort",
]

_COUNTRY = re.compile(r"^[A-Z]{3}$")


def invalid(field_name: str, message: str) -> ApiError:
    return ApiError(422, "invalid", f"{field_name}: {message}", field_name)


def parse_list(value: str | None) -> list[str]:
    """'a,b, c' → ['a', 'b', 'c']; repeated params arrive already joined by the caller."""
    if not value:
        return []
    return [v.strip() for v in value.split(",") if v.strip()]


def parse_enum_list(
    name: str, value: str | None, allowed: set[str], *, upper: bool = False
) -> list[str]:
    out = []
    for v in parse_list(value):
        v2 = v.upper() if upper else v.lower()
        if v2 not in allowed:
            raise invalid(name, f"unknown value {v!r}; one of {', '.join(sorted(allowed))}")
        out.append(v2)
    return out


def parse_date(name: str, value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise invalid(name, f"{value!r} is not a date (YYYY-MM-DD)") from None


def parse_country(name: str, value: str | None) -> list[str]:
    out = []
    for v in parse_list(value):
        if not _COUNTRY.match(v.upper()):
            raise invalid(name, f"{v!r} is not an ISO 3166 alpha-3 code (e.g. EGY)")
        out.append(v.upper())
    return out


def parse_quantity(value: str | None, *, required: bool = False) -> str | None:
    if not value:
        if required:
            raise invalid("quantity", "required; one of " + ", ".join(q.value for q in Quantity))
        return None
    allowed = {q.value for q in Quantity}
    if value.lower() not in allowed:
        raise invalid("quantity", f"unknown value {value!r}; one of {', '.join(sorted(allowed))}")
    return value.lower()


def parse_format(value: str | None) -> str:
    v = (value or "json").lower()
    if v not in ("json", "csv"):
        raise invalid("format", f"{value!r}: one of json, csv")
    return v


@dataclass
class EventFilters:
    types: list[str] = field(default_factory=list)
    modes: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    actor: str | None = None
    role: str | None = None  # actor | recipient | mediator; None = any role
    since: date | None = None
    until: date | None = None
    q: str | None = None
    article: str | None = None

    def as_query(self) -> dict[str, str]:
        """The filters as query-string values (for `next` links)."""
        out: dict[str, str] = {}
        for k, v in (
            ("type", self.types),
            ("mode", self.modes),
            ("status", self.statuses),
            ("country", self.countries),
        ):
            if v:
                out[k] = ",".join(v)
        for k, s in (
            ("actor", self.actor),
            ("role", self.role),
            ("q", self.q),
            ("article", self.article),
        ):
            if s:
                out[k] = s
        if self.since:
            out["since"] = self.since.isoformat()
        if self.until:
            out["until"] = self.until.isoformat()
        return out


def parse_event_filters(
    *,
    type: str | None = None,
    mode: str | None = None,
    status: str | None = None,
    country: str | None = None,
    actor: str | None = None,
    role: str | None = None,
    since: str | None = None,
    until: str | None = None,
    q: str | None = None,
    article: str | None = None,
) -> EventFilters:
    f = EventFilters(
        types=parse_enum_list("type", type, {t.value for t in EventType}, upper=True),
        modes=[m.lower() for m in parse_list(mode)],
        statuses=parse_enum_list("status", status, {s.value for s in Status}),
        countries=parse_country("country", country),
        actor=actor.strip() if actor and actor.strip() else None,
        since=parse_date("since", since),
        until=parse_date("until", until),
        q=q.strip() if q and q.strip() else None,
        article=article or None,
    )
    if role:
        if role.lower() not in ("actor", "recipient", "mediator"):
            raise invalid("role", f"{role!r}: one of actor, recipient, mediator")
        if not f.actor:
            raise invalid("role", "role needs an actor filter")
        f.role = role.lower()
    if f.since and f.until and f.since > f.until:
        raise invalid("until", "until is before since")
    if f.q and len(f.q) > 200:
        raise invalid("q", "at most 200 characters")
    return f


# sort name → (SQL key expression, descending?)
SORTS: dict[str, tuple[str, bool]] = {
    "-date": ("COALESCE(date_start, DATE '0001-01-01')", True),
    "date": ("COALESCE(date_start, DATE '0001-01-01')", False),
    "-dead": ("COALESCE(dead, -1)", True),
    "dead": ("COALESCE(dead, -1)", False),
    "-confidence": ("COALESCE(confidence, -1.0)", True),
    "confidence": ("COALESCE(confidence, -1.0)", False),
}


def parse_sort(value: str | None, allowed: dict[str, Any], default: str) -> str:
    v = value or default
    if v not in allowed:
        raise invalid("sort", f"{v!r}: one of {', '.join(allowed)}")
    return v


def encode_cursor(sort: str, key: Any, uid: str) -> str:
    """Opaque cursor: the sort and the last row's key; clients pass it back untouched."""
    k = key.isoformat() if isinstance(key, date) else key
    raw = json.dumps([sort, k, uid], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(value: str, sort: str) -> tuple[Any, str]:
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        s, key, uid = json.loads(raw)
    except (ValueError, TypeError):  # bad base64, JSON or shape
        raise invalid("cursor", "not a cursor from this API (pass the `next` link as is)") from None
    if s != sort or not isinstance(uid, str):
        raise invalid("cursor", "the cursor belongs to another sort order")
    return key, uid
