"""Links between the candidates of one article, once all are drafted: an anaphor ("this
attack") finds its antecedent, the holder of what talks negotiate is their other side, a
reaction's recipient is whoever did what it reacts to, talks that led to a release mediated
it, and a bare toll sentence after an attack is that attack's toll."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .arguments import arguments
from .clauses import PredicateIndex
from .context import ExtractionContext
from .event_roles import MATERIAL_CONFLICT, REACTIONS
from .merge_mentions import Draft
from .participants import resolve_actors
from .predicates import PredicateHit

if TYPE_CHECKING:
    from spacy.tokens import Token

_ANAPHORS = frozenset({"this", "these", "that", "those", "such"})


def link_drafts(ctx: ExtractionContext, index: PredicateIndex, drafts: dict[int, Draft],
                condemned: dict[int, list["Token"]]) -> None:
    """Every link, in this order (each sees the links made before); a toll sentence
    attached to its attack leaves `drafts`."""
    link_anaphors(index, drafts)
    link_topics(ctx, index, drafts)
    link_reactions(ctx, index, drafts, condemned)
    link_mediators(ctx, index, drafts)
    attach_orphan_tolls(index, drafts)


def link_anaphors(index: PredicateIndex, drafts: dict[int, Draft]) -> None:
    """In text order: anaphors find their antecedent; events told "during this attack"
    take the attack's date."""
    for i in sorted(drafts):
        d = drafts[i]
        if i in index.by_i:  # request drafts ("must …") have no predicate hit
            d.antecedent = _antecedent(index.by_i[i], d, drafts)
    for i in sorted(drafts):
        d = drafts[i]
        if d.date_own or d.antecedent is not None:
            continue
        for c in index.doc[i].children:
            if c.dep_ == "prep" and c.lower_ in ("during", "in", "amid"):
                for g in c.children:
                    if g.dep_ == "pobj" and g.i in drafts:
                        ante = drafts[g.i].antecedent or drafts[g.i]
                        d.date, d.date_own = ante.date, ante.date_own


def _antecedent(hit: PredicateHit, draft: Draft, drafts: dict[int, Draft]) -> Draft | None:
    """For "this attack" / "these bombings" / "this visit": the earlier event it names."""
    if not hit.nominal:
        return None
    if not any(c.dep_ == "det" and c.lower_ in _ANAPHORS for c in hit.token.children):
        return None
    best = None
    ancestors = {a.i for a in hit.token.ancestors}  # "taken during this attack" ≠ the taking
    for i, d in drafts.items():
        if (
            i < hit.token.i
            and i not in ancestors
            and d.type == draft.type
            and (best is None or i > best[0])
        ):
            best = (i, d)
    if best is None:
        # drafts are built heads-first: look for earlier predicates not yet drafted
        return None
    return best[1]


def link_topics(ctx: ExtractionContext, index: PredicateIndex, drafts: dict[int, Draft]) -> None:
    """ "Norway is negotiating the release of prisoners held by the rebels": the holder is the
    other side of the talks."""
    for i, d in drafts.items():
        if d.type != "CONSULT" or d.recipient:
            continue
        tok = index.doc[i]
        for c in tok.children:
            if c.dep_ == "dobj" and c.i in index.by_i and c.i not in drafts:
                sub = arguments(index.by_i[c.i])
                ids = [a for a in resolve_actors(ctx, index.by_i, sub.actor) if a not in d.actor]
                d.recipient.extend(ids)


def _reacted_objects(verb: "Token", judged: list["Token"]) -> list["Token"]:
    """What a reaction is to: its object, "respond to the strike", "said the strikes hit …"."""
    out = [c for c in verb.children if c.dep_ == "dobj"]
    heads = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]
    # "the response to X is coming": what a response, retaliation or revenge answers
    # ("… is coming, the rebels warned": the answer is the reported clause's subject)
    for v in [verb] + [c for c in verb.children if c.dep_ == "ccomp"]:
        heads += [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")
                  and c.lemma_.lower() in _ANSWERS]
    for v in heads:
        out += [g for c in v.children if c.dep_ == "prep" and c.lower_ in ("to", "against", "over")
                for g in c.children if g.dep_ == "pobj"]
    out += _free_relative_attr(verb)
    out += [t for t in judged if t not in out]
    return out


_ANSWERS = frozenset({"response", "retaliation", "revenge", "reply", "answer"})


def _earlier_owner(obj: "Token") -> list["Token"]:
    """ "Katz condemned the opinion": a definite thing judged without its owner is the one
    told earlier with one — "the court's opinion", "an opinion by the court", "the court
    issued an opinion" (the nearest earlier mention of the same noun)."""
    if obj.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                     for c in obj.children):
        return []
    lemma = obj.lemma_.lower()
    for i in range(obj.i - 1, -1, -1):
        t = obj.doc[i]
        if t.pos_ != "NOUN" or t.lemma_.lower() != lemma:
            continue
        owners = [c for c in t.children if (c.dep_ == "poss" and c.pos_ != "PRON")
                  or (c.dep_ == "compound" and c.ent_type_ in ("ORG", "GPE", "NORP"))]
        owners += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "by"
                   for g in c.children if g.dep_ == "pobj"]
        if not owners and t.dep_ == "dobj":
            owners = [c for c in t.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        if owners:
            return owners
    return []


def _free_relative_attr(verb: "Token") -> list["Token"]:
    """ "slammed what he said was brutal aggression": the object is the free relative's
    predicate noun (through at most one reporting clause)."""
    out: list["Token"] = []
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "dobj") and c.pos_ in ("AUX", "VERB")]
    clauses += [g for c in clauses for g in c.children if g.dep_ == "ccomp"]
    for c in clauses:
        # "what" is the copula's subject, or hung on the reporting verb ("what he said was")
        whats = [s for s in [*c.children, *c.head.children] if s.lower_ == "what"]
        if c.lemma_ == "be" and whats:
            out += [a for a in c.children if a.dep_ == "attr" and a.pos_ in ("NOUN", "PROPN")]
    return out


def link_reactions(ctx: ExtractionContext, index: PredicateIndex, drafts: dict[int, Draft],
                   condemned: dict[int, list["Token"]]) -> None:
    """ "Iran condemned the Israeli strike", "Hamas condemned the attack": who is
    condemned, praised or rejected is who did what the object names — its nationality
    or owner, else the actor of the latest earlier incident of that type."""
    for i, d in drafts.items():
        if d.type not in REACTIONS and d.type != "THREATEN":
            continue
        verb = index.doc[i]
        for obj in _reacted_objects(verb, condemned.get(i, [])):
            is_event = obj.i in index.by_i and index.by_i[obj.i].nominal
            if d.recipient and not is_event:
                continue
            owners = [c for c in obj.children if c.dep_ in ("poss", "amod", "compound")
                      and c.ent_type_ in ("NORP", "GPE", "ORG")]
            if not owners and not is_event and obj.head.i == verb.i:
                owners = _earlier_owner(obj)
            ids = resolve_actors(ctx, index.by_i, owners, agentive=True)
            if not ids and is_event:
                kind = index.by_i[obj.i].type
                earlier = [x for j, x in sorted(drafts.items())
                           if j < i and x.type == kind and x.actor and j != obj.i]
                ids = list(earlier[-1].actor) if earlier else []
            if ids and is_event:
                # "condemned the attack on Yemen": the attacker, not the attacked
                d.recipient = [a for a in ids if a not in d.actor]
            else:
                d.recipient.extend(a for a in ids if a not in d.actor and a not in d.recipient)
        # "Iran said it was a violation": the judged "it" is the latest incident
        if not d.recipient and any(t.lower_ in ("it", "this") for t in condemned.get(i, [])):
            earlier = [x for j, x in sorted(drafts.items())
                       if j < i and x.actor and x.type in MATERIAL_CONFLICT]
            if earlier:
                d.recipient.extend(a for a in earlier[-1].actor if a not in d.actor)


def link_mediators(ctx: ExtractionContext, index: PredicateIndex, drafts: dict[int, Draft]) -> None:
    """ "talks that led to the release …": those who talked mediated the release."""
    for i, d in drafts.items():
        if d.type not in ("RETREAT", "AGREE") or d.mediator:
            continue
        tok = index.doc[i]
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ == "to"
            and tok.head.head.lemma_ in ("lead", "result", "contribute")
        ):
            verb = tok.head.head
            talk = (
                verb.head
                if verb.dep_ == "relcl"
                else next((c for c in verb.children if c.dep_ == "nsubj"), None)
            )
            if (
                talk is not None
                and talk.i in drafts
                and drafts[talk.i].type == "CONSULT"
            ):
                d.mediator = [a for a in drafts[talk.i].actor if a not in d.actor]
        for c in tok.children:
            if c.dep_ in ("acl", "amod") and c.lemma_ in ("broker", "mediate"):
                for g in c.children:
                    if g.dep_ == "agent":
                        pobj = [x for x in g.children if x.dep_ == "pobj"]
                        d.mediator.extend(resolve_actors(ctx, index.by_i, pobj))


def attach_orphan_tolls(index: PredicateIndex, drafts: dict[int, Draft]) -> None:
    """ "At least 8 persons were killed." right after an attack with no toll: its toll."""
    for i in sorted(drafts):
        d = drafts[i]
        tok = index.doc[i]
        if (
            d.type != "ASSAULT"
            or d.actor
            or tok.pos_ != "VERB"
            or tok.lemma_ not in ("kill", "die", "injure", "wound")
        ):
            continue
        if any(
            c.dep_ in ("prep", "agent") and c.lower_ in ("by", "in", "with")
            for c in tok.children
        ):
            continue
        prev = [
            p
            for j, p in sorted(drafts.items())  # text order: the nearest attack is last
            if j < i and p.type == "ASSAULT" and 0 < d.sent_i - p.sent_i <= 2
        ]
        if prev:
            p = prev[-1]
            if d.dead is not None and p.dead is None:
                p.dead = d.dead
            if d.injured is not None and p.injured is None:
                p.injured = d.injured
            p.evidence.extend(d.evidence)
            del drafts[i]


__all__ = ["attach_orphan_tolls", "link_anaphors", "link_drafts", "link_mediators",
           "link_reactions", "link_topics"]
