"""Speech acts the predicate lexicon cannot see: a condemnation told by a reporting verb.

"X called the charges illegal", "X said the ruling was a sham", "X said Hodeidah was not
an innocent port": PLOVER codes the act of saying — an ACCUSE (disapprove) by the speaker of
whatever the judged phrase names. The judging words are data (lexicons/evaluations.yaml)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .predicates import load_lexicon_file

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class Evaluations:
    verbs: frozenset[str]
    words: frozenset[str]  # single lemmas
    phrases: tuple[tuple[str, ...], ...]  # multi-word cues, lowercase tokens


@lru_cache(maxsize=1)
def evaluations() -> Evaluations:
    data = load_lexicon_file("evaluations.yaml")
    neg = [str(w).lower() for w in data.get("negative") or []]
    return Evaluations(frozenset(str(v) for v in data.get("reporting_verbs") or []),
                       frozenset(w for w in neg if " " not in w),
                       tuple(tuple(w.split()) for w in neg if " " in w))


def _judges(toks: list["Token"], ev: Evaluations) -> bool:
    words = [t.lower_ for t in toks]
    if any(t.lemma_.lower() in ev.words or t.lower_ in ev.words for t in toks):
        return True
    return any(tuple(words[i:i + len(p)]) == p for p in ev.phrases for i in range(len(words)))


def _judgment(comp: "Token") -> list["Token"]:
    """Where a complement judges: what it predicates ("was a sham", "called X illegal") and
    how it qualifies its subject or object ("this disgraceful conviction") — not words deep
    in its phrases ("ordered him to answer charges of illegal arms sales" judges nothing)."""
    heads = [comp]
    if comp.dep_ == "ccomp":
        heads = [c for c in comp.children if c.dep_ in ("acomp", "attr", "oprd", "nsubj",
                                                         "nsubjpass", "dobj")]
        if comp.pos_ in ("NOUN", "ADJ"):
            heads.append(comp)
    out: list["Token"] = []
    for h in heads:
        group = [h] + [c for c in h.children if c.dep_ == "conj"]
        for g in group:
            out.append(g)
            out += [c for c in g.children if c.dep_ in ("amod", "compound", "acomp", "neg")]
            out += [c for c in g.children if c.dep_ in ("oprd", "attr", "acomp")]
    return out


def condemnations(doc: "Doc") -> dict[int, list["Token"]]:
    """Reporting verb index → the tokens naming what it condemns, for every reporting verb
    with a subject whose complement judges with a condemning word."""
    ev = evaluations()
    out: dict[int, list["Token"]] = {}
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in ev.verbs:
            continue
        if not any(c.dep_ == "nsubj" for c in tok.children):
            continue
        comps = [c for c in tok.children if c.dep_ in ("ccomp", "oprd", "xcomp", "dobj", "attr")]
        if not comps or not _judges([t for c in comps for t in _judgment(c)], ev):
            continue
        targets = [c for c in comps if c.dep_ == "dobj"]
        targets += [g for c in comps if c.dep_ == "ccomp" for g in c.children
                    if g.dep_ in ("nsubj", "nsubjpass")]
        # "the court's ruling was a sham": who made what is judged is accused
        targets += [g for t in list(targets) for g in t.children if g.dep_ == "poss"]
        out[tok.i] = targets
    return out


__all__ = ["Evaluations", "evaluations", "condemnations"]
