"""Arguments stage: who did what to whom. The argument heads of a predicate with the
rules the plain parse misses (arguments.py, recipients.py and the ones below), and their
resolution to actor ids of the article's ActorTable."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .acled import is_instrument
from .arguments import (
    Arguments,
    add_holder_as_releaser,
    arguments,
    is_actor_like,
    passive_agents,
    phrase,
    verb_subjects,
)
from .attribution import resolve_pronoun
from .context import ExtractionContext
from .coref import quote_regions
from .event_roles import REPORTING_VERBS, VERBAL_TYPES
from .predicates import PredicateHit, load_lexicon_file
from .recipients import outcome_arguments, refine_recipients

if TYPE_CHECKING:
    from spacy.tokens import Token

_SKIP_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


def _is_date_token(t: "Token") -> bool:
    """A date, time, number or amount: never an actor ("on Monday", "three")."""
    return t.ent_type_ in _SKIP_ENTS


def predicate_arguments(hit: PredicateHit, outcomes: list[PredicateHit]) -> Arguments:
    """Actor, recipient, mediator, topic and instrument heads of a predicate, with its
    outcomes' participants ("…, killing 3 soldiers") and the recipient told by its topic."""
    tok = hit.token
    args = arguments(hit)
    refine_recipients(hit, args)
    outcome_arguments(hit, args, outcomes)
    # "its attack" inside a clause: its = the agent of the governing clause
    if hit.nominal and args.actor and all(a.pos_ == "PRON" for a in args.actor):
        gov_verb = next((a for a in tok.ancestors if a.pos_ == "VERB"), None)
        if gov_verb is not None:
            a, _ = verb_subjects(gov_verb)
            cands = [t for t in a if t.pos_ != "PRON"] + passive_agents(gov_verb)
            if cands:
                args.actor = cands
    # "discussed a ceasefire with Qatari officials": the with-phrase hangs on the topic
    if hit.type == "CONSULT" and not args.recipient:
        for t in args.topic:
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "with":
                    args.recipient.extend(g for g in c.children if g.dep_ == "pobj")
    # "handover in early May of three prisoners": the of-phrase hangs on the date
    if hit.nominal and not args.recipient:
        for c in tok.children:
            if c.dep_ == "prep":
                for g in c.children:
                    if g.dep_ == "pobj" and _is_date_token(g):
                        for p in g.children:
                            if p.dep_ == "prep" and p.lower_ == "of":
                                args.recipient.extend(x for x in p.children if x.dep_ == "pobj")
        add_holder_as_releaser(hit, args)
    # (a meeting's other side is its with-phrase or the holder of what is negotiated)
    if not args.recipient and hit.type in (VERBAL_TYPES - {"CONSULT"}) | {"AID", "SANCTION"}:
        args.recipient.extend(recipient_from_topic(args.topic, args.actor, hit.type))
    return args


def resolve_actors(ctx: ExtractionContext, predicates: dict[int, PredicateHit],
                   toks: list["Token"], agentive: bool = False) -> list[str]:
    """Actor ids of argument heads (the table grows with new names); who acts is always an
    actor ("warplanes" stand for whoever flies them), what is acted on only when it names
    people or groups; an event (`predicates`: token index → hit) is no actor."""
    ids: list[str] = []
    for t in toks:
        if _is_date_token(t) or t.pos_ in ("NUM", "ADV", "VERB", "AUX", "ADP"):
            continue
        if t.i in predicates and predicates[t.i].nominal and not agentive:
            continue  # an event is no actor
        span = phrase(t)
        if agentive and t.lower_ == "it" and t.dep_ == "nsubj" and t.head.lemma_ in _SPEAKING:
            # "“…,” it said in a statement, demanding …": the speaker told before
            found = resolve_pronoun(ctx, t, quote_regions(t.doc))
            if found and found not in ids:
                ids.append(found)
            continue
        if t.pos_ == "PRON" and t.lower_ in ("who", "which", "that", "it", "there"):
            continue
        if not (
            agentive or is_actor_like(t) or ctx.actors.at(span.start_char, span.end_char)
        ):
            continue
        if agentive and t.pos_ == "NOUN" and not is_actor_like(t):
            # "the tightening of the siege by Israel cut off …": whoever the act is by acts
            agents = _by_agents(t)
            if agents:
                for a in resolve_actors(ctx, predicates, agents, agentive=True):
                    if a not in ids:
                        ids.append(a)
                continue
        if agentive and (is_instrument(t) or (t.i in predicates and predicates[t.i].nominal)):
            # a weapon or an event is never the actor: whoever it belongs to is
            # ("Hezbollah's rockets", "Israeli airstrikes"); "a car bomb exploded" names nobody
            # ("a November 6 attack": a date owns nothing)
            owners = [c for c in t.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                      and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN")
                      and not _is_date_token(c)]
            # "the army said its jets struck …": the reporter owns what "its" names
            if not owners and any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                  for c in t.children):
                owners = _reporter_of(t)
            for c in owners:
                for a in ctx.actors.resolve_span(phrase(c)):
                    if a not in ids:
                        ids.append(a)
            continue
        for a in ctx.actors.resolve_span(span):
            if a not in ids:
                ids.append(a)
    return ids


# verbs of a statement whose "it" is the speaker told before ("what it called terrorist
# targets" is a label, and "it suggested" a view)
_SPEAKING = frozenset({"say", "add", "state", "tell", "write", "announce"})


def _by_agents(noun: "Token") -> list["Token"]:
    """The actor-like objects of a by-phrase on an act noun or on its of-object ("the
    tightening of the siege by Israel")."""
    heads = [noun] + [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
    return [o for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "by"
            for o in c.children if o.dep_ == "pobj" and is_actor_like(o)]


def _reporter_of(arg: "Token") -> list["Token"]:
    """The subject of the reporting verb whose complement clause holds `arg`."""
    verb = arg.head
    while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head.lemma_ not in REPORTING_VERBS:
        return []
    # ("in April, it said its drones hit …": the pronoun is the actor told before)
    return [c for c in verb.head.children if c.dep_ == "nsubj"
            and (c.pos_ != "PRON" or c.lower_ in ("it", "they"))]


def is_generic(toks: list["Token"]) -> bool:
    """Only indefinite descriptions ("a delegation", "gunmen")?"""
    if not toks:
        return False
    for t in toks:
        if t.ent_type_ or t.pos_ in ("PROPN", "PRON"):
            return False
        if any(c.ent_type_ in ("NORP", "GPE", "ORG") for c in t.children):
            return False
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children):
            return False
    return True


_TOPIC_PREPS = frozenset({"to", "for", "with", "against", "from", "on", "toward", "towards"})


def recipient_from_topic(topic: list["Token"], actors: list["Token"], type_: str) -> list["Token"]:
    """Who a promise, demand or praise is about, from its content: "offered to hand over
    (them) to Britain", "demanded that Israel ease …", "praised Haiti's efforts",
    "demanded the removal of President X", "promised aid to Mozambique"."""
    out: list["Token"] = []

    def take(t: "Token") -> None:
        if is_actor_like(t) and t not in actors and t not in out and t.pos_ != "PRON":
            out.append(t)

    for t in topic:
        if t.pos_ in ("VERB", "AUX"):
            if t.dep_ == "ccomp":
                for c in t.children:
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        take(c)
            for c in t.children:
                if c.dep_ in ("dobj", "dative"):
                    take(c)
                    for g in c.children:
                        if g.dep_ == "prep" and g.lower_ in _TOPIC_PREPS:
                            for x in g.children:
                                if x.dep_ == "pobj":
                                    take(x)
                elif c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS:
                    for x in c.children:
                        if x.dep_ == "pobj":
                            take(x)
        else:
            for c in t.children:
                if c.dep_ == "poss":
                    take(c)
                elif c.dep_ == "prep" and (c.lower_ in _TOPIC_PREPS or c.lower_ == "of"):
                    for x in c.children:
                        if x.dep_ == "pobj":
                            take(x)
        if out:
            break
    return out


@lru_cache(maxsize=1)
def _facilities() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_lexicon_file("targets.yaml")["facilities"])


def facility_targets(ctx: ExtractionContext, predicates: dict[int, PredicateHit],
                     args: Arguments) -> list[str]:
    """What an attack hit when it names no people or groups: "struck a hospital", "strikes
    on houses in Nuseirat", "drones hit an oil refinery" (lexicons/targets.yaml); never a
    weapon, a date or another event."""
    ids: list[str] = []
    for t in args.recipient + args.topic:
        if t.pos_ not in ("NOUN", "PROPN") or _is_date_token(t) or is_instrument(t):
            continue
        if t.i in predicates and predicates[t.i].nominal:
            continue
        if t.lemma_.lower() not in _facilities() and t.ent_type_ != "FAC":
            continue
        for a in ctx.actors.resolve_span(phrase(t)):
            if a not in ids:
                ids.append(a)
    return ids


__all__ = ["facility_targets", "is_generic", "predicate_arguments", "recipient_from_topic", "resolve_actors"]
