"""Arguments of a predicate from the dependency parse: who acted, on whom, who mediated,
and the toll (dead/injured) the clause reports. Phrases only — actor ids come from the
ActorTable (events.py calls `resolve_span` on every phrase returned here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from .places import names_event_place
from .predicates import PredicateHit, load_lexicon_file
from .token_table import children, token_table

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_SUBJ = ("nsubj", "csubj", "expl")
_REL_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# prepositions whose object is the one acted upon / met
_RECIPIENT_PREPS = {
    "with": {"CONSULT", "COOPERATE", "AGREE", "ASSAULT", "SUPPORT", "REJECT"},
    "against": None,
    "on": None,
    "upon": None,
    "at": {"ASSAULT", "PROTEST", "ACCUSE", "THREATEN"},
    "toward": None,
    "towards": None,
    "into": {"ASSAULT"},
    "to": {"AID", "CONCEDE", "SUPPORT", "REQUEST", "RETREAT", "AGREE"},
    "from": {"REQUEST"},
}
# verbs whose object is a nominal event they "carry": the subject is the event's actor
LIGHT_VERBS = frozenset(
    {
        "carry",
        "launch",
        "conduct",
        "stage",
        "stag",  # the small model lemmatises "staged" so
        "hold",
        "mount",
        "wage",
        "begin",
        "continue",
        "resume",
        "make",
        "execute",
        "step",
        "intensify",
        "escalate",
        "perform",
        "undertake",
        "announce",
        "order",
        "lead",
        "start",
        "initiate",
        "unleash",
        "organize",
        "organise",
        "join",
        "call",
        "open",
        "impose",
        "declare",
        "issue",
        "lodge",
        "file",
        "put",
        # speech acts renewed or voiced: "reiterated calls for", "voiced criticism of"
        "reiterate",
        "renew",
        "repeat",
        "echo",
        "voice",
        "express",
        "extend",
    }
)
# verbs of taking part: "X was involved in talks" → X is an actor of the talks
PARTAKE_VERBS = frozenset({"involve", "participate", "take", "join", "engage", "attend"})


@dataclass
class Arguments:
    """Argument heads of one predicate (tokens; the noun phrase is `phrase(token)`)."""

    actor: list["Token"] = field(default_factory=list)
    recipient: list["Token"] = field(default_factory=list)
    mediator: list["Token"] = field(default_factory=list)
    topic: list["Token"] = field(default_factory=list)  # "negotiating the release", "about X"
    instrument: list["Token"] = field(default_factory=list)


@lru_cache(maxsize=1)
def actor_nouns() -> frozenset[str]:
    """Common nouns that denote people or groups (actor-like even without a name)."""
    data = load_lexicon_file("predicates.yaml")
    return frozenset(str(w).lower() for w in (data.get("actor_nouns") or []))


@lru_cache(maxsize=1)
def non_agent_nouns() -> frozenset[str]:
    """Common nouns that never act (a situation, a quantity, an abstraction)."""
    data = load_lexicon_file("predicates.yaml")
    return frozenset(str(w).lower() for w in (data.get("non_agents") or []))


def conjuncts(tok: "Token") -> list["Token"]:
    """The token and its coordinated siblings ("Egypt and Qatar")."""
    out = [tok]
    for c in tok.conjuncts:
        if c.i != tok.i and c.pos_ in ("NOUN", "PROPN", "PRON") and c not in out:
            out.append(c)
    return out


def phrase(tok: "Token") -> "Span":
    """The noun phrase headed by tok: its left modifiers, "of"-complements, compounds and
    appositions — never its relative clauses or other prepositional phrases (those carry
    other actors: "two women who were kidnapped by Hamas" is not Hamas)."""
    doc = tok.doc
    memo = doc.user_data.get(_PHRASES_KEY)
    if memo is None or memo[0] != len(doc):  # about half the calls ask again for a token
        memo = doc.user_data[_PHRASES_KEY] = (len(doc), {})
    bounds = memo[1].get(tok.i)
    if bounds is None:
        bounds = memo[1][tok.i] = _phrase_bounds(tok)
    return doc[bounds[0]:bounds[1]]


_PHRASES_KEY = "wirecoder.phrases"


def _phrase_bounds(tok: "Token") -> tuple[int, int]:
    """(start, end) token offsets of `phrase(tok)`."""
    start = i = tok.i
    left_edge = -1  # tok.left_edge.i, read only when needed (each read makes a Token)
    for c in tok.lefts:
        if c.dep_ in ("punct", "cc", "prep", "advmod"):
            if left_edge < 0:
                left_edge = tok.left_edge.i
            if c.i == left_edge:
                continue
        start = min(start, c.left_edge.i)
    end = i
    for c in tok.rights:
        dep = c.dep_
        if dep in ("compound", "flat", "nummod", "appos", "case") or (
            dep == "prep" and c.lower_ == "of"
        ):
            end = max(end, c.right_edge.i)
        elif (
            dep == "punct"
            and c.i == end + 1
            and any(r.dep_ == "appos" and r.i > c.i for r in tok.rights)
        ):
            continue
        else:
            break
    punct = token_table(tok.doc).punct
    while end > start and punct[end]:
        end -= 1
    while start < end and punct[start]:
        start += 1
    return start, end + 1


def is_actor_like(tok: "Token") -> bool:
    """Can this head name an actor? Names, pronouns, nationality words, people nouns."""
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
        return True
    if tok.pos_ == "PROPN" or tok.pos_ == "PRON":
        return True
    if tok.lemma_.lower() in actor_nouns() or tok.lower_ in actor_nouns():
        return True
    return any(
        c.ent_type_ in ("NORP", "GPE", "ORG") and c.dep_ in ("amod", "compound", "poss")
        for c in tok.children
    )


def root_noun_clause(v: "Token") -> bool:
    """A sentence the parser left without a main verb: a noun root with a participle
    that has its own object or a conjoined verb ("Israeli airplanes targeted and destroyed
    a house" parsed as a noun phrase)."""
    head = v.head
    if head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN") or v.i < head.i:
        return False
    return v.tag_ in ("VBD", "VBN") and not any(c.dep_ == "agent" for c in v.children)


# verbs whose object is told what to do ("ordered them to close"): without an object
# before the to-infinitive the clause is a passive with its auxiliary left out
_OBJECT_CONTROL = frozenset({"order", "force", "tell", "instruct", "compel", "urge", "require",
                             "oblige", "direct", "ask", "advise", "summon", "allow", "permit"})


def _gapped_passive(verb: "Token") -> bool:
    """ "A curfew has been imposed, schools ordered to close": "ordered" shares the first
    clause's "have been"; its subject is what was ordered, not who ordered."""
    return (verb.lemma_.lower() in _OBJECT_CONTROL and verb.tag_ in ("VBD", "VBN")
            and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)
            and any(c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to"
                                                for g in c.children) for c in verb.children))


_SAYING = frozenset({"say", "tell", "add", "note", "state", "warn", "insist", "argue"})


def verb_subjects(verb: "Token", depth: int = 0) -> tuple[list["Token"], list["Token"]]:
    """(active subjects, passive subjects) of a verb, inherited through xcomp/conj/advcl."""
    act = [c for c in verb.children if c.dep_ in _SUBJ and c.lower_ != "it" or c.dep_ == "nsubj"]
    act = [c for c in act if c.dep_ != "expl"]
    pas = [c for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass")]
    if act and _gapped_passive(verb):
        return [], act
    if act or pas or depth > 3:
        return act, pas
    if verb.dep_ == "acl" and root_noun_clause(verb):
        return [verb.head], []
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp") and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "pcomp" and head.pos_ == "ADP" and head.head.i != head.i:
            head = head.head  # "responded by carrying out strikes": the responder carries out
        a, p = verb_subjects(head, depth + 1)
        if (verb.dep_ == "conj" and head.dep_ == "ccomp" and a
                and not any(is_actor_like(t) for t in a) and head.head.lemma_ in _SAYING):
            # "X said the devastation was inexcusable and reiterated calls …": the parser
            # joins the second verb to the reported clause; the speaker does it
            a, p = verb_subjects(head.head, depth + 1)
        if verb.dep_ == "conj" and p and not a:
            return [], p
        # "X travelled to Russia but was detained": the shared subject of a passive
        # conjunct is what was done to, not who did it
        if verb.dep_ == "conj" and a and any(c.dep_ == "auxpass" for c in verb.children):
            return [], a
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if verb.dep_ == "xcomp" and objs and any(is_actor_like(c) for c in objs):
            # "urged Israel to stop": the object of the head verb acts ("chose the first
            # week to visit Moscow": a time or a thing does not — the subject does)
            return objs, []
        return a or passive_agents(head), p if not a else []
    return act, pas


def passive_agents(verb: "Token") -> list["Token"]:
    """The objects of a verb's by-phrase: "was struck by the army" → army; the parser may
    hang it on the passive's of-complement ("was accused of lying by the opposition")."""
    out = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if out or not any(c.dep_ == "auxpass" for c in verb.children):
        return out
    return [x for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ in ("pobj", "pcomp")
            for b in g.children if b.dep_ in ("prep", "agent") and b.lower_ == "by"
            for x in b.children if x.dep_ == "pobj" and x.pos_ in ("NOUN", "PROPN")]


def prep_objects(prep: "Token") -> list["Token"]:
    """The objects of a preposition (nouns and clauses): "with Qatar", "after meeting"."""
    return [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]


def _verb_args(hit: PredicateHit) -> Arguments:
    v = hit.token
    doc = v.doc
    table = token_table(doc)  # the children as indices, their labels from the table
    deps, lower = table.dep, table.lower
    kids = children(doc, v.i)
    args = Arguments()
    act, pas = verb_subjects(v)
    agents = passive_agents(v)
    if not agents and deps[v.i] == "conj" and not any(deps[c] in _SUBJ for c in kids):
        agents = passive_agents(v.head)
    # a relative or participle clause: the head noun is the subject (or, passive, the patient)
    if v.dep_ == "acl" and root_noun_clause(v):
        act = [v.head]  # mis-parse "Israeli airplanes targeted …" (noun root + participle)
    elif v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
        rel_act = [t for t in act if t.lower_ in _REL_PRONOUNS]
        rel_pas = [t for t in pas if t.lower_ in _REL_PRONOUNS]
        if rel_act:
            act = [v.head]
        elif rel_pas or (
            not act and (any(deps[c] == "auxpass" for c in kids) or v.tag_ == "VBN")
        ):
            pas = [v.head]
    args.actor = [a for a in act if a.lower_ not in _REL_PRONOUNS] + agents
    args.recipient = [p for p in pas if p.lower_ not in _REL_PRONOUNS]
    for k in kids:
        dep = deps[k]
        if dep in ("dobj", "dative", "obj"):
            if hit.cue is not None and k == hit.cue.i:
                continue
            c = doc[k]
            (args.recipient if is_actor_like(c) else args.topic).append(c)
        elif dep == "prep":
            c = doc[k]
            prep = lower[k]
            objs = prep_objects(c)
            if prep == "between":
                args.actor.extend(objs)
            elif prep == "along" or (
                prep == "with" and any(lower[g] == "along" for g in children(doc, k))
            ):
                args.actor.extend(objs)
            elif prep in ("by", "using", "via") or (
                prep == "with" and hit.type == "ASSAULT" and objs and not is_actor_like(objs[0])
            ):
                args.instrument.extend(objs)
            elif prep in ("about", "over", "regarding", "concerning", "for"):
                args.topic.extend(objs)
            elif prep in _RECIPIENT_PREPS:
                allowed = _RECIPIENT_PREPS[prep]
                if allowed is None or hit.type in allowed:
                    for o in objs:
                        (
                            args.recipient
                            if is_actor_like(o) or hit.type == "ASSAULT"
                            else args.topic
                        ).append(o)
        elif dep in ("xcomp", "ccomp") and hit.type in (
            "AGREE",
            "REQUEST",
            "REJECT",
            "THREATEN",
            "CONCEDE",
        ):
            args.topic.append(doc[k])
    # "Kenya, along with Ethiopia, took part": the "along with" hangs on the subject
    for a in list(args.actor):
        for c in children(doc, a.i):
            if deps[c] == "prep" and lower[c] == "along":
                for g in children(doc, c):
                    if deps[g] == "prep":
                        args.actor.extend(prep_objects(doc[g]))
    return args


_CLAIM_VERBS = frozenset({"claim", "admit", "accept", "take", "assume"})


def _claimants(n: "Token") -> list["Token"]:
    """Who claimed the attack carried it out (by its own word): "X claimed (responsibility
    for) the bombing", "an attack claimed by X"."""
    head = n.head
    if n.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() == "responsibility":
        head = head.head.head  # "claimed responsibility for the blast"
        if head.lemma_.lower() not in _CLAIM_VERBS:
            return []
    elif n.dep_ == "nsubjpass" and head.lemma_.lower() == "claim":
        return passive_agents(head)  # "the bombing was claimed by X"
    elif not (n.dep_ == "dobj" and head.lemma_.lower() == "claim"):
        # "an attack claimed by the group"
        return [a for c in n.children if c.dep_ == "acl" and c.lemma_.lower() == "claim"
                for a in passive_agents(c)]
    if head.pos_ != "VERB":
        return []
    a, _ = verb_subjects(head)
    return [t for t in a if t.lower_ not in _REL_PRONOUNS and t.pos_ != "PRON"] + passive_agents(head)


def _noun_args(hit: PredicateHit) -> Arguments:
    n = hit.token
    args = Arguments()
    patient_first = hit.type in ("RETREAT", "COERCE") or hit.mode in ("abduct", "release", "arrest")
    for c in n.children:
        dep = c.dep_
        if dep == "poss":
            has_of = any(g.dep_ == "prep" and g.lower_ == "of" for g in n.children)
            # "his arrest" is done to him; "Hamas' release of hostages" is done by Hamas
            (args.recipient if patient_first and not has_of else args.actor).append(c)
        elif dep in ("amod", "compound") and (
            c.ent_type_ in ("NORP", "GPE", "ORG") or (c.pos_ == "PROPN" and c.ent_type_ != "DATE")
        ) and not names_event_place(c):
            args.actor.append(c)
        elif dep == "prep":
            prep = c.lower_
            objs = prep_objects(c)
            if prep == "by":
                args.actor.extend(o for o in objs if is_actor_like(o))
                args.instrument.extend(o for o in objs if not is_actor_like(o))
            elif prep == "between":
                args.actor.extend(objs)
            elif prep == "among" and hit.type in ("PROTEST", "CONSULT", "MOBILIZE"):
                args.actor.extend(o for o in objs if is_actor_like(o))  # "protests among X"
            elif prep == "of":
                if hit.type in ("CONSULT", "PROTEST", "MOBILIZE"):
                    args.actor.extend(objs)
                else:
                    args.recipient.extend(
                        o for o in objs if is_actor_like(o) or hit.type == "ASSAULT"
                    )
            elif prep in ("on", "against", "upon", "at", "toward", "towards", "into"):
                args.recipient.extend(objs)
            elif prep == "with" and hit.type in ("CONSULT", "COOPERATE", "AGREE", "ASSAULT"):
                args.recipient.extend(o for o in objs if is_actor_like(o))
            elif prep == "to" and hit.type in ("AID", "CONSULT", "RETREAT", "SUPPORT"):
                args.recipient.extend(o for o in objs if is_actor_like(o))
            elif prep in ("about", "over", "on", "regarding", "for"):
                args.topic.extend(objs)
        elif dep in ("acl", "relcl") and c.lemma_ in (
            "hold",
            "detain",
            "take",
            "kidnap",
            "abduct",
            "capture",
        ):
            pass
    add_holder_as_releaser(hit, args)
    if not args.actor:
        args.actor.extend(_issuers(n))
    # the light verb's subject acts: "Israeli forces launched an airstrike"
    head = n.head
    if (
        not args.actor
        and n.dep_ in ("dobj", "attr", "nsubjpass")
        and head.pos_ in ("VERB", "AUX")
        and head.lemma_ in LIGHT_VERBS
    ):
        a, _ = verb_subjects(head)
        args.actor.extend(t for t in a if t.lower_ not in _REL_PRONOUNS)
        args.actor.extend(passive_agents(head))
    if not args.actor and hit.type == "ASSAULT":
        args.actor.extend(_claimants(n))
    if (
        not args.actor
        and n.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ == "in"
        and head.head.lemma_ in PARTAKE_VERBS
    ):
        verb = head.head
        a, p = verb_subjects(verb)
        for c in verb.children:  # "Kenya, along with Ethiopia, took part in talks"
            if c.dep_ == "prep" and c.lower_ == "along":
                for g in c.children:
                    if g.dep_ == "prep":
                        args.actor.extend(prep_objects(g))
        for t in a + p:
            if t.lower_ not in _REL_PRONOUNS:
                args.actor.append(t)
                for c in t.children:
                    if c.dep_ == "prep" and c.lower_ == "along":
                        for g in c.children:
                            if g.dep_ == "prep":
                                args.actor.extend(prep_objects(g))
    return args


# verbs whose passive participle on an act noun names who did it ("orders issued by X")
_ISSUE_VERBS = frozenset({"issue", "give", "impose", "announce", "declare", "launch",
                          "conduct", "carry", "make", "deliver", "order", "enforce"})
# nouns that count acts: the agent of "a wave of strikes by X" hangs on "wave"
_ACT_COUNTS = frozenset({"round", "wave", "series", "string", "spate", "barrage", "flurry",
                         "number", "set", "slew", "volley", "batch"})


def _issuers(n: "Token") -> list["Token"]:
    """Who did an act named by a noun when the parse hangs the agent elsewhere: its
    participle's by-phrase ("evacuation orders issued by the army") or modifier ("a
    government-imposed blackout"), the noun it modifies
    ("evacuation orders"), the count noun it fills ("a new round of orders by the army")."""
    nouns = [n] + ([n.head] if n.dep_ == "compound" and n.head.pos_ == "NOUN" else [])
    for x in list(nouns):
        if x.dep_ == "pobj" and x.head.lower_ == "of" and x.head.head.lemma_.lower() in _ACT_COUNTS:
            nouns.append(x.head.head)
    for x in nouns:
        for c in x.children:
            if x is not n and c.dep_ == "prep" and c.lower_ == "by":
                found = [o for o in prep_objects(c) if is_actor_like(o)]
                if found:
                    return found
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _ISSUE_VERBS:
                found = [o for o in passive_agents(c) if is_actor_like(o)]
                if found:
                    return found
            # "a government-imposed blackout", "an army-declared curfew"
            if c.dep_ == "amod" and c.tag_ == "VBN" and c.lemma_.lower() in _ISSUE_VERBS:
                found = [g for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod")
                         and is_actor_like(g)]
                if found:
                    return found
    return []


def arguments(hit: PredicateHit) -> Arguments:
    """Actor, recipient, mediator, topic and instrument heads of a predicate."""
    args = _noun_args(hit) if hit.nominal else _verb_args(hit)
    args.actor = with_conjuncts(args.actor)
    args.recipient = [t for t in with_conjuncts(args.recipient) if t not in args.actor]
    args.mediator = with_conjuncts(args.mediator)
    return args


def with_conjuncts(toks: Iterable["Token"]) -> list["Token"]:
    """The heads and their coordinated nouns ("Egypt and Qatar"), each once, in order."""
    out: list["Token"] = []
    for t in toks:
        for c in conjuncts(t):
            if c not in out:
                out.append(c)
    return out


_HOLD_LEMMAS = frozenset({"hold", "detain", "take", "kidnap", "abduct", "capture", "seize"})


def add_holder_as_releaser(hit: PredicateHit, args: Arguments) -> None:
    """ "the release of prisoners held by the rebels": the holder is who releases."""
    if hit.mode != "release" or args.actor:
        return
    for r in args.recipient:
        for c in r.children:
            if c.dep_ in ("acl", "relcl") and c.lemma_ in _HOLD_LEMMAS:
                args.actor.extend(passive_agents(c))

__all__ = [
    "Arguments",
    "add_holder_as_releaser",
    "arguments",
    "root_noun_clause",
    "phrase",
    "conjuncts",
    "is_actor_like",
    "non_agent_nouns",
    "actor_nouns",
    "LIGHT_VERBS",
    "passive_agents",
    "prep_objects",
    "verb_subjects",
    "with_conjuncts",
]
