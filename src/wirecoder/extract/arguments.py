"""Arguments of a predicate from the dependency parse: who acted, on whom, who mediated,
and the toll (dead/injured) the clause reports. Phrases only — actor ids come from the
ActorTable (events.py calls `resolve_span` on every phrase returned here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from .predicates import PredicateHit, _load_yaml

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
    }
)
# verbs of taking part: "X was involved in talks" → X is an actor of the talks
PARTAKE_VERBS = frozenset({"involve", "participate", "take", "join", "engage", "attend"})
# numbers written as words
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a": 1,
    "an": 1,
    "single": 1,
    "both": 2,
    "dozen": 12,
}
_SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_DEATH_VERBS = frozenset({"kill", "die", "murder", "slay", "execute", "assassinate", "massacre"})
_INJURY_VERBS = frozenset({"injure", "wound", "hurt", "maim"})
_DEATH_NOUNS = frozenset({"fatality", "death", "dead", "killed", "body", "martyr"})
_INJURY_NOUNS = frozenset({"injury", "injured", "wounded", "injure"})
_NO_WORDS = frozenset({"no", "zero", "none"})
_VAGUE = frozenset(
    {
        "dozens",
        "hundreds",
        "thousands",
        "scores",
        "number",
        "lot",
        "lots",
        "several",
        "many",
        "some",
        "few",
        "tens",
        "unspecified",
        "unknown",
    }
)


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
    data = _load_yaml("predicates.yaml")
    return frozenset(str(w).lower() for w in (data.get("actor_nouns") or []))


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
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in ("punct", "cc", "prep", "advmod") and c.i == tok.left_edge.i:
            continue
        start = min(start, c.left_edge.i)
    end = tok.i
    for c in tok.rights:
        if c.dep_ in ("compound", "flat", "nummod", "appos", "case") or (
            c.dep_ == "prep" and c.lower_ == "of"
        ):
            end = max(end, c.right_edge.i)
        elif (
            c.dep_ == "punct"
            and c.i == end + 1
            and any(r.dep_ == "appos" and r.i > c.i for r in tok.rights)
        ):
            continue
        else:
            break
    while end > start and doc[end].is_punct:
        end -= 1
    while start < end and doc[start].is_punct:
        start += 1
    return doc[start : end + 1]


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


def _subjects(verb: "Token", depth: int = 0) -> tuple[list["Token"], list["Token"]]:
    """(active subjects, passive subjects) of a verb, inherited through xcomp/conj/advcl."""
    act = [c for c in verb.children if c.dep_ in _SUBJ and c.lower_ != "it" or c.dep_ == "nsubj"]
    act = [c for c in act if c.dep_ != "expl"]
    pas = [c for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass")]
    if act or pas or depth > 3:
        return act, pas
    if verb.dep_ == "acl" and root_noun_clause(verb):
        return [verb.head], []
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp") and verb.head.i != verb.i:
        head = verb.head
        a, p = _subjects(head, depth + 1)
        if verb.dep_ == "conj" and p and not a:
            is_passive = any(c.dep_ == "auxpass" for c in verb.children)
            return ([], p) if is_passive or head.dep_ else ([], p)
        if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children):
            # "urged Israel to stop": the object of the head verb acts
            return [c for c in head.children if c.dep_ == "dobj"], []
        return a or _agents(head), p if not a else []
    return act, pas


def _agents(verb: "Token") -> list["Token"]:
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _pobj(prep: "Token") -> list["Token"]:
    return [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]


def _verb_args(hit: PredicateHit) -> Arguments:
    v = hit.token
    args = Arguments()
    act, pas = _subjects(v)
    agents = _agents(v)
    if not agents and v.dep_ == "conj" and not any(c.dep_ in _SUBJ for c in v.children):
        agents = _agents(v.head)
    # a relative or participle clause: the head noun is the subject (or, passive, the patient)
    if v.dep_ == "acl" and root_noun_clause(v):
        act = [v.head]  # mis-parse "Israeli airplanes targeted …" (noun root + participle)
    elif v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
        rel_act = [t for t in act if t.lower_ in _REL_PRONOUNS]
        rel_pas = [t for t in pas if t.lower_ in _REL_PRONOUNS]
        if rel_act:
            act = [v.head]
        elif rel_pas or (
            not act and (any(c.dep_ == "auxpass" for c in v.children) or v.tag_ == "VBN")
        ):
            pas = [v.head]
    args.actor = [a for a in act if a.lower_ not in _REL_PRONOUNS] + agents
    args.recipient = [p for p in pas if p.lower_ not in _REL_PRONOUNS]
    for c in v.children:
        dep = c.dep_
        if dep in ("dobj", "dative", "obj"):
            if hit.cue is not None and c.i == hit.cue.i:
                continue
            (args.recipient if is_actor_like(c) else args.topic).append(c)
        elif dep == "prep":
            prep = c.lower_
            objs = _pobj(c)
            if prep == "between":
                args.actor.extend(objs)
            elif prep == "along" or (
                prep == "with" and any(g.lower_ == "along" for g in c.children)
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
            args.topic.append(c)
    # "Kenya, along with Ethiopia, took part": the "along with" hangs on the subject
    for a in list(args.actor):
        for c in a.children:
            if c.dep_ == "prep" and c.lower_ == "along":
                for g in c.children:
                    if g.dep_ == "prep":
                        args.actor.extend(_pobj(g))
    return args


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
        ):
            args.actor.append(c)
        elif dep == "prep":
            prep = c.lower_
            objs = _pobj(c)
            if prep == "by":
                args.actor.extend(o for o in objs if is_actor_like(o))
                args.instrument.extend(o for o in objs if not is_actor_like(o))
            elif prep == "between":
                args.actor.extend(objs)
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
    # the light verb's subject acts: "Israeli forces launched an airstrike"
    head = n.head
    if (
        not args.actor
        and n.dep_ in ("dobj", "attr", "nsubjpass")
        and head.pos_ in ("VERB", "AUX")
        and head.lemma_ in LIGHT_VERBS
    ):
        a, _ = _subjects(head)
        args.actor.extend(t for t in a if t.lower_ not in _REL_PRONOUNS)
        args.actor.extend(_agents(head))
    if (
        not args.actor
        and n.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ == "in"
        and head.head.lemma_ in PARTAKE_VERBS
    ):
        verb = head.head
        a, p = _subjects(verb)
        for c in verb.children:  # "Kenya, along with Ethiopia, took part in talks"
            if c.dep_ == "prep" and c.lower_ == "along":
                for g in c.children:
                    if g.dep_ == "prep":
                        args.actor.extend(_pobj(g))
        for t in a + p:
            if t.lower_ not in _REL_PRONOUNS:
                args.actor.append(t)
                for c in t.children:
                    if c.dep_ == "prep" and c.lower_ == "along":
                        for g in c.children:
                            if g.dep_ == "prep":
                                args.actor.extend(_pobj(g))
    return args


def arguments(hit: PredicateHit) -> Arguments:
    """Actor, recipient, mediator, topic and instrument heads of a predicate."""
    args = _noun_args(hit) if hit.nominal else _verb_args(hit)
    args.actor = _expand(args.actor)
    args.recipient = [t for t in _expand(args.recipient) if t not in args.actor]
    args.mediator = _expand(args.mediator)
    return args


def _expand(toks: Iterable["Token"]) -> list["Token"]:
    out: list["Token"] = []
    for t in toks:
        for c in conjuncts(t):
            if c not in out:
                out.append(c)
    return out


# ---------------------------------------------------------------- tolls (dead / injured)


def number_of(tok: "Token") -> int | None:
    """The integer a number token (or its number modifiers) says: "1,400", "12", "two",
    "three hundred"; None for vague counts ("dozens", "several")."""
    text = tok.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    if text in _WORDS and text not in ("a", "an"):
        value = _WORDS[text]
        for c in tok.children:
            if c.dep_ in ("compound", "nummod") and c.lower_ in _WORDS:
                value = _WORDS[c.lower_] * value if value in (100,) else value
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ in _SCALE:
            value *= _SCALE[nxt.lower_]
        return value
    if text in _SCALE:
        prev = [c for c in tok.children if c.dep_ in ("compound", "nummod", "quantmod")]
        for p in prev:
            n = number_of(p)
            if n is not None:
                return n * _SCALE[text]
    return None


def count_of(noun: "Token") -> int | None:
    """How many people a noun phrase counts: its number modifier, the number itself, 0 for
    "no …", 1 for a singular person or a name; None when vague ("dozens", "civilians")."""
    if noun.like_num or noun.lower_ in _WORDS:
        return number_of(noun)
    for c in noun.children:
        if c.dep_ == "nummod":
            n = number_of(c)
            if n is not None:
                return n
        if c.dep_ == "det" and c.lower_ in _NO_WORDS:
            return 0
    if noun.lower_ in _VAGUE:
        return None  # "dozens of people", "a number of civilians"
    one = any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in noun.children)
    if one and noun.pos_ == "ADJ" and noun.dep_ in ("pobj", "dobj", "nsubjpass"):
        return 1  # "the death of a Palestinian"
    if (
        noun.tag_ in ("NN", "NNP")
        and noun.ent_type_ not in ("GPE", "LOC", "ORG", "FAC")
        and (noun.ent_type_ in ("PERSON", "NORP") or noun.lemma_.lower() in actor_nouns() or one)
    ):
        if noun.lemma_.lower() in (
            "people",
            "family",
            "group",
            "population",
            "crowd",
            "force",
            "army",
        ):
            return None
        if noun.ent_type_ == "NORP" and not one:
            return None
        return 1
    return None


def _sum_conj(toks: list["Token"]) -> int | None:
    total, seen = 0, False
    for t in _expand(toks):
        n = count_of(t)
        if n is not None:
            total += n
            seen = True
    return total if seen else None


def toll_of(verb_or_noun: "Token") -> tuple[int | None, int | None]:
    """(dead, injured) told by one outcome token: "killing 3", "3 were killed", "leaving
    2 dead", "resulting in 2 fatalities", "no casualties"."""
    t = verb_or_noun
    lemma = t.lemma_.lower()
    shot_dead = t.pos_ == "VERB" and any(
        c.lower_ == "dead" and c.dep_ in ("acomp", "oprd", "advmod", "xcomp", "dobj")
        for c in t.children
    )
    if shot_dead:  # "shot dead three farmers", "were shot dead"
        objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ != "dead"]
        return (_sum_conj(objs) if objs else None), None
    if t.pos_ in ("VERB", "AUX") and (lemma in _DEATH_VERBS or lemma in _INJURY_VERBS):
        objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
        if not objs and t.dep_ in ("relcl", "acl") and t.tag_ == "VBN":
            objs = [t.head]
        if not objs and t.dep_ == "conj":  # "targeted and killed the commander"
            objs = [c for c in t.head.children if c.dep_ in ("dobj", "nsubjpass")]
        if lemma == "die":
            objs = [c for c in t.children if c.dep_ == "nsubj"]
        n = _sum_conj(objs) if objs else None
        return (n, None) if lemma in _DEATH_VERBS else (None, n)
    if t.pos_ in ("NOUN", "ADJ", "PROPN", "VERB"):
        n = None
        for c in t.children:
            if c.dep_ in ("nummod",):
                n = number_of(c)
            elif c.dep_ == "det" and c.lower_ in _NO_WORDS:
                n = 0
            elif c.dep_ == "amod" and c.lower_ in ("no",):
                n = 0
        if n is None and lemma in ("death", "killing", "injury", "murder"):
            # "resulting in the death of a farmer / of at least 4"
            ofs = [
                g
                for c in t.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            n = _sum_conj(ofs) if ofs else None
            if lemma == "injury":
                return None, n
        if lemma in _DEATH_NOUNS or t.lower_ in _DEATH_NOUNS or lemma in ("killing", "murder"):
            return n, None
        if lemma in _INJURY_NOUNS or t.lower_ in _INJURY_NOUNS:
            return None, n
        if lemma in ("casualty",) and n == 0:
            return 0, 0
    return None, None


def leave_toll(tok: "Token") -> tuple[int | None, int | None]:
    """ "leaving 3 dead", "3 people dead": a number modifying people with a death word."""
    dead = inj = None
    for c in tok.children:
        if c.dep_ in ("dobj", "oprd", "ccomp", "xcomp", "acomp", "npadvmod", "attr"):
            for w in [c] + list(c.children):
                if w.lower_ in ("dead", "killed"):
                    n = count_of(c) if w is not c else None
                    if n is None:
                        for g in c.children:
                            if g.dep_ in ("nsubj", "dobj", "npadvmod"):
                                n = count_of(g)
                    dead = n if n is not None else dead
                if w.lower_ in ("injured", "wounded"):
                    n = count_of(c) if w is not c else None
                    inj = n if n is not None else inj
    return dead, inj


_HOLD_LEMMAS = frozenset({"hold", "detain", "take", "kidnap", "abduct", "capture", "seize"})


def add_holder_as_releaser(hit: PredicateHit, args: Arguments) -> None:
    """ "the release of prisoners held by the rebels": the holder is who releases."""
    if hit.mode != "release" or args.actor:
        return
    for r in args.recipient:
        for c in r.children:
            if c.dep_ in ("acl", "relcl") and c.lemma_ in _HOLD_LEMMAS:
                args.actor.extend(_agents(c))

__all__ = [
    "Arguments",
    "add_holder_as_releaser",
    "arguments",
    "stated_toll",
    "root_noun_clause",
    "phrase",
    "conjuncts",
    "is_actor_like",
    "actor_nouns",
    "number_of",
    "count_of",
    "toll_of",
    "leave_toll",
    "LIGHT_VERBS",
]


# ------------------------------------------------------------ stated totals

_TOLL_NOUNS = frozenset({"fatality", "death", "toll", "casualty", "dead"})
# ("cod": the small English model lemmatises "coded" so)
_ASSIGN_VERBS = frozenset(
    {
        "code",
        "cod",
        "attribute",
        "add",
        "assign",
        "count",
        "record",
        "put",
        "stand",
        "rise",
        "reach",
        "climb",
        "estimate",
    }
)


def stated_toll(sent: "Span") -> int | None:
    """An explicit statement of how many died in the event told: "the death toll rose to 12",
    "total fatalities stand at 4", "12 fatalities were attributed to this event" (data-coder
    phrasing: "fatalities coded as 6"). Such a statement overrides counts from the clauses."""
    for t in sent:
        if t.lemma_.lower() not in _TOLL_NOUNS or t.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        # the verb the toll noun hangs on, or an acl/relcl of it ("fatalities coded as 12")
        verbs = [c for c in t.children if c.dep_ in ("acl", "relcl") and c.lemma_ in _ASSIGN_VERBS]
        slot = t
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in _VAGUE:
            slot = t.head.head  # "a toll of fatalities put at 12"
            verbs += [
                c for c in slot.children if c.dep_ in ("acl", "relcl") and c.lemma_ in _ASSIGN_VERBS
            ]
        if slot.head.lemma_ in _ASSIGN_VERBS and slot.dep_ in ("nsubj", "nsubjpass", "dobj"):
            verbs.append(slot.head)
        for v in verbs:
            own = None
            for c in t.children:
                if c.dep_ == "nummod":
                    own = number_of(c)
            target = None
            for c in v.children:
                if c.dep_ == "prep" and c.lower_ in ("as", "at", "to"):
                    for g in c.children:
                        if g.dep_ == "pobj":
                            if g.like_num:
                                target = number_of(g)
                            elif g.lower_ in ("event", "incident", "attack", "location") and any(
                                d.lower_ in ("this", "the") for d in g.children
                            ):
                                target = -1  # "… coded to this event": own count is the toll
                            else:
                                for gg in g.children:
                                    if gg.dep_ == "nummod":
                                        target = number_of(gg)
                if c.dep_ in ("dobj", "oprd", "attr") and c.like_num:
                    target = number_of(c)
            if target == -1 and own is not None:
                return own
            if target is not None and target >= 0:
                return target
    return None
