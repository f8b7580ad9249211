"""Clauses that name an act which is not one: an act told as missing ("without talks"),
time served, advice to the public at large, agreeing with a view, the writer's reading of
an act, a campaign's effect. Each test takes the candidate's predicate token; reportability
asks them in turn."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .token_table import sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Token


_ABSENCE_NOUNS = frozenset({"lack", "absence", "dearth"})


def absent_act(tok: "Token") -> bool:
    """ "without talks between the two sides", "absent negotiations", "the lack of
    negotiations": an act named as missing did not happen."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "amod" and c.lower_ == "absent" for c in tok.children):
        return True  # "absent negotiations" (the parser's adjective)
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ in ("without", "absent"):
        return True
    return prep.lower_ == "of" and prep.head.lemma_.lower() in _ABSENCE_NOUNS


def time_served(tok: "Token") -> bool:
    """ "the time he has spent in detention", "served ten years in prison": a stay measured,
    not an arrest or a jailing that happens."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return False
    verb = tok.head.head
    return verb.lemma_.lower() in ("spend", "serve") and verb.pos_ == "VERB"


# addressees that are everyone: advice to them is a public service message, not a demand
# on a party ("urged people to stay calm", "asking parents to talk to their children")
_PUBLIC = frozenset({"people", "public", "reader", "viewer", "listener", "parent", "everyone",
                     "everybody", "anyone", "anybody", "consumer", "traveler", "traveller",
                     "motorist", "driver", "user", "customer", "fan", "shopper", "visitor",
                     "individual", "person", "household", "family", "country"})
# "the public" is everyone; "the country", "the parents" point back to a party told before


def public_advice(tok: "Token") -> bool:
    """A request addressed only to the public at large (its object, or the object of "call
    on")."""
    kids = list(tok.children)
    addressees = [c for c in kids if c.dep_ in ("dobj", "dative")]
    addressees += [g for c in kids if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                   for g in c.children if g.dep_ == "pobj"]
    # "asked parents to talk …": the parser may make the addressee the clause's subject
    addressees += [g for c in kids if c.dep_ in ("xcomp", "ccomp") for g in c.children
                   if g.dep_ == "nsubj"]
    # a named or counted group is a party: "Israeli people", "the two countries", "its users"
    return bool(addressees) and all(
        a.lemma_.lower() in _PUBLIC and not any(
            c.dep_ in ("compound", "amod", "poss", "nummod", "appos", "conj")
            or (c.dep_ == "det" and c.lower_ not in ("all", "any")
                and not (c.lower_ == "the" and a.lower_ == "public"))
            for c in a.children)
        for a in addressees)


_UNDERTAKING_AUX = frozenset({"will", "would", "should", "shall", "must", "could", "can"})


_DEGREES = frozenset({"largely", "partly", "partially", "mostly", "broadly", "fully",
                      "completely", "entirely", "wholeheartedly", "somewhat", "generally"})
_VIEW_NOUNS = frozenset({"view", "assessment", "sentiment", "position", "analysis",
                         "argument", "point", "opinion", "statement", "conclusion", "finding",
                         "criticism", "characterization", "description", "premise"})


def shared_view(tok: "Token") -> bool:
    """ "The senator agrees that the law is unfair": agreeing with a view is an opinion; an
    agreement binds someone to act ("agreed that talks would resume", "agreed to a truce")."""
    if tok.lemma_.lower() != "agree":
        return False
    kids = list(tok.children)
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in ("to", "on", "upon"))
           for c in kids):
        return False
    withs = [g for c in kids if c.dep_ == "prep" and c.lower_ == "with"
             for g in c.children if g.dep_ == "pobj"]
    if withs:
        # "largely agreed with her neighbour", "agrees with that assessment": sharing a
        # person's view; "agreed with Hamas on a truce" binds (the "on" above)
        return any(c.dep_ == "advmod" and c.lower_ in _DEGREES for c in kids) or all(
            g.ent_type_ == "PERSON" or g.pos_ == "PRON" or g.lemma_.lower() in _VIEW_NOUNS
            for g in withs)
    views = [c for c in kids if c.dep_ == "ccomp"]
    return bool(views) and not any(g.dep_ == "aux" and g.lower_ in _UNDERTAKING_AUX
                                   for v in views for g in v.children)


_INTERPRETIVE = frozenset({"essentially", "effectively", "basically", "virtually",
                           "practically", "de facto"})


def interpretation(tok: "Token") -> bool:
    """ "He is essentially asking Ukraine to give up territory": the writer's reading of
    what someone does, not an act told."""
    return any(c.dep_ == "advmod" and c.lower_ in _INTERPRETIVE for c in tok.children)


_CAMPAIGN_EFFECTS = frozenset({"force", "cause", "prompt", "disrupt", "lead", "push", "drive",
                               "raise", "fuel", "spark", "trigger", "affect", "hamper", "halt",
                               "reduce", "increase", "cost", "slow", "deter", "complicate"})


def campaign_effect(tok: "Token") -> bool:
    """ "The Houthi attacks in the Red Sea have forced shipping firms to reroute": many acts
    named by a plural noun, subject of a perfect that tells their effect with no date — a
    campaign's consequence, not an incident."""
    if tok.tag_ != "NNS" or tok.dep_ != "nsubj":
        return False
    verb = tok.head
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    # (a toll is told of an incident: "gun attacks have left seven dead" is one)
    if not perfect or verb.tag_ != "VBN" or verb.lemma_.lower() not in _CAMPAIGN_EFFECTS:
        return False
    sent = sentence_of(tok.doc, tok.i)
    return not any(t.ent_type_ in ("DATE", "TIME") for t in sent)


_PLEDGES = frozenset({"promise", "pledge", "vow"})


def standing_pledge(tok: "Token") -> bool:
    """ "Trump has vowed to bring back mining jobs", "Clinton is promising lower taxes": a
    candidate's standing promise to the public — no party it binds itself to, no day it was
    made — is a position, not an agreement (PLOVER AGREE promises cooperation to someone).
    "pledged $50m to Ukraine on Monday", "has promised Kyiv more jets" stay AGREE."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _PLEDGES:
        return False
    kids = list(tok.children)
    aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    perfect = bool(aux & {"has", "have", "'ve"})
    progressive = tok.tag_ == "VBG" and bool(aux & {"is", "are", "am", "'s", "'re"})
    if not (perfect or progressive or tok.tag_ in ("VBZ", "VBP")):
        return False
    if any(c.dep_ in ("dative", "iobj") for c in kids):
        return False  # "promised Kyiv more jets"
    if any(c.dep_ == "prep" and c.lower_ in ("to", "with") for c in kids):
        return False  # "pledged $50m to Ukraine"
    if any(c.dep_ == "dobj" and (c.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
                                 or c.pos_ == "PROPN") for c in kids):
        return False  # "has promised Zelensky …" parsed as an object
    if any(t.ent_type_ in ("DATE", "TIME") for c in kids
           if c.dep_ in ("prep", "npadvmod", "advmod") for t in c.subtree):
        return False
    # a person's promise whose content names no other party ("to bring back mining jobs");
    # a state's ("Ruritania has promised to withdraw its troops") or one naming another
    # party ("to send more weapons to Ukraine") is an undertaking
    subj = [c for c in kids if c.dep_ == "nsubj"]
    if not subj or not all(c.ent_type_ == "PERSON" or c.pos_ == "PRON" for c in subj):
        return False
    return not any(t.ent_type_ in _PARTIES or t.pos_ == "PROPN" for c in kids
                   if c.dep_ in ("xcomp", "dobj", "ccomp") for t in c.subtree)


_PARTIES = frozenset({"GPE", "ORG", "NORP", "PERSON", "FAC", "LOC"})


__all__ = ["absent_act", "campaign_effect", "interpretation", "public_advice", "shared_view",
           "standing_pledge", "time_served"]
