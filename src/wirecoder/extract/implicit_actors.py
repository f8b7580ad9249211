"""Implicit actors: the state behind an arrest, a detention, a ban or a conviction told
without its agent.

"Nine people were arrested on Tuesday", "two candidates have been barred from running":
only a state's police, courts or government arrest, jail, ban from office or convict, so the
act is the state's where it happened — ACLED codes such rows to the country's police or
government, and a PLOVER coder names the state. The place must be the act's own (a named
city or region), else the article's main country; a bare country mentioned in the clause is
often another party ("despite a pledge to the United States")."""
from __future__ import annotations

from functools import lru_cache

from ..schema import Location
from .context import ExtractionContext
from .kb import country_display
from .merge_mentions import Draft
from .places import lookup_place
from .predicates import load_lexicon_file

# (type, mode) of acts only a state performs
_STATE_ACTS = {"COERCE": frozenset({"arrest", "restrict", "censor", "curfew", "deport",
                                    "martial-law"}),
               "SANCTION": frozenset({"convict"})}


def state_country(d: Draft, main_place: Location | None) -> str | None:
    """The country whose state did `d`: its own place when finer than a country, else the
    article's main place."""
    loc = d.location
    if loc is not None and loc.country and str(getattr(loc.precision, "value", loc.precision)) \
            not in ("country", "region"):
        return loc.country
    if main_place is not None and main_place.country:
        return main_place.country
    return None


@lru_cache(maxsize=1)
def _contested() -> frozenset[str]:
    data = load_lexicon_file("implicit_actors.yaml")
    return frozenset(str(c) for c in data.get("no_state_inference") or [])


# a charge only a state's prosecutors bring ("was charged with", "was indicted"); an
# accusation joined to an arrest ("was arrested … and later accused of spying") is the
# arresting state's
_CHARGES = frozenset({"charge", "indict", "prosecute"})
_ARRESTS = frozenset({"arrest", "detain", "jail", "imprison"})


def _state_charge(ctx: ExtractionContext, d: Draft) -> bool:
    if d.type != "ACCUSE" or d.nominal:
        return False
    tok = ctx.doc[d.pred_i]
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (
        tok.dep_ == "conj" and any(c.dep_ == "nsubjpass" for c in tok.head.children))
    if not passive:
        return False
    if tok.lemma_.lower() in _CHARGES:
        return True
    return tok.lemma_.lower() == "accuse" and tok.dep_ == "conj" \
        and tok.head.lemma_.lower() in _ARRESTS


def add_state_actor(ctx: ExtractionContext, d: Draft, main_place: Location | None) -> None:
    """Give an agentless state act the state of its country as actor (in place); not in a
    territory whose arresting authority is contested (lexicons/implicit_actors.yaml)."""
    if d.actor or not (d.mode in _STATE_ACTS.get(d.type, ()) or _state_charge(ctx, d)):
        return
    iso = state_country(d, main_place)
    if iso is None or iso in _contested():
        return
    name = country_display(iso)
    if any(getattr(ctx.actor(r), "country", None) == iso and getattr(ctx.actor(r), "name", "")
           == name for r in d.recipient):
        return  # the state is the one acted on
    d.actor = [ctx.actors.find(name) or ctx.actors.add(name, "state", country=iso)]


def host_state(ctx: ExtractionContext, actor_id: str) -> str:
    """ "visited Warsaw": a town visited stands for its state (Poland is met, not a place);
    any other actor is itself."""
    actor = ctx.actor(actor_id)
    if actor is None or actor.sector or str(getattr(actor.kind, "value", actor.kind)) in (
            "person", "organization", "state"):
        return actor_id
    place = lookup_place(actor.name)
    if place is None or not place.country or str(
            getattr(place.precision, "value", place.precision)) != "city":
        return actor_id
    name = country_display(place.country)
    return ctx.actors.find(name) or ctx.actors.add(name, "state", country=place.country)


def town_actor_place(ctx: ExtractionContext, d: Draft) -> None:
    """ "Chicago imposed a curfew", "Asheville police arrested two men": a town that acts
    (its council, its police) acts where it is — the place when the clause names none finer
    than a country, unless a target is named (an attack happens where it lands)."""
    loc = d.location
    if d.recipient and d.type == "ASSAULT":
        return
    if loc is not None and str(getattr(loc.precision, "value", loc.precision)) != "country":
        return
    for a in d.actor:
        actor = ctx.actor(a)
        if actor is None or str(getattr(actor.kind, "value", actor.kind)) in ("person", "state"):
            continue
        place = lookup_place(actor.name)
        if place is None or str(getattr(place.precision, "value", place.precision)) != "city":
            continue
        if loc is None or loc.country == place.country:
            d.location = place
            return


__all__ = ["add_state_actor", "host_state", "state_country", "town_actor_place"]
