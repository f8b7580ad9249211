"""The report of SPEC §2 as typed models — the one place its fields live."""
from __future__ import annotations

from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "wirecoder.report/1"


class EventType(str, Enum):
    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class ActorKind(str, Enum):
    person = "person"
    organization = "organization"
    state = "state"
    group = "group"
    population = "population"


class Status(str, Enum):
    occurred = "occurred"
    ongoing = "ongoing"
    planned = "planned"
    possible = "possible"
    negated = "negated"
    historical = "historical"


class Bound(str, Enum):
    exact = "exact"
    about = "about"
    at_least = "at_least"
    more_than = "more_than"
    at_most = "at_most"
    less_than = "less_than"
    range = "range"


class Quantity(str, Enum):
    killed = "killed"
    injured = "injured"
    missing = "missing"
    hostages = "hostages"
    released = "released"
    detained = "detained"
    displaced = "displaced"
    evacuated = "evacuated"
    other = "other"


class DatePrecision(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"
    range = "range"
    unknown = "unknown"


class LocationPrecision(str, Enum):
    point = "point"
    city = "city"
    admin1 = "admin1"
    country = "country"
    region = "region"


class AttributionKind(str, Enum):
    named = "named"
    anonymous = "anonymous"
    self = "self"


# PLOVER sector codes (PLOVER manual, actor attributes); extended codes are allowed
# by the `sector` field being a plain string, this list documents the common ones.
SECTORS: tuple[str, ...] = (
    "GOV", "MIL", "SPY", "COP", "JUD", "LEG", "REB", "PTY", "UAF", "CVL", "MED", "JRN",
    "REF", "IGO", "NGO", "BUS", "EDU", "REL", "LAB", "HLH", "ELI", "OPP", "CRM", "AGR",
)

# PLOVER 2.0 modes per event type (PLOVER manual 2.0); `Event.mode` None = unspecified.
MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": (),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold", "misinformation", "cyber"),
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                "crowd-control", "unconventional"),
}

ACLED_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
        "Suicide bomb", "Grenade", "Chemical weapon",
    ),
    "Violence against civilians": ("Attack", "Abduction/forced disappearance", "Sexual violence"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True, populate_by_name=True)


class Span(_Model):
    """A half-open character span [start, end) into `article.text`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Mention(Span):
    text: str


class RelatedLink(_Model):
    title: str
    url: str | None = None


class Article(_Model):
    id: str
    source: str = "-"
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None
    language: str | None = "en"
    text: str
    related: list[RelatedLink] = Field(default_factory=list)


class Actor(_Model):
    id: str
    name: str
    kind: ActorKind
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # PLOVER sector code
    affiliation: str | None = None  # id of another actor in the same report
    wikidata: str | None = None
    mentions: list[Mention] = Field(default_factory=list)


class EventDate(_Model):
    start: str | None = None
    end: str | None = None
    precision: DatePrecision = DatePrecision.unknown
    text: str | None = None


class Location(_Model):
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: LocationPrecision | None = None
    text: str | None = None


class Attribution(_Model):
    source: str | None = None  # actor id, when the source is an actor of the report
    text: str
    kind: AttributionKind = AttributionKind.named


class AcledView(_Model):
    event_type: str | None = None
    sub_event_type: str | None = None


class Event(_Model):
    id: str
    type: EventType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    actor: list[str] = Field(default_factory=list)
    recipient: list[str] = Field(default_factory=list)
    mediator: list[str] = Field(default_factory=list)
    date: EventDate = Field(default_factory=EventDate)
    location: Location | None = None
    status: Status = Status.occurred
    attribution: list[Attribution] = Field(default_factory=list)
    dead: int | None = None
    injured: int | None = None
    acled: AcledView = Field(default_factory=AcledView)
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)


class Period(_Model):
    start: str | None = None
    end: str | None = None


class ClaimLocation(_Model):
    name: str | None = None
    country: str | None = None


class Claim(_Model):
    id: str
    quantity: Quantity
    value: int
    value_max: int | None = None
    bound: Bound = Bound.exact
    unit: str = "people"
    claimant: str | None = None  # actor id
    claimant_text: str | None = None
    as_of: str | None = None
    period: Period | None = None
    location: ClaimLocation | None = None
    event: str | None = None  # event id
    qualifiers: list[str] = Field(default_factory=list)
    evidence: list[Span] = Field(default_factory=list)


class Quote(_Model):
    id: str
    text: str
    speaker: str | None = None  # actor id
    speaker_text: str | None = None
    cue: str | None = None
    channel: str | None = None
    direct: bool = True
    evidence: list[Span] = Field(default_factory=list)


class Report(_Model):
    schema_: Literal["wirecoder.report/1"] = Field(default=SCHEMA_ID, alias="schema")
    article: Article
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict with the SPEC's key names (`schema`, not `schema_`)."""
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None."""
        if actor_id is None:
            return None
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None


def report_json_schema() -> dict[str, Any]:
    """JSON Schema of the report (what `wirecoder schema` prints)."""
    return Report.model_json_schema(by_alias=True)


__all__ = [
    "SCHEMA_ID", "EventType", "ActorKind", "Status", "Bound", "Quantity", "DatePrecision",
    "LocationPrecision", "AttributionKind", "SECTORS", "MODES", "ACLED_EVENT_TYPES", "Span",
    "Mention", "RelatedLink", "Article", "Actor", "EventDate", "Location", "Attribution",
    "AcledView", "Event", "Period", "ClaimLocation", "Claim", "Quote", "Report",
    "report_json_schema",
]
