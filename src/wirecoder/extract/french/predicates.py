"""French predicates: the verbs and event nouns of verbs_fr.yaml found in a Doc, with the
PLOVER type and mode their construction gives (cue words among their dependents, the
reflexive "se", the causative "faire")."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .lexicon import load

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_REFLEXIVE = frozenset({"se", "s'", "s’"})
# dependents that start another clause: their words are no cue of this predicate
_CLAUSE_DEPS = frozenset({"acl:relcl", "advcl", "ccomp", "conj", "parataxis", "csubj"})


@dataclass(frozen=True)
class FrHit:
    token: Token
    type: str
    mode: str | None
    nominal: bool
    mistagged: bool = False  # a verb the tagger read as an adjective or noun


# endings of -er verbs, longest first: "bombardent" → "bombard" → "bombarder"
_ER_ENDINGS = ("aient", "ions", "iez", "ent", "ait", "ais", "ons", "ez", "ées", "és", "ée",
               "es", "é", "e")


def mistagged_verb(tok: Token) -> str | None:
    """The lexicon verb an adjective- or noun-tagged word is a form of ("bombarde" tagged
    as an adjective after a proper noun): -er verbs only, never a lexicon noun."""
    lex = lexicon()
    low = tok.lower_
    if low in lex.nouns or tok.lemma_.lower() in lex.nouns:
        return None
    for end in _ER_ENDINGS:
        if low.endswith(end) and len(low) > len(end) + 2:
            lemma = low[: -len(end)] + "er"
            if lemma in lex.verbs:
                return lemma
    return None


@dataclass(frozen=True)
class _Lex:
    verbs: dict[str, dict[str, Any]]
    nouns: dict[str, dict[str, Any]]
    light: frozenset[str]
    longest_noun: int


@lru_cache(maxsize=1)
def lexicon() -> _Lex:
    data = load("verbs")
    verbs = {str(k).lower(): dict(v or {}) for k, v in (data.get("verbs") or {}).items()}
    nouns = {str(k).lower(): dict(v or {}) for k, v in (data.get("nouns") or {}).items()}
    light = frozenset(str(w).lower() for w in data.get("light_verbs") or [])
    return _Lex(verbs, nouns, light, max((len(k.split()) for k in nouns), default=1))


def cue_words(tok: Token, depth: int = 2) -> set[str]:
    """Lemmas and lowercase words of a predicate's own dependents (two levels, clause
    children excluded), with the preposition phrases they form ("en direction")."""
    out: set[str] = set()
    frontier = [tok]
    for _ in range(depth):
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ in _CLAUSE_DEPS or c.dep_ == "punct":
                    continue
                out.update({c.lemma_.lower(), c.lower_})
                cases = [g for g in c.children if g.dep_ in ("case", "fixed")]
                if cases:
                    out.add(" ".join(g.lower_ for g in cases) + " " + c.lemma_.lower())
                    out.update(g.lower_ for g in cases)
                    out.add(f"{cases[0].lower_} {c.lower_}")
                nxt.append(c)
        frontier = nxt
    if tok.dep_.startswith("acl") or tok.dep_ == "amod":  # "l'accord conclu": its noun
        out.add(tok.head.lemma_.lower())
    if tok.head.lemma_ == "faire" and tok.dep_ in ("xcomp", "ccomp", "obj"):
        out.add("faire")  # "a fait exploser", "fait sauter"
    if any(c.lemma_ == "faire" and c.dep_.startswith("aux") for c in tok.children):
        out.add("faire")
    return out


def _reflexive(tok: Token) -> bool:
    return any(c.lower_ in _REFLEXIVE and c.dep_.startswith(("expl", "obj", "iobj"))
               for c in tok.children)


def _apply(spec: dict[str, Any], cues: set[str], reflexive: bool) -> tuple[str, str | None] | None:
    type_, mode = spec.get("type"), spec.get("mode")
    matched = False
    if reflexive and spec.get("reflexive"):
        r = spec["reflexive"]
        type_, mode = r.get("type", type_), r.get("mode", mode)
        matched = True
    for cue, change in (spec.get("with") or {}).items():
        if str(cue).lower() in cues:
            change = change or {}
            type_ = change.get("type", type_)
            mode = change.get("mode", mode)
            matched = True
            break
    if spec.get("only_with") and not matched:
        return None
    return (str(type_), mode) if type_ else None


def _has_patient(tok: Token) -> bool:
    if any(c.dep_ in ("obj", "nsubj:pass", "obl:arg") for c in tok.children):
        return True
    # "ont visé et détruit un entrepôt": the coordinated verbs share the object
    if any(c.dep_ == "conj" and c.pos_ == "VERB" and any(d.dep_ == "obj" for d in c.children)
           for c in tok.children):
        return True
    return tok.dep_.startswith("acl") or (tok.dep_ == "amod" and tok.head.pos_ == "NOUN")


def find_hits(doc: Doc) -> list[FrHit]:
    """Every predicate of the lexicon in a Doc, text order."""
    lex = lexicon()
    hits: list[FrHit] = []
    for tok in doc:
        if tok.pos_ in ("VERB", "AUX"):
            spec = lex.verbs.get(tok.lemma_.lower()) or lex.verbs.get(tok.lower_)
            if spec is None:
                continue
            got = _apply(spec, cue_words(tok), _reflexive(tok))
            if got is None:
                continue
            if spec.get("patient") and not _has_patient(tok):
                continue
            hits.append(FrHit(tok, got[0], got[1], False))
        elif tok.pos_ in ("NOUN", "ADJ") and mistagged_verb(tok) and tok.i > 0 and \
                tok.doc[tok.i - 1].pos_ in ("PROPN", "PRON", "NOUN"):
            # "La Russie bombarde Kharkiv" with "bombarde" tagged ADJ: arguments by
            # position (events.py)
            spec = lex.verbs[mistagged_verb(tok) or ""]
            if spec.get("only_with"):
                continue
            hits.append(FrHit(tok, str(spec["type"]), spec.get("mode"), False, True))
        elif tok.pos_ == "NOUN":
            spec = lex.nouns.get(tok.lemma_.lower()) or lex.nouns.get(tok.lower_)
            if spec is None:
                continue
            got = _apply(spec, cue_words(tok, 1), False)
            if got is not None:
                hits.append(FrHit(tok, got[0], got[1], True))
    return hits


__all__ = ["FrHit", "cue_words", "find_hits", "lexicon"]
