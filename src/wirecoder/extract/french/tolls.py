"""Tolls of French events: the dead and injured a clause tells ("…, tuant 3 civils",
"faisant au moins 1 mort", "ont tué 2 combattants", "4 civils ont été blessés") and the ACLED
convention "nombre indéterminé de morts, codé 7" (the coded figure wins)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..coref import doc_text
from .lexicon import mapping, words
from .numbers import figures

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_KILL = frozenset({"tuer", "abattre", "exécuter", "massacrer"})
_INJURE = frozenset({"blesser"})
_CAUSE = frozenset({"faire", "causer", "provoquer", "entraîner", "coûter"})


def _quantity_of(noun_lemma: str) -> str | None:
    for quantity, nouns in mapping("claim_cues", "quantity_nouns").items():
        if noun_lemma in {str(n).lower() for n in nouns}:
            return str(quantity)
    return None


def _count(noun: Token) -> int | None:
    """The figure counting a noun: '3 civils', 'au moins 1 mort', 'un Palestinien'."""
    for f in figures(noun.sent):
        if f.noun is not None and f.noun.i == noun.i:
            return f.value
    if noun.pos_ == "NUM":  # "en tuant 2": the number itself is the object
        for f in figures(noun.sent):
            if f.start <= noun.i < f.end:
                return f.value
    if any(c.dep_ == "det" and c.lower_ in ("un", "une") for c in noun.children) and \
            "Plur" not in noun.morph.get("Number", []):
        return 1
    return None


def _verb_toll(verb: Token) -> tuple[int | None, int | None]:
    lemma = verb.lemma_.lower()
    dead = injured = None
    for c in verb.children:
        if c.dep_ not in ("obj", "nsubj:pass"):
            continue
        n = _count(c)
        if n is None:
            continue
        if lemma in _KILL:
            dead = n
        elif lemma in _INJURE:
            injured = n
        elif lemma in _CAUSE:
            q = _quantity_of(c.lemma_.lower())
            if q == "killed":
                dead = n
            elif q == "injured":
                injured = n
            for d in c.children:  # "1 mort … et 4 blessés"
                if d.dep_ == "conj":
                    m = _count(d)
                    q2 = _quantity_of(d.lemma_.lower())
                    if m is not None and q2 == "injured":
                        injured = m
                    elif m is not None and q2 == "killed":
                        dead = m
    return dead, injured


def passive_count(verb: Token) -> int | None:
    """The count of a passive's subject: '62 Palestiniens ont été tués' → 62."""
    for c in verb.children:
        if c.dep_ == "nsubj:pass":
            return _count(c)
    return None


def clause_toll(pred: Token) -> tuple[int | None, int | None]:
    """(dead, injured) told by a predicate itself or by its gerund/participle clauses."""
    dead, injured = _verb_toll(pred) if pred.pos_ in ("VERB", "AUX") else (None, None)
    for c in pred.children:
        if c.dep_ in ("advcl", "conj", "acl", "xcomp") and c.pos_ == "VERB":
            d, i = _verb_toll(c)
            dead = d if dead is None else dead
            injured = i if injured is None else injured
    return dead, injured


def coded_toll(doc: Doc) -> int | None:
    """ACLED's coded fatalities: 'nombre indéterminé de morts, codé 7', '…, dont 12 morts
    codés pour cet événement' → the last such figure of the note."""
    cues = sorted(words("claim_cues", "coded_words"), key=len, reverse=True)
    if not cues:
        return None
    alt = "|".join(re.escape(c) for c in cues)
    rx = re.compile(rf"(?i)\b(?:(?P<a>\d+)\s+(?:morts?|tués?|victimes?)\s+(?:{alt})\b"
                    rf"|(?:{alt})\s+(?:à\s+)?(?P<b>\d+)\b)")
    last = None
    for m in rx.finditer(doc_text(doc)):
        last = int(m.group("a") or m.group("b"))
    return last


__all__ = ["clause_toll", "coded_toll", "passive_count"]
