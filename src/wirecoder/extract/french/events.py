"""French events: predicates (predicates.py) → Events with arguments read off French UD
labels, then date, place, status, toll, attribution and the ACLED view.

Arguments of a verb: actor = nsubj (active), obl:agent ("par X") of a passive or of a
participle; recipient = obj, nsubj:pass, the noun a passive participle modifies ("cinq marins
enlevés par des pirates"), or an "avec/contre/sur" phrase. A verb without its own subject takes
the subject of the verb it is coordinated with or governed by ("ont dynamité et détruit",
"ont poursuivi les affrontements").
Arguments of an event noun: "par X" → actor; "de X" → actor, or recipient for nouns done to
someone (libération, arrestation, enlèvement, destruction); a nationality adjective → the
state as actor ("frappes israéliennes"); the subject of a light verb ("Israël a mené des
frappes", "la Turquie a participé à des pourparlers") → actor.
Not coded: an event noun with a demonstrative ("cette attaque": told before), in a time frame
("lors de leur offensive"), the topic of a talk or a request ("négocier la libération",
"discuter d'un cessez-le-feu"), or with neither an actor, a recipient nor a light verb; a
killing verb in a gerund or participle clause of an attack ("…, tuant 3 civils") is the
attack's toll, not another event.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from ...schema import (
    AcledView,
    Attribution,
    AttributionKind,
    DatePrecision,
    Event,
    EventDate,
    EventType,
    Location,
    Span,
)
from ..dates import publication_date
from .actors import FrenchActors, phrase_span, source_heads
from .dates import find_dates_fr, nearest_date
from .event_output import acled_of, contexts, dedupe, merge_mentions, note_label
from .lexicon import words
from .places import coded_place, main_place, place_of_clause
from .predicates import FrHit, find_hits
from .status import event_status
from .tolls import clause_toll, coded_toll, passive_count

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PATIENT_NOUN_MODES = frozenset({"release", "arrest", "abduct", "destroy", "withdraw", "expel",
                                 "deport", "seize"})
_TOPIC_TYPES = frozenset({"CONSULT", "REQUEST", "AGREE", "REJECT", "ACCUSE", "THREATEN",
                          "SUPPORT"})
_DEMONSTRATIVE = frozenset({"ce", "cet", "cette", "ces"})
_FRAME_WORDS = frozenset({"lors", "pendant", "durant", "avant", "après", "depuis", "suite"})
_RECIPIENT_CASES = {"CONSULT": ("avec", "auprès"), "ASSAULT": ("sur", "contre", "vers"),
                    "ACCUSE": ("contre",), "PROTEST": ("contre",), "THREATEN": ("contre",),
                    "SANCTION": ("contre",), "COERCE": ("contre",)}
_GERUND_TOLL = frozenset({"tuer", "blesser", "faire", "causer", "provoquer", "coûter",
                          "entraîner"})
_KILL_VERBS = frozenset({"tuer", "abattre", "blesser"})
_MAX_UP = 6
# verbs conjugated with "être" in the active voice ("il est arrivé"): the parser labels their
# subject nsubj:pass, but they have no passive
ETRE_VERBS = frozenset({"arriver", "partir", "venir", "revenir", "entrer", "rentrer", "sortir",
                        "retourner", "aller", "descendre", "monter", "tomber", "mourir",
                        "naître", "rester", "décéder", "parvenir", "intervenir", "devenir"})
_QUANTITY_NOUNS = frozenset({"centaine", "dizaine", "millier", "série", "vague", "salve",
                             "douzaine", "nombre", "serie"})
_EVENT_SUBJECTS = frozenset({"frappe", "attaque", "bombardement", "raid", "explosion", "tir",
                             "obus", "missile", "roquette", "bombe", "assaut", "incursion",
                             "offensive", "opération", "attentat"})


def _distance(tok: Token, target: Token) -> int:
    """Steps in the tree between two tokens of one sentence (via their common ancestor)."""
    up: dict[int, int] = {}
    cur, n = target, 0
    while True:
        up[cur.i] = n
        if cur.head.i == cur.i or n > 30:
            break
        cur, n = cur.head, n + 1
    cur, n = tok, 0
    while True:
        if cur.i in up:
            return n + up[cur.i]
        if cur.head.i == cur.i or n > 30:
            return 60 + abs(tok.i - target.i)
        cur, n = cur.head, n + 1


def _case(tok: Token) -> str:
    return " ".join(c.lower_ for c in tok.children if c.dep_ == "case")


def _ancestors(tok: Token, limit: int = _MAX_UP) -> list[Token]:
    out = []
    cur = tok
    for _ in range(limit):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        out.append(cur)
    return out


class FrenchEvents:
    """Builds the Events of one French Doc."""

    def __init__(self, doc: Doc, actors: FrenchActors, published: dt.date | None,
                 next_id: Callable[[str], str]) -> None:
        self.doc = doc
        self.actors = actors
        self.published = published
        self.next_id = next_id
        self.hits = find_hits(doc)
        self.by_i = {h.token.i: h for h in self.hits}
        self._date_tokens = {t.i for sent in doc.sents
                             for s, e, _ in find_dates_fr(sent, published)
                             for t in (doc.char_span(s, e, alignment_mode="expand") or [])}
        self._main_place: Location | None = None
        self._main_place_done = False

    # ------------------------------------------------------------ which hits are events
    def _is_topic(self, hit: FrHit) -> bool:
        """An event noun that is what a talk, request or agreement is about."""
        cur = hit.token
        for _ in range(3):
            head = cur.head
            if head.i == cur.i:
                return False
            h = self.by_i.get(head.i)
            if h is not None and h.type in _TOPIC_TYPES and h.token.i != hit.token.i:
                return True
            if cur.dep_ not in ("nmod", "obj", "obl:arg", "obl:mod"):
                return False
            if head.pos_ != "NOUN":
                return False
            cur = head
        return False

    def _in_frame(self, tok: Token) -> bool:
        """'lors de leur offensive', 'pendant les combats', 'en pleine guerre'."""
        if tok.head.lower_ in _FRAME_WORDS:
            return True
        for c in tok.children:
            if c.dep_ in ("case", "fixed") and c.lower_ in _FRAME_WORDS:
                return True
            if c.dep_ == "case" and c.lower_ == "en" and any(
                    d.lower_ in ("pleine", "plein") for d in tok.children):
                return True
        return False

    def _light_verb(self, tok: Token) -> Token | None:
        # "a mené des dizaines de frappes": through the quantity noun
        while tok.head.i != tok.i and tok.dep_ == "nmod" and \
                tok.head.lemma_.lower() in _QUANTITY_NOUNS:
            tok = tok.head
        head = tok.head
        if tok.dep_ in ("obj", "obl:arg", "obl:mod", "nsubj:pass") and head.pos_ in ("VERB", "AUX") \
                and head.lemma_.lower() in set(words("verbs", "light_verbs")) | {"participer"}:
            return head
        return None

    # ------------------------------------------------------------ arguments
    def _subject(self, verb: Token) -> tuple[list[str], Token | None]:
        """Actors of a verb's subject (inherited through coordination, xcomp and gerunds)."""
        cur = verb
        for _ in range(4):
            for c in cur.children:
                if c.dep_ == "nsubj":
                    ids = self.actors.resolve(c)
                    return ids, c
                if c.dep_ == "obl:agent":
                    return self.actors.resolve(c), c
            if cur.dep_ in ("conj", "xcomp", "advcl") and cur.head.i != cur.i:
                cur = cur.head
                continue
            break
        return [], None

    def _positional_args(self, hit: FrHit) -> tuple[list[str], list[str], list[Token]]:
        """Arguments of a verb the tagger missed (French is SVO): the noun phrase just before
        is its subject, the first noun phrase after it not introduced by a preposition its
        object."""
        tok, doc = hit.token, hit.token.doc
        sent = tok.sent
        actor: list[str] = []
        recipient: list[str] = []
        used: list[Token] = []
        for t in reversed(list(doc[max(sent.start, tok.i - 3):tok.i])):
            if t.pos_ in ("PROPN", "NOUN", "PRON"):
                actor = self.actors.resolve(t)
                used.append(t)
                break
        prev = tok
        for t in doc[tok.i + 1:min(sent.end, tok.i + 10)]:
            if t.pos_ in ("NOUN", "PROPN") and prev.pos_ != "ADP" and prev.lower_ not in ("sans",):
                recipient = self.actors.resolve(t) or self._place_target(t)
                used.append(t)
                break
            if not t.is_space:
                prev = t
        if actor:
            self.actors.note_subject(tok, actor)
        return actor, [r for r in recipient if r not in actor], used

    def _verb_args(self, hit: FrHit) -> tuple[list[str], list[str], list[Token]]:
        tok = hit.token
        if hit.mistagged:
            return self._positional_args(hit)
        actor: list[str] = []
        recipient: list[str] = []
        used: list[Token] = []
        # "il est arrivé": être verbs are active, though parsed as passives
        passive = tok.lemma_.lower() not in ETRE_VERBS and any(
            c.dep_ in ("nsubj:pass", "aux:pass") for c in tok.children)
        people_patient = hit.mode in ("abduct", "release", "arrest")
        objects = [c for c in tok.children
                   if (c.dep_ == "obj" or (c.dep_ == "nsubj:pass" and passive))
                   and c.i not in self._date_tokens]
        if not objects:
            # "ont rencontré jeudi des responsables": the parser hangs the object on the date
            objects = [d for c in tok.children if c.i in self._date_tokens
                       for d in c.children if d.dep_ == "nmod" and d.pos_ in ("NOUN", "PROPN")
                       and d.i not in self._date_tokens]
        for c in tok.children:
            if c.dep_ == "obl:agent" or (c.dep_ in ("nsubj", "nsubj:pass") and not passive):
                actor += self.actors.agent(c)
                used.append(c)
        for c in objects:
            ids = self.actors.people(c) if people_patient else self.actors.resolve(c)
            if not ids and hit.type in ("CONSULT", "REQUEST", "AGREE"):
                ids = self._inner_party(c)
            if not ids and hit.type == "ASSAULT":
                ids = self._place_target(c)
            recipient += ids
            used.append(c)
        if not recipient:
            for c in tok.children:
                if c.dep_.startswith("obl") and c.dep_ != "obl:agent" and \
                        _case(c) in _RECIPIENT_CASES.get(hit.type, ()):
                    recipient += self.actors.resolve(c)
                    used.append(c)
                    if recipient:
                        break
        if tok.dep_.startswith("acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON") \
                and not recipient:
            # a participle modifying its patient: "cinq marins enlevés par des pirates"
            recipient = (self.actors.people(tok.head) if people_patient
                         else self.actors.resolve(tok.head))
            used.append(tok.head)
        if not actor and not any(c.dep_ in ("nsubj", "obl:agent") for c in tok.children) \
                and not tok.dep_.startswith("acl"):
            actor, subj = self._subject(tok)
            if subj is not None:
                used.append(subj)
        if actor:
            self.actors.note_subject(tok, actor)
        return actor, [r for r in recipient if r not in actor], used

    def _inner_party(self, obj: Token) -> list[str]:
        """'négocier la libération de marins retenus par des pirates' → the pirates: the first actor
        named inside a talk's topic."""
        for deps in (("obl:agent",), ("nmod",)):  # who holds them before who is held
            for t in obj.subtree:
                if t.i != obj.i and t.dep_ in deps and t.pos_ in ("PROPN", "NOUN"):
                    ids = self.actors.resolve(t)
                    if ids:
                        return ids
        return []

    def _place_target(self, obj: Token) -> list[str]:
        """A place bombarded or besieged is the recipient ("pilonne Khan Younès")."""
        from .names import is_place_phrase, place_fr

        span = phrase_span(obj)
        # a proper name or a known French place phrase ("la Cisjordanie"), never a common
        # noun that happens to be a town's alternate name somewhere ("un char")
        if obj.pos_ != "PROPN" and not is_place_phrase(span.text):
            return []
        loc = place_fr(span.text)
        if loc is None or loc.precision == "country" or loc.name is None:
            return []
        return [self.actors.table.add(loc.name, "population", country=loc.country,
                                      mention=(span.start_char, span.end_char, span.text))]

    def _noun_args(self, hit: FrHit) -> tuple[list[str], list[str], list[Token]]:
        tok = hit.token
        actor: list[str] = []
        recipient: list[str] = []
        used: list[Token] = []
        patient_noun = hit.mode in _PATIENT_NOUN_MODES
        for c in tok.children:
            case = _case(c)
            if c.dep_ == "det" and c.lower_ in ("son", "sa", "ses", "leur", "leurs"):
                actor += self.actors.resolve_possessive(c)
            elif c.dep_ == "amod":
                from .names import demonym_fr

                iso = demonym_fr(c.text)
                if iso:
                    actor += [self.actors.state(iso)]
            elif c.dep_ == "nmod" and case in ("par",):
                actor += self.actors.resolve(c)
                used.append(c)
            elif c.dep_ == "nmod" and case in ("contre", "sur", "avec", "entre"):
                recipient += self.actors.resolve(c)
                used.append(c)
            elif c.dep_ == "nmod" and case in ("de", "du", "des", "d'", "d’", "de la", "de l'"):
                ids = self.actors.people(c) if patient_noun else self.actors.resolve(c)
                if patient_noun:
                    recipient += ids
                    if not actor:  # release of people held/abducted by X: X releases
                        actor += self._holder(c)
                else:
                    actor += ids
                used.append(c)
        if patient_noun and not recipient:
            # "la libération fin mars de trois marins": a date between the noun and its
            # complement makes the parser attach the complement to the verb
            nxt = self._next_de_phrase(tok)
            if nxt is not None:
                recipient += self.actors.people(nxt)
                used.append(nxt)
                if not actor:
                    actor += self._holder(nxt)
        light = self._light_verb(tok)
        if light is not None and not actor:
            actor, subj = self._subject(light)
            if subj is not None:
                used.append(subj)
            for c in light.children:  # "aux côtés de la Turquie"
                if c.dep_.startswith("obl") and c.lemma_.lower() == "côté":
                    for d in c.children:
                        if d.dep_ == "nmod":
                            actor += [i for i in self.actors.resolve(d) if i not in actor]
        return actor, [r for r in recipient if r not in actor], used

    def _next_de_phrase(self, noun: Token) -> Token | None:
        """The 'de X' phrase right after a noun's own words (at most a date in between)."""
        end = max(t.i for t in noun.subtree if t.i >= noun.i)
        doc = noun.doc
        for t in doc[end + 1:min(end + 6, noun.sent.end)]:
            if t.lower_ in ("de", "d'", "d’", "des", "du") and t.dep_ == "case" \
                    and t.head.pos_ in ("NOUN", "PROPN") and t.head.i > t.i:
                return t.head
            if t.is_punct:
                return None
        return None

    def _holder(self, people: Token) -> list[str]:
        """Who held or abducted these people ("cinq marins enlevés par des pirates")."""
        for c in people.children:
            if c.dep_.startswith("acl"):
                for d in c.children:
                    if d.dep_ == "obl:agent":
                        return self.actors.agent(d)
        return []

    def _mediators(self, hit: FrHit, actor: list[str]) -> list[str]:
        """Who brought about a release: the subject (and 'aux côtés de' partners) of the
        nearest clause above the release that names someone else."""
        if hit.mode != "release" or not hit.nominal:
            return []
        for anc in _ancestors(hit.token):
            if anc.pos_ not in ("VERB", "AUX"):
                continue
            ids, _ = self._subject(anc)
            ids = [i for i in ids if i not in actor]
            if ids:
                for c in anc.children:
                    if c.dep_.startswith("obl") and c.lemma_.lower() == "côté":
                        for d in c.children:
                            if d.dep_ == "nmod":
                                ids += [i for i in self.actors.resolve(d) if i not in ids]
                return ids
        return []

    # ------------------------------------------------------------ setting
    def _date(self, hit: FrHit) -> EventDate:
        tok = hit.token
        sent = tok.sent
        found = nearest_date(sent, tok, self.published, _distance)
        if found is not None:
            return found
        # "Depuis, l'armée pilonne …": since the last date told before
        if any(c.lower_ == "depuis" and c.dep_ in ("advmod", "obl:mod", "case", "mark")
               for c in tok.children) or sent[0].lower_ == "depuis":
            before = [d for s in self.doc.sents if s.end <= sent.start
                      for d in find_dates_fr(s, self.published)]
            if before and before[-1][2].start and self.published is not None:
                start = before[-1][2].start
                return EventDate(start=start, end=max(start, self.published.isoformat()),
                                 precision=DatePrecision.range, text=sent[0].text)
        light = self._light_verb(tok) if hit.nominal else None
        if light is not None:
            found = nearest_date(sent, light, self.published, _distance)
            if found is not None:
                return found
        return publication_date(self.published)

    def _place(self, hit: FrHit, used: list[Token], actor: list[str]):  # type: ignore[no-untyped-def]
        # the event's own actors are not its place ("la Russie frappe …")
        spans = [(m.start, m.end) for a in actor if (act := self.actors.table.get(a))
                 for m in act.mentions]
        skip = {t.i for t in hit.token.sent if any(s <= t.idx < e for s, e in spans)}
        skip |= {t.i for u in used for t in u.subtree if u.dep_ in ("nsubj", "obl:agent")}
        loc = place_of_clause(hit.token.sent, hit.token, _distance, skip)
        if loc is None:
            if not self._main_place_done:
                self._main_place = main_place(self.doc)
                self._main_place_done = True
            loc = self._main_place
        return loc

    def _attribution(self, hit: FrHit) -> list[Attribution]:
        """'selon X' / "d'après X" in the event's sentence."""
        out: list[Attribution] = []
        for t, src in source_heads(hit.token.sent):
            if src is not None:
                ids = self.actors.resolve(src)
                span = phrase_span(src)
                text = self.doc[t.i:span.end].text
                out.append(Attribution(source=ids[0] if ids else None, text=text,
                                       kind=AttributionKind.named if ids else
                                       AttributionKind.anonymous))
        return out

    # ------------------------------------------------------------ ACLED
    def _armed(self, ids: list[str]) -> bool:
        armed = {"MIL", "REB", "COP", "UAF", "SPY"}
        return any((a := self.actors.table.get(i)) is not None and a.sector in armed for i in ids)

    def _acled(self, hit: FrHit, mode: str | None, clause: list[Token], actor: list[str],
               actor_toks: list[Token], recipient_toks: list[Token],
               recipient: list[str]) -> tuple[str | None, AcledView]:
        table = self.actors.table
        return acled_of(hit.token, hit.type, mode, clause, actor_toks, recipient_toks,
                        actor_armed=self._armed(actor), recipient_armed=self._armed(recipient),
                        actor_state=any((a := table.get(i)) is not None and a.sector in
                                        ("MIL", "GOV", "COP") for i in actor))

    def _is_toll_clause(self, hit: FrHit) -> bool:
        """'…, tuant 3 civils' / 'en tuant 2' under another attack: that attack's toll."""
        tok = hit.token
        if hit.nominal or tok.lemma_.lower() not in _KILL_VERBS:
            return False
        gerund = "Part" in tok.morph.get("VerbForm", []) and "Pres" in tok.morph.get("Tense", [])
        if not gerund and not any(c.lower_ == "en" and c.dep_ == "mark" for c in tok.children):
            return False
        return any(a.i in self.by_i and self.by_i[a.i].type == "ASSAULT"
                   for a in _ancestors(tok, 3))

    def _purpose(self, tok: Token) -> bool:
        """'… pour dénoncer l'insécurité', 'afin de détruire des tunnels': an aim, not an
        event (the main clause tells what was done)."""
        return tok.dep_ in ("advcl", "xcomp", "acl", "obl:mod") and any(
            c.dep_ in ("mark", "case") and c.lower_ in ("pour", "afin") for c in tok.children)

    def _consequence(self, hit: FrHit) -> bool:
        """An attack's consequence, not another event: a verb whose subject is an attack
        ("la frappe a tué 2 journalistes", "des frappes ont détruit des maisons"), or a
        killing in the passive with no agent ("62 Palestiniens ont été tués")."""
        if hit.nominal or hit.type != "ASSAULT":
            return False
        tok = hit.token
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subj and tok.dep_ == "conj":
            subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if subj and subj[0].lemma_.lower() in _EVENT_SUBJECTS:
            return True
        passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children)
        return passive and tok.lemma_.lower() in _KILL_VERBS and \
            not any(c.dep_ == "obl:agent" for c in tok.children)

    def build(self) -> list[Event]:
        events: list[Event] = []
        counted: set[int] = set()
        stated = coded_toll(self.doc)
        for hit in self.hits:
            tok = hit.token
            if self._consequence(hit):
                if tok.dep_ == "conj" and tok.head.i in counted:
                    continue  # counted with the verb it is coordinated with
                counted.add(tok.i)
                dead, injured = clause_toll(tok)
                if tok.lemma_.lower() in _KILL_VERBS and any(
                        c.dep_ == "nsubj:pass" for c in tok.children):
                    n = passive_count(tok)
                    dead, injured = (n, None) if tok.lemma_.lower() != "blesser" else (None, n)
                prior = next((e for e in reversed(events) if e.type == "ASSAULT"), None)
                if prior is not None:
                    if dead is not None:
                        prior.dead = (prior.dead or 0) + dead
                    if injured is not None:
                        prior.injured = (prior.injured or 0) + injured
                    continue
            tok = hit.token
            if hit.nominal:
                if any(c.dep_ == "det" and c.lower_ in _DEMONSTRATIVE for c in tok.children):
                    continue
                if self._in_frame(tok) or self._is_topic(hit):
                    continue
            elif self._is_toll_clause(hit) or self._purpose(tok):
                continue
            if hit.nominal:
                actor, recipient, used = self._noun_args(hit)
                if not actor and not recipient and self._light_verb(tok) is None:
                    continue
            else:
                actor, recipient, used = self._verb_args(hit)
            status = event_status(self._light_verb(tok) or tok if hit.nominal else tok,
                                  nominal=hit.nominal and self._light_verb(tok) is None)
            if hit.nominal and status.value == "occurred":
                status = event_status(tok, nominal=True)
            clause = [t for t in tok.subtree] if not hit.nominal else list(tok.subtree)
            actor_toks = [t for u in used if u.dep_ in ("nsubj", "obl:agent") for t in u.subtree]
            recipient_toks = [t for u in used if u.dep_ not in ("nsubj", "obl:agent")
                              for t in u.subtree]
            mode, view = self._acled(hit, hit.mode, clause + actor_toks, actor, actor_toks,
                                     recipient_toks, recipient)
            dead, injured = clause_toll(tok)
            sent = tok.sent
            events.append(Event(
                id="", type=EventType(hit.type), mode=mode, context=contexts(hit.type),
                actor=dedupe(actor), recipient=dedupe(recipient),
                mediator=self._mediators(hit, actor),
                date=self._date(hit), location=self._place(hit, used, actor), status=status,
                attribution=self._attribution(hit), dead=dead, injured=injured,
                acled=view, evidence=[Span(start=sent.start_char, end=sent.end_char)],
                confidence=0.7 if actor else 0.5))
        events = merge_mentions(events)
        if stated is not None and events:
            main = next((e for e in events if e.type == "ASSAULT"), events[0])
            for e in events:  # the coded figure overrides every count of the clauses
                e.dead = None
            main.dead = stated
        label = note_label(self.doc)
        if label is not None and events:
            events[0].acled = label
        coded = coded_place(self.doc)
        if coded is not None and events:
            events[0].location = coded
        for e in events:
            e.id = self.next_id("e")
        return events


__all__ = ["FrenchEvents"]
