"""The one filter model of every listing, for the CLI and the API alike (issue 11).

`Filters` holds what a user asked for (strings, comma-separated lists, or lists);
`Filters.checked(kind)` validates it for one listing and returns the canonical form (lists,
upper-/lower-cased codes, dates), or raises `InvalidFilter` naming the field and the values
it accepts. The CLI prints that error and exits 2; the API answers 422 with `field` set. So
`--country Gaza` and `?country=Gaza` fail the same way, with the same message.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import lru_cache
from typing import Any

from ..errors import UsageError
from ..schema import ActorKind, EventType, Quantity, Status

__all__ = ["APPLIES", "EVENT_TYPES", "QUANTITIES", "ROLES", "STATUSES", "Filters",
           "InvalidFilter", "accepted_values", "parse_country", "parse_date"]

EVENT_TYPES = tuple(t.value for t in EventType)
STATUSES = tuple(s.value for s in Status)
QUANTITIES = tuple(q.value for q in Quantity)
ACTOR_KINDS = tuple(k.value for k in ActorKind)
ROLES = ("actor", "recipient", "mediator")
MAX_TEXT = 200

# Which filters each listing takes (the rest are refused, not ignored).
APPLIES: dict[str, frozenset[str]] = {
    "events": frozenset({"type", "mode", "status", "country", "actor", "role", "since", "until",
                         "q", "article"}),
    "merged": frozenset({"type", "mode", "status", "country", "actor", "since", "until", "q"}),
    "claims": frozenset({"quantity", "claimant", "country", "since", "until", "article", "q"}),
    "actors": frozenset({"q", "actor", "country", "sector", "kind", "since", "until"}),
    "quotes": frozenset({"claimant", "actor", "country", "since", "until", "article", "q"}),
    "articles": frozenset({"q", "outlet", "since", "until"}),
    "series": frozenset({"quantity", "country", "claimant", "since", "until"}),
}


class InvalidFilter(UsageError):
    """A filter value no listing accepts; `field` names it, `accepted` lists what would do."""

    code = "E003"

    def __init__(self, field_name: str, message: str, accepted: list[str] | None = None) -> None:
        self.field = field_name
        self.accepted = accepted
        self.detail = f"{field_name}: {message}"
        super().__init__(self.detail)


def accepted_values(name: str) -> tuple[str, ...]:
    return {"type": EVENT_TYPES, "status": STATUSES, "quantity": QUANTITIES,
            "kind": ACTOR_KINDS, "role": ROLES}.get(name, ())


def _split(value: Any) -> list[str]:
    """'a,b, c' or ['a', 'b,c'] → ['a', 'b', 'c']."""
    if value is None:
        return []
    items = value if isinstance(value, (list, tuple, set)) else [value]
    out: list[str] = []
    for item in items:
        out.extend(v.strip() for v in str(item).split(",") if v.strip())
    return out


def _enum(name: str, value: Any, allowed: tuple[str, ...], *, upper: bool) -> list[str]:
    out = []
    for v in _split(value):
        v2 = v.upper() if upper else v.lower()
        if v2 not in allowed:
            raise InvalidFilter(name, f"unknown value {v!r}; accepted: {', '.join(allowed)}",
                                list(allowed))
        if v2 not in out:
            out.append(v2)
    return out


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """alpha-3 → name, and lower-cased names / alpha-2 → alpha-3 (pycountry)."""
    import pycountry

    codes: dict[str, str] = {"XKX": "Kosovo"}
    names: dict[str, str] = {"kosovo": "XKX", "palestine": "PSE"}
    for c in pycountry.countries:
        short = getattr(c, "common_name", None) or c.name
        codes[c.alpha_3] = short
        for n in {c.name, short, getattr(c, "official_name", None)}:
            if n:
                names.setdefault(n.lower(), c.alpha_3)
        names.setdefault(c.alpha_2.lower(), c.alpha_3)
    return codes, names


_ISO3 = re.compile(r"^[A-Za-z]{3}$")
# Places often typed as countries: suggested, never taken silently.
_PLACES = {"gaza": "PSE", "gaza strip": "PSE", "west bank": "PSE", "crimea": "UKR",
           "donbas": "UKR", "darfur": "SDN", "tigray": "ETH", "kashmir": "IND",
           "taiwan": "TWN", "england": "GBR", "scotland": "GBR", "uk": "GBR", "usa": "USA"}


def parse_country(value: str, name: str = "country") -> str:
    """One country as its ISO 3166 alpha-3 code: a three-letter code (any case) or an English
    country name ('Egypt', 'Palestine'); anything else is refused with a suggestion."""
    _, names = _countries()
    v = value.strip()
    if _ISO3.match(v):  # any alpha-3 code: stores may hold codes pycountry lacks (XKX …)
        return v.upper()
    hit = names.get(v.lower())
    if hit and not (len(v) == 2 and v != v.upper()):  # 'EG' yes, 'eg' (a word) no
        return hit
    close = sorted({c for n, c in names.items() if len(v) >= 3 and v.lower() in n}
                   | ({_PLACES[v.lower()]} if v.lower() in _PLACES else set()))[:5]
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise InvalidFilter(name, f"unknown country {value!r}{hint}; accepted: an ISO 3166 alpha-3 "
                        "code such as PSE, ISR, UKR, SDN, or a country name such as Palestine",
                        ["ISO 3166 alpha-3 code", "country name"])


def _date(name: str, value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidFilter(name, f"{value!r} is not a date (YYYY-MM-DD)",
                            ["YYYY-MM-DD"]) from None


parse_date = _date


def _text(name: str, value: Any) -> str | None:
    if value is None:
        return None
    s = " ".join(str(value).split())
    if not s:
        return None
    if len(s) > MAX_TEXT:
        raise InvalidFilter(name, f"at most {MAX_TEXT} characters")
    return s


@dataclass
class Filters:
    """Filters shared by the listing commands and the API; None / [] = not filtered.

    Multi-valued fields (type, mode, status, country) take a list or a comma-separated string
    and mean "any of". Text fields match case-insensitively: `actor`, `claimant` as a part of
    a name (`actor` also takes an `article_id:actor_id`), `q` as a part of the evidence
    sentence / place (events), the title or text (articles), the name (actors)."""

    type: Any = None            # PLOVER event type(s)
    mode: Any = None            # PLOVER mode(s)
    status: Any = None          # event status(es)
    country: Any = None         # ISO3 code(s) or country name(s)
    actor: str | None = None    # part of a participant's name, or article_id:actor_id
    role: str | None = None     # with actor: actor | recipient | mediator
    since: Any = None           # ISO date, inclusive (an event counts if its dates overlap)
    until: Any = None           # ISO date, inclusive
    q: str | None = None        # text search (see above)
    claimant: str | None = None  # part of a claimant / speaker name or text
    quantity: str | None = None  # claim quantity
    article: str | None = None  # article id
    outlet: str | None = None   # outlet name (case-insensitive, exact)
    sector: str | None = None   # actor sector code
    kind: str | None = None     # actor kind
    limit: int | None = None    # at most this many rows (build_query / CLI)
    _checked: bool = field(default=False, repr=False, compare=False)

    # the names of the API's earlier filter object, for code written against it
    @property
    def types(self) -> list[str]:
        return _split(self.type)

    @property
    def modes(self) -> list[str]:
        return _split(self.mode)

    @property
    def statuses(self) -> list[str]:
        return _split(self.status)

    @property
    def countries(self) -> list[str]:
        return _split(self.country)

    def given(self) -> list[str]:
        """Names of the filters that are set (limit aside)."""
        return [f.name for f in fields(self) if not f.name.startswith("_")
                and f.name != "limit" and getattr(self, f.name) not in (None, "", [], ())]

    def checked(self, kind: str = "events") -> Filters:
        """Validated, canonical filters for listing `kind` (see module docstring)."""
        if self._checked:
            return self
        if kind == "actors" and self.type and not self.kind:  # `actors --type person`
            return replace(self, type=None, kind=self.type).checked(kind)
        extra = [n for n in self.given() if n not in APPLIES[kind]]
        if extra:
            raise InvalidFilter(extra[0], f"not a filter of {kind}; accepted: "
                                f"{', '.join(sorted(APPLIES[kind]))}", sorted(APPLIES[kind]))
        f = Filters(
            type=_enum("type", self.type, EVENT_TYPES, upper=True),
            mode=[m.lower() for m in _split(self.mode)],
            status=_enum("status", self.status, STATUSES, upper=False),
            country=list(dict.fromkeys(parse_country(c) for c in _split(self.country))),
            actor=_text("actor", self.actor), since=_date("since", self.since),
            until=_date("until", self.until), q=_text("q", self.q),
            claimant=_text("claimant", self.claimant), article=_text("article", self.article),
            outlet=_text("outlet", self.outlet), limit=self.limit, _checked=True)
        if self.quantity:
            q = _enum("quantity", self.quantity, QUANTITIES, upper=False)
            if len(q) > 1:
                raise InvalidFilter("quantity", "one quantity at a time", list(QUANTITIES))
            f.quantity = q[0]
        if self.kind:
            k = _enum("kind", self.kind, ACTOR_KINDS, upper=False)
            f.kind = k[0] if len(k) == 1 else None
            if len(k) > 1:
                raise InvalidFilter("kind", "one kind at a time", list(ACTOR_KINDS))
        if self.sector:
            s = str(self.sector).strip().upper()
            if not re.fullmatch(r"[A-Z]{3}", s):
                raise InvalidFilter("sector", f"{self.sector!r} is not a PLOVER sector code "
                                    "(three letters, e.g. GOV, MIL, REB, CVL)")
            f.sector = s
        if self.role:
            r = str(self.role).strip().lower()
            if r not in ROLES:
                raise InvalidFilter("role", f"unknown value {self.role!r}; accepted: "
                                    f"{', '.join(ROLES)}", list(ROLES))
            if not f.actor:
                raise InvalidFilter("role", "role needs an actor filter")
            f.role = r
        if f.since and f.until and f.since > f.until:
            raise InvalidFilter("until", "until is before since")
        if self.limit is not None and int(self.limit) < 1:
            raise InvalidFilter("limit", "at least 1")
        return f

    def as_query(self) -> dict[str, str]:
        """Canonical query-string values (for links and cache keys)."""
        out: dict[str, str] = {}
        for f in fields(self):
            if f.name.startswith("_") or f.name == "limit":
                continue
            v = getattr(self, f.name)
            if v in (None, "", [], ()):
                continue
            out[f.name] = ",".join(v) if isinstance(v, list) else (
                v.isoformat() if isinstance(v, date) else str(v))
        return out
