"""Recipients the plain object misses: the with/on/against phrase of a light verb's noun
("imposed sanctions on X"), the visitor and host of a hosting verb, the author of a rejected
proposal, the accused of an allegation, and the place a curfew or emergency is imposed on.

`refine_recipients(hit, args)` edits the `Arguments` of one predicate in place; events.py
calls it before resolving phrases to actors. Vocabularies are in lexicons/recipients.yaml."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .arguments import Arguments, is_actor_like, prep_objects
from .predicates import PredicateHit, load_lexicon, load_lexicon_file

if TYPE_CHECKING:
    from spacy.tokens import Token

_PLACE_ENTS = frozenset({"GPE", "LOC"})


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    return load_lexicon_file("recipients.yaml")


@lru_cache(maxsize=32)  # asked for every predicate: the set is made once per key
def _words(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in (_lexicon().get(key) or []))


def _author_of(noun: "Token") -> list["Token"]:
    """Who made a proposal: "X's call", "calls by X", "an appeal from X", "a UN appeal"."""
    out: list["Token"] = []
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
            out.extend(o for o in prep_objects(c) if is_actor_like(o))
        elif c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("ORG", "GPE", "NORP"):
            out.append(c)
        elif c.dep_ == "acl" and c.tag_ == "VBN":  # "the points made by X", "claims voiced by X"
            out.extend(o for a in c.children if a.dep_ == "agent" for o in prep_objects(a)
                       if is_actor_like(o))
    return out


def _cue_recipients(hit: PredicateHit) -> list["Token"]:
    """ "imposed sanctions on X", "held talks with X": the preposition hangs on the noun."""
    # the meaning-giving noun, or any object that names no actor ("proof against X was
    # presented", "give aid to X")
    nouns = [] if hit.cue is None else [hit.cue]
    if hit.nominal:  # "a suspension of flights with X"
        nouns += [
            o
            for c in hit.token.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for o in prep_objects(c)
            if not is_actor_like(o)
        ]
    nouns += [
        c
        for c in hit.token.children
        if c.dep_ in ("dobj", "nsubjpass") and c not in nouns and not is_actor_like(c)
    ]
    preps = _words("cue_preps")
    out: list["Token"] = []
    # the cue is itself the preposition ("spoke against X", "voted against X")
    if hit.cue is not None and hit.cue.dep_ == "prep" and hit.cue.lower_ in preps:
        out.extend(o for o in prep_objects(hit.cue) if is_actor_like(o))
    for n in nouns:
        if n.pos_ not in ("NOUN", "PROPN"):
            continue
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                out.extend(o for o in prep_objects(c) if is_actor_like(o))
    return out


def _host_swap(hit: PredicateHit, args: Arguments) -> None:
    """ "X received an envoy from Y": the visitors (Y's envoy) act, X hosts."""
    tok = hit.token
    if hit.type != "CONSULT" or tok.lemma_.lower() not in _words("host_verbs"):
        return
    visitors = [c for c in tok.children if c.dep_ == "dobj"]
    if not visitors or any(c.dep_ == "auxpass" for c in tok.children):
        return
    hosts = [a for a in args.actor if a not in visitors]
    # "an envoy from the Y government" is that government's envoy
    for n, v in enumerate(visitors):
        if not v.ent_type_ and v.pos_ == "NOUN":
            # (the from-phrase may hang on the verb: "received an envoy … from Y")
            src = [
                o
                for c in list(v.children) + list(tok.children)
                if c.dep_ == "prep" and c.lower_ == "from"
                for o in prep_objects(c)
                if is_actor_like(o)
            ]
            if src:
                visitors[n] = src[0]
    args.actor = visitors
    args.recipient = hosts + [r for r in args.recipient if r not in visitors and r not in hosts]


def _clause_subject(comp: "Token") -> list["Token"]:
    return [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]


def _place_in(tok: "Token") -> list["Token"]:
    """A named place the predicate or its object is in or taken from ("a curfew in the town
    of X", "a state of emergency in X", "withdraw troops from X")."""
    heads = [tok]
    for c in tok.children:  # the object phrase, without its clauses
        if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ == "of"):
            heads.extend(t for t in c.subtree if not _in_clause(t, c))
    for h in heads:
        for c in h.children:
            if c.dep_ != "prep" or c.lower_ not in ("in", "on", "over", "from"):
                continue
            for o in prep_objects(c):
                if _is_place(o):
                    return [o]
                # "the town of X", "the province of X"
                for p in o.children:
                    if p.dep_ == "prep" and p.lower_ == "of":
                        named = [g for g in prep_objects(p) if _is_place(g)]
                        if named:
                            return named
    return []


def _is_place(t: "Token") -> bool:
    """A named place: tagged so, or a proper name the gazetteer knows (the small model
    tags some countries and regions as ORG or PERSON)."""
    if t.ent_type_ in _PLACE_ENTS:
        return True
    if t.pos_ != "PROPN":
        return False
    from .arguments import phrase
    from .places import country_of

    return country_of(phrase(t).text) is not None or country_of(t.text) is not None


def _in_clause(t: "Token", top: "Token") -> bool:
    """Is t inside a relative or participle clause below top?"""
    cur = t
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
        cur = cur.head
    return False


def _reported_subject(hit: PredicateHit, args: Arguments) -> None:
    """ "X announced it would free …", "officials said they will …": a pronoun subject
    of a reported clause is the reporter (the pronoun itself names no actor)."""
    if hit.nominal:
        return
    pron = list(args.actor)
    if not pron:  # "X says it is ready to withdraw": the subject sits higher up
        cur = hit.token
        while cur.dep_ in ("xcomp", "acomp") and cur.head.i != cur.i and not pron:
            cur = cur.head
            pron = [c for c in cur.children if c.dep_ == "nsubj"]
    if not pron or not all(a.pos_ == "PRON" and a.lower_ in ("it", "they") for a in pron):
        return
    # up through xcomp/acomp to the reported clause
    clause = pron[0].head
    while clause.dep_ in ("xcomp", "acomp") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp":
        return
    reporter = [c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    if reporter and is_actor_like(reporter[0]):
        args.actor = reporter


def _names_actor(toks: list["Token"]) -> bool:
    return any(is_actor_like(t) and t.ent_type_ not in ("DATE", "TIME") for t in toks)


def _withdrawn_forces(hit: PredicateHit, args: Arguments) -> None:
    """ "withdraw its troops from X": the troops are the withdrawing side, not the one
    withdrawn from (PLOVER: the actor retreats from the recipient)."""
    if hit.type != "RETREAT" or hit.mode != "withdraw":
        return
    forces = _words("force_nouns")
    mine = [r for r in args.recipient if r.lemma_.lower() in forces]
    if mine:
        args.recipient = [r for r in args.recipient if r not in mine]
        if not args.actor:
            args.actor = mine


def _content_place(args: Arguments) -> list["Token"]:
    """The place of a promised or threatened act done to a place ("threatened to ban rallies
    in X", "will withdraw from X") — never the venue of promised talks."""
    verbs = load_lexicon().verbs
    places = _lexicon().get("place_types") or {}
    for t in args.topic:
        spec = verbs.get(t.lemma_.lower()) if t.pos_ in ("VERB", "AUX") else None
        if spec and spec.get("type") in places and spec.get("type") != "THREATEN":
            found = _place_in(t)
            if found:
                return found
    return []


def outcome_arguments(hit: PredicateHit, args: Arguments, outcomes: list[PredicateHit]) -> None:
    """ "Five farmers were killed in a bomb attack", "drones killed nine traders in a
    raid": the attack's victims and attacker are told by the killing it explains."""
    if hit.type != "ASSAULT" or not outcomes:
        return
    for o in outcomes:
        kids = list(o.token.children)
        if not _names_actor(args.recipient):
            args.recipient.extend(
                c for c in kids if c.dep_ in ("dobj", "nsubjpass") and _identified(c)
            )
        if not args.actor and o.token.head.i != hit.token.i:
            args.actor.extend(c for c in kids if c.dep_ == "nsubj" and c.pos_ != "PRON")
            args.actor.extend(g for c in kids if c.dep_ == "agent" for g in prep_objects(c))


def _identified(t: "Token") -> bool:
    """Victims told by who they are ("Chadian traders", "a journalist"), not only counted
    ("14 people"): counts alone would make every attack's victims one actor and merge them."""
    if not is_actor_like(t):
        return False
    if t.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or t.pos_ == "PROPN":
        return True
    if any(c.ent_type_ in ("NORP", "GPE", "ORG") for c in t.children):
        return True
    return t.lemma_.lower() not in _words("counted_nouns") and not any(
        c.dep_ == "nummod" for c in t.children
    )


def _undate(toks: list["Token"]) -> list["Token"]:
    """ "met with President X Tuesday" parsed with the day as head and the name as its
    compound: the name is the argument."""
    out: list["Token"] = []
    for t in toks:
        if t.ent_type_ in ("DATE", "TIME"):
            named = [
                c
                for c in t.children
                if c.dep_ == "compound" and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            ]
            out.extend(named[-1:])
        else:
            out.append(t)
    return out


def _protested(hit: PredicateHit) -> list["Token"]:
    """Whom a protest is against: the author of what is protested ("a strike in protest
    against abuses by the police", "to protest the government's refusal", "to denounce
    land seized by the army")."""
    tok = hit.token
    grievances: list["Token"] = []
    for c in tok.children:
        # "staged a strike in protest against X", "began a sit-in to protest X"
        if c.dep_ == "prep" and c.lower_ == "in":
            for p in prep_objects(c):
                if p.lemma_.lower() == "protest":
                    grievances += [
                        o
                        for g in p.children
                        if g.dep_ == "prep" and g.lower_ in ("against", "of", "at", "over")
                        for o in prep_objects(g)
                    ]
        if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _words("grievance_verbs"):
            grievances += [g for g in c.children if g.dep_ == "dobj"]
            grievances += [
                o
                for g in c.children
                if g.dep_ == "prep" and g.lower_ in ("against", "at", "over")
                for o in prep_objects(g)
            ]
    head = tok.head  # the light verb's own purpose: "staged a strike to protest X"
    if tok.dep_ == "dobj" and head.pos_ == "VERB":
        for c in head.children:
            if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _words("grievance_verbs"):
                grievances += [g for g in c.children if g.dep_ == "dobj"]
    out: list["Token"] = []
    for g in grievances:
        if is_actor_like(g) and g.ent_type_ not in ("DATE", "TIME"):
            out.append(g)
            continue
        found = _author_of(g)
        for c in g.children:
            if c.dep_ in ("acl", "relcl"):  # "land seized by the army"
                found += [o for a in c.children if a.dep_ == "agent" for o in prep_objects(a)]
            if c.dep_ == "prep" and c.lower_ == "of":  # "the return of land seized by X"
                for o in prep_objects(c):
                    found += [
                        x
                        for a in o.children
                        if a.dep_ in ("acl", "relcl")
                        for b in a.children
                        if b.dep_ == "agent"
                        for x in prep_objects(b)
                    ]
        out += found
    return out


def _interception_swap(hit: PredicateHit, args: Arguments) -> None:
    """ "X intercepted a Houthi missile": the missile was fired at X — X is the target, the
    missile's owner ("Houthi", "launched by Y") the attacker, else nobody named."""
    if hit.type != "ASSAULT" or hit.cue is None or hit.token.lemma_.lower() not in _words(
            "interception_verbs"):
        return
    shot = hit.cue
    owners = [c for c in shot.children if c.dep_ in ("amod", "compound", "poss")
              and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN")]
    owners += [o for c in shot.children if c.dep_ == "acl"
               for a in c.children if a.dep_ == "agent" for o in prep_objects(a)]
    args.recipient = [a for a in args.actor if a not in owners]
    args.actor = owners


def _denied_charge(hit: PredicateHit) -> "Token | None":
    """The charge a denial answers: "denied the charges against him", "rejected the
    allegations"."""
    if hit.nominal or hit.token.lemma_.lower() not in _words("denial_verbs"):
        return None
    tok = hit.token
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "relcl" and not objs:
        objs = [tok.head]  # "an accusation from X – a claim Y has denied"
    charge = next((o for o in objs if o.lemma_.lower() in _words("charge_nouns")), None)
    if charge is not None and charge.dep_ == "appos" and not _author_of(charge):
        return charge.head  # "an accusation from X – a claim …": the apposition's head
    return charge


# how far back a denial looks for the charge it answers
_CHARGE_WINDOW = 6
_NAMED_CHARGE_WINDOW = 12


def _accuser(charge: "Token") -> list["Token"]:
    """Who made a denied charge: its author ("Tarsia's charges", "charges by X"), else the
    subject or agent of the last charging act told before the denial ("prosecutors charged
    her with spying … She denied the charges") — never the one charged."""
    return _author_of(charge) or _last_charger(charge)


def _victim_of(noun: "Token") -> list["Token"]:
    """The named one an act or case is of: "X's case", "the detention of X" (no pronoun)."""
    out = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    out += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for o in prep_objects(c) if o.pos_ == "PROPN" or is_actor_like(o)]
    return out


def _charged_one(verb: "Token", victims: list["Token"]) -> bool:
    """Did this charging or holding act fall on one of `victims` (same name word)?"""
    held = [t for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree]
    words = {t.lower_ for v in victims for t in v.subtree if t.pos_ == "PROPN"} or {
        v.lower_ for v in victims}
    return any(t.lower_ in words for t in held)


def _held_one_charger(noun: "Token") -> list["Token"]:
    """Whoever charged or held the one a noun is about ("X's case", "X's conviction"): the
    last charging act told before that fell on X; nobody when X is not named."""
    victims = _victim_of(noun)
    return _last_charger(noun, victims) if victims else []


def _last_charger(tok: "Token", victims: list["Token"] | None = None) -> list["Token"]:
    """The subject or agent of the last charging act (recipients.yaml charging_verbs) told
    in the sentences before `tok`'s clause — with `victims`, only an act that fell on them."""
    charge = tok
    doc = charge.doc
    sents = 0
    verbs = _words("charging_verbs")
    for t in reversed(doc[:charge.head.i]):
        if t.is_sent_start:
            sents += 1
            # an act on a named victim can be told further back than an unnamed charge
            if sents > (_NAMED_CHARGE_WINDOW if victims else _CHARGE_WINDOW):
                break
        if t.pos_ != "VERB" or t.lemma_.lower() not in verbs:
            continue
        if victims and not _charged_one(t, victims):
            continue
        agents = [c for c in t.children if c.dep_ == "nsubj" and c.pos_ != "PRON"
                  and is_actor_like(c)]
        agents += [o for c in t.children if c.dep_ == "agent" for o in prep_objects(c)
                   if is_actor_like(o)]
        if agents:
            return agents
    return []


_NAMING_ENTS = frozenset({"NORP", "GPE", "ORG"})


def act_doer(noun: "Token") -> list["Token"] | None:
    """Who did an act done to someone ("the killing of X by Y", "Ruritanian troops' detention
    of X", "X's conviction" after "a Ruritanian court convicted X"): the by-agent, a naming
    modifier, else the last holder or charger told before. None when `noun` is no such act;
    [] when its doer is not told. The victim ("X's", "of X") is never returned."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _words("patient_acts"):
        return None
    by = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
          for o in prep_objects(c) if is_actor_like(o)]
    if by:
        return by
    named = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")
             and c.ent_type_ in _NAMING_ENTS]
    if named:
        return named
    return _held_one_charger(noun)


def _condemned_act(hit: PredicateHit, args: Arguments) -> bool:
    """ "condemned the killing of the journalist by Ruritanian soldiers", "denounced X's
    detention": a condemnation of an act done to someone is aimed at the doer, never the
    victim. True when the recipient was settled here."""
    if hit.type != "ACCUSE" or hit.nominal:
        return False
    for o in (c for c in hit.token.children if c.dep_ in ("dobj", "nsubjpass")):
        doers = act_doer(o)
        if doers is None:
            continue
        victims = {t.i for c in o.children if c.dep_ in ("poss", "prep")
                   for t in c.subtree}
        args.recipient = [r for r in args.recipient if r.i not in victims and r.i != o.i]
        args.recipient += [d for d in doers if d not in args.actor and d not in args.recipient]
        return bool(args.recipient)
    return False


def _raised_case(hit: PredicateHit, args: Arguments) -> bool:
    """ "raised X's case with Y" is aimed at Y; with no one named to raise it with ("raised
    the reporter's case at the council"), at whoever charged or held X — the venue is no
    target (so nobody, when no charge is told). True when the recipient was settled here."""
    if hit.type != "ACCUSE" or hit.cue is None or hit.cue.lemma_.lower() not in _words(
            "case_nouns"):
        return False
    withs = [o for h in (hit.token, hit.cue) for c in h.children
             if c.dep_ == "prep" and c.lower_ == "with" for o in prep_objects(c)
             if is_actor_like(o)]
    if withs:
        args.recipient = [o for o in withs if o not in args.actor]
        return True
    args.recipient = [a for a in _held_one_charger(hit.cue) if a not in args.actor]
    return True


def refine_recipients(hit: PredicateHit, args: Arguments) -> None:
    """Fill (or, for hosting verbs, re-assign) the recipient of one predicate in place; a
    pronoun subject of a reported clause becomes the reporter."""
    args.recipient = _undate(args.recipient)
    _reported_subject(hit, args)
    _host_swap(hit, args)
    _interception_swap(hit, args)
    _withdrawn_forces(hit, args)
    tok = hit.token
    charge = _denied_charge(hit)
    if charge is not None:
        # the one charged ("the charges against him") is the denier's side, not the target
        args.recipient = [a for a in _accuser(charge) if a not in args.actor]
        return
    if _raised_case(hit, args) or _condemned_act(hit, args):
        return
    if hit.type in ("REJECT", "SUPPORT", "ACCUSE", "AGREE"):
        # "rejected a UN appeal": the appeal is no actor, its author is the recipient
        props = _words("proposal_nouns") | _words("answered_nouns")
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        objs += [hit.cue] if hit.cue is not None and hit.cue not in objs else []
        for o in objs:
            if o.lemma_.lower() in props:
                args.recipient = [r for r in args.recipient if r.i != o.i]
                args.recipient.extend(a for a in _author_of(o) if a not in args.actor)
    if _names_actor(args.recipient):
        return
    if not hit.nominal:
        # "provide support to X" parsed with "to" as a dative
        for c in tok.children:
            if c.dep_ == "dative" and c.pos_ == "ADP" and c.lower_ in ("to", "for"):
                args.recipient.extend(o for o in prep_objects(c) if is_actor_like(o))
    args.recipient.extend(r for r in _cue_recipients(hit) if r not in args.actor)
    if _names_actor(args.recipient):
        return
    if hit.type == "ACCUSE" and hit.cue is not None:
        if hit.cue.lemma_.lower() in _words("criticism_nouns"):  # "joined the criticism of X"
            args.recipient.extend(o for c in hit.cue.children if c.dep_ == "prep" and c.lower_ == "of"
                                  for o in prep_objects(c) if is_actor_like(o) and o not in args.actor)
    if _names_actor(args.recipient):
        return
    if hit.type == "ACCUSE" and not hit.nominal:
        # "alleged that X had guarded the depot": the subject of the allegation is accused
        for c in tok.children:
            if c.dep_ == "ccomp":
                args.recipient.extend(s for s in _clause_subject(c) if s not in args.actor)
    if _names_actor(args.recipient):
        return
    if hit.type == "PROTEST":
        args.recipient.extend(p for p in _protested(hit) if p not in args.actor)
        if _names_actor(args.recipient):
            return
    modes = (_lexicon().get("place_types") or {}).get(hit.type)
    if modes is not None and hit.mode in modes:
        args.recipient.extend(p for p in _place_in(tok) if p not in args.actor)
    if not _names_actor(args.recipient) and hit.type in ("AGREE", "THREATEN", "CONCEDE"):
        args.recipient.extend(p for p in _content_place(args) if p not in args.actor)


__all__ = ["act_doer", "outcome_arguments", "refine_recipients"]
