"""French claims: a figure, what it counts, its bound, its claimant, as-of date and period.

- what it counts: a counted noun of claim_cues_fr.yaml ("1 200 morts", "85 otages"); a people
  noun with a verb or participle that says what happened to them ("3 civils tués", "ont blessé
  4 personnes"); or the "de N X" complement of an event noun ("la libération de trois prisonniers");
- bound: the words before the number ("au moins", "plus de", "quelque", "environ");
- claimant, nearest first: the agent or subject of a verb reporting the figure ("80 corps
  ont été recensés par la Défense civile"), a "selon X" / "d'après X" of the sentence, the subject of
  a reporting verb governing the figure's clause ("l'armée a confirmé que 400 …");
- period: a "depuis …" date of the sentence ("depuis le 1er mars"); as-of: publication day;
- qualifiers: "en majorité des femmes", "dont 40 enfants".
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from ...schema import Bound, Claim, ClaimLocation, Event, Period, Quantity, Span
from .actors import FrenchActors, phrase_span, source_heads, verb_above
from .dates import find_dates_fr
from .lexicon import mapping, words
from .numbers import FrFigure, figures

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

_EVENT_FOR = {"killed": "ASSAULT", "injured": "ASSAULT", "hostages": "ASSAULT",
              "released": "RETREAT", "detained": "COERCE", "displaced": None,
              "evacuated": None, "missing": None}


def _table(key: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for quantity, lemmas in mapping("claim_cues", key).items():
        for lemma in lemmas or []:
            out[str(lemma).lower()] = str(quantity)
    return out


def _event_noun_before(noun: Token, event_nouns: dict[str, str]) -> str | None:
    """'la libération fin mars de trois marins': the event noun a 'de' phrase follows, a
    date between them (the parser then attaches the phrase to the verb)."""
    doc = noun.doc
    case = [c for c in noun.children if c.dep_ == "case" and c.lower_ in ("de", "d'", "d’")]
    if not case:
        return None
    for t in reversed(list(doc[max(noun.sent.start, case[0].i - 5):case[0].i])):
        if t.is_punct or t.pos_ in ("VERB", "AUX"):
            return None
        if t.pos_ == "NOUN" and t.lemma_.lower() in event_nouns:
            return event_nouns[t.lemma_.lower()]
    return None


def _quantity(f: FrFigure) -> str | None:
    noun = f.noun
    if noun is None:
        return None
    nouns, verbs, event_nouns = (_table("quantity_nouns"), _table("quantity_verbs"),
                                 _table("quantity_event_nouns"))
    lemma = noun.lemma_.lower()
    # "la libération de trois prisonniers": the event noun says what is counted
    if noun.dep_ == "nmod" and noun.head.lemma_.lower() in event_nouns:
        return event_nouns[noun.head.lemma_.lower()]
    before = _event_noun_before(noun, event_nouns)
    if before is not None:
        return before
    if lemma in nouns or noun.lower_ in nouns:
        return nouns.get(lemma) or nouns[noun.lower_]
    if lemma not in words("claim_cues", "people"):
        return None
    # people with a verb: "4 civils ont été blessés", "tuant 3 civils", "200 personnes tuées"
    for c in noun.children:
        if c.dep_ in ("acl", "amod") and c.lemma_.lower() in verbs:
            return verbs[c.lemma_.lower()]
    if noun.dep_ in ("obj", "nsubj:pass", "nsubj") and noun.head.lemma_.lower() in verbs:
        return verbs[noun.head.lemma_.lower()]
    verb = verb_above(noun)
    if verb is not None and verb.lemma_.lower() in verbs and not any(
            c.dep_ in ("obj", "nsubj:pass") and c.i != noun.i for c in verb.children):
        return verbs[verb.lemma_.lower()]
    return None


class FrenchClaims:
    def __init__(self, doc: Doc, actors: FrenchActors, published: dt.date | None,
                 next_id: Callable[[str], str]) -> None:
        self.doc = doc
        self.actors = actors
        self.published = published
        self.next_id = next_id

    def _source(self, src: Token, cue: Token | None = None) -> tuple[str | None, str]:
        ids = self.actors.resolve(src)
        span = phrase_span(src)
        return (ids[0] if ids else None), span.text

    def _claimant(self, f: FrFigure, sent: SpacySpan) -> tuple[str | None, str | None]:
        noun = f.noun
        reports = words("claim_cues", "report_verbs")
        verb = verb_above(noun) if noun is not None else None
        if verb is not None and verb.lemma_.lower() in reports:
            for c in verb.children:
                if c.dep_ == "obl:agent" or (c.dep_ == "nsubj" and noun is not None
                                             and c.i != noun.i):
                    return self._source(c)
        for _, head in source_heads(sent):
            return self._source(head)
        # a reporting verb governing the figure's clause
        cur = noun if noun is not None else sent.root
        for _ in range(6):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.lemma_.lower() in reports or cur.lemma_.lower() in ("confirmer", "faire"):
                if cur.lemma_.lower() == "faire" and not any(
                        c.lower_ == "état" for c in cur.children):
                    continue
                for c in cur.children:
                    if c.dep_ == "nsubj":
                        return self._source(c)
        return None, None

    def _qualifiers(self, f: FrFigure, sent: SpacySpan) -> list[str]:
        out: list[str] = []
        cues = sorted(words("claim_cues", "qualifier_cues"), key=len, reverse=True)
        text = sent.text
        rel = sent.doc[f.end].idx - sent.start_char if f.end < len(sent.doc) else len(text)
        after = text[rel:]
        low = after.lower()
        for cue in cues:
            k = low.find(cue)
            if k >= 0 and k < 40:
                piece = after[k:].split(",")[0].split(".")[0].strip()
                if piece:
                    out.append(piece)
                break
        return out

    def _period(self, sent: SpacySpan) -> Period | None:
        for _, _, ed in find_dates_fr(sent, self.published):
            if ed.text and ed.text.lower().startswith("depuis") and ed.start:
                return Period(start=ed.start, end=ed.end)
        return None

    def build(self, events: list[Event]) -> list[Claim]:
        out: list[Claim] = []
        seen: set[tuple[str, int, int]] = set()
        as_of = self.published.isoformat() if self.published else None
        for sent in self.doc.sents:
            for f in figures(sent):
                quantity = _quantity(f)
                if quantity is None:
                    continue
                k = (quantity, f.value, sent.start)
                if k in seen:
                    continue
                seen.add(k)
                claimant, claimant_text = self._claimant(f, sent)
                event = next((e.id for e in events if e.type == _EVENT_FOR.get(quantity)
                              and any(s.start <= sent.start_char < s.end or
                                      sent.start_char <= s.start < sent.end_char
                                      for s in e.evidence)), None)
                loc = next((e.location for e in events if e.id == event), None)
                out.append(Claim(
                    id=self.next_id("c"), quantity=Quantity(quantity), value=f.value,
                    bound=Bound(f.bound),
                    claimant=claimant, claimant_text=claimant_text, as_of=as_of,
                    period=self._period(sent),
                    location=ClaimLocation(name=loc.name, country=loc.country) if loc else None,
                    event=event, qualifiers=self._qualifiers(f, sent),
                    evidence=[Span(start=sent.start_char, end=sent.end_char)]))
        return out


__all__ = ["FrenchClaims"]
