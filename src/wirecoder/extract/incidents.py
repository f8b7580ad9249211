"""Incidents: the mentions of one real-world incident in an article become one event.

News tells an incident several times: the lead ("an explosion … killed one"), its details
("the blast occurred 100 meters from …"), a re-mention by a bare noun ("the attack",
"following his arrest") and fragments from two predicates of one clause. After the
mention-level merge (anaphors, shared participants: merge_mentions.py) a second pass folds
a mention into an earlier incident of the same type when nothing in it says it is another
one: no conflicting date, actor or recipient, and it is a re-mention (an event noun, a
clause without participants, or the same sentence)."""
from __future__ import annotations

from collections.abc import Callable

from ..schema import Actor
from .merge_mentions import Draft, absorb, foiled, merge_mentions
from .places import lookup_place

# sectors that act for their state: "Israel" and "the Israel Defense Forces" are one side
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD"})


def state_side(actor: Actor | None, actor_id: str) -> str:
    """The side an actor stands for when two mentions of an incident are compared: a state
    and its government, military, police, intelligence or courts are one side; any other
    actor is its own."""
    if actor is not None and actor.country and (
            str(getattr(actor.kind, "value", actor.kind)) == "state" or actor.sector in _STATE_SECTORS
            or _names_a_town(actor.name, actor.country)):
        return f"state:{actor.country}"
    return actor_id


def _names_a_town(name: str, country: str) -> bool:
    """ "Tel Aviv", "the Israeli city of Tel Aviv": a struck town stands on its state's side
    (a town of that country: the group "Hamas" is no namesake town in Germany)."""
    head, of, rest = name.partition(" of ")
    if of and head.lower().split()[-1:] and head.lower().split()[-1] in _TOWN_NOUNS:
        name = rest
    place = lookup_place(name)
    return (place is not None and place.country == country
            and str(getattr(place.precision, "value", place.precision)) == "city")


_TOWN_NOUNS = frozenset({"city", "town", "village", "port", "capital"})


def _same_actor(x: str) -> str:
    return x


def _dates_agree(a: Draft, b: Draft) -> bool:
    """Own dates must overlap; an inherited or default date agrees with anything."""
    if not (a.date_own and b.date_own):
        return True
    if a.date.start is None or b.date.start is None:
        return True
    return a.date.start <= (b.date.end or b.date.start) and b.date.start <= (a.date.end or a.date.start)


def _sides_agree(a: list[str], b: list[str], side: Callable[[str], str] = _same_actor) -> bool:
    return not a or not b or bool({side(x) for x in a} & {side(x) for x in b})


def _same_place(a: Draft, b: Draft) -> bool:
    la, lb = a.location, b.location
    if la is None or lb is None:
        return True
    if la.country and lb.country and la.country != lb.country:
        return False
    return not (la.name and lb.name and la.precision != "country" and lb.precision != "country"
                and la.name != lb.name)


def _same_strike(a: Draft, b: Draft, side: Callable[[str], str] = _same_actor) -> bool:
    """ "Israeli airstrikes targeted Houthi rebels in Yemen" … "the strikes targeted oil
    facilities in the port" … "this is the first time Israel has struck Yemen": the same
    attacker (or its state: `side`) striking on the same day at the same place is one
    incident told with different targets (different tolls or places keep them apart)."""
    same_day = a.date_own == b.date_own and a.date.start == b.date.start
    # a state and its forces are one attacker only where both days are stated: two undated
    # clauses by "Ukraine" and "the Ukrainian military" are often a campaign, not one strike
    sides = (lambda x: x) if not (a.date_own and b.date_own) else side
    return (a.type == "ASSAULT" and bool({sides(x) for x in a.actor} & {sides(x) for x in b.actor})
            and same_day and _same_place(a, b)
            and (a.dead is None or b.dead is None or a.dead == b.dead)
            and a.sequence == b.sequence)


def _target_elsewhere(a: Draft, b: Draft, side: Callable[[str], str]) -> bool:
    """ "A drone attack hit Haifa" … "Turkey has bombed Syria": a struck state other than the
    country where the other mention happened is another incident."""
    if a.location is None or not a.location.country:
        return False
    states = {s[6:] for s in (side(r) for r in b.recipient) if s.startswith("state:")}
    return bool(states) and a.location.country not in states


def _toll_and_its_clash(a: Draft, b: Draft) -> bool:
    """ "Five people were killed on Tuesday as police clashed with students": in one sentence,
    the actorless toll and the violence that caused it are one incident, whatever each
    names as its victims."""
    if a.type != "ASSAULT" or a.sent_i != b.sent_i or a.sequence or b.sequence:
        return False
    tolled, other = (a, b) if a.dead is not None else (b, a)
    return tolled.dead is not None and not tolled.actor and other.dead is None


def _re_mention(later: Draft, earlier: Draft) -> bool:
    """Could `later` be told of `earlier` again rather than be an incident of its own?"""
    if later.sent_i == earlier.sent_i:
        # "X struck A a day after Y attacked B": the after-clause tells another incident
        return later.sequence == earlier.sequence
    if later.nominal:
        return True
    return not later.actor and not later.recipient


def same_incident(earlier: Draft, later: Draft, side: Callable[[str], str] = _same_actor) -> bool:
    """Is `later` another mention of the incident `earlier`? `side` maps an actor id to the
    side it stands for (state_side: a state and its forces are one)."""
    if earlier.type != later.type or (later.summary and not earlier.summary):
        return False  # a summary of many acts is not one of them (its re-mentions may join it)
    if earlier.summary and later.singular:
        return False  # "the attack" re-tells one act, not a tally
    if earlier.singular and later.nominal and not later.singular:
        return False  # "a drone blast" … "the Houthi attacks in the Red Sea": many acts
    if foiled(earlier) != foiled(later):
        return False  # an intercepted launch and an attack that hit are two acts
    if earlier.status != later.status or later.another:
        return False
    if earlier.mode and later.mode and earlier.mode != later.mode and earlier.type != "ASSAULT":
        return False
    if not _dates_agree(earlier, later):
        return False
    if _target_elsewhere(earlier, later, side) or _target_elsewhere(later, earlier, side):
        return False
    if not _sides_agree(earlier.actor, later.actor, side):
        return False
    if not _sides_agree(earlier.recipient, later.recipient, side) and not (
            _toll_and_its_clash(earlier, later) or _same_strike(earlier, later, side)):
        return False
    if earlier.dead is not None and later.dead is not None and earlier.dead != later.dead:
        # two tolls told for one type on one day: two incidents unless one is a re-mention
        return later.nominal and later.sent_i != earlier.sent_i
    # a later clause re-tells an earlier one; the other way round only for violence, which a
    # lead often names by a noun first ("an explosion … killed one", then "the blast killed")
    return (_re_mention(later, earlier) or (earlier.type == "ASSAULT" and _re_mention(earlier, later))
            or _same_strike(earlier, later, side))


def _closest(fits: list[Draft], d: Draft) -> Draft | None:
    """Of the incidents `d` could re-tell (nearest first), the one told with its toll:
    "six were killed in the strikes" re-tells the airstrikes that killed six, not a drone
    attack told in between."""
    if d.dead is not None:
        hit = next((o for o in fits if o.dead == d.dead), None)
        if hit is not None:
            return hit
    return fits[0] if fits else None


def group_incidents(drafts: list[Draft], side: Callable[[str], str] = _same_actor) -> list[Draft]:
    """Mentions → incidents, in the text order of their first mention; an incident told
    only inside direct quotes is a speaker's account, not the article's report: dropped; a
    supporting (background) mention only joins an incident it re-tells. `side`: as in
    same_incident."""
    # quoted mentions join incidents only through anaphors and shared participants
    merged = [d for d in merge_mentions([d for d in drafts if not d.support]) if not d.quoted_only]
    out: list[Draft] = []
    for d in merged:
        # an anaphor ("this visit") was resolved by merge_mentions or has no antecedent
        # of its type: another incident's re-mention it is not
        target = None if d.antecedent is not None else _closest(
            [o for o in reversed(out) if o.antecedent is None and same_incident(o, d, side)], d)
        if target is None:
            out.append(d)
            continue
        absorb(target, d)
        target.mentions += d.mentions
    # a background mention joins the one incident it can re-tell, else it goes
    for d in drafts:
        # (a negated or planned act lends nothing: "had not coordinated on the strikes")
        if d.support and not d.quoted_only and d.status in ("occurred", "ongoing", "historical"):
            fits = [o for o in out if not o.summary and same_incident(o, d, side)]
            if len(fits) == 1:
                absorb(fits[0], d)
                fits[0].mentions += 1
    # a summary of many acts is not an incident: it goes, with the re-mentions of it
    # ("the attacks on shipping") that joined it
    return [d for d in out if not d.summary]


__all__ = ["group_incidents", "same_incident", "state_side"]
