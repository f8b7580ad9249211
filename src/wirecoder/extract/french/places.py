"""French places: the place mentions of a French Doc and the place of a clause.

Mentions come from three sources, overlaps resolved longest-first: the shared gazetteer's
names (places.place_mentions: lexicon names such as "Gaza - Zeitoun", entity names),
French names of names_fr.yaml and French country names ("la Cisjordanie", "Égypte",
"Le Caire"), and "territoire/sol + nationality adjective" ("en territoire libanais" → Lebanon).
The place of a clause is the most specific place of its sentence, the nearest to the
predicate in the tree on ties; places used as the actor of the clause are skipped.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ...schema import Location, LocationPrecision
from ..coref import doc_text
from ..kb import country_display
from ..places import lookup_place, place_mentions
from .names import demonym_fr, place_fr, place_names_fr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_RANK = {"point": 0, "city": 1, "admin1": 2, "region": 3, "country": 4}
_CACHE = "wirecoder.fr_places"
_TERRITORY = frozenset({"territoire", "sol", "frontière", "espace"})
_ACTOR_DEPS = frozenset({"nsubj", "obl:agent", "nsubj:pass"})


@dataclass(frozen=True)
class FrPlace:
    start: int  # char offsets
    end: int
    tok: int  # head token
    location: Location


@lru_cache(maxsize=1)
def _tokenizer():  # type: ignore[no-untyped-def]
    from spacy.lang.fr import French

    return French().tokenizer


_MATCHERS: dict[int, object] = {}


def _matcher(doc: Doc):  # type: ignore[no-untyped-def]
    m = _MATCHERS.get(id(doc.vocab))
    if m is None:
        from spacy.matcher import PhraseMatcher

        m = PhraseMatcher(doc.vocab, attr="LOWER")
        tok = _tokenizer()
        m.add("PLACE_FR", [tok(n.lower()) for n in sorted(set(place_names_fr()))])
        _MATCHERS[id(doc.vocab)] = m
    return m


def _loc(entry: object, text: str) -> Location:
    e = entry
    return Location(name=e.name, country=e.country, admin1=e.admin1,  # type: ignore[attr-defined]
                    lat=e.lat, lon=e.lon,  # type: ignore[attr-defined]
                    precision=LocationPrecision(e.precision), text=text)  # type: ignore[attr-defined]


def french_place_mentions(doc: Doc) -> list[FrPlace]:
    """Every place mention of a French Doc (cached on it), in text order."""
    cached = doc.user_data.get(_CACHE)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    found: list[FrPlace] = []
    for m in place_mentions(doc):
        found.append(FrPlace(m.start, m.end, m.tok, _loc(m.entry, m.text)))
    for ent in doc.ents:
        if ent.label_ == "LOC":
            loc = place_fr(ent.text)
            if loc is not None:
                found.append(FrPlace(ent.start_char, ent.end_char, ent.root.i, loc))
    for _, s, t in _matcher(doc)(doc):
        span = doc[s:t]
        loc = place_fr(span.text)
        if loc is not None:
            found.append(FrPlace(span.start_char, span.end_char, span.root.i, loc))
    for tok in doc:
        if tok.lemma_.lower() in _TERRITORY:
            # "en territoire libanais": the adjective right after (the parser may attach it
            # elsewhere) or an adjective of the noun
            nxt = [doc[tok.i + 1]] if tok.i + 1 < len(doc) else []
            for c in nxt + [c for c in tok.children if c.dep_ == "amod"]:
                iso = demonym_fr(c.text)
                if iso:
                    loc = lookup_place(country_display(iso))
                    if loc is not None:
                        lo, hi = min(tok.idx, c.idx), max(tok.idx + len(tok), c.idx + len(c))
                        text = doc_text(doc)[lo:hi]
                        found.append(FrPlace(lo, hi, tok.i, loc.model_copy(update={"text": text})))
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    out: list[FrPlace] = []
    for p in found:
        if out and p.start < out[-1].end:
            prev = out[-1]
            if (p.end - p.start, -_RANK[p.location.precision or "country"]) > \
                    (prev.end - prev.start, -_RANK[prev.location.precision or "country"]):
                out[-1] = p
            continue
        out.append(p)
    out = _join_dashed(doc, out)
    doc.user_data[_CACHE] = out
    return out


def _join_dashed(doc: Doc, places: list[FrPlace]) -> list[FrPlace]:
    """'Gaza - Zeitoun' (a town, a dash, a part of it: ACLED's naming) is one place:
    the more specific one, anchored at the first name (the parser often breaks the sentence
    at the dash)."""
    text = doc_text(doc)
    out: list[FrPlace] = []
    for p in places:
        if out and text[out[-1].end:p.start].strip() in ("-", "–") and \
                p.start - out[-1].end <= 3:
            prev = out[-1]
            fine = min((prev, p), key=lambda q: _RANK[q.location.precision or "country"])
            loc = fine.location.model_copy(update={"text": text[prev.start:p.end]})
            out[-1] = FrPlace(prev.start, p.end, prev.tok, loc)
            continue
        out.append(p)
    return out


_OTHER_CLAUSE = frozenset({"conj", "acl:relcl", "advcl", "parataxis", "ccomp", "csubj"})


def own_clause(target: Token) -> set[int]:
    """Token indices of a predicate's own clause: its subtree without the other verbs'
    clauses hanging from it ("… enlevés … et détenus à Kidal")."""
    out: set[int] = set()
    stack = [target]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for c in t.children:
            if c.dep_ in _OTHER_CLAUSE and c.pos_ in ("VERB", "AUX"):
                continue
            stack.append(c)
    return out


def place_of_clause(sent: Span, target: Token, distance: Callable[[Token, Token], int],
                    skip: set[int] | None = None) -> Location | None:
    """The place of a predicate: in its own clause if one is named there, else in its
    sentence; a place it governs directly first, then the most specific, then the nearest in
    the tree. Places at token indices in `skip` (the event's actors) and places used as a
    subject are not places of the event."""
    doc = sent.doc
    own = own_clause(target)
    mentions = [p for p in french_place_mentions(doc)
                if sent.start_char <= p.start and p.end <= sent.end_char
                and not (skip and p.tok in skip)]
    if any(p.tok in own for p in mentions):
        mentions = [p for p in mentions if p.tok in own]
    best, best_key = None, None
    for p in mentions:
        tok = doc[p.tok]
        actor_use = tok.dep_ in _ACTOR_DEPS
        steps = distance(tok, target)
        # a place the predicate governs directly ("s'est entretenu en Égypte") is its place;
        # else the most specific place of the sentence ("codé Kidal")
        k = (actor_use, steps > 1, _RANK[p.location.precision or "country"], steps, p.start)
        if best_key is None or k < best_key:
            best, best_key = p, k
    return best.location if best is not None else None


_CODED = re.compile(r"(?i)\bcod[ée]e?s?\s+(?:à\s+|en\s+|sur\s+)?")


def coded_place(doc: Doc) -> Location | None:
    """ACLED's note convention "(codé Rafah)", "Codé Kidal (…)": the place a
    note is coded to, when a place name follows the word right away."""
    text = doc_text(doc)
    mentions = french_place_mentions(doc)
    for m in _CODED.finditer(text):
        at = m.end()
        for p in mentions:
            if p.start == at:
                return p.location
    return None


def main_place(doc: Doc) -> Location | None:
    """The article's most often named place (subjects excluded), the more specific on ties."""
    counts: dict[str, list[object]] = {}
    for p in french_place_mentions(doc):
        if doc[p.tok].dep_ in _ACTOR_DEPS:
            continue
        slot = counts.setdefault(p.location.name or "", [0, p])
        slot[0] = int(slot[0]) + 1  # type: ignore[call-overload]
    if not counts:
        return None
    name = min(counts, key=lambda n: (-int(counts[n][0]),  # type: ignore[call-overload]
                                      _RANK[counts[n][1].location.precision or "country"],  # type: ignore[attr-defined]
                                      counts[n][1].start))  # type: ignore[attr-defined]
    return counts[name][1].location  # type: ignore[attr-defined]


__all__ = ["FrPlace", "coded_place", "french_place_mentions", "main_place", "place_of_clause"]
