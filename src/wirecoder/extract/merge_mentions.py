"""One event told several times in an article becomes one event with several evidence spans.

Two mentions merge when an anaphor points back ("this attack", "these bombings", "this
visit"), or when they share type, an actor (or recipient) and a compatible date. Deaths are
not added up across mentions of one event (the same dead are told twice): the larger wins."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..schema import EventDate, Location, Span


@dataclass
class Draft:
    """An event before ids are given: mutable while mentions are merged."""

    type: str
    mode: str | None
    pred_i: int  # token index of the predicate
    sent_i: int  # index of the sentence
    nominal: bool = False
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    mediator: list[str] = field(default_factory=list)
    date: EventDate = field(default_factory=EventDate)
    date_own: bool = False  # the date phrase is the predicate's own (not inherited/default)
    location: Location | None = None
    status: str = "occurred"
    dead: int | None = None
    injured: int | None = None
    evidence: list[Span] = field(default_factory=list)
    attribution: list[Any] = field(default_factory=list)
    acled_flags: dict[str, bool] = field(default_factory=dict)
    weapon: str | None = None
    generic_actor: bool = False  # actor only an indefinite description ("a delegation")
    confidence: float = 0.5
    antecedent: "Draft | None" = None  # set for anaphoric mentions ("this attack")
    # reportability and decision (reportability.py, decision.py)
    modal: bool = False
    conditional: bool = False
    assessed: bool = False
    mentions: int = 1  # mentions folded into this incident
    quoted_only: bool = False  # every mention lies inside a direct quote
    sequence: bool = False  # told in an "after …"/"before …" clause: another incident
    another: bool = False  # "another drone was intercepted": one more of its kind, not a re-mention
    singular: bool = False  # an event noun in the singular ("the attack"): one act, never a tally
    # many acts summed up, not one incident: a tally ("has fired 200 rockets since May"),
    # a purpose ("the port was used to attack shipping")
    summary: bool = False
    # a background mention ("after X claimed an attack on Y"): never an event of its own,
    # it lends its arguments and evidence to the incident it re-tells
    support: bool = False
    features: dict[str, float] = field(default_factory=dict)
    # what an attack naming no people hit ("strikes on houses"): its target once the
    # incident is grouped, kept apart so a site never splits an incident from a mention
    # that names the attacked side
    struck: list[str] = field(default_factory=list)


def _dates_compatible(a: EventDate, b: EventDate) -> bool:
    if a.start is None or b.start is None:
        return a.start is None and b.start is None
    a_end, b_end = a.end or a.start, b.end or b.start
    return a.start <= b_end and b.start <= a_end


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4}


def _finer(a: EventDate, b: EventDate) -> bool:
    """`a` is a more precise date inside `b`'s period."""
    ra = _PRECISION_RANK.get(str(getattr(a.precision, "value", a.precision)), 9)
    rb = _PRECISION_RANK.get(str(getattr(b.precision, "value", b.precision)), 9)
    return ra < rb and _dates_compatible(a, b)


def _finer_place(a: Location | None, b: Location | None) -> bool:
    """`a` names a place inside `b`'s country, and `b` is only the country."""
    if a is None or b is None or not a.country or a.country != b.country:
        return False
    prec = lambda loc: str(getattr(loc.precision, "value", loc.precision))  # noqa: E731
    return prec(b) in ("country", "region") and prec(a) not in ("country", "region")


def _modes_compatible(a: Draft, b: Draft) -> bool:
    return a.mode is None or b.mode is None or a.mode == b.mode


def _add(target: list[str], more: list[str]) -> None:
    for x in more:
        if x not in target:
            target.append(x)


def absorb(keep: Draft, other: Draft) -> None:
    """Fold the mention `other` into `keep` (evidence, arguments, toll by maximum)."""
    for ev in other.evidence:
        if not any(e.start == ev.start and e.end == ev.end for e in keep.evidence):
            keep.evidence.append(ev)
    keep.evidence.sort(key=lambda s: s.start)
    if keep.generic_actor and other.actor and not other.generic_actor:
        keep.actor = list(other.actor)
        keep.generic_actor = False
    else:
        _add(keep.actor, other.actor)
    _add(keep.recipient, [r for r in other.recipient if r not in keep.actor])
    _add(keep.mediator, other.mediator)
    _add(keep.struck, other.struck)
    keep.mode = keep.mode or other.mode
    if not keep.date_own and other.date_own:
        keep.date, keep.date_own = other.date, True
    elif other.date_own and _finer(other.date, keep.date):
        keep.date = other.date  # "protests this year" + "protests on Monday": the day
    if keep.location is None or _finer_place(other.location, keep.location):
        keep.location = other.location  # "in Yemen" … "at Hodeidah port": the port
    for name in ("dead", "injured"):
        a, b = getattr(keep, name), getattr(other, name)
        if b is not None and (a is None or b > a):
            setattr(keep, name, b)
    for k, v in other.acled_flags.items():
        # foiled or not is what the first mention tells: "a drone killed one … (the
        # army said) it was not intercepted" stays an attack that hit
        if k != "disrupted":
            keep.acled_flags[k] = keep.acled_flags.get(k, False) or v
    keep.weapon = keep.weapon or other.weapon
    keep.quoted_only = keep.quoted_only and other.quoted_only
    for at in other.attribution:
        if at not in keep.attribution:
            keep.attribution.append(at)
    keep.confidence = min(1.0, max(keep.confidence, other.confidence) + 0.05)


def foiled(d: Draft) -> bool:
    """Was the act told as intercepted or defused (ACLED's Disrupted weapons use)?"""
    return bool(d.acled_flags.get("disrupted"))


def _same_event(a: Draft, b: Draft) -> bool:
    if a.type != b.type or not _modes_compatible(a, b) or (b.summary and not a.summary) or b.another:
        return False  # `b`, told later, sums up many acts: not a mention of `a`
    if a.summary and b.singular:
        return False  # "… 200 times since May. The attack was claimed by …": one act
    if a.singular and b.nominal and not b.singular and a.sent_i != b.sent_i:
        return False  # "a drone blast" … "the Houthi attacks in the Red Sea": many acts
    if foiled(a) != foiled(b):
        return False  # an intercepted launch and an attack that hit are two acts
    if a.status != b.status and "historical" in (a.status, b.status):
        return False
    if not _dates_compatible(a.date, b.date):
        return False
    shared_actor = bool(set(a.actor) & set(b.actor))
    shared_recipient = bool(set(a.recipient) & set(b.recipient))
    if a.type == "ASSAULT" and a.sent_i == b.sent_i and a.weapon != b.weapon:
        return False
    if shared_actor and (shared_recipient or not a.recipient or not b.recipient):
        return True
    # the same specific act by the same actor on the same day told again of other victims
    # ("kidnapped two women … in its attack", "239 hostages taken … during this attack")
    if (
        shared_actor
        and a.mode is not None
        and a.mode == b.mode
        and a.sent_i != b.sent_i
        and a.date_own
        and b.date_own
        and a.date.precision == "day"
        and a.date.start == b.date.start
        and not (a.dead is not None and b.dead is not None)
    ):
        return True
    if shared_recipient and (not a.actor or not b.actor or a.generic_actor or b.generic_actor):
        return True
    # talk told twice in neighbouring sentences by a vaguer description ("a delegation")
    if (
        a.type == "CONSULT"
        and abs(a.sent_i - b.sent_i) <= 2
        and (a.generic_actor or b.generic_actor)
        and a.date.start is not None
        and a.date.start == b.date.start
    ):
        return True
    return False


def merge_mentions(drafts: list[Draft]) -> list[Draft]:
    """Merge anaphoric and repeated mentions, keeping text order of first mentions."""
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda x: x.pred_i):
        target = None
        if d.antecedent is not None:
            target = d.antecedent
            while target not in out and target.antecedent is not None:
                target = target.antecedent
            if target not in out:
                target = next((o for o in out if o is target), None)
        if target is None:
            for o in reversed(out):
                if _same_event(o, d):
                    target = o
                    break
        if target is None:
            out.append(d)
        else:
            absorb(target, d)
            target.mentions += d.mentions
            # later anaphors of d point to the event d became part of
            for x in drafts:
                if x.antecedent is d:
                    x.antecedent = target
    return out


__all__ = ["Draft", "merge_mentions", "absorb", "foiled"]
