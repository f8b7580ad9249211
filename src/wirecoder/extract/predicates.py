"""Predicates: verbs and event nouns → PLOVER type and mode, from lexicons/predicates.yaml.

One pass over the tokens with dict lookups (no per-token pattern loops), so the cost stays
close to zero next to the parser. The lexicon is read once per process."""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from .token_table import children, heads, positions, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Dependents whose lemma can change a verb's meaning ("call for", "take hostage", "open fire").
_CUE_DEPS = frozenset(
    {
        "prt",
        "prep",
        "dobj",
        "attr",
        "oprd",
        "npadvmod",
        "advmod",
        "acomp",
        "dative",
        "nsubjpass",
        "compound",
        "pobj",
        "agent",
        "xcomp",
        "ccomp",
    }
)
_VERB_POS = frozenset({"VERB"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True)
class PredicateHit:
    """A token that tells of an event: its PLOVER type and mode, and how it was found."""

    token: "Token"
    type: str
    mode: str | None
    nominal: bool
    cue: "Token | None" = None  # the dependent that gave the meaning ("fire" in "open fire")


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, dict[str, Any]]
    nouns: dict[str, dict[str, Any]]
    noun_compounds: dict[str, dict[str, dict[str, Any]]]
    keys: frozenset[str] = frozenset()  # every head word, for a one-lookup prefilter
    # verb forms the tagger lemmatises as another verb ("raped" → "rap"): form → lemma
    verb_forms: dict[str, str] = field(default_factory=dict)


class _LexiconLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader with YAML 1.2 booleans: YAML 1.1 reads the particles `on`/`off` and
    the words `yes`/`no` as true/false, which silently broke "call on" and "go off"."""


_LexiconLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LexiconLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))


@lru_cache(maxsize=16)
def load_lexicon_file(name: str) -> dict[str, Any]:
    """A YAML lexicon of the package (YAML 1.2 booleans: `on`/`off` stay words), read once
    per process: callers share the returned mapping and must not change it."""
    text = resources.files("wirecoder.lexicons").joinpath(name).read_text(encoding="utf-8")
    # the C loader is ~10x faster when libyaml is there (lexicons are read once per process)
    data = yaml.load(text, Loader=_LexiconLoader) or {}  # noqa: S506 - a safe loader
    if not isinstance(data, dict):
        raise ValueError(f"lexicon {name} must be a mapping")
    return data


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """predicates.yaml plus any predicates_*.yaml a user added (later files extend earlier)."""
    verbs: dict[str, dict[str, Any]] = {}
    nouns: dict[str, dict[str, Any]] = {}
    compounds: dict[str, dict[str, dict[str, Any]]] = {}
    forms: dict[str, str] = {}
    folder = resources.files("wirecoder.lexicons")
    names = ["predicates.yaml"] + sorted(
        p.name
        for p in folder.iterdir()
        if p.name.startswith("predicates_") and p.name.endswith(".yaml")
    )
    for name in names:
        data = load_lexicon_file(name)
        for lemma, spec in (data.get("verbs") or {}).items():
            verbs[str(lemma).lower()] = dict(spec or {})
        for lemma, spec in (data.get("nouns") or {}).items():
            nouns[str(lemma).lower()] = dict(spec or {})
        for head, mods in (data.get("noun_compounds") or {}).items():
            compounds.setdefault(str(head).lower(), {}).update(
                {str(k).lower(): dict(v or {}) for k, v in (mods or {}).items()}
            )
        for form, lemma in (data.get("verb_forms") or {}).items():
            forms[str(form).lower()] = str(lemma).lower()
    keys = frozenset(verbs) | frozenset(nouns) | frozenset(compounds) | frozenset(forms)
    return Lexicon(verbs, nouns, compounds, keys, forms)


_PARTITIVES = frozenset({"many", "some", "several", "all", "most", "one", "each", "any", "few",
                         "much", "part", "parts", "none"})


def _cue_tokens(tok: "Token") -> list["Token"]:
    """Dependents (and objects of dependent prepositions) that can carry a verb's meaning."""
    # the walk over indices, labels and forms from the token table: a Token only for a cue
    doc = tok.doc
    table = token_table(doc)
    dep, lower = table.dep, table.lower
    i, head = tok.i, heads(doc)[tok.i]
    kids = children(doc, i)
    out: list[int] = []
    for c in kids:
        if dep[c] in _CUE_DEPS:
            out.append(c)
            if dep[c] in _CUE_GOVERNORS:
                for g in children(doc, c):
                    if dep[g] in _CUE_OBJECTS:
                        out.append(g)
                        if dep[g] == "pobj" and lower[g] in _PARTITIVES:
                            # "hit back against many of the points": the of-object
                            out.extend(x for p in children(doc, g)
                                       if dep[p] == "prep" and lower[p] == "of"
                                       for x in children(doc, p) if dep[x] == "pobj")
                        # "100kg of explosives were found": the measure's of-object
                        if dep[g] == "prep" and (lower[g] == "of" or dep[c] == "advmod"):
                            # "fought back from a deficit": the adverb's phrase
                            out.extend(x for x in children(doc, g) if dep[x] == "pobj")
    # "called for X to be released": the parser makes "for" the mark of the clause
    out.extend(g for c in kids if dep[c] in ("advcl", "ccomp")
               for g in children(doc, c) if dep[g] == "mark" and lower[g] == "for")
    # "a video released by the army": the noun a participle modifies is its object
    if dep[i] == "acl" and table.pos[head] == "NOUN" and tok.tag_ == "VBN":
        out.append(head)
    # "hostages were identified … and taken to Gaza": a conjoined verb shares the subject
    if dep[i] == "conj" and not any(dep[c] in ("nsubj", "nsubjpass") for c in kids):
        out.extend(c for c in children(doc, head) if dep[c] == "nsubjpass")
    return [doc[k] for k in out]


_CUE_GOVERNORS = frozenset({"prep", "prt", "dobj", "xcomp", "nsubjpass", "advmod"})
_CUE_OBJECTS = frozenset({"pobj", "dobj", "prep", "compound"})


def _has_patient(tok: "Token") -> bool:
    """Something was hit: an object, a passive subject, a target phrase ("struck on the
    building", "struck off the coast"), or the object shared with a conjoined verb
    ("struck and killed two men")."""
    if tok.dep_ in ("relcl", "acl"):
        return True
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "obj"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("on", "at", "against", "into", "off", "near", "in"):
            return True
        if c.dep_ == "conj" and c.pos_ == "VERB" and any(g.dep_ == "dobj" for g in c.children):
            return True
    return False


def _verb_hit(tok: "Token", spec: dict[str, Any]) -> PredicateHit | None:
    typ, mode = spec.get("type"), spec.get("mode")
    with_ = spec.get("with") or {}
    if with_:
        cues = _cue_tokens(tok)
        for c in cues:
            # a voiding cue wins wherever it stands ("took over the presidency": an office
            # taken is no seizure, whatever "over" says first)
            over = with_.get(c.lemma_.lower()) or with_.get(c.lower_)
            if over and over.get("none") and not (c.dep_ == "prep" and c.head.i != tok.i):
                return None
        for c in cues:
            key = c.lemma_.lower()
            if key not in with_:
                key = c.lower_
            if key in with_:
                absolute = c.lower_ == "with" and (c.dep_ == "mark" or any(
                    g.dep_ == "pcomp" for g in c.children))  # "with X being focused on …"
                if (c.dep_ == "prep" and c.head.i != tok.i) or absolute:
                    # "a summit sometimes called a camp for …": not "call for"; "spoke about
                    # the war – with his interviews focused on …": a clause's "with"
                    continue
                if c.dep_ == "prep" and _dated(c):
                    continue  # "called the plan a farce on Monday": not "call on"
                over = with_[key] or {}
                if over.get("none") or _modifier_voids(c):
                    return None  # "struck a conciliatory tone", "held a campaign rally"
                over = _compound_override(c, over)
                t2 = over.get("type", typ)
                if t2 is None:
                    continue
                return PredicateHit(tok, t2, over.get("mode", mode), False, c)
        if spec.get("only_with") and not (spec.get("reciprocal") and _joint_subject(tok)):
            return None
    if typ is None:
        return None
    if spec.get("patient") and not _has_patient(tok):
        return None
    if spec.get("needs") and not _has_complement(tok, spec["needs"]):
        return None
    if spec.get("fact_frame") and _frames_a_fact(tok):
        return None
    if typ == "ASSAULT" and _scored_object(tok):
        return None
    return PredicateHit(tok, typ, mode, False)


def _compound_override(cue: "Token", over: dict[str, Any]) -> dict[str, Any]:
    """The cue's spec, or the one its modifier gives ("imposed *visa* restrictions")."""
    compounds = over.get("compounds")
    if not compounds:
        return over
    for c in cue.children:
        if c.dep_ in ("compound", "amod", "nmod"):
            found = compounds.get(c.lemma_.lower()) or compounds.get(c.lower_)
            if found is not None:
                return dict(found)
    return over


_QUESTION_MARKS = frozenset({"whether", "if"})
_QUESTION_NOUNS = frozenset({"question", "questions"})


def _has_complement(tok: "Token", needs: list[str]) -> bool:
    """Does a verb of asking or undertaking have what makes it a request or a promise — a
    to-infinitive, a for-phrase, a that-clause, an object that is a thing — rather than an
    interview's question ("he asked", "asked about the strike", "asked whether …")?"""
    from .arguments import is_actor_like

    for c in tok.children:
        if c.dep_ == "xcomp" and "xcomp" in needs:
            return True
        if c.dep_ == "prep" and c.lower_ == "for" and "for" in needs:
            return True
        if c.dep_ in ("ccomp", "advcl") and "that" in needs:
            marks = {g.lower_ for g in c.children if g.dep_ == "mark"}
            wh = any(g.tag_ in ("WDT", "WP", "WRB") for g in c.children)
            if "for" in marks or (c.dep_ == "ccomp" and not marks & _QUESTION_MARKS and not wh
                                  and not _quoted_clause(tok, c)):
                return True
        if (c.dep_ == "dobj" and "thing" in needs and c.pos_ == "NOUN"
                and c.lower_ not in _QUESTION_NOUNS and not is_actor_like(c)):
            return True
    return False


def _quoted_clause(tok: "Token", clause: "Token") -> bool:
    """A complement clause that is a quotation ("“Will you resign?” he asked")."""
    return any(t.is_quote or t.text == "?" for t in clause.subtree)


_FUTURE_AUX = frozenset({"will", "would", "'ll", "shall", "could", "might", "may", "must",
                         "wo", "going"})


def _frames_a_fact(tok: "Token") -> bool:
    """ "Half of the clinics have been hit, the agency warned": a reporting verb with no
    complement of its own, hung on the clause it frames, where that clause tells no future
    or modal — a fact told, not a threat."""
    if any(c.dep_ in ("ccomp", "xcomp", "dobj", "prep", "dative", "parataxis")
           for c in tok.children):
        return False
    before = [c for c in tok.children if c.dep_ == "advcl" and c.i < tok.i]
    if any(c.dep_ == "advcl" and c.i > tok.i for c in tok.children):
        return False
    if before:
        # "Since May, 40% of clinics have been hit, the agency warned": the parser makes the
        # fact an adverbial clause of the frame — unless it is a condition ("if they attack")
        framed = before[0]
        if any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in framed.children):
            return False
    elif tok.dep_ in ("ccomp", "parataxis") and tok.head.i != tok.i:
        framed = tok.head
    else:
        return False
    verbs = [framed] + [c for c in framed.children if c.dep_ == "conj"]
    return not any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for v in verbs for c in v.children)


def _dated(prep: "Token") -> bool:
    """A preposition whose object is a date or time ("on Monday", "for a week")."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objs) and all(g.ent_type_ in ("DATE", "TIME") for g in objs)


def _joint_subject(tok: "Token") -> bool:
    """ "Trump and Zelensky spoke on Friday": two conjoined subjects speak with each other."""
    return any(c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.children)
               for c in tok.children)


def _modifier_voids(noun: "Token") -> bool:
    """A cue noun whose modifier makes it no event (noun_compounds with type null): "held a
    campaign rally", "issued a press release"."""
    mods = load_lexicon().noun_compounds.get(noun.lemma_.lower())
    if not mods:
        return False
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod"):
            over = mods.get(c.lemma_.lower()) or mods.get(c.lower_)
            if over is not None and over.get("type") is None:
                return True
    return False


def _scored_object(tok: "Token") -> bool:
    """ "shot 61 %", "fought its way back": an object that is a figure or a way is a score or
    an idiom, not a target."""
    harm = tok.lemma_.lower() in _HARM_VERBS
    for c in tok.children:
        if c.dep_ == "dobj" and (c.ent_type_ in ("PERCENT", "MONEY", "QUANTITY")
                                 or c.lemma_ == "way"
                                 # "killed two": people, not a score; "struck dozens of
                                 # targets": a count of things struck
                                 or ((c.ent_type_ == "CARDINAL" or c.like_num) and not harm
                                     and not (c.lower_ in _COUNTS and any(
                                         g.dep_ == "prep" and g.lower_ == "of"
                                         for g in c.children)))):
            return True
    return False


_HARM_VERBS = frozenset({"kill", "wound", "injure", "murder", "execute", "abduct", "kidnap"})
# "dozens of targets": a count of what was struck (a score is "40 of 50 shots")
_COUNTS = frozenset({"dozens", "scores", "hundreds", "thousands", "tens", "dozen"})


def _noun_hit(tok: "Token", lex: Lexicon) -> PredicateHit | None:
    if tok.ent_type_ == "DATE":
        return None  # the month "March" ("on 16 March", "next March") is no march
    lemma = tok.lemma_.lower()
    mods = lex.noun_compounds.get(lemma) or lex.noun_compounds.get(tok.lower_)
    if mods:
        # a modifier, or the verb governing the noun ("staged a strike" is a labour strike)
        gov = [tok.head] if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else []
        for c in list(tok.children) + gov:
            if (c.dep_ in ("compound", "amod", "nmod") or c in gov) and (
                c.lemma_.lower() in mods or c.lower_ in mods
            ):
                over = mods.get(c.lemma_.lower()) or mods.get(c.lower_) or {}
                if over.get("type") is None:
                    return None  # "press release", "strike force": no event
                return PredicateHit(tok, over["type"], over.get("mode"), True, c)
    spec = lex.nouns.get(lemma) or lex.nouns.get(tok.lower_)
    if spec is None:
        return None
    if spec.get("with"):  # "exchange of fire": a noun that needs its complement
        hit = _verb_hit(tok, spec)
        return None if hit is None else PredicateHit(tok, hit.type, hit.mode, True, hit.cue)
    if spec.get("type") is None:
        return None
    # a noun used as a modifier ("attack helicopters", "talks venue") is no event
    if tok.dep_ in ("compound", "amod") and tok.head.pos_ in _NOUN_POS:
        return None
    return PredicateHit(tok, spec["type"], spec.get("mode"), True)


def find_predicates(doc: "Doc") -> list[PredicateHit]:
    """Every predicate token of the doc that the lexicon knows, in text order."""
    lex = load_lexicon()
    keys = lex.keys
    hits: list[PredicateHit] = []
    table = token_table(doc)
    # the tokens whose lemma or form the lexicon knows (a scan in C): most are no predicate
    found = positions(table.lemma, keys)
    also = positions(table.lower, keys)
    if also != found:
        found = sorted(set(found).union(also))
    lemmas, pos_of, forms = table.lemma, table.pos, lex.verb_forms
    for i in found:
        pos = pos_of[i]
        if not (pos in _VERB_POS or pos in _NOUN_POS or pos == "AUX" or pos == "ADJ"):
            continue  # no test below passes: no Token needed
        tok = doc[i]
        if pos in _VERB_POS or (pos == "AUX" and tok.lemma_ not in ("be", "have", "do")):
            # the form's own lemma where the tagger's is another verb ("raped" → "rap")
            spec = lex.verbs.get(forms.get(table.lower[i], lemmas[i]))
            if spec is not None:
                hit = _verb_hit(tok, spec)
                if hit is not None:
                    hits.append(hit)
        elif pos in _NOUN_POS:
            hit = _noun_hit(tok, lex)
            if hit is not None:
                hits.append(hit)
        elif pos == "ADJ" and tok.lower_ in lex.nouns and tok.dep_ in ("pobj", "dobj", "nsubj"):
            # the tagger sometimes calls "ceasefire"/"talks" an adjective in headlines
            hit = _noun_hit(tok, lex)
            if hit is not None:
                hits.append(hit)
    return hits


__all__ = ["PredicateHit", "Lexicon", "load_lexicon", "load_lexicon_file", "find_predicates"]
