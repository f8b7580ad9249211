"""Status of a French event from its predicate: negation ("ne … pas", "aucun"), modality
(conditional mood, "pouvoir"/"devoir" + infinitive, "éventuel"), plans (future tense,
"aller" + infinitive, "prévoir de"), habitual background ("historiquement",
"traditionnellement") and the present tense of an action still going on ("l'armée pilonne la ville")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...schema import Status

if TYPE_CHECKING:
    from spacy.tokens import Token

_NEG = frozenset({"pas", "jamais", "nullement", "guère", "aucun", "aucune"})
_POSSIBLE_HEADS = frozenset({"pouvoir", "devoir", "risquer", "sembler", "paraître"})
_POSSIBLE_MODS = frozenset({"éventuel", "éventuelle", "éventuels", "éventuelles", "possible",
                            "possibles", "potentiel", "potentielle", "potentiels", "hypothétique",
                            "probable", "peut-être", "eventuel"})
_PLAN_HEADS = frozenset({"prévoir", "envisager", "projeter", "vouloir", "compter", "aller",
                         "promettre", "menacer", "planifier", "préparer", "chercher",
                         "tenter", "espérer", "souhaiter", "proposer", "appeler", "exiger",
                         "réclamer", "demander", "négocier", "discuter"})
_HABITUAL = frozenset({"historiquement", "traditionnellement", "habituellement",
                       "généralement", "d'ordinaire", "toujours", "régulièrement"})


def _chain(tok: Token, limit: int = 4) -> list[Token]:
    """The predicate and the verbs governing it (xcomp, ccomp, obj of a noun …)."""
    out = [tok]
    cur = tok
    for _ in range(limit):
        if cur.head.i == cur.i or cur.dep_ not in ("xcomp", "ccomp", "obj", "nmod", "obl:arg",
                                                   "acl", "obl:mod"):
            break
        cur = cur.head
        out.append(cur)
    return out


def _present(verb: Token) -> bool:
    """A present-tense form: from the morphology, or from the ending of an -er verb (the
    tagger reads some, "négocie", as infinitives)."""
    m = verb.morph
    if "Pres" in m.get("Tense", []) and "Fin" in m.get("VerbForm", []):
        return True
    low, lemma = verb.lower_, verb.lemma_.lower()
    return lemma.endswith("er") and low != lemma and low.endswith(("e", "es", "ent")) and \
        not low.endswith(("ée", "ées"))


def event_status(pred: Token, nominal: bool = False) -> Status:
    """The status of the event a predicate (verb or event noun) tells."""
    sent = pred.sent
    if any(t.lower_ in _HABITUAL for t in sent):
        return Status.historical
    kids = list(pred.children)
    if any(c.lower_ in _NEG and c.dep_ in ("advmod", "det") for c in kids) or \
            any(c.lower_ in ("ne", "n'", "n’") for c in kids):
        return Status.negated
    if nominal and any(c.lower_ in _POSSIBLE_MODS for c in kids if c.dep_ == "amod"):
        return Status.possible
    for v in _chain(pred):
        if v.i == pred.i and nominal:
            continue
        morph = v.morph
        auxes = [c for c in v.children if c.dep_.startswith("aux")]
        own = v.i == pred.i
        if "Cnd" in morph.get("Mood", []) or any("Cnd" in a.morph.get("Mood", []) for a in auxes):
            return Status.possible
        if not own and v.lemma_ in _POSSIBLE_HEADS:
            return Status.possible
        if "Fut" in morph.get("Tense", []) or any("Fut" in a.morph.get("Tense", []) for a in auxes):
            return Status.planned
        if not own and v.lemma_ in _PLAN_HEADS:
            return Status.planned
        if any(a.lemma_ == "aller" and "Pres" in a.morph.get("Tense", []) for a in auxes):
            return Status.planned
    if not nominal and pred.pos_ == "VERB" and _present(pred) and \
            not any(c.dep_.startswith("aux") for c in pred.children):
        return Status.ongoing  # a simple present with no auxiliary: still going on
    return Status.occurred


__all__ = ["event_status"]
