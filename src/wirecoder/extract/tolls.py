"""Tolls: the dead and injured a clause reports ("killing 3", "3 were killed", "leaving 2
dead", "no casualties"), and totals stated for a whole report ("death toll rose to 9")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .arguments import actor_nouns, with_conjuncts
from .token_table import sentence_of, token_table

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .predicates import PredicateHit

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
    for t in with_conjuncts(toks):
        n = count_of(t)
        if n is not None:
            total += n
            seen = True
    return total if seen else None


# a toll counted over a period or a whole campaign is a claim, never one incident's dead
# (ACLED's conservative rule): "has killed more than N since October", "the war has killed"
_PERIOD_NOUNS = frozenset({
    "war", "campaign", "offensive", "conflict", "fighting", "bombardment", "siege",
    "operation", "operations", "violence", "crackdown", "insurgency", "occupation",
})
_PERIOD_ADVS = frozenset({"so far", "to date", "in total", "overall", "altogether", "throughout"})


def is_period_toll(t: "Token") -> bool:
    """Does the toll told by `t` count a period or a campaign rather than one incident?"""
    kids = list(t.children)
    if any(c.dep_ in ("prep", "advmod") and c.lower_ in ("since", "throughout") for c in kids):
        return True
    # "the war has killed", "the air and ground offensive has killed" (conjoined subjects)
    subjects = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass", "agent")]
    subjects += [g for c in subjects for g in c.children if g.dep_ == "conj"]
    if any(c.lemma_.lower() in _PERIOD_NOUNS for c in subjects):
        return True
    if t.dep_ == "relcl" and t.head.lemma_.lower() in _PERIOD_NOUNS:
        return True  # "a war that has killed N"
    if any(g.lemma_.lower() in _PERIOD_NOUNS for c in kids if c.dep_ == "agent"
           for g in c.children if g.dep_ == "pobj"):
        return True
    sent = sentence_of(t.doc, t.i)  # Token.sent walks the sentence on every call
    window = " ".join(token_table(t.doc).lower[sent.start:sent.end])
    return any(f" {a} " in f" {window} " for a in _PERIOD_ADVS) and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have") for c in kids)


_KILL_VERBS = frozenset({"kill", "wound", "injure", "displace", "claim"})


_COUNTLESS = frozenset({"numerous", "dozens", "hundreds", "thousands", "scores", "countless",
                        "many", "several", "multiple", "repeated", "frequent"})


def _counted(noun: "Token") -> bool:
    """A plural told with a count ("200 missiles", "dozens of attacks", "numerous strikes")."""
    if noun.tag_ not in ("NNS", "NNPS") and noun.lower_ not in _COUNTLESS:
        return False
    if noun.lower_ in _COUNTLESS:
        return True
    return any(c.dep_ in ("nummod", "amod", "quantmod") and (c.like_num or c.lower_ in _COUNTLESS)
               for c in noun.children)


def is_attack_tally(t: "Token") -> bool:
    """ "the group has fired more than 200 rockets at Israel since October", "the 200
    missiles the rebels have launched since October", "have attacked the town three times
    since Monday": a count of attacks over a period — a tally, not one incident."""
    if t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ == "of" \
            and t.head.head.dep_ == "dobj":
        t = t.head.head  # "carried out dozens of attacks": the measure is the object
    if t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.pos_ == "VERB":
        return is_attack_tally(t.head)  # "have carried out numerous attacks since October"
    if t.pos_ not in ("VERB", "AUX"):
        return False
    kids = list(t.children)
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in kids)
    since = any(c.dep_ in ("prep", "advmod") and c.lower_ in ("since", "throughout") for c in kids)
    times = any(c.dep_ == "npadvmod" and c.lower_ == "times" for c in kids)
    if perfect and times:
        return True  # "has targeted civilians about 200 times in the same period"
    if not (perfect and since):
        return False
    objects = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")]
    if t.dep_ == "relcl":
        objects.append(t.head)  # "the 200 missiles [the group has launched]"
    return any(_counted(o) for o in objects)


def is_undated_campaign(t: "Token") -> bool:
    """ "have responded by carrying out strikes on Houthi targets", "has stepped up its
    attacks against the peninsula": acts in the plural told in the present perfect with no
    day, place count or toll of their own — a campaign summed up, not one incident."""
    noun = t if t.pos_ == "NOUN" else None
    verb = t
    if noun is not None:
        if noun.tag_ != "NNS" or any(c.dep_ in ("nummod", "poss") and c.like_num for c in noun.children):
            return False
        verb = noun.head
        while verb.dep_ in ("prep", "pobj") and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ == "pcomp":  # "by carrying out strikes"
            verb = verb.head.head if verb.head.dep_ == "prep" else verb.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX"):
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    chain = [verb] + ([verb.head] if verb.dep_ in ("xcomp", "pcomp", "advcl") else [])
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have") for v in chain for c in v.children)
    if not perfect:
        return False
    scope = list(verb.subtree)
    dated = any(x.ent_type_ in ("DATE", "TIME") for x in scope)
    counted = any(x.like_num and x.ent_type_ in ("CARDINAL", "") for x in scope)
    return not dated and not counted and (noun is not None or any(
        c.dep_ == "dobj" and c.tag_ == "NNS" for c in verb.children))


def is_campaign_summary(t: "Token") -> bool:
    """ "Israel's offensive has killed more than 38,000 people", "a war that has killed N":
    the running toll of a campaign — a claim, not an incident the article reports."""
    if t.lemma_.lower() in _KILL_VERBS:
        return is_period_toll(t)
    if t.lemma_.lower() in _PERIOD_NOUNS:
        head = t.head
        while t.dep_ == "conj" and head.dep_ in ("nsubj", "nsubjpass", "conj"):
            t, head = head, head.head  # "the air and ground offensive has killed"
        if t.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in _KILL_VERBS:
            return is_period_toll(head)
        return any(c.dep_ == "relcl" and c.lemma_.lower() in _KILL_VERBS and is_period_toll(c)
                   for c in t.children)
    return False


def toll_of(verb_or_noun: "Token") -> tuple[int | None, int | None]:
    """(dead, injured) told by one outcome token: "killing 3", "3 were killed", "leaving
    2 dead", "resulting in 2 fatalities", "no casualties". A period or campaign toll
    (is_period_toll) gives none: it is a claim."""
    t = verb_or_noun
    if is_period_toll(t):
        return None, None
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


def is_period_sentence(sent: "Span") -> bool:
    """A sentence that counts over a war, a campaign or since a date ("the war's death toll
    rose to N", "N have died since October"): its figure is a running total."""
    table = token_table(sent.doc)
    return any(lemma in _PERIOD_NOUNS or lower in ("since", "throughout")
               for lemma, lower in zip(table.lemma[sent.start:sent.end],
                                       table.lower[sent.start:sent.end]))


_UPPER_BOUNDS = frozenset({"under", "below", "fewer", "less", "up", "maximum", "most"})


def _upper_bound(num: "Token") -> bool:
    """ "puts the deaths at under 100", "fewer than 50", "up to 30": a ceiling, not a count —
    ACLED's conservative toll never takes it."""
    return any(c.lower_ in _UPPER_BOUNDS for c in num.lefts)


def stated_toll(sent: "Span") -> int | None:
    """An explicit statement of how many died in the event told: "the death toll rose to 12",
    "total fatalities stand at 4", "12 fatalities were attributed to this event" (data-coder
    phrasing: "fatalities coded as 6"). Such a statement overrides counts from the clauses.
    A running total (is_period_sentence) is none: it is a claim."""
    if is_period_sentence(sent):
        return None
    table = token_table(sent.doc)  # a Token only for the toll nouns
    for t in (sent.doc[i] for i in range(sent.start, sent.end) if table.lemma[i] in _TOLL_NOUNS
              and table.pos[i] in ("NOUN", "PROPN", "ADJ")):
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
                                target = None if _upper_bound(g) else number_of(g)
                            elif g.lower_ in ("event", "incident", "attack", "location") and any(
                                d.lower_ in ("this", "the") for d in g.children
                            ):
                                target = -1  # "… coded to this event": own count is the toll
                            else:
                                for gg in g.children:
                                    if gg.dep_ == "nummod":
                                        target = number_of(gg)
                if c.dep_ in ("dobj", "oprd", "attr") and c.like_num and not _upper_bound(c):
                    target = number_of(c)
            if target == -1 and own is not None:
                return own
            if target is not None and target >= 0:
                return target
    return None


def clause_toll(hit: "PredicateHit", own: list["Token"], outcomes: list["PredicateHit"],
                predicates: dict[int, "PredicateHit"]) -> tuple[int | None, int | None]:
    """(dead, injured) an attack's clause reports: the predicate's own toll, its outcomes'
    ("…, killing 3"), toll nouns among its `own` tokens and participial outcomes the lexicon
    does not hold ("leaving 3 dead"); `predicates` (token index → hit) are the others."""
    dead = inj = None

    def add(d: int | None, i: int | None) -> None:
        nonlocal dead, inj
        if d is not None:
            dead = d if dead is None else dead + d
        if i is not None:
            inj = i if inj is None else inj + i

    if not hit.nominal:
        add(*toll_of(hit.token))
    for o in outcomes:
        if o.token.lemma_ == "leave":
            add(*leave_toll(o.token))
        else:
            add(*toll_of(o.token))
    seen = {o.token.i for o in outcomes}
    for t in own:
        if t.i == hit.token.i or t.i in seen:
            continue
        if t.pos_ in ("NOUN", "ADJ") and t.lemma_.lower() in (
            "fatality",
            "death",
            "casualty",
            "injury",
            "dead",
            "injured",
            "wounded",
        ):
            add(*toll_of(t))
    # participial outcomes not in the lexicon: "leaving 3 dead", "resulting in 2 deaths"
    for c in hit.token.children:
        if (
            c.dep_ in ("advcl", "xcomp", "conj")
            and c.lemma_ in ("leave", "result", "cause")
            and c.i not in predicates
        ):
            if c.lemma_ == "leave":
                add(*leave_toll(c))
            for g in c.subtree:
                if (
                    g.lemma_.lower() in ("fatality", "death", "casualty", "injury")
                    and g.i != c.i
                ):
                    add(*toll_of(g))
    return dead, inj


__all__ = [
    "is_undated_campaign", "is_attack_tally", "is_campaign_summary", "number_of", "count_of", "toll_of", "is_period_toll",
           "is_period_sentence", "leave_toll", "stated_toll", "clause_toll"]
